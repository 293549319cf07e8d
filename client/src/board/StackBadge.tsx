import { wrapWords, type CardStack } from '@samenspel/game-core';
import { memo, useState, type KeyboardEvent } from 'react';
import { appStore } from '../store';
import { useBoard } from './context';
import { SCALE } from './view';

const ROW = 0.058;
const LIST_FONT = 0.036;
const LIST_W = 0.62;

interface StackBadgeProps {
  stack: CardStack;
  /** The stacked cards' labels, in the order of `stack.ids`. */
  labels: readonly string[];
}

/**
 * A crowded cell's badge: "+3" says three more cards lie in this cell than the wheel can show.
 * A tap opens the list of them; on a playable board a tap on a name picks that card up (its
 * panel shows its details and actions, and the next tap on the wheel moves it).
 */
export const StackBadge = memo(
  StackBadgeDrawing,
  // The labels are worked out again on every change of the table; the same words draw the same badge.
  (a, b) => a.stack === b.stack && a.labels.length === b.labels.length && a.labels.every((label, i) => label === b.labels[i]),
);

function StackBadgeDrawing({ stack, labels }: StackBadgeProps) {
  const board = useBoard();
  const { t } = board;
  const [open, setOpen] = useState(false);
  const w = stack.w * SCALE;
  const h = stack.h * SCALE;
  const toggle = () => setOpen((o) => !o);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      e.stopPropagation();
      toggle();
    } else if (e.key === 'Escape' && open) {
      e.stopPropagation();
      setOpen(false);
    }
  };
  const pick = (id: string) => {
    setOpen(false);
    if (!board.interactive) return;
    const s = appStore.getState();
    s.select({ kind: 'card', id });
    s.announce(t('select.card', { label: labels[stack.ids.indexOf(id)] ?? id }), 'hint');
  };
  // The list opens towards the wheel's middle, so it stays on the mat.
  const listX = Math.max(-1.25, Math.min(1.25 - LIST_W, stack.x - LIST_W / 2));
  const listH = (labels.length + 0.6) * ROW;
  const listY = stack.y > 0 ? stack.y - stack.h / 2 - listH - 0.02 : stack.y + stack.h / 2 + 0.02;
  const summary = t('board.stack', { n: stack.ids.length, cards: labels.join(', ') });

  return (
    <g className={`stack${open ? ' is-open' : ''}`} data-testid={`stack-${stack.ring}-${stack.sector}`} data-count={stack.ids.length} data-ids={stack.ids.join(' ')}>
      <g
        className="stack-badge piece"
        data-piece="stack"
        transform={`translate(${stack.x * SCALE} ${stack.y * SCALE}) rotate(${stack.rotate})`}
        data-cx={stack.x}
        data-cy={stack.y}
        data-w={stack.w}
        data-h={stack.h}
        data-rotate={stack.rotate}
        data-layout-ring={stack.ring}
        data-layout-sector={stack.sector}
        tabIndex={0}
        role="button"
        aria-expanded={open}
        aria-label={summary}
        onPointerDown={(e) => e.stopPropagation()}
        onPointerUp={(e) => {
          e.stopPropagation();
          toggle();
        }}
        onKeyDown={onKeyDown}
      >
        <title>{summary}</title>
        <rect className="hit" x={-Math.max(w, 0.2 * SCALE) / 2} y={-Math.max(h, 0.2 * SCALE) / 2} width={Math.max(w, 0.2 * SCALE)} height={Math.max(h, 0.2 * SCALE)} />
        <rect className="stack-body" x={-w / 2} y={-h / 2} width={w} height={h} rx={h / 2} />
        <text className="stack-count" y={LIST_FONT * SCALE * 0.38} fontSize={LIST_FONT * 1.25 * SCALE}>
          +{stack.ids.length}
        </text>
      </g>
      {open && (
        <g className="stack-list" transform={`translate(${listX * SCALE} ${listY * SCALE})`} data-testid="stack-list">
          <rect className="stack-list-body" width={LIST_W * SCALE} height={listH * SCALE} rx={18} />
          {stack.ids.map((id, i) => (
            <g
              key={id}
              className="stack-list-item"
              transform={`translate(0 ${(i + 0.3) * ROW * SCALE})`}
              role={board.interactive ? 'button' : undefined}
              tabIndex={board.interactive ? 0 : undefined}
              data-testid={`stack-item-${id}`}
              onPointerDown={(e) => e.stopPropagation()}
              onPointerUp={(e) => {
                e.stopPropagation();
                pick(id);
              }}
              onKeyDown={(e) => {
                if (e.key !== 'Enter' && e.key !== ' ') return;
                e.preventDefault();
                e.stopPropagation();
                pick(id);
              }}
            >
              <rect className="hit" width={LIST_W * SCALE} height={ROW * SCALE} />
              <text x={0.03 * SCALE} y={ROW * 0.68 * SCALE} fontSize={LIST_FONT * SCALE}>
                {wrapWords(labels[i]!, (LIST_W - 0.06) / LIST_FONT, 1)[0]}
              </text>
            </g>
          ))}
        </g>
      )}
    </g>
  );
}
