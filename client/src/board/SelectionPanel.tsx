import type { CardOnBoard, Scenario } from '@samenspel/game-core';
import { useT } from '../i18n/useT';
import { appStore, useApp } from '../store';
import { removeCard } from './actions';
import { selectionLabel } from './Board';
import { cardDef } from './cards';
import { cellIds, supportLabel } from './view';

/**
 * What is picked up and what to do next, in words; for a card also what it means where it lies
 * (support type and life domain follow from its place on the wheel).
 */
export function SelectionPanel({ tableId, scenario }: { tableId: string; scenario: Scenario }) {
  const t = useT();
  const selection = useApp((s) => s.selection);
  const byKeyboard = useApp((s) => s.cursor !== null);
  const table = useApp((s) => s.game?.tables[tableId] ?? null);
  if (!selection || !table) return null;

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
      </div>
    </section>
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
    </dl>
  );
}
