import { z } from 'zod';
import { MAT_HALF } from '../board/geometry';
import { MAX_TABLES } from '../rules/tableAdd';
import { STEPS } from '../state/types';
import { MAX_INSIGHT, MAX_NOTE, type ActionPayloads, type ActionType, type DragFrame } from './index';

/*
 * Runtime checks for everything the server reads. Each schema is tied to the plain protocol
 * types with `satisfies`, so the two cannot drift apart.
 */

const id = z.string().min(1).max(64);
const coord = z.number().finite().min(-MAT_HALF).max(MAT_HALF);
const name = z.string().trim().min(1).max(40);
const small = z.number().int().min(0).max(100);
/** Facilitator controls name the tables they apply to; absent means every table. */
const tableIds = z.array(id).min(1).max(MAX_TABLES).optional();

export const actionPayloadSchemas = {
  'seat:claim': z.strictObject({ tableId: id, roleId: id, name }),
  'seat:release': z.strictObject({ seatId: id }),
  'card:place': z
    .strictObject({ tableId: id, defId: id.optional(), label: z.string().trim().min(1).max(80).optional(), x: coord, y: coord })
    .refine((p) => (p.defId === undefined) !== (p.label === undefined), { message: 'give either defId or label' }),
  'card:move': z.strictObject({ tableId: id, cardId: id, x: coord, y: coord, rev: z.number().int().min(0) }),
  'card:remove': z.strictObject({ tableId: id, cardId: id }),
  'token:move': z.strictObject({ tableId: id, roleId: id, x: coord, y: coord, rev: z.number().int().min(0) }),
  'card:note': z.strictObject({ tableId: id, cardId: id, note: z.string().trim().max(MAX_NOTE) }),
  'card:redact': z.strictObject({ tableId: id, cardId: id }),
  'link:add': z.strictObject({ tableId: id, from: id, to: id }),
  'link:remove': z.strictObject({ tableId: id, linkId: id }),
  'seat:reassign': z.strictObject({ seatId: id, tableId: id, roleId: id }),
  'table:add': z.strictObject({ name: z.string().trim().min(1).max(40) }),
  'step:set': z.strictObject({ step: z.enum(STEPS), tableIds }),
  'step:summon': z.strictObject({ tableIds }),
  'event:fire': z.strictObject({ eventId: id, tableIds }),
  'timer:start': z.strictObject({ durationMs: z.number().int().min(10_000).max(4 * 3_600_000).optional(), tableIds }),
  'timer:pause': z.strictObject({ tableIds }),
  'timer:extend': z.strictObject({ ms: z.number().int().min(-30 * 60_000).max(30 * 60_000), tableIds }),
  'timer:reset': z.strictObject({ tableIds }),
  'board:lock': z.strictObject({ locked: z.boolean(), tableIds }),
  'interview:reveal': z.strictObject({ count: z.number().int().min(0).max(100), tableIds }),
  'prompt:show': z.strictObject({
    prompt: z
      .discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('step'), step: z.enum(STEPS), index: small }),
        z.strictObject({ kind: z.literal('event'), eventId: id, index: small }),
        z.strictObject({ kind: z.literal('reflection'), index: small }),
        z.strictObject({ kind: z.literal('praatplaat'), group: small, index: small }),
      ])
      .nullable(),
    tableIds,
  }),
  'situation:reveal': z.strictObject({ all: z.boolean(), tableIds }),
  'privacy:set': z.strictObject({ private: z.boolean(), tableIds }),
  'cards:reveal': z.strictObject({ tableIds }),
  'poll:open': z.strictObject({ pollId: id }),
  'poll:answer': z.strictObject({ pollId: id, option: z.number().int().min(0).max(20) }),
  'poll:close': z.strictObject({ pollId: id }),
  'poll:reveal': z.strictObject({ pollId: id, revealed: z.boolean() }),
  'poll:dismiss': z.strictObject({}),
  'insight:add': z.strictObject({ text: z.string().trim().min(1).max(MAX_INSIGHT) }),
  'insight:set': z
    .strictObject({ insightId: id, hidden: z.boolean().optional(), revealed: z.boolean().optional() })
    .refine((p) => p.hidden !== undefined || p.revealed !== undefined, { message: 'give hidden or revealed' }),
  'insight:remove': z.strictObject({ insightId: id }),
  'insights:reveal': z.strictObject({ tableIds }),
  'screen:show': z.strictObject({ tableIds: z.array(id).min(1).max(2) }),
} satisfies { [K in ActionType]: z.ZodType<ActionPayloads[K]> };

export const actionRequestSchema = z.strictObject({
  actionId: z.string().min(8).max(64),
  baseVersion: z.number().int().min(0),
  payload: z.unknown(),
});

const protocolVersion = z.number().int();
export const joinSchema = z.strictObject({
  protocolVersion,
  code: z.string().trim().min(1).max(16),
  seatToken: z.string().min(10).max(128).optional(),
});
export const hostAttachSchema = z.strictObject({ protocolVersion, sessionId: id, hostToken: z.string().min(10).max(128) });
export const screenAttachSchema = z.strictObject({ protocolVersion, code: z.string().trim().min(1).max(16) });
export const syncSchema = z.strictObject({ sinceVersion: z.number().int().min(0) });

export const dragFrameSchema = z.strictObject({
  tableId: id,
  kind: z.enum(['token', 'card']),
  id,
  x: coord,
  y: coord,
}) satisfies z.ZodType<DragFrame>;

/** Turns a zod failure into one readable line for an error ack. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}
