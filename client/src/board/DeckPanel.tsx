import { MAX_BLANK_CARDS, MAX_LABEL, type Scenario } from '@samenspel/game-core';
import { useId, useState, type FormEvent } from 'react';
import { usingKeyboard } from '../lib/inputMode';
import { useT } from '../i18n/useT';
import { appStore, pieceKey, useApp, type Selection } from '../store';
import { startPoint } from './Board';
import { cardDef } from './cards';
import { useDeckDrag } from './deckDrag';

/**
 * The stack of support cards not yet on the wheel, and a blank card to write. Choosing one
 * selects it; the next tap on the wheel puts it there (or arrows and Enter, from the keyboard).
 */
export function DeckPanel({ tableId, scenario }: { tableId: string; scenario: Scenario }) {
  const t = useT();
  const deck = useApp((s) => s.game?.tables[tableId]?.deck ?? null);
  const pending = useApp((s) => s.pending);
  const selection = useApp((s) => s.selection);
  // The facilitator sees every card anyway; only a player needs telling who will see theirs.
  const privateRound = useApp((s) => s.viewer?.kind === 'seat' && (s.game?.tables[tableId]?.private ?? false));
  // The server refuses a blank card beyond the table's cap; say so before anyone writes one.
  const blanks = useApp((s) => Object.values(s.game?.tables[tableId]?.cards ?? {}).filter((c) => c.defId === null).length);
  const full = blanks >= MAX_BLANK_CARDS;
  const [blank, setBlank] = useState('');
  const headingId = useId();
  const blankId = useId();
  const hintId = useId();
  if (!deck) return null;

  // A card on its way to the board is no longer offered.
  const offered = deck.filter((id) => !pending[pieceKey(tableId, 'card', id)]);

  const choose = (sel: Selection, label: string, byKeyboard: boolean) => {
    const s = appStore.getState();
    const same = JSON.stringify(s.selection) === JSON.stringify(sel);
    if (same && !byKeyboard) {
      s.select(null);
      return;
    }
    if (byKeyboard) {
      // Keyboard users carry the card to the wheel with the arrow keys.
      s.select(sel, startPoint(sel, tableId, scenario));
      s.announce(t('announce.picked', { name: label }), 'hint');
      document.querySelector<SVGSVGElement>('[data-testid="board"]')?.focus();
    } else {
      s.select(sel);
      s.announce(t('select.deck', { label }), 'hint');
    }
  };

  const onBlank = (e: FormEvent) => {
    e.preventDefault();
    const label = blank.trim();
    if (!label) return;
    choose({ kind: 'blank', label }, label, usingKeyboard());
    setBlank('');
  };

  return (
    <section className="deck" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('deck.title')}</h2>
      {privateRound && (
        <p className="deck-private" data-testid="private-round-note">
          <strong>{t('player.deck.privateTitle')}</strong> {t('player.deck.private')}
        </p>
      )}
      {offered.length === 0 ? (
        <p className="muted">{t('deck.empty')}</p>
      ) : (
        <>
          <p className="muted">{t('deck.intro')}</p>
          <ul className="deck-list">
            {offered.map((id) => {
              const def = cardDef(scenario, id);
              const label = def?.label ?? id;
              const chosen = selection?.kind === 'deck' && selection.defId === id;
              return (
                <DeckCard
                  key={id}
                  tableId={tableId}
                  id={id}
                  label={label}
                  wheel={def?.short ?? label}
                  law={def?.law}
                  chosen={chosen}
                  onChoose={() => choose({ kind: 'deck', defId: id }, label, usingKeyboard())}
                />
              );
            })}
          </ul>
        </>
      )}
      <form className="blank-card" onSubmit={onBlank}>
        <label htmlFor={blankId}>{t('deck.blankTitle')}</label>
        <p id={hintId} className="hint">
          {full ? t('deck.blankFull', { n: MAX_BLANK_CARDS }) : t('deck.blankHint')}
        </p>
        <div className="inline-form">
          <input
            id={blankId}
            data-testid="blank-input"
            value={blank}
            maxLength={MAX_LABEL}
            disabled={full}
            aria-describedby={hintId}
            autoComplete="off"
            onChange={(e) => setBlank(e.target.value)}
          />
          <button type="submit" className="button-secondary" disabled={full || !blank.trim()} data-testid="blank-submit">
            {t('deck.blankPlace')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** One card of the deck: a tap chooses it, a drag sideways carries it onto the wheel. */
function DeckCard(props: {
  tableId: string;
  id: string;
  label: string;
  wheel: string;
  law: string | undefined;
  chosen: boolean;
  onChoose: () => void;
}) {
  const drag = useDeckDrag(props.tableId, props.id, props.wheel);
  return (
    <li>
      <button
        type="button"
        className={`deck-card${props.chosen ? ' is-selected' : ''}`}
        data-testid={`deck-${props.id}`}
        aria-pressed={props.chosen}
        onClick={props.onChoose}
        {...drag}
      >
        <span className="deck-card-label">{props.label}</span>
        {props.law && <span className="deck-card-law">{props.law}</span>}
      </button>
    </li>
  );
}
