import { MAX_NOTE, type CardOnBoard, type Scenario, type TableState } from '@samenspel/game-core';
import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { useT } from '../i18n/useT';
import { appStore, useApp } from '../store';
import { pauseCard, removeCard, removeLink, saveNote } from './actions';
import { selectionLabel } from './Board';
import { cardDef } from './cards';
import { linkingStore, useLinking } from './linking';
import { cellIds, supportLabel } from './view';

/**
 * What is picked up and what to do next, in words; for a card also what it means where it lies
 * (support type and life domain follow from its place on the wheel), its note and its lines.
 */
export function SelectionPanel({
  tableId,
  scenario,
  cardTools,
}: {
  tableId: string;
  scenario: Scenario;
  /** More buttons for a chosen card, from the page that shows the panel (the facilitator's). */
  cardTools?: (card: CardOnBoard) => ReactNode;
}) {
  const t = useT();
  const selection = useApp((s) => s.selection);
  const byKeyboard = useApp((s) => s.cursor !== null);
  const table = useApp((s) => s.game?.tables[tableId] ?? null);
  const connectFrom = useLinking((s) => s.connectFrom);
  const linkId = useLinking((s) => s.linkId);
  if (!table) return null;
  if (connectFrom) return <ConnectPanel table={table} fromId={connectFrom} />;
  if (linkId) return <LinkPanel table={table} linkId={linkId} />;
  if (!selection) return null;

  const label = selectionLabel(selection, scenario, table);
  const instruction =
    selection.kind === 'token'
      ? t('select.token', { role: label })
      : selection.kind === 'card'
        ? t('select.card', { label })
        : t('select.deck', { label });
  const card = selection.kind === 'card' ? table.cards[selection.id] : undefined;

  return (
    <section className="selection-panel" aria-label={t('card.details')} data-testid="selection-panel">
      <p className="selection-instruction">{byKeyboard ? t('select.keyboard') : instruction}</p>
      {card && <CardFacts card={card} scenario={scenario} />}
      <div className="button-row">
        <button type="button" className="button-secondary" onClick={() => appStore.getState().select(null)} data-testid="selection-cancel">
          {t('select.cancel')}
        </button>
        {card && (
          <button
            type="button"
            className="button-secondary"
            data-testid="connect-button"
            onClick={() => {
              appStore.getState().select(null);
              linkingStore.getState().startConnect(card.id);
              appStore.getState().announce(t('player.link.pick', { label: card.label }), 'hint');
            }}
          >
            {t('player.link.connect')}
          </button>
        )}
        {card && (
          <button
            type="button"
            className="button-danger"
            data-testid="selection-remove"
            onClick={() => {
              appStore.getState().select(null);
              void removeCard(tableId, card.id);
            }}
          >
            {t('card.remove')}
          </button>
        )}
        {card && cardTools?.(card)}
      </div>
      {card && <PauseControl tableId={tableId} card={card} />}
      {card && <NoteField key={card.id} tableId={tableId} card={card} />}
      {card && <CardLinks table={table} card={card} />}
    </section>
  );
}

/** The facilitator puts a card on hold or lets it work again, when the story runs ahead of the events. */
function PauseControl({ tableId, card }: { tableId: string; card: CardOnBoard }) {
  const t = useT();
  const isHost = useApp((s) => s.viewer?.kind === 'host');
  if (!isHost) return null;
  return (
    <div className="button-row">
      <button type="button" className="button-secondary" data-testid="selection-pause" onClick={() => void pauseCard(tableId, card.id, !card.paused)}>
        {t(card.paused ? 'card.resume' : 'card.pause')}
      </button>
    </div>
  );
}

/** Drawing a line: which card it starts from and how to finish or stop. */
function ConnectPanel({ table, fromId }: { table: TableState; fromId: string }) {
  const t = useT();
  const from = table.cards[fromId];
  return (
    <section className="selection-panel" aria-label={t('player.link.title')} data-testid="connect-panel">
      <p className="selection-instruction">{t('player.link.pick', { label: from?.label ?? '' })}</p>
      <div className="button-row">
        <button type="button" className="button-secondary" data-testid="connect-cancel" onClick={() => linkingStore.getState().reset()}>
          {t('select.cancel')}
        </button>
      </div>
    </section>
  );
}

/** A line someone tapped: between which cards, and a way to take it off. */
function LinkPanel({ table, linkId }: { table: TableState; linkId: string }) {
  const t = useT();
  const link = table.links.find((l) => l.id === linkId);
  // The line was removed meanwhile (by someone else, or an event ended a card).
  useEffect(() => {
    if (!link) linkingStore.getState().chooseLink(null);
  }, [link]);
  if (!link) return null;
  const a = table.cards[link.from]?.label ?? '';
  const b = table.cards[link.to]?.label ?? '';
  return (
    <section className="selection-panel" aria-label={t('player.link.title')} data-testid="line-panel">
      <p className="selection-instruction">{t('player.link.label', { a, b })}</p>
      <div className="button-row">
        <button type="button" className="button-secondary" onClick={() => linkingStore.getState().chooseLink(null)}>
          {t('select.cancel')}
        </button>
        <button
          type="button"
          className="button-danger"
          data-testid="line-remove"
          onClick={() => {
            linkingStore.getState().chooseLink(null);
            void removeLink(table.id, link.id);
          }}
        >
          {t('player.link.remove')}
        </button>
      </div>
    </section>
  );
}

/** The lines from the chosen card, each with its own remove button. */
function CardLinks({ table, card }: { table: TableState; card: CardOnBoard }) {
  const t = useT();
  const links = table.links.filter((l) => l.from === card.id || l.to === card.id);
  if (links.length === 0) return null;
  return (
    <div className="card-links">
      <h3 className="card-links-title">{t('player.link.list')}</h3>
      <ul>
        {links.map((l) => {
          const other = table.cards[l.from === card.id ? l.to : l.from];
          return (
            <li key={l.id}>
              <span>{other?.label ?? ''}</span>
              <button
                type="button"
                className="button-link"
                data-testid={`unlink-${l.id}`}
                aria-label={t('player.link.removeNamed', { a: card.label, b: other?.label ?? '' })}
                onClick={() => void removeLink(table.id, l.id)}
              >
                {t('player.link.remove')}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** A short note on the card ("alleen op dinsdag"), saved for the whole table. */
function NoteField({ tableId, card }: { tableId: string; card: CardOnBoard }) {
  const t = useT();
  const id = useId();
  const counterId = useId();
  const [draft, setDraft] = useState(card.note);
  const [saving, setSaving] = useState(false);
  // Someone else changed the note while this panel was open: show theirs.
  useEffect(() => setDraft(card.note), [card.note]);
  const changed = draft.trim() !== card.note;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!changed) return;
    setSaving(true);
    await saveNote(tableId, card.id, draft);
    setSaving(false);
  };
  return (
    <form className="note-field" onSubmit={(e) => void submit(e)}>
      <label htmlFor={id}>{t('player.note.label')}</label>
      <textarea
        id={id}
        value={draft}
        maxLength={MAX_NOTE}
        rows={2}
        onChange={(e) => setDraft(e.target.value)}
        placeholder={t('player.note.placeholder')}
        aria-describedby={counterId}
        data-testid="note-input"
      />
      <div className="note-row">
        <span id={counterId} className="hint counter">
          {t('player.counter', { n: draft.length, max: MAX_NOTE })}
        </span>
        <button type="submit" className="button-secondary" disabled={!changed || saving} data-testid="note-save">
          {t('player.note.save')}
        </button>
      </div>
    </form>
  );
}

function CardFacts({ card, scenario }: { card: CardOnBoard; scenario: Scenario }) {
  const t = useT();
  const { ring, sector } = cellIds(card, scenario);
  const role = card.roleId ? scenario.roles.find((r) => r.id === card.roleId) : undefined;
  const note = card.defId ? cardDef(scenario, card.defId)?.note : undefined;
  return (
    <dl className="card-facts">
      <div>
        <dt>{t('card.supportType')}</dt>
        <dd data-testid="selection-ring">{ring ? supportLabel(scenario, ring, t) : t('announce.mat')}</dd>
      </div>
      <div>
        <dt>{t('card.domain')}</dt>
        <dd data-testid="selection-sector">{scenario.board.sectors.find((s) => s.id === sector)?.label ?? t('card.none')}</dd>
      </div>
      <div>
        <dt>{t('card.role')}</dt>
        <dd>{role?.name ?? (card.defId === null ? t('card.own') : t('card.none'))}</dd>
      </div>
      <div>
        <dt>{t('card.law')}</dt>
        <dd>{card.law ?? t('card.none')}</dd>
      </div>
      {note && (
        <div>
          <dt>{t('card.note')}</dt>
          <dd>{note}</dd>
        </div>
      )}
      {card.paused && (
        <div data-testid="selection-paused">
          <dt>{t('card.paused')}</dt>
          <dd>{card.paused.reason ?? (card.paused.eventId ? (scenario.events.find((e) => e.id === card.paused?.eventId)?.title ?? '') : t('card.pausedByHost'))}</dd>
        </div>
      )}
      {card.hidden && (
        <div>
          <dt>{t('player.card.privateTitle')}</dt>
          <dd>{t('player.card.private')}</dd>
        </div>
      )}
    </dl>
  );
}
