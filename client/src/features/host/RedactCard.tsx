import { ERASED_TEXT, type CardOnBoard } from '@samenspel/game-core';
import { redactCard } from '../../board/actions';
import { useT } from '../../i18n/useT';
import { useConfirm } from '../../ui/Confirm';

/** Whether a card carries words a player wrote: a blank card's label, or a note. */
function hasWords(card: CardOnBoard): boolean {
  return (card.defId === null && card.label !== ERASED_TEXT) || card.note !== '';
}

/**
 * The facilitator erases what a player wrote on a card (a real client's name that slipped in),
 * after asking: the server erases it from the log and the disk too, so it cannot be undone.
 */
export function RedactCard({ tableId, card }: { tableId: string; card: CardOnBoard }) {
  const t = useT();
  const { ask, dialog } = useConfirm();
  if (!hasWords(card)) return null;
  const erase = async () => {
    const sure = await ask({ title: t('confirm.redact.title'), body: t('confirm.redact.body', { label: card.label }), confirm: t('confirm.redact.ok'), danger: true });
    if (sure) await redactCard(tableId, card.id);
  };
  return (
    <>
      <button type="button" className="button-danger" data-testid="selection-redact" onClick={() => void erase()}>
        {t('host.card.redact')}
      </button>
      {dialog}
    </>
  );
}
