import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { z } from 'zod';
import { scenarioSchema, type Scenario } from './schema';
import { crossCheck } from './crossCheck';
import { describeIssue, type Lang } from './messages';

/** One thing wrong in a scenario file, pointing at a place a trainer can find. */
export interface ScenarioProblem {
  file: string;
  line: number;
  column: number;
  /** Dotted path into the scenario, e.g. `cards.3.role`. */
  path: string;
  code: string;
  message: string;
  suggestion?: string;
}

export type ScenarioParseResult =
  | { ok: true; scenario: Scenario; document: Document }
  | { ok: false; problems: ScenarioProblem[]; document: Document | null };

export interface ParseOptions {
  file?: string;
  lang?: Lang;
  /** Tells whether an image path next to the file exists; omitted means "don't check". */
  fileExists?: (relativePath: string) => boolean;
}

/** Parses and checks a scenario YAML text: syntax, schema and cross-references. */
export function parseScenarioYaml(text: string, options: ParseOptions = {}): ScenarioParseResult {
  const file = options.file ?? 'scenario.yaml';
  const lang = options.lang ?? 'nl';
  const lineCounter = new LineCounter();
  // failsafe: every scalar is a string, so YAML 1.1 surprises (NO → false, 010 → 8) cannot happen.
  const document = parseDocument(text, { lineCounter, schema: 'failsafe', prettyErrors: false, uniqueKeys: true });

  if (document.errors.length > 0) {
    const problems = document.errors.map((err): ScenarioProblem => {
      const pos = lineCounter.linePos(err.pos[0]);
      return {
        file,
        line: pos.line,
        column: pos.col,
        path: '',
        code: 'yaml_syntax',
        message: describeIssue({ kind: 'yaml', detail: firstLine(err.message) }, lang).message,
      };
    });
    return { ok: false, problems, document };
  }

  const locate = (path: readonly PropertyKey[]) => locatePath(document, lineCounter, path);
  const raw: unknown = document.toJS();
  const parsed = scenarioSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => problemFromZod(issue, file, lang, locate));
    return { ok: false, problems: sortProblems(problems), document };
  }

  const refs = crossCheck(parsed.data, { fileExists: options.fileExists });
  if (refs.length > 0) {
    const problems = refs.map((ref): ScenarioProblem => {
      const { line, column } = locate(ref.path);
      const described = describeIssue(ref, lang);
      return { file, line, column, path: ref.path.join('.'), code: ref.code, ...described };
    });
    return { ok: false, problems: sortProblems(problems), document };
  }
  return { ok: true, scenario: parsed.data, document };
}

function problemFromZod(
  issue: z.core.$ZodIssue,
  file: string,
  lang: Lang,
  locate: (path: readonly PropertyKey[]) => { line: number; column: number },
): ScenarioProblem {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  const { line, column } = locate(path);
  const described = describeIssue({ kind: 'zod', issue }, lang);
  return { file, line, column, path: path.join('.'), code: `schema_${issue.code}`, ...described };
}

/**
 * The deepest node that exists along `path`. A missing key points at its parent mapping, which
 * is where the trainer has to add it.
 */
function locatePath(document: Document, lineCounter: LineCounter, path: readonly PropertyKey[]) {
  let best: number = document.contents && isNode(document.contents) ? (document.contents.range?.[0] ?? 0) : 0;
  for (let depth = path.length; depth >= 0; depth--) {
    const node = document.getIn(path.slice(0, depth) as unknown[], true);
    if (isNode(node) && node.range) {
      best = node.range[0];
      break;
    }
  }
  const pos = lineCounter.linePos(best);
  return { line: pos.line, column: pos.col };
}

function sortProblems(problems: ScenarioProblem[]): ScenarioProblem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.column - b.column);
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}
