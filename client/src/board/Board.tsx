import {
  cellPoint,
  layoutBoard,
  toCanonical,
  toDisplay,
  type BoardLayout,
  type CardOnBoard,
  type FiredEvent,
  type Link,
  type Point,
  type Scenario,
  type SessionState,
  type TableState,
  type Token,
  type Viewer,
} from '@samenspel/game-core';
import { AnimatePresence } from 'framer-motion';
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode, type RefObject } from 'react';
import { markBoardShown } from '../app/motion';
import { useShallow } from 'zustand/shallow';
import { useT } from '../i18n/useT';
import { appStore, useApp, type Selection } from '../store';
import { dropSelection, removeCard } from './actions';
import { TAP_SLOP_PX } from './useDrag';
import { BoardContext, BoardLayoutContext, BoardRingsContext, useBoard, useLayout, useRings, type BoardContextValue, type BoardRings, type CardMark } from './context';
import { CardPiece, EndedGhost, GhostCard, StagedCard } from './CardPiece';
import { wheelLabel } from './cards';
import { deckDragStore } from './deckDrag';
import { loadHyphenation, useHyphenate } from './hyphenate';
import { StackBadge } from './StackBadge';
import { LinkLine } from './LinkLine';
import { linkingStore } from './linking';
import { useKeptEqual } from './share';
import { TokenPiece, GhostToken } from './TokenPiece';
import { VIEW_BOX, VIEW_HALF, cardAppearance, cardFontFor, clampToMat, describePlace, markMap, nudge, ringsAttribute, SCALE } from './view';
import { Wheel } from './Wheel';
import './board.css';

export type BoardMode = 'player' | 'host' | 'screen';

/** What changed since an earlier moment: new cards glow green, moved ones amber, ended ones are red ghosts. */
export interface BoardHighlight {
  added: string[];
  moved: string[];
  removed: CardOnBoard[];
}

interface BoardProps {
  tableId: string;
  mode: BoardMode;
  /** The role this device plays; its token is the one a player may move. */
  ownRoleId?: string | null;
  className?: string;
  /** Draw this scenario and table instead of the live session's (the trainer's preview); read-only. */
  preview?: { scenario: Scenario; table: TableState };
  /** Draw this session state instead of the live one (the timeline, the report); read-only. */
  state?: SessionState;
  highlight?: BoardHighlight;
}

const NO_MARKS: ReadonlyMap<string, CardMark> = new Map();

/** The shared wheel with its cards and tokens, live for every screen and playable where allowed. */
export function Board({ tableId, mode, ownRoleId = null, className, preview, state, highlight }: BoardProps) {
  const t = useT();
  const liveScenario = useApp((s) => s.game?.scenario ?? null);
  const liveTable = useApp((s) => s.game?.tables[tableId] ?? null);
  const storeViewer = useApp((s) => s.viewer);
  const scenario = preview?.scenario ?? state?.scenario ?? liveScenario;
  const table = preview?.table ?? state?.tables[tableId] ?? liveTable;
  const readOnly = mode === 'screen' || preview !== undefined || state !== undefined;
  const viewer: Viewer | null = mode === 'host' ? HOST : mode === 'screen' ? SCREEN : storeViewer;
  const svgRef = useRef<SVGSVGElement>(null);
  const [liveLayer, setLiveLayer] = useState<SVGSVGElement | null>(null);
  const helpId = useId();
  const tapStart = useRef<{ id: number; x: number; y: number } | null>(null);
  const hyphenate = useHyphenate();
  const isPreview = preview !== undefined;
  const pxPerUnit = usePxPerUnit(svgRef, scenario !== null && table !== null);
  const fonts = useMemo(() => cardFontFor(pxPerUnit, mode === 'screen'), [pxPerUnit, mode]);
  // A live board shows what the latest event at this table changed: its stopped cards as fading
  // ghosts, its arrivals and moves marked, as the timeline does for any two moments.
  const lastEvent = useApp((s) => (state || preview ? null : latestEventAt(s.game, tableId)));
  const liveHighlight = useMemo(() => (lastEvent && scenario && table ? eventHighlight(scenario, table, lastEvent) : undefined), [lastEvent, scenario, table]);
  // Recomputed with every change of the table; kept while it says the same, so the marks do too.
  const shownHighlight = useKeptEqual(highlight ?? liveHighlight);
  // Stopped cards take places of their own while they show, so they lie on no live card.
  const ghosts = useGhosts(shownHighlight?.removed, highlight === undefined);
  const computed = useMemo(
    () => (scenario && table ? layoutFor(scenario, table, viewer, { preview: isPreview, interactive: !readOnly }, hyphenate, fonts, ghosts) : EMPTY_LAYOUT),
    [scenario, table, viewer, isPreview, readOnly, hyphenate, fonts, ghosts],
  );
  // Boxes that did not move stay the same objects, so their pieces are not drawn again.
  const layout = useKeptEqual(computed);
  const rings = useMemo<BoardRings>(
    () => ({ rings: layout.rings, hub: layout.hub, toShown: (p: Point) => toDisplay(p, layout.rings), toStored: (p: Point) => toCanonical(p, layout.rings) }),
    [layout.rings, layout.hub],
  );

  const toMat = useCallback((clientX: number, clientY: number): Point | null => {
    const svg = svgRef.current;
    const ctm = svg?.getScreenCTM();
    if (!svg || !ctm) return null;
    const p = new DOMPoint(clientX, clientY).matrixTransform(ctm.inverse());
    return clampToMat({ x: p.x / SCALE, y: p.y / SCALE });
  }, []);

  const marks = useMemo(() => (shownHighlight ? markMap(shownHighlight) : NO_MARKS), [shownHighlight]);
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
      viewer,
      frozen: state ?? null,
      live: preview === undefined && state === undefined,
      marks,
      marksFade: highlight === undefined,
      liveLayer: preview === undefined && state === undefined ? liveLayer : null,
    }),
    [tableId, mode, ownRoleId, toMat, t, readOnly, viewer, state, preview, marks, highlight, liveLayer],
  );

  // A line being drawn from a card of another table means nothing here.
  useEffect(() => {
    if (!readOnly) linkingStore.getState().reset();
  }, [tableId, readOnly]);

  const shown = scenario !== null && table !== null;
  useEffect(() => {
    if (!shown) return;
    markBoardShown();
    void loadHyphenation();
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
    // A tap beside the cards ends connecting or looking at a line; it puts nothing down.
    const linking = linkingStore.getState();
    if (linking.connectFrom || linking.linkId) {
      linking.reset();
      return;
    }
    const selection = appStore.getState().selection;
    const at = toMat(e.clientX, e.clientY);
    if (selection && at) void dropSelection(tableId, selection, rings.toStored(at));
  };

  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    if (!ctx.interactive) return;
    handleBoardKey(e, tableId, scenario, t);
  };

  return (
    <BoardProvider value={ctx} rings={rings} layout={layout}>
      <svg
        ref={svgRef}
        className={`board ${mode === 'screen' ? 'board-big' : ''} ${className ?? ''}`}
        viewBox={VIEW_BOX}
        role={ctx.interactive ? 'application' : 'img'}
        aria-label={t('board.label', { name: scenario.persona.name })}
        aria-describedby={ctx.interactive ? helpId : undefined}
        tabIndex={ctx.interactive ? 0 : undefined}
        data-testid="board"
        data-rings={ringsAttribute(layout.rings)}
        onPointerDown={onPointerDown}
        onPointerUp={onPointerUp}
        onKeyDown={onKeyDown}
      >
        {ctx.interactive && <desc id={helpId}>{t('board.help')}</desc>}
        <Wheel scenario={scenario} age={table.personaAge} t={t} rings={layout.rings} />
        <Links table={table} preview={preview !== undefined} />
        {/* Under the cards: what stopped matters less than what is there now. */}
        {ghosts.length > 0 && <EndedGhosts cards={ghosts} layout={layout} fading={highlight === undefined} />}
        <Cards cards={table.cards} links={table.links} scenario={scenario} preview={preview !== undefined} />
        <Stacks table={table} ghosts={ghosts} />
        <Tokens tokens={table.tokens} scenario={scenario} />
        {ctx.interactive && <KeyboardGhost scenario={scenario} />}
        {ctx.interactive && <DeckDragGhost />}
        {ctx.live && (
          <foreignObject className="board-live" x={-VIEW_HALF} y={-VIEW_HALF} width={VIEW_HALF * 2} height={VIEW_HALF * 2}>
            <svg ref={setLiveLayer} className="board-live-layer" viewBox={VIEW_BOX} />
          </foreignObject>
        )}
      </svg>
    </BoardProvider>
  );
}

/** The board's three contexts (see context.ts): what stays, the rings, the layout. */
function BoardProvider({ value, rings, layout, children }: { value: BoardContextValue; rings: BoardRings; layout: BoardLayout; children: ReactNode }) {
  return (
    <BoardContext.Provider value={value}>
      <BoardRingsContext.Provider value={rings}>
        <BoardLayoutContext.Provider value={layout}>{children}</BoardLayoutContext.Provider>
      </BoardRingsContext.Provider>
    </BoardContext.Provider>
  );
}

const EMPTY_LAYOUT: BoardLayout = { cards: {}, stacks: [], tokens: {}, loose: {}, rings: [[0.2, 0.4, 0.6, 0.8, 1]], hub: 0.2, font: 0.04 };

/**
 * How many CSS pixels one mat unit takes on screen, in whole pixels, so a resize by a pixel or
 * two does not lay the board out again; 0 until the board is measured.
 */
function usePxPerUnit(ref: RefObject<SVGSVGElement | null>, shown: boolean): number {
  const [ppu, setPpu] = useState(0);
  useLayoutEffect(() => {
    const svg = ref.current;
    if (!svg) return;
    const measure = () => {
      const box = svg.getBoundingClientRect();
      const side = Math.min(box.width, box.height);
      setPpu(side > 0 ? Math.floor(side / ((VIEW_HALF * 2) / SCALE)) : 0);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(svg);
    return () => observer.disconnect();
  }, [ref, shown]);
  return ppu;
}

/**
 * The drawing of a table for this viewer: the cards it sees, in the order they came onto the
 * board, each with its short label where the scenario gives one.
 */
function layoutFor(
  scenario: Scenario,
  table: TableState,
  viewer: Viewer | null,
  board: { preview: boolean; interactive: boolean },
  hyphenate: ((word: string) => string) | undefined,
  fonts: { font: number; minFont: number },
  ghosts: readonly CardOnBoard[],
): BoardLayout {
  const cards = Object.values(table.cards)
    .filter((c) => cardAppearance(c, viewer, board) === 'card')
    .map((c) => ({ id: c.id, x: c.x, y: c.y, label: wheelLabel(scenario, c), tag: Boolean(c.paused) }));
  // Last, so the cards still in play keep their places; each ghost has a row for its tag.
  for (const c of ghosts) if (!table.cards[c.id]) cards.push({ id: c.id, x: c.x, y: c.y, label: wheelLabel(scenario, c), tag: true });
  const tokens = Object.values(table.tokens).map((tk) => ({ id: tk.roleId, x: tk.x, y: tk.y }));
  return layoutBoard(cards, tokens, { sectorCount: scenario.board.sectors.length, hyphenate, ...fonts });
}

/** The badges of crowded cells: how many more cards lie there, and (tapped) which. */
function Stacks({ table, ghosts }: { table: TableState; ghosts: readonly CardOnBoard[] }) {
  const layout = useLayout();
  if (layout.stacks.length === 0) return null;
  const labelOf = (id: string) => table.cards[id]?.label ?? ghosts.find((g) => g.id === id)?.label ?? id;
  return (
    <g className="stacks">
      {layout.stacks.map((stack) => (
        <StackBadge key={`${stack.ring}:${stack.sector}`} stack={stack} labels={stack.ids.map(labelOf)} />
      ))}
    </g>
  );
}

/** The latest event fired at this table, if any. */
function latestEventAt(game: SessionState | null, tableId: string): FiredEvent | null {
  if (!game) return null;
  for (let i = game.events.length - 1; i >= 0; i--) if (game.events[i]!.tableIds.includes(tableId)) return game.events[i]!;
  return null;
}

/** What an event did to a table: the cards it brought onto the wheel, moved, and stopped. */
function eventHighlight(scenario: Scenario, table: TableState, fired: FiredEvent): BoardHighlight | undefined {
  const event = scenario.events.find((e) => e.id === fired.eventId);
  if (!event) return undefined;
  const added: string[] = [];
  const moved: string[] = [];
  for (const effect of event.effects) {
    if (effect.kind === 'add' && table.cards[effect.card.id]) added.push(effect.card.id);
    if (effect.kind === 'move' && table.cards[effect.card]) moved.push(effect.card);
  }
  const removed = table.ended.filter((e) => e.eventId === fired.eventId && e.version === fired.version).map((e) => e.card);
  return { added, moved, removed };
}

const HOST: Viewer = { kind: 'host' };
const SCREEN: Viewer = { kind: 'screen' };

function Cards({ cards, links, scenario, preview }: { cards: Record<string, CardOnBoard>; links: Link[]; scenario: Scenario; preview: boolean }) {
  const board = useBoard();
  const layout = useLayout();
  const selectedId = useApp((s) => (s.selection?.kind === 'card' ? s.selection.id : null));
  const all = Object.values(cards);
  const as = (c: CardOnBoard) => cardAppearance(c, board.viewer, { preview, interactive: board.interactive });
  const staged = all.filter((c) => as(c) === 'staged');
  // SVG has no z-index: the chosen card is drawn last, so it lies on top of its neighbours.
  const list = all
    .filter((c) => as(c) === 'card')
    .sort((a, b) => Number(a.id === selectedId) - Number(b.id === selectedId));
  // Lines between neighbouring cards hide under them, so each card also says how many it has.
  const shown = new Set(list.map((c) => c.id));
  const linkCount = new Map<string, number>();
  for (const l of links) {
    if (!shown.has(l.from) || !shown.has(l.to)) continue;
    linkCount.set(l.from, (linkCount.get(l.from) ?? 0) + 1);
    linkCount.set(l.to, (linkCount.get(l.to) ?? 0) + 1);
  }
  return (
    <g className="cards">
      {staged.map((card) => (
        <StagedCard key={card.id} card={card} />
      ))}
      <AnimatePresence initial={false}>
        {list.map((card) => {
          // A card in a crowded cell's stack is drawn only while it is picked up (it can then move).
          const placed = layout.cards[card.id] ?? layout.loose[card.id];
          if (!placed && card.id !== selectedId) return null;
          return <CardPiece key={card.id} card={card} placed={placed ?? null} scenario={scenario} links={linkCount.get(card.id) ?? 0} />;
        })}
      </AnimatePresence>
      {board.live && <PendingPlacements cards={cards} scenario={scenario} />}
    </g>
  );
}

/** The lines between cards that work together, under the cards; only between cards this viewer sees. */
function Links({ table, preview }: { table: TableState; preview: boolean }) {
  const board = useBoard();
  const layout = useLayout();
  const shown = (id: string) => {
    const card = table.cards[id];
    return card !== undefined && cardAppearance(card, board.viewer, { preview, interactive: board.interactive }) === 'card';
  };
  // useId's punctuation would break the url(#…) reference.
  const maskId = `links-mask-${useId().replace(/[^\w-]/g, '')}`;
  const links = table.links.filter((l) => shown(l.from) && shown(l.to));
  if (links.length === 0) return null;
  return (
    <>
      {/* A line across the middle would run over the persona's name: it passes behind her disc. */}
      <mask id={maskId} maskUnits="userSpaceOnUse" x={-VIEW_HALF} y={-VIEW_HALF} width={VIEW_HALF * 2} height={VIEW_HALF * 2}>
        <rect x={-VIEW_HALF} y={-VIEW_HALF} width={VIEW_HALF * 2} height={VIEW_HALF * 2} fill="#fff" />
        <circle r={layout.hub * SCALE} fill="#000" />
      </mask>
      <g className="links" mask={`url(#${maskId})`}>
        {links.map((link: Link) => (
          <LinkLine
            key={link.id}
            link={link}
            from={table.cards[link.from]!}
            to={table.cards[link.to]!}
            fromSpot={layoutSpot(layout, link.from)}
            toSpot={layoutSpot(layout, link.to)}
          />
        ))}
      </g>
    </>
  );
}

/** Where the layout draws a card: its own box, or its cell's stack when it is in one. */
function layoutSpot(layout: BoardLayout, id: string): Point | undefined {
  return layout.cards[id] ?? layout.stacks.find((s) => s.ids.includes(id));
}

/** How long a live board keeps an event's stopped cards: as long as they take to fade (board.css, ghost-fade). */
const GHOST_MS = 180_000;

/**
 * The stopped cards a board shows: a history board's always; a live board's from the event on,
 * until they have faded, after which their places go back to the cards in play.
 */
function useGhosts(removed: CardOnBoard[] | undefined, fading: boolean): CardOnBoard[] {
  const [faded, setFaded] = useState<CardOnBoard[] | undefined>(undefined);
  useEffect(() => {
    if (!fading || !removed || removed.length === 0) return;
    const timer = setTimeout(() => setFaded(removed), GHOST_MS);
    return () => clearTimeout(timer);
  }, [removed, fading]);
  return !removed || removed === faded ? NO_GHOSTS : removed;
}
const NO_GHOSTS: CardOnBoard[] = [];

/** Cards that stopped since the earlier moment, each in the place the layout gave it. */
function EndedGhosts({ cards, layout, fading }: { cards: CardOnBoard[]; layout: BoardLayout; fading: boolean }) {
  return (
    <g className="ended-ghosts">
      {cards.map((card) => (
        <EndedGhost key={card.id} card={card} placed={layout.cards[card.id] ?? null} fading={fading} />
      ))}
    </g>
  );
}

/** Deck cards this device just put down, shown until the server's broadcast brings the real card. */
function PendingPlacements({ cards, scenario }: { cards: Record<string, CardOnBoard>; scenario: Scenario }) {
  const { tableId } = useBoard();
  const { toShown } = useRings();
  const keys = useApp(useShallow((s) => Object.keys(s.pending).filter((k) => k.startsWith(`${tableId}:card:`))));
  const pending = useApp((s) => s.pending);
  return (
    <>
      {keys.map((key) => {
        const id = key.slice(`${tableId}:card:`.length);
        const def = scenario.cards.find((c) => c.id === id);
        const p = pending[key as keyof typeof pending];
        if (cards[id] || !def || !p) return null;
        return <GhostCard key={key} label={def.short ?? def.label} at={toShown(p)} />;
      })}
    </>
  );
}

function Tokens({ tokens, scenario }: { tokens: Record<string, Token>; scenario: Scenario }) {
  const layout = useLayout();
  return (
    <g className="tokens">
      {scenario.roles.map((role) => {
        const token = tokens[role.id];
        return token ? <TokenPiece key={role.id} token={token} role={role} laid={layout.tokens[role.id]} /> : null;
      })}
    </g>
  );
}

/** A deck card on its way from the list, under the finger. */
function DeckDragGhost() {
  const { tableId, toMat } = useBoard();
  const drag = deckDragStore((s) => s.drag);
  if (!drag || drag.tableId !== tableId) return null;
  const at = toMat(drag.clientX, drag.clientY);
  return at ? <GhostCard label={drag.label} at={at} /> : null;
}

/** Where a keyboard user is about to put the selection down. */
function KeyboardGhost({ scenario }: { scenario: Scenario }) {
  const { tableId } = useBoard();
  const { toShown } = useRings();
  const cursor = useApp((s) => s.cursor);
  const selection = useApp((s) => s.selection);
  const table = useApp((s) => s.game?.tables[tableId] ?? null);
  if (!cursor || !selection || !table) return null;
  if (selection.kind === 'token') return <GhostToken at={toShown(cursor)} />;
  return <GhostCard label={selectionLabel(selection, scenario, table)} at={toShown(cursor)} />;
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
  const linking = linkingStore.getState();
  if (e.key === 'Escape' && (linking.connectFrom || linking.linkId)) {
    e.preventDefault();
    linking.reset();
    s.announce(t('announce.cancelled'));
    return;
  }
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
