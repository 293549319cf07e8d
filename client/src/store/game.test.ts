import { describe, expect, it } from 'vitest';
import { committed, session } from '../test/fixtures';
import { createAppStore, pieceKey } from './index';

function loaded() {
  const store = createAppStore();
  store.getState().loadSnapshot({ version: 5, state: session() });
  return store;
}

describe('the game slice', () => {
  it('applies broadcasts that follow the local version, one after the other', () => {
    const store = loaded();
    expect(store.getState().receive(committed(6, 'step:set', { step: 'situatie' }))).toBe('applied');
    expect(store.getState().receive(committed(7, 'token:move', { tableId: 't1', roleId: 'mentor', x: 0.5, y: 0.5, rev: 0 }))).toBe('applied');
    const s = store.getState();
    expect(s.version).toBe(7);
    expect(s.game?.tables.t1?.step).toBe('situatie');
    expect(s.game?.tables.t1?.tokens.mentor).toMatchObject({ x: 0.5, y: 0.5, rev: 1 });
  });

  it('ignores a broadcast whose version it already has', () => {
    const store = loaded();
    const before = store.getState().game;
    expect(store.getState().receive(committed(5, 'step:set', { step: 'spelen' }))).toBe('ignored');
    expect(store.getState().receive(committed(3, 'step:set', { step: 'spelen' }))).toBe('ignored');
    expect(store.getState().game).toBe(before);
    expect(store.getState().version).toBe(5);
  });

  it('reports a gap when a version is skipped and leaves the board as it was', () => {
    const store = loaded();
    const before = store.getState().game;
    expect(store.getState().receive(committed(7, 'step:set', { step: 'spelen' }))).toBe('gap');
    expect(store.getState().game).toBe(before);
    expect(store.getState().version).toBe(5);
  });

  it('reports an action the shared reducer refuses, so the page can fetch a fresh snapshot', () => {
    const store = loaded();
    const moveUnknown = committed(6, 'card:move', { tableId: 't1', cardId: 'nope', x: 0.5, y: 0, rev: 0 });
    expect(store.getState().receive(moveUnknown)).toBe('rejected');
    expect(store.getState().version).toBe(5);
  });

  it('ignores broadcasts until the first snapshot has arrived', () => {
    const store = createAppStore();
    expect(store.getState().receive(committed(1, 'step:set', { step: 'situatie' }))).toBe('ignored');
    expect(store.getState().game).toBeNull();
  });

  it('ends the optimistic position of a move when the broadcast of that same action arrives', () => {
    const store = loaded();
    const key = pieceKey('t1', 'token', 'mentor');
    const action = committed(6, 'token:move', { tableId: 't1', roleId: 'mentor', x: 0.3, y: 0.3, rev: 0 });
    store.getState().setPending(key, { x: 0.3, y: 0.3, actionId: action.actionId, acked: false });
    store.getState().receive(committed(6, 'step:set', { step: 'situatie' }));
    expect(store.getState().pending[key]).toBeDefined();
    store.getState().receive({ ...action, version: 7 });
    expect(store.getState().pending[key]).toBeUndefined();
  });

  it('ends the live drag preview of a token when its drop is applied', () => {
    const store = loaded();
    const drags = store.getState().drags;
    drags.getState().applyDragFrames({ frames: [{ tableId: 't1', kind: 'token', id: 'mentor', x: 0.2, y: 0.9, by: 's1' }] }, 's9', 100);
    expect(drags.getState().remoteDrags[pieceKey('t1', 'token', 'mentor')]).toMatchObject({ x: 0.2, y: 0.9 });
    store.getState().receive(committed(6, 'token:move', { tableId: 't1', roleId: 'mentor', x: 0.2, y: 0.9, rev: 0 }));
    expect(drags.getState().remoteDrags[pieceKey('t1', 'token', 'mentor')]).toBeUndefined();
  });

  it('skips drag frames that are its own echo', () => {
    const store = loaded();
    const drags = store.getState().drags;
    drags.getState().applyDragFrames({ frames: [{ tableId: 't1', kind: 'token', id: 'mentor', x: 0.2, y: 0.9, by: 's1' }] }, 's1', 100);
    expect(drags.getState().remoteDrags).toEqual({});
  });

  it('forgets a live drag whose frames stopped without a drop', () => {
    const store = loaded();
    const drags = store.getState().drags;
    drags.getState().applyDragFrames({ frames: [{ tableId: 't1', kind: 'card', id: 'fasehuis', x: 0.5, y: 0.5, by: 's1' }] }, null, 100);
    drags.getState().expireDrags(50);
    expect(Object.keys(drags.getState().remoteDrags)).toHaveLength(1);
    drags.getState().expireDrags(101);
    expect(drags.getState().remoteDrags).toEqual({});
  });

  it('keeps unacknowledged moves but drops acknowledged ones when a snapshot replaces the board', () => {
    const store = loaded();
    store.getState().setPending(pieceKey('t1', 'card', 'fasehuis'), { x: 0.7, y: 0, actionId: 'x1', acked: true });
    store.getState().setPending(pieceKey('t1', 'card', 'bijbaan'), { x: 0.3, y: 0, actionId: 'x2', acked: false });
    store.getState().loadSnapshot({ version: 9, state: session() });
    expect(Object.keys(store.getState().pending)).toEqual([pieceKey('t1', 'card', 'bijbaan')]);
  });
});
