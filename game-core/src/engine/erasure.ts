import { ERASED_TEXT, type ActionPayloads, type CommittedAction } from '../protocol/index';

/** Actions that erase words a player wrote, everywhere they were stored. */
export const ERASING_ACTIONS = new Set<string>(['insight:remove', 'card:redact']);

/** A stored action whose payload must be rewritten, and the payload it gets. */
export interface Rewrite {
  version: number;
  payload: CommittedAction['payload'];
}

/**
 * The earlier actions of a log that carried the words an erasing action removes, with the
 * payloads that replace them. The rewritten log replays to the same ids, places and states,
 * with `ERASED_TEXT` where the words were:
 * - `insight:remove`: the `insight:add` that wrote it (its id is `i<version>`);
 * - `card:redact`: the `card:place` of a blank card (id `blank-<version>`) and every
 *   `card:note` on the card. Notes become placeholders that differ from the one before, so no
 *   replayed note is refused as "already this note"; an empty note (taken off) stays empty.
 */
export function erasures(log: readonly CommittedAction[], removal: CommittedAction): Rewrite[] {
  if (removal.type === 'insight:remove') {
    const { insightId } = removal.payload as ActionPayloads['insight:remove'];
    const add = log.find((a) => a.type === 'insight:add' && `i${a.version}` === insightId);
    return add ? [{ version: add.version, payload: { ...(add.payload as ActionPayloads['insight:add']), text: ERASED_TEXT } }] : [];
  }
  if (removal.type !== 'card:redact') return [];
  const { tableId, cardId } = removal.payload as ActionPayloads['card:redact'];
  const out: Rewrite[] = [];
  let notes = 0;
  for (const a of log) {
    if (a.version >= removal.version) break;
    if (a.type === 'card:place') {
      const p = a.payload as ActionPayloads['card:place'];
      if (p.tableId === tableId && p.defId === undefined && `blank-${a.version}` === cardId) out.push({ version: a.version, payload: { ...p, label: ERASED_TEXT } });
    } else if (a.type === 'card:note') {
      const p = a.payload as ActionPayloads['card:note'];
      if (p.tableId !== tableId || p.cardId !== cardId || p.note.trim() === '') continue;
      out.push({ version: a.version, payload: { ...p, note: ERASED_TEXT.repeat(1 + (notes++ % 2)) } });
    }
  }
  return out;
}
