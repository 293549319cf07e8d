import type { CardOnBoard, Link, Point } from '@samenspel/game-core';
import { m } from 'framer-motion';
import { memo, type KeyboardEvent } from 'react';
import { pieceKey, type PieceKey } from '../store';
import { useBoard, useRings } from './context';
import { linkingStore, useLinking } from './linking';
import { useShownPosition } from './motion';
import { SCALE } from './view';

/** Where a card is drawn: its laid-out place (`laid`: its box, or its stack), or where a move is taking it. */
function useCardSpot(key: PieceKey, card: CardOnBoard, laid: Point | undefined) {
  const board = useBoard();
  const { toShown } = useRings();
  const shown = useShownPosition(key, card, board.live);
  if (shown.source !== 'board') return toShown(shown.at);
  return laid ?? toShown(card);
}

/** Screen pixels either side of a line that still count as tapping it. */
const HIT_PX = 44;

/**
 * "Werken samen": a line between the centres of two cards, drawn in as it appears. On a
 * playable board a tap (or Enter) chooses it, so the selection panel can offer to remove it.
 */
export const LinkLine = memo(function LinkLine({
  link,
  from,
  to,
  fromSpot,
  toSpot,
}: {
  link: Link;
  from: CardOnBoard;
  to: CardOnBoard;
  /** Where the layout draws each end's card (its box, or its stack). */
  fromSpot: Point | undefined;
  toSpot: Point | undefined;
}) {
  const board = useBoard();
  const { tableId, t } = board;
  const a = useCardSpot(pieceKey(tableId, 'card', from.id), from, fromSpot);
  const b = useCardSpot(pieceKey(tableId, 'card', to.id), to, toSpot);
  const chosen = useLinking((s) => s.linkId === link.id);
  const d = `M ${a.x * SCALE} ${a.y * SCALE} L ${b.x * SCALE} ${b.y * SCALE}`;
  const label = t('player.link.label', { a: from.label, b: to.label });

  const choose = () => linkingStore.getState().chooseLink(chosen ? null : link.id);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    e.stopPropagation();
    choose();
  };

  return (
    <g
      className={`link${chosen ? ' is-chosen' : ''}`}
      data-testid={`link-${link.id}`}
      data-piece={board.interactive ? 'link' : undefined}
      data-from={link.from}
      data-to={link.to}
      tabIndex={board.interactive ? 0 : undefined}
      role={board.interactive ? 'button' : 'img'}
      aria-pressed={board.interactive ? chosen : undefined}
      aria-label={label}
      onClick={board.interactive ? choose : undefined}
      onKeyDown={board.interactive ? onKeyDown : undefined}
    >
      <title>{label}</title>
      <m.path
        className="link-line"
        d={d}
        initial={{ pathLength: 0, opacity: 0 }}
        animate={{ pathLength: 1, opacity: 1, d }}
        transition={{ pathLength: { duration: 0.6, ease: 'easeOut' }, opacity: { duration: 0.2 }, d: { type: 'spring', stiffness: 320, damping: 32 } }}
      />
      {board.interactive && <path className="link-hit" d={d} strokeWidth={HIT_PX} vectorEffect="non-scaling-stroke" />}
    </g>
  );
});
