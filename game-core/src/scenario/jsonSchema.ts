import { z } from 'zod';
import { scenarioSchema } from './schema';

type JsonObject = Record<string, unknown>;

/*
 * The checker reads YAML with the failsafe schema, so `age: "17"` and `required: ja` are
 * fine there. Editors read YAML 1.2, where `17` is a number and `ja` is text, so the
 * converted fields must accept both spellings or the editor would flag correct files.
 */
const YES_NO_WORDS = ['true', 'false', 'yes', 'no', 'ja', 'nee', 'waar', 'onwaar'];

/** The scenario format as JSON Schema, for editor autocompletion (yaml-language-server). */
export function scenarioJsonSchema(): JsonObject {
  const schema = z.toJSONSchema(scenarioSchema, {
    // yaml-language-server (VS Code, JetBrains) knows draft-07 best.
    target: 'draft-7',
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      const def = ctx.zodSchema._zod.def as unknown as { type: string; in?: { _zod: { def: { type: string } } } };
      if (def.type !== 'pipe' || def.in?._zod.def.type !== 'transform') return;
      const target = ctx.jsonSchema as JsonObject;
      const native = { ...target };
      for (const key of Object.keys(target)) delete target[key];
      if (native.type === 'integer') target.anyOf = [native, { type: 'string', pattern: '^\\s*-?\\d+\\s*$' }];
      else if (native.type === 'boolean')
        target.anyOf = [native, { type: 'string', enum: YES_NO_WORDS.flatMap((w) => [w, w[0]!.toUpperCase() + w.slice(1), w.toUpperCase()]) }];
      else Object.assign(target, native);
    },
  }) as JsonObject;
  return {
    $schema: schema.$schema,
    title: 'Samenspel-scenario',
    description: 'Eén scenario voor Samenspel. Controleer met: npm run scenarios:check',
    ...schema,
  };
}

/** The text written to scenarios/scenario.schema.json; stable so the committed file can be compared. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
