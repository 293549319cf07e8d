import {
  cardPlaceOf,
  diffTables,
  promptText,
  type Actor,
  type CardOnBoard,
  type CommittedAction,
  type RoleTextField,
  type SessionState,
  type TableDiff,
  type TableState,
} from '@samenspel/game-core';
import type { Translate } from '../../i18n';
import { describePlace, supportLabel } from '../../board/view';

/*
 * The log in the words of the game, for the timeline and the before/after comparison:
 * "Anouk (Mentor) legde 'Bijbaan' in Eigen kracht · Werk" rather than a list of coordinates.
 */

/** Who did something, as people at the table know them: "Anouk (Mentor)", "De begeleider". */
export function actorName(state: SessionState, actor: Actor, t: Translate): string {
  if (actor.kind === 'host') return t('workshop.who.host');
  if (actor.kind === 'system') return t('workshop.who.system');
  if (actor.kind === 'guest') return t('workshop.who.guest');
  const seat = state.seats[actor.seatId];
  if (!seat) return t('workshop.who.gone');
  return t('workshop.who.seat', { name: seat.name, role: roleName(state, seat.roleId) });
}

function roleName(state: SessionState, roleId: string): string {
  return state.scenario.roles.find((r) => r.id === roleId)?.name ?? roleId;
}

/** "Eigen kracht · Werk": a card's ring and life domain. */
export function cardPlace(state: SessionState, card: CardOnBoard, t: Translate): string {
  const place = cardPlaceOf(state, card);
  if (!place) return describePlace(card, state.scenario, t);
  const sector = state.scenario.board.sectors.find((s) => s.id === place.sectorId)?.label ?? place.sectorId;
  return t('workshop.place', { ring: supportLabel(state.scenario, place.supportType, t), sector });
}

function cardLabel(table: TableState | undefined, cardId: string): string {
  return table?.cards[cardId]?.label ?? cardId;
}

/** One action at one table, in a sentence. */
export function describeAction(before: SessionState, after: SessionState, action: CommittedAction, tableId: string, t: Translate): string {
  const who = actorName(before, action.actor, t);
  const was = before.tables[tableId];
  const now = after.tables[tableId];
  switch (action.type) {
    case 'seat:claim': {
      const p = action.payload as CommittedAction<'seat:claim'>['payload'];
      return t('workshop.act.seatClaim', { name: p.name, role: roleName(after, p.roleId) });
    }
    case 'seat:release': {
      const seat = before.seats[(action.payload as CommittedAction<'seat:release'>['payload']).seatId];
      return t('workshop.act.seatRelease', { who, name: seat?.name ?? '', role: seat ? roleName(before, seat.roleId) : '' });
    }
    case 'seat:reassign': {
      const p = action.payload as CommittedAction<'seat:reassign'>['payload'];
      return t('workshop.act.seatReassign', { who, name: before.seats[p.seatId]?.name ?? '', role: roleName(after, p.roleId) });
    }
    case 'card:place': {
      const added = now ? Object.values(now.cards).find((c) => !was?.cards[c.id]) : undefined;
      if (!added) return t('workshop.act.other', { who });
      return t('workshop.act.cardPlace', { who, label: added.label, place: cardPlace(after, added, t) });
    }
    case 'card:move': {
      const card = now?.cards[(action.payload as CommittedAction<'card:move'>['payload']).cardId];
      if (!card) return t('workshop.act.other', { who });
      return t('workshop.act.cardMove', { who, label: card.label, place: cardPlace(after, card, t) });
    }
    case 'card:remove':
      return t('workshop.act.cardRemove', { who, label: cardLabel(was, (action.payload as CommittedAction<'card:remove'>['payload']).cardId) });
    case 'token:move': {
      const p = action.payload as CommittedAction<'token:move'>['payload'];
      const place = describePlace(p, after.scenario, t);
      const own = action.actor.kind === 'seat' && before.seats[action.actor.seatId]?.roleId === p.roleId;
      return own ? t('workshop.act.tokenOwn', { who, place }) : t('workshop.act.token', { who, role: roleName(after, p.roleId), place });
    }
    case 'card:note': {
      const p = action.payload as CommittedAction<'card:note'>['payload'];
      const label = cardLabel(now, p.cardId);
      return p.note ? t('workshop.act.note', { who, label, note: p.note }) : t('workshop.act.noteCleared', { who, label });
    }
    case 'card:pause': {
      const p = action.payload as CommittedAction<'card:pause'>['payload'];
      return t(p.paused ? 'workshop.act.cardPause' : 'workshop.act.cardResume', { who, label: cardLabel(now, p.cardId) });
    }
    case 'link:add': {
      const p = action.payload as CommittedAction<'link:add'>['payload'];
      return t('workshop.act.linkAdd', { who, from: cardLabel(now, p.from), to: cardLabel(now, p.to) });
    }
    case 'link:remove': {
      const link = was?.links.find((l) => l.id === (action.payload as CommittedAction<'link:remove'>['payload']).linkId);
      return t('workshop.act.linkRemove', { who, from: link ? cardLabel(was, link.from) : '', to: link ? cardLabel(was, link.to) : '' });
    }
    case 'table:add':
      return t('workshop.act.tableAdd', { who, name: now?.name ?? '' });
    case 'step:set':
      return t('workshop.act.step', { step: t(`step.${now?.step ?? 'kennismaken'}`) });
    case 'step:summon':
      return t('workshop.act.summon', { who });
    case 'event:fire': {
      const id = (action.payload as CommittedAction<'event:fire'>['payload']).eventId;
      return t('workshop.act.event', { title: after.scenario.events.find((e) => e.id === id)?.title ?? id });
    }
    case 'timer:start':
      return now?.timer.elapsedMs ? t('workshop.act.timerResume') : t('workshop.act.timerStart', { n: Math.round((now?.timer.durationMs ?? 0) / 60_000) });
    case 'timer:pause':
      return t('workshop.act.timerPause');
    case 'timer:extend':
      return t('workshop.act.timerExtend', { n: Math.round((action.payload as CommittedAction<'timer:extend'>['payload']).ms / 60_000) });
    case 'timer:reset':
      return t('workshop.act.timerReset');
    case 'board:lock':
      return now?.locked ? t('workshop.act.lock') : t('workshop.act.unlock');
    case 'interview:reveal':
      return t('workshop.act.interview', { n: now?.interviewRevealed ?? 0 });
    case 'prompt:show': {
      const text = now?.prompt ? promptText(after, now.prompt) : undefined;
      return text ? t('workshop.act.prompt', { text }) : t('workshop.act.promptCleared');
    }
    case 'situation:reveal': {
      const shown = now ? Object.values(now.cards).filter((c) => !c.staged && was?.cards[c.id]?.staged) : [];
      return t('workshop.act.situation', { labels: shown.map((c) => `‘${c.label}’`).join(', ') });
    }
    case 'privacy:set':
      return now?.private ? t('workshop.act.privateOn') : t('workshop.act.privateOff');
    case 'cards:reveal':
      return t('workshop.act.cardsReveal');
    case 'insight:add': {
      const added = after.insights.at(-1);
      return t('workshop.act.insightAdd', { who, text: added?.text ?? '' });
    }
    case 'insight:set': {
      const p = action.payload as CommittedAction<'insight:set'>['payload'];
      const text = after.insights.find((i) => i.id === p.insightId)?.text ?? '';
      if (p.hidden !== undefined) return p.hidden ? t('workshop.act.insightHidden', { who, text }) : t('workshop.act.insightShown', { who, text });
      return p.revealed ? t('workshop.act.insightRevealed', { who, text }) : t('workshop.act.insightUnrevealed', { who, text });
    }
    case 'insight:remove': {
      const id = (action.payload as CommittedAction<'insight:remove'>['payload']).insightId;
      return t('workshop.act.insightRemove', { who, text: before.insights.find((i) => i.id === id)?.text ?? '' });
    }
    case 'insights:reveal':
      return t('workshop.act.insightsReveal', { who });
    default:
      return t('workshop.act.other', { who });
  }
}

const ROLE_FIELD_KEYS = { organisation: 'role.organisation', law: 'role.law', mandate: 'role.mandate', mayNot: 'role.mayNot' } as const satisfies Record<RoleTextField, string>;

export interface ChangeLine {
  kind: 'ended' | 'moved' | 'added' | 'paused' | 'resumed' | 'role' | 'linked' | 'unlinked';
  /** The card the line is about, or the link for a line between cards. */
  id: string;
  text: string;
}

/**
 * What changed between two moments of a table, in words, with the scenario's reason where an
 * event ended or moved a card ("stopt: OTS, want de OTS eindigt op de 18e verjaardag").
 */
export function describeChanges(state: SessionState, before: TableState, after: TableState, t: Translate, eventId?: string): { diff: TableDiff; lines: ChangeLine[] } {
  const diff = diffTables(state, before, after);
  const event = eventId ? state.scenario.events.find((e) => e.id === eventId) : undefined;
  const lines: ChangeLine[] = [];
  for (const card of diff.removed) {
    const ended = after.ended.find((e) => e.card.id === card.id && (!eventId || e.eventId === eventId));
    const text = ended?.reason ? t('workshop.change.endedWhy', { label: card.label, reason: ended.reason }) : t('workshop.change.ended', { label: card.label });
    lines.push({ kind: 'ended', id: card.id, text });
  }
  for (const id of diff.moved) {
    const card = after.cards[id];
    if (!card) continue;
    const reason = event?.effects.find((f) => f.kind === 'move' && f.card === id)?.reason;
    const place = cardPlace(state, card, t);
    lines.push({ kind: 'moved', id, text: reason ? t('workshop.change.movedWhy', { label: card.label, place, reason }) : t('workshop.change.moved', { label: card.label, place }) });
  }
  for (const id of diff.added) {
    const card = after.cards[id];
    if (card) lines.push({ kind: 'added', id, text: t('workshop.change.added', { label: card.label, place: cardPlace(state, card, t) }) });
  }
  // A pause or resume keeps the card in place; the event's reason says why it stopped or came back.
  for (const [kind, ids] of [['paused', diff.paused], ['resumed', diff.resumed]] as const) {
    for (const id of ids) {
      const card = after.cards[id];
      if (!card) continue;
      const reason = event?.effects.find((f) => f.kind === (kind === 'paused' ? 'pause' : 'resume') && f.card === id)?.reason;
      const key = kind === 'paused' ? (reason ? 'workshop.change.pausedWhy' : 'workshop.change.paused') : reason ? 'workshop.change.resumedWhy' : 'workshop.change.resumed';
      lines.push({ kind, id, text: t(key, { label: card.label, reason: reason ?? '' }) });
    }
  }
  for (const change of diff.roles) {
    const role = state.scenario.roles.find((r) => r.id === change.roleId)?.name ?? change.roleId;
    const parts = Object.entries(change.after).map(([field, text]) => `${t(ROLE_FIELD_KEYS[field as RoleTextField])}: ${text}`);
    const text = t('workshop.change.role', { role, changes: parts.join('; ') });
    lines.push({ kind: 'role', id: `${change.roleId}-${change.version}`, text: change.reason ? `${text}. ${change.reason}` : text });
  }
  for (const id of diff.linksAdded) {
    const link = after.links.find((l) => l.id === id);
    if (link) lines.push({ kind: 'linked', id, text: t('workshop.change.linked', { from: cardLabel(after, link.from), to: cardLabel(after, link.to) }) });
  }
  for (const id of diff.linksRemoved) {
    const link = before.links.find((l) => l.id === id);
    if (link) lines.push({ kind: 'unlinked', id, text: t('workshop.change.unlinked', { from: cardLabel(before, link.from), to: cardLabel(before, link.to) }) });
  }
  return { diff, lines };
}
