import { round, type CardOnBoard, type Point, type Scenario } from '@samenspel/game-core';
import { m } from 'framer-motion';
import { memo, useEffect, useMemo, type KeyboardEvent } from 'react';
import { session } from '../net';
import { createThrottle } from '../net/throttle';
import { appStore, pieceKey, useApp } from '../store';
import { moveCard } from './actions';
import { useBoard } from './context';
import { transitionFor, useShownPosition } from './motion';
import { useDrag } from './useDrag';
import { CARD, SCALE, cardHeight, cardWidth, cellIds, describePlace, wrapLabel } from './view';

const LINE = CARD.lineHeight * SCALE;
const FONT = CARD.font * SCALE;

/** A support card on the wheel: tap or drag to move it; its ring and sector say what it is. */
export const CardPiece = memo(function CardPiece({ card, scenario }: { card: CardOnBoard; scenario: Scenario }) {
  const board = useBoard();
  const { tableId, t } = board;
  const key = pieceKey(tableId, 'card', card.id);
  const selected = useApp((s) => s.selection?.kind === 'card' && s.selection.id === card.id);
  const refused = useApp((s) => (s.refusedDrag?.key === key ? s.refusedDrag.n : null));
  const settled = useShownPosition(key, card);

  const throttle = useMemo(
    () => createThrottle((p: Point) => session()?.drag({ tableId, kind: 'card', id: card.id, x: round(p.x), y: round(p.y) })),
    [tableId, card.id],
  );
  useEffect(() => () => throttle.cancel(), [throttle]);

  const drag = useDrag(
    board.canMoveCards,
    settled.at,
    {
      toMat: board.toMat,
      onMove: (p) => throttle.push(p),
      onDrop: (p) => {
        throttle.cancel();
        appStore.getState().select(null);
        void moveCard(tableId, card.id, p);
      },
      onTap: () => toggle(),
      onCancel: () => throttle.cancel(),
    },
    refused,
  );

  const toggle = () => {
    const s = appStore.getState();
    if (selected) s.select(null);
    else {
      s.select({ kind: 'card', id: card.id });
      s.announce(t('select.card', { label: card.label }), 'hint');
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.key !== 'Enter' && e.key !== ' ') || !board.canMoveCards) return;
    const s = appStore.getState();
    if (selected && s.cursor) return; // the board drops it at the cursor
    e.preventDefault();
    e.stopPropagation();
    s.select({ kind: 'card', id: card.id }, { x: settled.at.x, y: settled.at.y });
    s.announce(t('announce.picked', { name: card.label }), 'hint');
  };

  const at = drag.dragPos ?? settled.at;
  const source = drag.dragPos ? 'local' : settled.source;
  const lines = wrapLabel(card.label, CARD.charsPerLine, CARD.maxLines);
  const W = cardWidth(lines) * SCALE;
  const h = cardHeight(lines.length) * SCALE;
  const hit = Math.max(h, CARD.minHit * SCALE);
  const ids = cellIds(at, scenario);
  const moving = source === 'local' || source === 'remote';
  const place = describePlace(at, scenario, t);

  return (
    <m.g
      data-piece="card"
      data-testid={`card-${card.id}`}
      data-ring={ids.ring ?? ''}
      data-sector={ids.sector ?? ''}
      data-x={at.x}
      data-y={at.y}
      className={`piece card${selected ? ' is-selected' : ''}${moving ? ' is-moving' : ''}${source === 'pending' ? ' is-pending' : ''}${card.defId === null ? ' is-blank' : ''}`}
      tabIndex={board.interactive ? 0 : undefined}
      role={board.interactive ? 'button' : undefined}
      aria-pressed={board.interactive ? selected : undefined}
      aria-label={t('board.cardLabel', { label: card.label, place })}
      initial={{ opacity: 0, scale: 0.6, x: at.x * SCALE, y: at.y * SCALE }}
      animate={{ opacity: 1, scale: 1, x: at.x * SCALE, y: at.y * SCALE }}
      exit={{ opacity: 0, scale: 0.6 }}
      transition={{ x: transitionFor(source), y: transitionFor(source), opacity: { duration: 0.25 }, scale: { duration: 0.25 } }}
      onKeyDown={board.interactive ? onKeyDown : undefined}
      {...drag.handlers}
    >
      <title>{card.label}</title>
      <rect className="hit" x={-W / 2 - 6} y={-hit / 2} width={W + 12} height={hit} />
      <rect className="card-body" x={-W / 2} y={-h / 2} width={W} height={h} rx={14} />
      <text className="card-text" fontSize={FONT}>
        {lines.map((line, i) => (
          <tspan key={i} x={0} y={(i - (lines.length - 1) / 2) * LINE + FONT * 0.36}>
            {line}
          </tspan>
        ))}
      </text>
      <rect className="focus-ring" x={-W / 2 - 10} y={-h / 2 - 10} width={W + 20} height={h + 20} rx={20} />
    </m.g>
  );
});

/** A card that is not on the board yet: where a keyboard user aims, or a placement on its way. */
export function GhostCard({ label, at }: { label: string; at: Point }) {
  const lines = wrapLabel(label, CARD.charsPerLine, CARD.maxLines);
  const W = cardWidth(lines) * SCALE;
  const h = cardHeight(lines.length) * SCALE;
  return (
    <g className="ghost" transform={`translate(${at.x * SCALE} ${at.y * SCALE})`} aria-hidden="true">
      <rect className="card-body" x={-W / 2} y={-h / 2} width={W} height={h} rx={14} />
      <text className="card-text" fontSize={FONT}>
        {lines.map((line, i) => (
          <tspan key={i} x={0} y={(i - (lines.length - 1) / 2) * LINE + FONT * 0.36}>
            {line}
          </tspan>
        ))}
      </text>
    </g>
  );
}
