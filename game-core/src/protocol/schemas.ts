import { z } from 'zod';
import { MAT_HALF } from '../board/geometry';
import { MAX_TABLES } from '../rules/tableAdd';
import { isReservedKey } from '../state/ids';
import { normaliseText, type NormaliseOptions } from '../state/text';
import { STEPS } from '../state/types';
import {
  MAX_INSIGHT,
  MAX_LABEL,
  MAX_NAME,
  MAX_NOTE,
  MAX_SCREEN_TABLES,
  type ActionPayloads,
  type ActionType,
  type DragFrame,
  type ErrorCode,
} from './index';

/*
 * Runtime checks for everything the server reads. Each schema is tied to the plain protocol
 * types with `satisfies`, so the two cannot drift apart.
 */

/** Ids index plain objects, so names every object inherits (`__proto__`, `constructor`…) are refused. */
const id = z
  .string()
  .min(1)
  .max(64)
  .refine((s) => !isReservedKey(s), { message: 'this id is a reserved name' });
const coord = z.number().finite().min(-MAT_HALF).max(MAT_HALF);

/** Marks a text with nothing visible left, so the ack says INVALID_TEXT instead of BAD_REQUEST. */
const INVALID_TEXT_PARAM = { code: 'INVALID_TEXT' } as const;

/**
 * Text people type, normalised here (see `normaliseText`) so the stored action already holds
 * what every screen will draw. Text with nothing visible left is refused; `clearable` text may
 * be sent empty on purpose (a note taken off a card).
 */
function text(max: number, options: NormaliseOptions & { clearable?: boolean } = {}) {
  // Invisible characters are removed below, but reading them still costs work: bound the raw text too.
  return z
    .string()
    .max(max * 4)
    .transform((raw, ctx) => {
      const clean = normaliseText(raw, options);
      // Combining marks alone draw nothing readable either: they float over whatever stands before.
      const visible = clean.replace(/[\p{M}\s]/gu, '') !== '';
      if (!visible && !(options.clearable && raw.trim() === '')) {
        ctx.addIssue({ code: 'custom', message: 'has no visible text (only spaces or invisible characters)', params: INVALID_TEXT_PARAM });
        return z.NEVER;
      }
      if (clean.length > max) {
        ctx.addIssue({ code: 'too_big', origin: 'string', maximum: max, inclusive: true, input: clean, message: `Too big: expected string to have <=${max} characters` });
        return z.NEVER;
      }
      return clean;
    });
}
const name = text(MAX_NAME);
const small = z.number().int().min(0).max(100);
/** Facilitator controls name the tables they apply to; absent means every table. */
const tableIds = z.array(id).min(1).max(MAX_TABLES).optional();

export const actionPayloadSchemas = {
  'seat:claim': z.strictObject({ tableId: id, roleId: id, name }),
  'seat:release': z.strictObject({ seatId: id }),
  'card:place': z
    .strictObject({ tableId: id, defId: id.optional(), label: text(MAX_LABEL).optional(), x: coord, y: coord })
    .refine((p) => (p.defId === undefined) !== (p.label === undefined), { message: 'give either defId or label' }),
  'card:move': z.strictObject({ tableId: id, cardId: id, x: coord, y: coord, rev: z.number().int().min(0) }),
  'card:remove': z.strictObject({ tableId: id, cardId: id }),
  'token:move': z.strictObject({ tableId: id, roleId: id, x: coord, y: coord, rev: z.number().int().min(0) }),
  'card:note': z.strictObject({ tableId: id, cardId: id, note: text(MAX_NOTE, { multiline: true, clearable: true }) }),
  'card:redact': z.strictObject({ tableId: id, cardId: id }),
  'card:pause': z.strictObject({ tableId: id, cardId: id, paused: z.boolean() }),
  'link:add': z.strictObject({ tableId: id, from: id, to: id }),
  'link:remove': z.strictObject({ tableId: id, linkId: id }),
  'seat:reassign': z.strictObject({ seatId: id, tableId: id, roleId: id }),
  'table:add': z.strictObject({ name }),
  'step:set': z.strictObject({ step: z.enum(STEPS), tableIds, force: z.boolean().optional() }),
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
  'insight:add': z.strictObject({ text: text(MAX_INSIGHT, { multiline: true }) }),
  'insight:set': z
    .strictObject({ insightId: id, hidden: z.boolean().optional(), revealed: z.boolean().optional() })
    .refine((p) => p.hidden !== undefined || p.revealed !== undefined, { message: 'give hidden or revealed' }),
  'insight:remove': z.strictObject({ insightId: id }),
  'insights:reveal': z.strictObject({ tableIds }),
  'screen:show': z.strictObject({ tableIds: z.array(id).min(1).max(MAX_SCREEN_TABLES) }),
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

/** The error code for a refused payload: INVALID_TEXT when a text had nothing visible left. */
export function refusalCode(error: z.ZodError): ErrorCode {
  return error.issues.some((i) => i.code === 'custom' && i.params?.['code'] === INVALID_TEXT_PARAM.code) ? 'INVALID_TEXT' : 'BAD_REQUEST';
}

/** Turns a zod failure into one readable line for an error ack. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}
