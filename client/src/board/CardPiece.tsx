import { CARD_PAD_EM, CARD_SHAPES, TAG_ROW_EM, round, setLabel, type CardOnBoard, type LabelSetting, type PlacedCard, type Point, type Scenario } from '@samenspel/game-core';
import { m, useMotionValue } from 'framer-motion';
import { memo, useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { session } from '../net';
import { createThrottle } from '../net/throttle';
import { appStore, pieceKey, useApp } from '../store';
import { addLink, dropSelection, moveCard } from './actions';
import { useBoard, useRings } from './context';
import { linkingStore, useLinking } from './linking';
import { transitionFor, useInLiveLayer, usePiecePosition, useRemoteFollow } from './motion';
import { wheelLabel } from './cards';
import { useHyphenate } from './hyphenate';
import { useDrag } from './useDrag';
import { CARD, SCALE, cellIds, describePlace } from './view';

interface CardLayout extends LabelSetting {
  w: number;
  h: number;
}

/** A card's label and box where no layout placed it (a ghost, a card on its way): the middle shape. */
function useLooseLayout(label: string): CardLayout {
  const hyphenate = useHyphenate();
  return useMemo(() => setLabel(label, hyphenate, CARD_SHAPES[1]), [label, hyphenate]);
}

/**
 * A support card on the wheel: tap or drag to move it; its ring and sector say what it is.
 * `placed` is where game-core's layout draws it (null: it lies in a crowded cell's stack and is
 * only drawn while picked up).
 */
export const CardPiece = memo(function CardPiece({
  card,
  placed,
  scenario,
  links = 0,
}: {
  card: CardOnBoard;
  placed: PlacedCard | null;
  scenario: Scenario;
  links?: number;
}) {
  const board = useBoard();
  const { toShown, toStored } = useRings();
  const { tableId, t } = board;
  const key = pieceKey(tableId, 'card', card.id);
  const selected = useApp((s) => s.selection?.kind === 'card' && s.selection.id === card.id);
  const refused = useApp((s) => (s.refusedDrag?.key === key ? s.refusedDrag.n : null));
  const settled = usePiecePosition(key, card, board.live);
  const connectFrom = useLinking((s) => (board.interactive ? s.connectFrom : null));
  const mark = board.marks.get(card.id);

  const throttle = useMemo(
    () => createThrottle((p: Point) => session()?.drag({ tableId, kind: 'card', id: card.id, x: round(p.x), y: round(p.y) })),
    [tableId, card.id],
  );
  useEffect(() => () => throttle.cancel(), [throttle]);

  // Where the card is drawn now: its laid-out place, or (moving, or on its way after a move) the
  // stored position it is headed for, drawn on this layout's rings.
  const loose = useLooseLayout(wheelLabel(scenario, card));
  const shownAt = settled.source === 'board' && placed ? { x: placed.x, y: placed.y } : toShown(settled.at);
  const drag = useDrag(
    board.canMoveCards,
    shownAt,
    {
      toMat: board.toMat,
      onMove: (p) => throttle.push(toStored(p)),
      onDrop: (p) => {
        throttle.cancel();
        appStore.getState().select(null);
        void moveCard(tableId, card.id, toStored(p));
      },
      onTap: (at) => toggle(at),
      onCancel: () => throttle.cancel(),
    },
    refused,
  );

  /** In the middle of drawing a line, a tap on a card ends it there. */
  const connectHere = (): boolean => {
    const from = linkingStore.getState().connectFrom;
    if (!from) return false;
    linkingStore.getState().reset();
    if (from !== card.id) void addLink(tableId, from, card.id);
    return true;
  };

  const toggle = (at: Point | null) => {
    if (connectHere()) return;
    linkingStore.getState().chooseLink(null);
    const s = appStore.getState();
    // A card from the deck (or just written) is in hand: the tap says where it goes, even on
    // top of a card; swapping the selection would throw away what the player chose or typed.
    const held = s.selection;
    if (at && (held?.kind === 'deck' || held?.kind === 'blank')) {
      void dropSelection(tableId, held, at);
      return;
    }
    if (selected) s.select(null);
    else {
      s.select({ kind: 'card', id: card.id });
      s.announce(t('select.card', { label: card.label }), 'hint');
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.key !== 'Enter' && e.key !== ' ') || !board.canMoveCards) return;
    if (linkingStore.getState().connectFrom) {
      e.preventDefault();
      e.stopPropagation();
      connectHere();
      return;
    }
    const s = appStore.getState();
    if (selected && s.cursor) return; // the board drops it at the cursor
    e.preventDefault();
    e.stopPropagation();
    s.select({ kind: 'card', id: card.id }, { x: settled.at.x, y: settled.at.y });
    s.announce(t('announce.picked', { name: card.label }), 'hint');
  };

  const shown = drag.dragPos ?? shownAt;
  const node = useRef<SVGGElement>(null);
  const x = useMotionValue(shown.x * SCALE);
  const y = useMotionValue(shown.y * SCALE);
  const following = settled.source === 'remote' && !drag.dragPos;
  // Moving into or out of the live layer mounts the drawing again; only the first mount fades in.
  const appeared = useRef(false);
  useEffect(() => {
    appeared.current = true;
  }, []);
  useRemoteFollow(
    key,
    following,
    node,
    x,
    y,
    (p) => {
      const to = toShown(p);
      return { x: to.x * SCALE, y: to.y * SCALE };
    },
    (p) => ({ 'data-x': p.x, 'data-y': p.y }),
  );
  // What the card means where it is shown: a drag shows where it would land.
  const at = drag.dragPos ? toStored(drag.dragPos) : settled.at;
  const source = drag.dragPos ? 'local' : settled.source;
  // The shape the layout chose; it does not change mid-drag.
  const layout: CardLayout = placed ?? loose;
  const rotate = placed?.rotate ?? 0;
  const W = layout.w * SCALE;
  const h = layout.h * SCALE;
  // A short label makes a small card; its target stays finger-sized all the same.
  const hit = Math.max(h, CARD.minHit * SCALE);
  const hitW = Math.max(W + 12, CARD.minHit * SCALE);
  const ids = cellIds(at, scenario);
  const moving = source === 'local' || source === 'remote';
  const inLiveLayer = useInLiveLayer(following, source !== 'board');
  const place = describePlace(at, scenario, t);
  // The name starts with the text people see on the card, as drawn (WCAG 2.5.3: a speech user
  // says what they see); the full label follows when the wheel shows a shorter one.
  const drawn = layout.lines.join(' ');
  const sameText = layout.lines.join('').replace(/-/g, '') === card.label.replace(/[\s-]/g, '');
  const spoken = sameText ? drawn : `${drawn} (${card.label})`;
  const privateNote = card.hidden ? ` ${t('player.card.private')}` : '';
  const pausedNote = card.paused ? ` ${t('player.card.pausedNote')}` : '';
  const noteText = card.note ? ` ${t('player.card.noteSays', { note: card.note })}` : '';
  const linkText = links === 0 ? '' : ` ${links === 1 ? t('player.card.link') : t('player.card.links', { n: links })}`;
  const connectClass = connectFrom === null ? '' : connectFrom === card.id ? ' is-connect-from' : ' is-connect-target';

  const piece = (
    <m.g
      ref={node}
      data-piece="card"
      data-testid={`card-${card.id}`}
      data-ring={ids.ring ?? ''}
      data-sector={ids.sector ?? ''}
      data-x={at.x}
      data-y={at.y}
      data-cx={placed?.x}
      data-cy={placed?.y}
      data-w={layout.w}
      data-h={layout.h}
      data-rotate={rotate}
      data-layout-ring={placed?.ring}
      data-layout-sector={placed?.sector}
      data-font={layout.font}
      data-hidden={card.hidden || undefined}
      data-paused={card.paused ? 'true' : undefined}
      data-note={card.note ? 'true' : undefined}
      data-mark={mark}
      className={`piece card${selected ? ' is-selected' : ''}${moving ? ' is-moving' : ''}${source === 'pending' ? ' is-pending' : ''}${card.defId === null ? ' is-blank' : ''}${card.hidden ? ' is-private' : ''}${card.paused ? ' is-paused' : ''}${connectClass}`}
      tabIndex={board.interactive ? 0 : undefined}
      role={board.interactive ? 'button' : undefined}
      aria-pressed={board.interactive ? selected : undefined}
      aria-label={`${t('board.cardLabel', { shown: spoken, place })}${noteText}${linkText}${privateNote}${pausedNote}`}
      style={{ x, y }}
      initial={appeared.current ? false : { opacity: 0, scale: 0.6, x: shown.x * SCALE, y: shown.y * SCALE, rotate }}
      animate={{ opacity: 1, scale: 1, x: shown.x * SCALE, y: shown.y * SCALE, rotate }}
      exit={{ opacity: 0, scale: 0.6 }}
      transition={{ x: transitionFor(source), y: transitionFor(source), rotate: transitionFor(source), opacity: { duration: 0.25 }, scale: { duration: 0.25 } }}
      onKeyDown={board.interactive ? onKeyDown : undefined}
      {...drag.handlers}
    >
      <title>{card.note ? `${card.label}\n${card.note}` : card.label}</title>
      <rect className="hit" x={-hitW / 2} y={-hit / 2} width={hitW} height={hit} />
      {mark && <rect className={`card-mark card-mark-${mark}${board.marksFade ? ' is-fading' : ''}`} x={-W / 2 - 12} y={-h / 2 - 12} width={W + 24} height={h + 24} rx={24} />}
      <rect className="card-body" x={-W / 2} y={-h / 2} width={W} height={h} rx={14} />
      {/* A paused card's tag sits in a row the layout kept under its label. */}
      <CardText layout={layout} shift={card.paused && placed ? -tagRowOf(layout) / 2 : 0} />
      {card.note && <NoteMarker x={W / 2} y={-h / 2} />}
      {card.hidden && <PrivateBadge x={-W / 2} y={-h / 2} />}
      {links > 0 && <LinkBadge x={W / 2} y={h / 2} n={links} />}
      {card.paused && (placed ? <Tag text={t('player.card.paused')} y={tagRowCentre(layout)} font={layout.font * SCALE * 0.68} className="paused-tag" /> : <Tag text={t('player.card.paused')} y={h / 2} className="paused-tag" />)}
      <rect className="focus-ring" x={-W / 2 - 10} y={-h / 2 - 10} width={W + 20} height={h + 20} rx={20} />
    </m.g>
  );
  // Someone else's drag (and a while after it) is drawn in the board's live layer, where moving it lays out little.
  return inLiveLayer && board.liveLayer ? createPortal(piece, board.liveLayer) : piece;
});

/** A little post-it on the card's corner: someone wrote a note on it. */
function NoteMarker({ x, y }: { x: number; y: number }) {
  return (
    <g className="card-note-marker" transform={`translate(${x - 6} ${y + 6})`} aria-hidden="true">
      <path d="M -26 -22 H 18 V 10 L 6 22 H -26 Z" />
      <path className="card-note-fold" d="M 18 10 H 6 V 22" />
      <line x1={-17} y1={-10} x2={9} y2={-10} />
      <line x1={-17} y1={2} x2={1} y2={2} />
    </g>
  );
}

/** How many cards this one works together with, on its corner: lines between neighbours hide under them. */
function LinkBadge({ x, y, n }: { x: number; y: number; n: number }) {
  return (
    <g className="card-link-badge" transform={`translate(${x - 4} ${y - 4})`} aria-hidden="true" data-links={n}>
      <circle r={28} />
      <text y={13} fontSize={36}>
        {n}
      </text>
    </g>
  );
}

/** A lock on the card's corner: placed in private mode, seen by its placer and the facilitator only. */
function PrivateBadge({ x, y }: { x: number; y: number }) {
  return (
    <g className="card-private-badge" transform={`translate(${x + 6} ${y + 6})`} aria-hidden="true">
      <circle r={28} />
      <path className="lock-shackle" d="M -9 -2 V -9 A 9 9 0 0 1 9 -9 V -2" />
      <rect className="lock-body" x={-13} y={-3} width={26} height={19} rx={4} />
    </g>
  );
}

/** A starting card the facilitator has not brought in yet: a faint outline only they see. */
export function StagedCard({ card }: { card: CardOnBoard }) {
  const { t } = useBoard();
  const { toShown } = useRings();
  const layout = useLooseLayout(card.label);
  const at = toShown(card);
  const W = layout.w * SCALE;
  const h = layout.h * SCALE;
  const tag = t('player.card.staged');
  return (
    <g
      className="staged-card"
      data-testid={`staged-${card.id}`}
      transform={`translate(${at.x * SCALE} ${at.y * SCALE})`}
      role="img"
      aria-label={`${card.label}: ${tag}`}
    >
      <rect className="card-body" x={-W / 2} y={-h / 2} width={W} height={h} rx={14} />
      <CardText layout={layout} />
      <Tag text={tag} y={h / 2} className="staged-tag" />
    </g>
  );
}

/** A card that stopped since the earlier moment: a red dashed outline where it lay, tagged "stopt". */
export function EndedGhost({ card, placed, fading = false }: { card: CardOnBoard; placed: PlacedCard | null; fading?: boolean }) {
  const { t } = useBoard();
  const { toShown } = useRings();
  const loose = useLooseLayout(card.label);
  const layout: CardLayout = placed ?? loose;
  // The layout gives a ghost a place of its own, with a row for its tag; a ghost in a full
  // cell's stack is drawn where it lay, its tag on its edge.
  const at = placed ?? toShown(card);
  const W = layout.w * SCALE;
  const h = layout.h * SCALE;
  const tag = t('player.card.ended');
  return (
    <g
      className={`ended-ghost${fading ? ' is-fading' : ''}`}
      data-testid={`ended-${card.id}`}
      transform={`translate(${at.x * SCALE} ${at.y * SCALE}) rotate(${placed?.rotate ?? 0})`}
      role="img"
      aria-label={`${card.label}: ${tag}`}
    >
      <rect className="card-body" x={-W / 2} y={-h / 2} width={W} height={h} rx={14} />
      <CardText layout={layout} shift={placed ? -tagRowOf(layout) / 2 : 0} />
      {placed ? <Tag text={tag} y={tagRowCentre(layout)} font={layout.font * SCALE * 0.68} className="ended-tag" /> : <Tag text={tag} y={-h / 2} className="ended-tag" />}
    </g>
  );
}

/** The height of the row the layout keeps under a tagged card's label (TAG_ROW_EM), in drawing units. */
function tagRowOf(layout: CardLayout): number {
  return TAG_ROW_EM * layout.font * SCALE;
}

/** Where a tag sits in that row: its middle, above the card's bottom padding. */
function tagRowCentre(layout: CardLayout): number {
  return (layout.h * SCALE) / 2 - CARD_PAD_EM.y * layout.font * SCALE - tagRowOf(layout) / 2;
}

const TAG_FONT = 0.03 * SCALE;

/** A small label centred at `y` on a card: on its edge (a ghost's), or in the row the layout kept under its label (a paused card's). */
function Tag({ text, y, className, font = TAG_FONT }: { text: string; y: number; className: string; font?: number }) {
  const w = text.length * font * 0.58 + 24;
  const hh = font * 1.45;
  return (
    <g className={`card-tag ${className}`} transform={`translate(0 ${y})`}>
      <rect x={-w / 2} y={-hh / 2} width={w} height={hh} rx={hh / 2} />
      <text y={font * 0.36} fontSize={font}>
        {text}
      </text>
    </g>
  );
}

function CardText({ layout, shift = 0 }: { layout: CardLayout; shift?: number }) {
  const { lines } = layout;
  const font = layout.font * SCALE;
  const line = layout.lineHeight * SCALE;
  return (
    <text className="card-text" fontSize={font}>
      {lines.map((text, i) => (
        <tspan key={i} x={0} y={shift + (i - (lines.length - 1) / 2) * line + font * 0.36}>
          {/* A space ends each line, so text read from the drawing keeps its words apart. */}
          {i < lines.length - 1 ? `${text} ` : text}
        </tspan>
      ))}
    </text>
  );
}

/** A card that is not on the board yet: where a keyboard user aims, or a placement on its way. */
export function GhostCard({ label, at }: { label: string; at: Point }) {
  const layout = useLooseLayout(label);
  const W = layout.w * SCALE;
  const h = layout.h * SCALE;
  return (
    <g className="ghost" transform={`translate(${at.x * SCALE} ${at.y * SCALE})`} aria-hidden="true">
      <rect className="card-body" x={-W / 2} y={-h / 2} width={W} height={h} rx={14} />
      <CardText layout={layout} />
    </g>
  );
}
