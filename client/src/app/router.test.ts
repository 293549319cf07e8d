import { describe, expect, it } from 'vitest';
import { normaliseCode, parseRoute, paths } from './router';

describe('the page router', () => {
  it('reads each page and its parameters from the path', () => {
    expect(parseRoute('/')).toEqual({ name: 'home' });
    expect(parseRoute('/join')).toEqual({ name: 'join', code: null });
    expect(parseRoute('/join/acd-efg')).toEqual({ name: 'join', code: 'ACDEFG' });
    expect(parseRoute('/host/Ab_9-x')).toEqual({ name: 'host', sessionId: 'Ab_9-x' });
    expect(parseRoute('/screen/ACDEFG', '?table=t2')).toEqual({ name: 'screen', code: 'ACDEFG', tableId: 't2' });
    expect(parseRoute('/screen/ACDEFG')).toEqual({ name: 'screen', code: 'ACDEFG', tableId: null });
  });

  it('sends unknown paths to the not-found page', () => {
    expect(parseRoute('/admin')).toEqual({ name: 'notFound' });
    expect(parseRoute('/join/ABC/extra')).toEqual({ name: 'notFound' });
    expect(parseRoute('/host')).toEqual({ name: 'notFound' });
  });

  it('reads the trainers\' scenario pages', () => {
    expect(parseRoute('/scenarios')).toEqual({ name: 'scenarios' });
    expect(parseRoute('/scenarios/new')).toEqual({ name: 'scenarioEdit', id: null });
    expect(parseRoute('/scenarios/tess-wordt-18')).toEqual({ name: 'scenario', id: 'tess-wordt-18' });
    expect(parseRoute(paths.scenarioEdit('tess-wordt-18'))).toEqual({ name: 'scenarioEdit', id: 'tess-wordt-18' });
    expect(parseRoute('/scenarios/tess/other')).toEqual({ name: 'notFound' });
  });

  it('accepts codes the way people type them', () => {
    expect(normaliseCode(' acd efg ')).toBe('ACDEFG');
    expect(normaliseCode('ac-df-g3')).toBe('ACDFG3');
  });

  it('builds links that it reads back the same', () => {
    expect(parseRoute(paths.join('ACDEFG'))).toEqual({ name: 'join', code: 'ACDEFG' });
    expect(paths.host('S1', 'secret')).toBe('/host/S1#secret');
    expect(parseRoute(paths.hostReport('S1'))).toEqual({ name: 'hostReport', sessionId: 'S1' });
    expect(parseRoute('/host/S1/other')).toEqual({ name: 'notFound' });
  });
});
