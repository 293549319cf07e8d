import { emWidth, radiusOf, round, wrapWords, type Point, type ScenarioRole, type Token } from '@samenspel/game-core';
import { m, useMotionValue } from 'framer-motion';
import { memo, useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { session } from '../net';
import { createThrottle } from '../net/throttle';
import { appStore, pieceKey, useApp } from '../store';
import { moveToken } from './actions';
import { useBoard, useRings } from './context';
import { useHyphenate } from './hyphenate';
import { transitionFor, useInLiveLayer, usePiecePosition, useRemoteFollow } from './motion';
import { useDrag } from './useDrag';
import { SCALE, TOKEN, VIEW_HALF, initials } from './view';

const R = TOKEN.radius * SCALE;
/** The widest a name label may be (mat units); a longer name takes a second line. */
const LABEL_MAX_W = 0.34;
/** The widest a name label may run near the mat's edge, where there is no room for more lines. */
const LABEL_WIDE_W = 0.8;
const EDGE_SLACK = 16;
/** How far out the sector names on the rim reach, in mat units: a token's name stays beyond. */
const RIM_NAMES = 1.17;

/** The distance from the wheel's middle to the nearest point of a box (drawing units). */
function nearestToMiddle(x: number, y: number, w: number, h: number): number {
  const near = (lo: number, size: number) => (lo > 0 ? lo : lo + size < 0 ? lo + size : 0);
  return Math.hypot(near(x, w), near(y, h));
}

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

/**
 * A person on the mat. Its player drags it (or taps it, then taps a spot); everybody else sees
 * it glide there while it moves.
 */
export const TokenPiece = memo(function TokenPiece({
  token,
  role,
  laid,
}: {
  token: Token;
  role: ScenarioRole;
  /** Where the layout draws the token (stepped off any card). */
  laid: Point | undefined;
}) {
  const board = useBoard();
  const { hub, toShown, toStored } = useRings();
  const { tableId, t } = board;
  const key = pieceKey(tableId, 'token', role.id);
  const movable = board.canMoveToken(role.id);
  const own = board.ownRoleId === role.id;
  const selected = useApp((s) => s.selection?.kind === 'token' && s.selection.id === role.id);
  const refused = useApp((s) => (s.refusedDrag?.key === key ? s.refusedDrag.n : null));
  const playedBy = useApp((s) => {
    const game = board.frozen ?? s.game;
    if (!game) return null;
    for (const seat of Object.values(game.seats)) if (seat.tableId === tableId && seat.roleId === role.id) return seat.name;
    return null;
  });
  const settled = usePiecePosition(key, token, board.live);
  const hyphenate = useHyphenate();

  const throttle = useMemo(
    () => createThrottle((p: Point) => session()?.drag({ tableId, kind: 'token', id: role.id, x: round(p.x), y: round(p.y) })),
    [tableId, role.id],
  );
  useEffect(() => () => throttle.cancel(), [throttle]);

  // Where the token is drawn: stepped off any card by the layout, or following a move.
  const shownAt = settled.source === 'board' && laid ? laid : toShown(settled.at);
  const drag = useDrag(
    movable,
    shownAt,
    {
      toMat: board.toMat,
      onMove: (p) => throttle.push(toStored(p)),
      onDrop: (p) => {
        throttle.cancel();
        appStore.getState().select(null);
        void moveToken(tableId, role.id, toStored(p));
      },
      onTap: () => {
        const s = appStore.getState();
        if (selected) s.select(null);
        else {
          s.select({ kind: 'token', id: role.id });
          s.announce(t('select.token', { role: role.name }), 'hint');
        }
      },
      onCancel: () => throttle.cancel(),
    },
    refused,
  );

  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.key !== 'Enter' && e.key !== ' ') || !movable) return;
    const s = appStore.getState();
    if (selected && s.cursor) return;
    e.preventDefault();
    e.stopPropagation();
    s.select({ kind: 'token', id: role.id }, { x: settled.at.x, y: settled.at.y });
    s.announce(t('announce.picked', { name: role.name }), 'hint');
  };

  const at = drag.dragPos ?? shownAt;
  const node = useRef<SVGGElement>(null);
  const x = useMotionValue(at.x * SCALE);
  const y = useMotionValue(at.y * SCALE);
  const following = settled.source === 'remote' && !drag.dragPos;
  useRemoteFollow(
    key,
    following,
    node,
    x,
    y,
    (p) => {
      const shown = toShown(p);
      return { x: shown.x * SCALE, y: shown.y * SCALE };
    },
    (p) => {
      const shown = toShown(p);
      return { 'data-x': p.x, 'data-y': p.y, 'data-cx': shown.x, 'data-cy': shown.y };
    },
  );
  const stored = drag.dragPos ? toStored(drag.dragPos) : settled.at;
  const source = drag.dragPos ? 'local' : settled.source;
  const moving = source === 'local' || source === 'remote';
  const inLiveLayer = useInLiveLayer(following, source !== 'board');
  // The persona standing in the middle is drawn as a ring around her disc, not over her name.
  const centre = hub;
  const inCentre = role.kind === 'persona' && radiusOf(at) < centre * 0.5 && !moving;
  const full = own ? `${t('board.you')}: ${role.name}` : role.name;
  // The whole role name, on as many lines as it needs (hyphenated where a word is too long), never cut short.
  const away = settled.at.y < -0.05;
  const lineH = TOKEN.labelFont * SCALE * 1.12;
  const heightOf = (n: number) => lineH * (n - 1) + TOKEN.labelFont * SCALE * 1.35;
  // A name may touch the drawing's edge by its padding (EDGE_SLACK) and still read whole.
  const fits = (n: number, above: boolean) =>
    above ? at.y * SCALE - R - 8 - heightOf(n) >= -VIEW_HALF - EDGE_SLACK : at.y * SCALE + R + 8 + heightOf(n) <= VIEW_HALF + EDGE_SLACK;
  const narrow = useMemo(() => wrapWords(full, (LABEL_MAX_W - 0.03) / TOKEN.labelFont, Number.POSITIVE_INFINITY, hyphenate), [full, hyphenate]);
  const wide = useMemo(() => wrapWords(full, (LABEL_WIDE_W - 0.03) / TOKEN.labelFont, Number.POSITIVE_INFINITY, hyphenate), [full, hyphenate]);
  // Names sit on the side away from the wheel, so they never cover the sector names on the rim;
  // near the mat's edge a name runs wider on fewer lines. When even that has no room, it goes on
  // the wheel's side where that stays clear of the rim's names (in a corner of the mat), else
  // beside the disc: to its right, as a row of tokens reads, unless the drawing ends there.
  const lines = fits(narrow.length, away) || !fits(wide.length, away) ? narrow : wide;
  const labelW = (Math.max(...lines.map(emWidth)) * TOKEN.labelFont + 0.03) * SCALE;
  const labelH = heightOf(lines.length);
  // Keep the name inside the drawing, also for a token near its edge.
  const centredX = clamp(at.x * SCALE - labelW / 2, -VIEW_HALF + 4, VIEW_HALF - 4 - labelW) - at.x * SCALE;
  const towardTop = away ? R + 8 : -R - 8 - labelH;
  const clearOfRim = nearestToMiddle(at.x * SCALE + centredX, at.y * SCALE + towardTop, labelW, labelH) >= RIM_NAMES * SCALE;
  const place = fits(lines.length, away) ? 'away' : clearOfRim ? 'toward' : 'beside';
  const toRight = at.x * SCALE + R + 8 + labelW <= VIEW_HALF - 4;
  const labelX =
    place === 'beside'
      ? clamp(at.x * SCALE + (toRight ? R + 8 : -R - 8 - labelW), -VIEW_HALF + 4, VIEW_HALF - 4 - labelW) - at.x * SCALE
      : centredX;
  const labelTop =
    place === 'beside'
      ? clamp(at.y * SCALE - labelH / 2, -VIEW_HALF + 4, VIEW_HALF - 4 - labelH) - at.y * SCALE
      : place === 'toward'
        ? towardTop
        : away
          ? -R - 8 - labelH
          : R + 8;
  const kind = role.kind ?? 'professional';

  const piece = (
    <m.g
      ref={node}
      data-piece="token"
      data-testid={`token-${role.id}`}
      data-x={stored.x}
      data-y={stored.y}
      data-cx={at.x}
      data-cy={at.y}
      className={`piece token token-${kind}${own ? ' is-own' : ''}${selected ? ' is-selected' : ''}${moving ? ' is-moving' : ''}${movable ? ' is-movable' : ''}`}
      tabIndex={board.interactive && movable ? 0 : undefined}
      role={board.interactive && movable ? 'button' : undefined}
      aria-pressed={board.interactive && movable ? selected : undefined}
      aria-label={inCentre ? t('board.tokenLabel', { role: role.name }) : t('board.tokenNamed', { shown: `${initials(role.name)} ${lines.join(' ')}` })}
      initial={false}
      style={{ x, y }}
      animate={{ x: at.x * SCALE, y: at.y * SCALE }}
      transition={transitionFor(source)}
      onKeyDown={board.interactive ? onKeyDown : undefined}
      {...drag.handlers}
    >
      <title>{playedBy ? `${role.name} · ${t('role.playedBy', { name: playedBy })}` : role.name}</title>
      {inCentre ? (
        <>
          <circle className="hit" r={centre * SCALE} />
          <circle className="token-centre-ring" r={centre * SCALE - 8} />
          <circle className="focus-ring" r={centre * SCALE + 6} />
        </>
      ) : (
        <>
          <circle className="hit" r={TOKEN.hit * SCALE} />
          <circle className="token-body" r={R} />
          <text className="token-initials" y={TOKEN.font * SCALE * 0.36} fontSize={TOKEN.font * SCALE}>
            {/* The space keeps the initials apart from the name when the drawing is read as text. */}
            {`${initials(role.name)} `}
          </text>
          <rect className="token-label-bg" x={labelX} y={labelTop} width={labelW} height={labelH} rx={10} />
          <text className="token-label" x={labelX + labelW / 2} y={labelTop + TOKEN.labelFont * SCALE * 0.98} fontSize={TOKEN.labelFont * SCALE}>
            {lines.map((line, i) => (
              <tspan key={i} x={labelX + labelW / 2} dy={i === 0 ? 0 : lineH}>
                {i < lines.length - 1 ? `${line} ` : line}
              </tspan>
            ))}
          </text>
          <circle className="focus-ring" r={TOKEN.hit * SCALE + 4} />
        </>
      )}
    </m.g>
  );
  // Someone else's drag (and a while after it) is drawn in the board's live layer, where moving it lays out little.
  return inLiveLayer && board.liveLayer ? createPortal(piece, board.liveLayer) : piece;
});

export function GhostToken({ at }: { at: Point }) {
  return (
    <g className="ghost" transform={`translate(${at.x * SCALE} ${at.y * SCALE})`} aria-hidden="true">
      <circle className="token-body" r={R} />
    </g>
  );
}
