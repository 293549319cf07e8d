import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema, scenarioJsonSchemaText } from '../../game-core/src/scenario/jsonSchema';
import { SCENARIOS_ROOT } from './helpers';

type Json = Record<string, any>;

describe('the JSON Schema for editors', () => {
  it('is committed exactly as npm run scenarios:schema would write it now', () => {
    const committed = readFileSync(join(SCENARIOS_ROOT, 'scenario.schema.json'), 'utf8');
    expect(committed).toBe(scenarioJsonSchemaText());
  });

  it('lists the support types so an editor can offer them', () => {
    const s = scenarioJsonSchema() as Json;
    expect(s.properties.cards.items.properties.supportType.enum).toEqual(['eigen', 'informeel', 'gemeente', 'landelijk']);
  });

  it('accepts both 17 and "17" for a number, because the checker reads both as 17', () => {
    const age = (scenarioJsonSchema() as Json).properties.persona.properties.age;
    expect(age.anyOf.map((a: Json) => a.type)).toEqual(['integer', 'string']);
  });

  it('accepts ja and nee as well as true and false for a yes/no field', () => {
    const required = (scenarioJsonSchema() as Json).properties.roles.items.properties.required;
    expect(required.anyOf[0].type).toBe('boolean');
    expect(required.anyOf[1].enum).toEqual(expect.arrayContaining(['ja', 'nee', 'Ja', 'true']));
  });

  it('refuses unknown fields so typos are flagged while typing', () => {
    expect((scenarioJsonSchema() as Json).additionalProperties).toBe(false);
  });
});
