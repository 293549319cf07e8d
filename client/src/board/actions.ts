import { isOnMat, locate, round, type ActionPayloads, type Point } from '@samenspel/game-core';
import { translate, type MessageKey, type Vars } from '../i18n';
import { newActionId } from '../lib/ids';
import { errorText, session, type ActionResult } from '../net';
import { appStore, pieceKey, type PieceKey, type Selection } from '../store';
import { describePlace } from './view';

/*
 * What a person can do on the board, in one place for tap, drag and keyboard alike: check
 * locally (so an obvious mistake gets an instant answer), show the change at once, send it,
 * and on refusal put the piece back and say why.
 */

const say = (key: MessageKey, vars?: Vars, tone: 'info' | 'error' = 'info') => {
  const s = appStore.getState();
  s.announce(translate(s.lang, key, vars), tone);
};

const tr = (key: MessageKey, vars?: Vars) => translate(appStore.getState().lang, key, vars);

const at = (p: Point): Point => ({ x: round(p.x), y: round(p.y) });

function placeName(p: Point): string {
  const game = appStore.getState().game;
  return game ? describePlace(p, game.scenario, tr) : '';
}

function report(result: ActionResult): boolean {
  if (result.ok) return true;
  const s = appStore.getState();
  s.announce(errorText(s.lang, result.code), 'error');
  return false;
}

function insideRings(p: Point): boolean {
  const game = appStore.getState().game;
  return !!game && locate(p, game.scenario.board.sectors.length).kind === 'ring';
}

/**
 * Sends a move and shows the piece at its new spot until the server answers. The pending entry
 * carries the action id, so the matching broadcast (or a refusal) ends it.
 */
async function sendMove<K extends 'card:move' | 'token:move'>(key: PieceKey, type: K, payload: ActionPayloads[K], point: Point) {
  const client = session();
  if (!client) return false;
  const actionId = newActionId();
  appStore.getState().setPending(key, { x: point.x, y: point.y, actionId: actionId, acked: false });
  const result = await client.send(type, payload, actionId);
  const s = appStore.getState();
  if (!result.ok) {
    s.settlePending(key, actionId, 'drop');
    return report(result);
  }
  // The broadcast of this move may already be in; otherwise it ends the pending entry when it comes.
  s.settlePending(key, actionId, s.version >= result.version ? 'drop' : 'acked');
  return true;
}

export async function moveCard(tableId: string, cardId: string, to: Point): Promise<boolean> {
  const table = appStore.getState().game?.tables[tableId];
  const card = table?.cards[cardId];
  if (!card) return false;
  const point = at(to);
  if (!insideRings(point)) {
    say('select.notRing', undefined, 'error');
    return false;
  }
  const ok = await sendMove(pieceKey(tableId, 'card', cardId), 'card:move', { tableId, cardId, x: point.x, y: point.y, rev: card.rev }, point);
  if (ok) say('announce.placed', { label: card.label, place: placeName(point) });
  return ok;
}

export async function moveToken(tableId: string, roleId: string, to: Point): Promise<boolean> {
  const game = appStore.getState().game;
  const token = game?.tables[tableId]?.tokens[roleId];
  if (!game || !token) return false;
  const point = at(to);
  if (!isOnMat(point)) {
    say('select.notMat', undefined, 'error');
    return false;
  }
  const ok = await sendMove(pieceKey(tableId, 'token', roleId), 'token:move', { tableId, roleId, x: point.x, y: point.y, rev: token.rev }, point);
  const role = game.scenario.roles.find((r) => r.id === roleId);
  if (ok) say('announce.tokenMoved', { role: role?.name ?? roleId });
  return ok;
}

export async function placeCard(tableId: string, what: { defId: string } | { label: string }, to: Point): Promise<boolean> {
  const client = session();
  const game = appStore.getState().game;
  if (!client || !game) return false;
  const point = at(to);
  if (!insideRings(point)) {
    say('select.notRing', undefined, 'error');
    return false;
  }
  const label = 'defId' in what ? (game.scenario.cards.find((c) => c.id === what.defId)?.label ?? what.defId) : what.label;
  // A deck card shows at its spot straight away; its id is known, so the broadcast can replace it.
  const key = 'defId' in what ? pieceKey(tableId, 'card', what.defId) : null;
  const actionId = newActionId();
  if (key) appStore.getState().setPending(key, { x: point.x, y: point.y, actionId: actionId, acked: false });
  const result = await client.send('card:place', { tableId, ...what, x: point.x, y: point.y }, actionId);
  if (key) {
    const s = appStore.getState();
    s.settlePending(key, actionId, !result.ok || s.version >= result.version ? 'drop' : 'acked');
  }
  if (!report(result)) return false;
  say('announce.placed', { label, place: placeName(point) });
  return true;
}

export async function removeCard(tableId: string, cardId: string): Promise<boolean> {
  const client = session();
  const card = appStore.getState().game?.tables[tableId]?.cards[cardId];
  if (!client || !card) return false;
  const result = await client.send('card:remove', { tableId, cardId });
  if (!report(result)) return false;
  say('announce.removed', { label: card.label });
  return true;
}

/**
 * The facilitator erases what a player wrote on a card (a real name that slipped in); the
 * server erases it from the log and the disk too, so the panel asks first.
 */
export async function redactCard(tableId: string, cardId: string): Promise<boolean> {
  const client = session();
  const card = appStore.getState().game?.tables[tableId]?.cards[cardId];
  if (!client || !card) return false;
  const result = await client.send('card:redact', { tableId, cardId });
  if (!report(result)) return false;
  say('host.card.redacted');
  return true;
}

/** Puts the current selection down at a point, whatever it is. */
export async function dropSelection(tableId: string, selection: Selection, to: Point): Promise<boolean> {
  appStore.getState().select(null);
  switch (selection.kind) {
    case 'deck':
      return placeCard(tableId, { defId: selection.defId }, to);
    case 'blank':
      return placeCard(tableId, { label: selection.label }, to);
    case 'card':
      return moveCard(tableId, selection.id, to);
    case 'token':
      return moveToken(tableId, selection.id, to);
  }
}

/** Draws a "works together with" line between two cards. */
export async function addLink(tableId: string, from: string, to: string): Promise<boolean> {
  const client = session();
  const cards = appStore.getState().game?.tables[tableId]?.cards;
  const a = cards?.[from];
  const b = cards?.[to];
  if (!client || !a || !b) return false;
  const result = await client.send('link:add', { tableId, from, to });
  if (!report(result)) return false;
  say('player.link.added', { a: a.label, b: b.label });
  return true;
}

export async function removeLink(tableId: string, linkId: string): Promise<boolean> {
  const client = session();
  if (!client) return false;
  const result = await client.send('link:remove', { tableId, linkId });
  if (!report(result)) return false;
  say('player.link.removed');
  return true;
}

/** Writes, changes or (empty) clears the note on a card. */
/** The facilitator puts a card on hold (`paused`) or lets it work again. */
export async function pauseCard(tableId: string, cardId: string, paused: boolean): Promise<boolean> {
  const client = session();
  const card = appStore.getState().game?.tables[tableId]?.cards[cardId];
  if (!client || !card) return false;
  const result = await client.send('card:pause', { tableId, cardId, paused });
  if (!report(result)) return false;
  say(paused ? 'card.pausedDone' : 'card.resumedDone', { label: card.label });
  return true;
}

export async function saveNote(tableId: string, cardId: string, note: string): Promise<boolean> {
  const client = session();
  const card = appStore.getState().game?.tables[tableId]?.cards[cardId];
  if (!client || !card) return false;
  const result = await client.send('card:note', { tableId, cardId, note: note.trim() });
  if (!report(result)) return false;
  say(note.trim() ? 'player.note.saved' : 'player.note.cleared', { label: card.label });
  return true;
}
