import { z } from 'zod';
import { SUPPORT_TYPES } from '../board/geometry';

/*
 * One schema for scenario files. YAML is parsed with the failsafe schema (every scalar is a
 * string), so `NO`, `18:00` or `010` stay text; the few numeric and yes/no fields convert here.
 */

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional();

/** Ids are what trainers cross-reference; keep them typeable and URL-safe. */
export const idSchema = z
  .string()
  .trim()
  // `constructor` would fit the pattern but names a property every object inherits.
  .regex(/^(?!constructor$)[a-z0-9][a-z0-9-]{0,47}$/, { message: 'id_format' });

const integer = (min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v),
    z.number().int().min(min).max(max),
  );

const yesNo = z.preprocess((v) => {
  if (typeof v !== 'string') return v;
  const s = v.trim().toLowerCase();
  if (['true', 'yes', 'ja', 'waar'].includes(s)) return true;
  if (['false', 'no', 'nee', 'onwaar'].includes(s)) return false;
  return v;
}, z.boolean());

export const supportTypeSchema = z.enum(SUPPORT_TYPES);

export const metaSchema = z.strictObject({
  title: text(80),
  language: z.enum(['nl', 'en']).default('nl'),
  version: text(20),
  author: text(120),
  description: text(2000),
  durationMinutes: integer(10, 600),
});

export const interviewItemSchema = z.strictObject({
  question: text(300),
  answer: text(3000),
});

export const personaSchema = z.strictObject({
  name: text(40),
  age: integer(0, 120),
  image: optionalText(200),
  avatar: optionalText(8),
  situation: text(200),
  interview: z.array(interviewItemSchema).min(1).max(30),
});

export const sectorSchema = z.strictObject({
  id: idSchema,
  label: text(40),
});

export const supportTypeLabelsSchema = z.strictObject({
  eigen: optionalText(60),
  informeel: optionalText(60),
  gemeente: optionalText(60),
  landelijk: optionalText(60),
});

export const boardSchema = z.strictObject({
  sectors: z.array(sectorSchema).min(3).max(10),
  supportTypes: supportTypeLabelsSchema.optional(),
});

export const ROLE_KINDS = ['persona', 'informeel', 'professional'] as const;

export const roleSchema = z.strictObject({
  id: idSchema,
  name: text(60),
  kind: z.enum(ROLE_KINDS).default('professional'),
  organisation: optionalText(120),
  law: optionalText(120),
  perspective: text(600),
  mandate: text(600),
  mayNot: text(600),
  required: yesNo.default(false),
});

export const cardSchema = z.strictObject({
  id: idSchema,
  label: text(80),
  /** What the wheel shows when the label is long ("Jongerenrekening"); the full label shows in the card's panel, the report and the PDF. */
  short: optionalText(28),
  role: idSchema.optional(),
  law: optionalText(120),
  supportType: supportTypeSchema,
  sector: idSchema,
  placement: z.enum(['start', 'deck']).default('deck'),
  note: optionalText(280),
});

export const pollSchema = z.strictObject({
  id: idSchema,
  kind: z.enum(['choice', 'scale']),
  question: text(300),
  /** For `choice`: the answers. For `scale`: optional labels from disagree to agree. */
  options: z.array(text(80)).min(2).max(7).optional(),
});

export const promptsSchema = z.strictObject({
  kennismaken: z.array(text(300)).max(20).optional(),
  situatie: z.array(text(300)).max(20).optional(),
  spelen: z.array(text(300)).max(20).optional(),
  reflectie: z.array(text(300)).max(20).optional(),
});

export const effectSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('end'), card: idSchema, reason: optionalText(300) }),
  z.strictObject({
    kind: z.literal('move'),
    card: idSchema,
    supportType: supportTypeSchema.optional(),
    sector: idSchema.optional(),
    reason: optionalText(300),
  }),
  /** The card stays on the wheel but does nothing for a while ("he breaks his hip"). */
  z.strictObject({ kind: z.literal('pause'), card: idSchema, reason: optionalText(300) }),
  /** A paused card works again. */
  z.strictObject({ kind: z.literal('resume'), card: idSchema, reason: optionalText(300) }),
  /** A role's card text changes: new funding, a new law, a wider or narrower mandate. */
  z.strictObject({
    kind: z.literal('role'),
    role: idSchema,
    organisation: optionalText(120),
    law: optionalText(120),
    mandate: optionalText(600),
    mayNot: optionalText(600),
    reason: optionalText(300),
  }),
  z.strictObject({
    kind: z.literal('add'),
    card: cardSchema.omit({ placement: true }),
    /** `board`: the card comes straight onto the wheel; `deck`: players may place it. */
    to: z.enum(['board', 'deck']).default('deck'),
    reason: optionalText(300),
  }),
]);

export const eventSchema = z.strictObject({
  id: idSchema,
  title: text(80),
  narrative: text(2000),
  /** The persona's age from this event on ("Tess wordt 18" → 18); screens show it in the centre. */
  age: integer(0, 120).optional(),
  effects: z.array(effectSchema).max(60).default([]),
  questions: z.array(text(300)).max(20).default([]),
});

export const praatplaatGroupSchema = z.strictObject({
  group: text(80),
  title: text(120),
  questions: z.array(text(400)).min(1).max(12),
});

export const reflectionSchema = z.strictObject({
  prompts: z.array(text(300)).min(1).max(20),
  praatplaat: z.array(praatplaatGroupSchema).max(20).optional(),
});

export const scenarioSchema = z.strictObject({
  id: idSchema,
  meta: metaSchema,
  persona: personaSchema,
  board: boardSchema,
  roles: z.array(roleSchema).min(1).max(30),
  cards: z.array(cardSchema).max(200),
  polls: z.array(pollSchema).max(20).default([]),
  prompts: promptsSchema.default({}),
  events: z.array(eventSchema).max(20).default([]),
  reflection: reflectionSchema,
});

export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type ScenarioRole = Scenario['roles'][number];
export type ScenarioCard = Scenario['cards'][number];
export type ScenarioEvent = Scenario['events'][number];
export type ScenarioEffect = ScenarioEvent['effects'][number];
export type ScenarioPoll = Scenario['polls'][number];
export type ScenarioEffectKind = ScenarioEffect['kind'];
/** The parts of a role an event may rewrite; the tablet's "Mijn rol" shows old and new. */
export { ROLE_TEXT_FIELDS, type RoleTextField } from './roleFields';
