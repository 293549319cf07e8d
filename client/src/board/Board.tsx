import { cellPoint, type CardOnBoard, type Point, type Scenario, type TableState, type Token } from '@samenspel/game-core';
import { AnimatePresence } from 'framer-motion';
import { useCallback, useEffect, useId, useMemo, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { markBoardShown } from '../app/motion';
import { useShallow } from 'zustand/shallow';
import { useT } from '../i18n/useT';
import { appStore, useApp, type Selection } from '../store';
import { dropSelection, removeCard } from './actions';
import { TAP_SLOP_PX } from './useDrag';
import { BoardContext, useBoard, type BoardContextValue } from './context';
import { CardPiece, GhostCard } from './CardPiece';
import { TokenPiece, GhostToken } from './TokenPiece';
import { VIEW_BOX, clampToMat, describePlace, nudge, SCALE } from './view';
import { Wheel } from './Wheel';

export type BoardMode = 'player' | 'host' | 'screen';

interface BoardProps {
  tableId: string;
  mode: BoardMode;
  /** The role this device plays; its token is the one a player may move. */
  ownRoleId?: string | null;
  className?: string;
  /** Draw this scenario and table instead of the live session's (the trainer's preview); read-only. */
  preview?: { scenario: Scenario; table: TableState };
}

/** The shared wheel with its cards and tokens, live for every screen and playable where allowed. */
export function Board({ tableId, mode, ownRoleId = null, className, preview }: BoardProps) {
  const t = useT();
  const liveScenario = useApp((s) => s.game?.scenario ?? null);
  const liveTable = useApp((s) => s.game?.tables[tableId] ?? null);
  const scenario = preview?.scenario ?? liveScenario;
  const table = preview?.table ?? liveTable;
  const readOnly = mode === 'screen' || preview !== undefined;
  const svgRef = useRef<SVGSVGElement>(null);
  const helpId = useId();
  const tapStart = useRef<{ id: number; x: number; y: number } | null>(null);

  const toMat = useCallback((clientX: number, clientY: number): Point | null => {
    const svg = svgRef.current;
    const ctm = svg?.getScreenCTM();
    if (!svg || !ctm) return null;
    const p = new DOMPoint(clientX, clientY).matrixTransform(ctm.inverse());
    return clampToMat({ x: p.x / SCALE, y: p.y / SCALE });
  }, []);

  const ctx = useMemo<BoardContextValue>(
    () => ({
      tableId,
      interactive: !readOnly,
      canMoveToken: (roleId: string) => !readOnly && (mode === 'host' || (mode === 'player' && roleId === ownRoleId)),
      canMoveCards: !readOnly,
      ownRoleId,
      toMat,
      t,
      big: mode === 'screen',
    }),
    [tableId, mode, ownRoleId, toMat, t, readOnly],
  );

  const shown = scenario !== null && table !== null;
  useEffect(() => {
    if (shown) markBoardShown();
  }, [shown]);

  if (!scenario || !table) return null;

  /*
   * A tap on an empty spot puts the selection down. Pointer events, not click: browsers move a
   * touch "click" onto the nearest focusable element (touch adjustment), which would pick up the
   * card next to the spot instead of placing on it.
   */
  const onPointerDown = (e: PointerEvent<SVGSVGElement>) => {
    const under = document.elementFromPoint(e.clientX, e.clientY) ?? (e.target as Element);
    const inPiece = under.closest('[data-piece][tabindex]');
    tapStart.current = ctx.interactive && !inPiece && e.isPrimary ? { id: e.pointerId, x: e.clientX, y: e.clientY } : null;
  };
  const onPointerUp = (e: PointerEvent<SVGSVGElement>) => {
    const start = tapStart.current;
    tapStart.current = null;
    if (!start || start.id !== e.pointerId || Math.hypot(e.clientX - start.x, e.clientY - start.y) > TAP_SLOP_PX) return;
    const selection = appStore.getState().selection;
    const at = toMat(e.clientX, e.clientY);
    if (selection && at) void dropSelection(tableId, selection, at);
  };

  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    if (!ctx.interactive) return;
    handleBoardKey(e, tableId, scenario, t);
  };

  return (
    <BoardContext.Provider value={ctx}>
      <svg
        ref={svgRef}
        className={`board ${mode === 'screen' ? 'board-big' : ''} ${className ?? ''}`}
        viewBox={VIEW_BOX}
        role={ctx.interactive ? 'application' : 'img'}
        aria-label={t('board.label', { name: scenario.persona.name })}
        aria-describedby={ctx.interactive ? helpId : undefined}
        tabIndex={ctx.interactive ? 0 : undefined}
        data-testid="board"
        onPointerDown={onPointerDown}
        onPointerUp={onPointerUp}
        onKeyDown={onKeyDown}
      >
        {ctx.interactive && <desc id={helpId}>{t('board.help')}</desc>}
        <Wheel scenario={scenario} t={t} />
        <Cards cards={table.cards} scenario={scenario} />
        <Tokens tokens={table.tokens} scenario={scenario} />
        {ctx.interactive && <KeyboardGhost scenario={scenario} />}
      </svg>
    </BoardContext.Provider>
  );
}

function Cards({ cards, scenario }: { cards: Record<string, CardOnBoard>; scenario: Scenario }) {
  const selectedId = useApp((s) => (s.selection?.kind === 'card' ? s.selection.id : null));
  // SVG has no z-index: the chosen card is drawn last, so it lies on top of its neighbours.
  const list = Object.values(cards).sort((a, b) => Number(a.id === selectedId) - Number(b.id === selectedId));
  return (
    <g className="cards">
      <AnimatePresence initial={false}>
        {list.map((card) => (
          <CardPiece key={card.id} card={card} scenario={scenario} />
        ))}
      </AnimatePresence>
      <PendingPlacements cards={cards} scenario={scenario} />
    </g>
  );
}

/** Deck cards this device just put down, shown until the server's broadcast brings the real card. */
function PendingPlacements({ cards, scenario }: { cards: Record<string, CardOnBoard>; scenario: Scenario }) {
  const { tableId } = useBoard();
  const keys = useApp(useShallow((s) => Object.keys(s.pending).filter((k) => k.startsWith(`${tableId}:card:`))));
  const pending = useApp((s) => s.pending);
  return (
    <>
      {keys.map((key) => {
        const id = key.slice(`${tableId}:card:`.length);
        const def = scenario.cards.find((c) => c.id === id);
        const p = pending[key as keyof typeof pending];
        if (cards[id] || !def || !p) return null;
        return <GhostCard key={key} label={def.label} at={p} />;
      })}
    </>
  );
}

function Tokens({ tokens, scenario }: { tokens: Record<string, Token>; scenario: Scenario }) {
  return (
    <g className="tokens">
      {scenario.roles.map((role) => {
        const token = tokens[role.id];
        return token ? <TokenPiece key={role.id} token={token} role={role} /> : null;
      })}
    </g>
  );
}

/** Where a keyboard user is about to put the selection down. */
function KeyboardGhost({ scenario }: { scenario: Scenario }) {
  const { tableId } = useBoard();
  const cursor = useApp((s) => s.cursor);
  const selection = useApp((s) => s.selection);
  const table = useApp((s) => s.game?.tables[tableId] ?? null);
  if (!cursor || !selection || !table) return null;
  if (selection.kind === 'token') return <GhostToken at={cursor} />;
  return <GhostCard label={selectionLabel(selection, scenario, table)} at={cursor} />;
}

/** The words for what is selected: a card's label or a role's name. */
export function selectionLabel(selection: Selection, scenario: Scenario, table: { cards: Record<string, CardOnBoard> }): string {
  switch (selection.kind) {
    case 'deck':
      return scenario.cards.find((c) => c.id === selection.defId)?.label ?? selection.defId;
    case 'blank':
      return selection.label;
    case 'card':
      return table.cards[selection.id]?.label ?? '';
    case 'token':
      return scenario.roles.find((r) => r.id === selection.id)?.name ?? selection.id;
  }
}

/** Where the keyboard cursor starts for a selection: on the piece itself, or in the first cell. */
export function startPoint(selection: Selection, tableId: string, scenario: Scenario): Point {
  const table = appStore.getState().game?.tables[tableId];
  if (selection.kind === 'card') {
    const card = table?.cards[selection.id];
    if (card) return { x: card.x, y: card.y };
  }
  if (selection.kind === 'token') {
    const token = table?.tokens[selection.id];
    if (token) return { x: token.x, y: token.y };
  }
  return cellPoint(1, 0, scenario.board.sectors.length);
}

function handleBoardKey(e: KeyboardEvent<SVGSVGElement>, tableId: string, scenario: Scenario, t: ReturnType<typeof useT>) {
  const s = appStore.getState();
  const { selection } = s;
  if (e.key === 'Escape' && selection) {
    e.preventDefault();
    s.select(null);
    s.announce(t('announce.cancelled'));
    return;
  }
  if (!selection) return;
  const next = nudge(s.cursor ?? startPoint(selection, tableId, scenario), e.key, e.shiftKey);
  if (next) {
    e.preventDefault();
    const before = s.cursor ? describePlace(s.cursor, scenario, t) : null;
    const after = describePlace(next, scenario, t);
    s.setCursor(next);
    if (after !== before) s.announce(t('announce.at', { place: after }), 'hint');
    return;
  }
  if ((e.key === 'Enter' || e.key === ' ') && s.cursor) {
    e.preventDefault();
    void dropSelection(tableId, selection, s.cursor);
    return;
  }
  if ((e.key === 'Delete' || e.key === 'Backspace') && selection.kind === 'card') {
    e.preventDefault();
    s.select(null);
    void removeCard(tableId, selection.id);
  }
}
