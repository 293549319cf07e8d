import { existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenarioDir, loadScenarioFile, SCENARIO_FILE, type LoadedScenario } from './fs';
import { scenarioJsonSchemaText } from './jsonSchema';
import type { Lang } from './messages';
import type { ScenarioProblem } from './parse';

/*
 * `npm run scenarios:check [-- files…]`: the command trainers run before a workshop. It must
 * never show a stack trace; every failure becomes one plain sentence and exit code 1.
 */

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const DEFAULT_ROOT = join(REPO_ROOT, 'scenarios');
const SCHEMA_FILE = join(DEFAULT_ROOT, 'scenario.schema.json');

const EXIT_OK = 0;
const EXIT_PROBLEMS = 1;
const EXIT_USAGE = 2;

const HELP: Record<Lang, string> = {
  nl: `Controleert scenariobestanden voor Samenspel.

Gebruik:
  npm run scenarios:check                      alle scenario's in scenarios/
  npm run scenarios:check -- pad/scenario.yaml één of meer bestanden (of mappen)
  npm run scenarios:check -- --lang en         meldingen in het Engels
  npm run scenarios:schema                     schrijft scenarios/scenario.schema.json

Opties:
  --lang nl|en      taal van de meldingen (standaard nl)
  --write-schema    schrijf het JSON-schema voor editors
  --help            deze uitleg

Elke fout staat op één regel: bestand:regel:kolom  melding  → suggestie
Afsluitcode: 0 als alles klopt, 1 bij fouten, 2 bij een verkeerd commando.`,
  en: `Checks Samenspel scenario files.

Usage:
  npm run scenarios:check                      every scenario in scenarios/
  npm run scenarios:check -- path/scenario.yaml one or more files (or folders)
  npm run scenarios:check -- --lang en         messages in English
  npm run scenarios:schema                     writes scenarios/scenario.schema.json

Options:
  --lang nl|en      language of the messages (default nl)
  --write-schema    write the JSON Schema for editors
  --help            this text

Each problem is one line: file:line:column  message  → suggestion
Exit code: 0 when everything is fine, 1 on problems, 2 on a wrong command.`,
};

interface Args {
  lang: Lang;
  help: boolean;
  writeSchema: boolean;
  paths: string[];
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { lang: 'nl', help: false, writeSchema: false, paths: [] };
  // Read the language first so a mistake in another option is reported in the right language.
  const langAt = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const langArg = langAt >= 0 ? (argv[langAt]!.includes('=') ? argv[langAt]!.split('=')[1] : argv[langAt + 1]) : undefined;
  if (langArg === 'en' || langArg === 'nl') args.lang = langArg;
  else if (langAt >= 0) throw new UsageError(`--lang: kies 'nl' of 'en' / choose 'nl' or 'en'`);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--lang') i++;
    else if (a.startsWith('--lang=')) continue;
    else if (a === '--help' || a === '-h') args.help = true;
    else if (a === '--write-schema') args.writeSchema = true;
    else if (a.startsWith('-'))
      throw new UsageError(args.lang === 'nl' ? `onbekende optie '${a}' (zie --help)` : `unknown option '${a}' (see --help)`);
    else args.paths.push(a);
  }
  return args;
}

/** A path as the trainer will recognise it: relative to where they ran the command. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' ? path : rel.startsWith('..') ? path : rel;
}

function formatProblem(p: ScenarioProblem): string {
  const where = `${shown(p.file)}:${p.line}:${p.column}`;
  return p.suggestion ? `${where}  ${p.message}  → ${p.suggestion}` : `${where}  ${p.message}`;
}

function collect(paths: readonly string[], lang: Lang): LoadedScenario[] {
  if (paths.length === 0) return loadScenarioDir(DEFAULT_ROOT, lang);
  const out: LoadedScenario[] = [];
  for (const p of paths) {
    const isDir = existsSync(p) && statSync(p).isDirectory();
    if (!isDir) out.push(loadScenarioFile(p, lang));
    else if (existsSync(join(p, SCENARIO_FILE))) out.push(loadScenarioFile(join(p, SCENARIO_FILE), lang));
    else out.push(...loadScenarioDir(p, lang));
  }
  return out;
}

function summaryLine(lang: Lang, checked: number, failed: number, problems: number): string {
  const nl = lang === 'nl';
  if (failed === 0)
    return nl
      ? `${checked} ${checked === 1 ? 'scenario' : "scenario's"} gecontroleerd: alles in orde.`
      : `${checked} ${checked === 1 ? 'scenario' : 'scenarios'} checked: all fine.`;
  return nl
    ? `${problems} ${problems === 1 ? 'fout' : 'fouten'} in ${failed} van ${checked} ${checked === 1 ? 'scenario' : "scenario's"}.`
    : `${problems} ${problems === 1 ? 'problem' : 'problems'} in ${failed} of ${checked} ${checked === 1 ? 'scenario' : 'scenarios'}.`;
}

function okLine(lang: Lang, item: LoadedScenario): string {
  if (!item.result.ok) return '';
  const s = item.result.scenario;
  return lang === 'nl'
    ? `✓ ${shown(item.file)}  (${s.roles.length} rollen, ${s.cards.length} kaarten, ${s.events.length} ${s.events.length === 1 ? 'gebeurtenis' : 'gebeurtenissen'})`
    : `✓ ${shown(item.file)}  (${s.roles.length} roles, ${s.cards.length} cards, ${s.events.length} ${s.events.length === 1 ? 'event' : 'events'})`;
}

/** Runs the command and returns its exit code; all output goes through `out` and `err`. */
export function run(argv: readonly string[], out: (line: string) => void, err: (line: string) => void): number {
  let lang: Lang = 'nl';
  try {
    const args = parseArgs(argv);
    lang = args.lang;
    if (args.help) {
      out(HELP[lang]);
      return EXIT_OK;
    }
    if (args.writeSchema) {
      writeFileSync(SCHEMA_FILE, scenarioJsonSchemaText());
      out(lang === 'nl' ? `JSON-schema geschreven naar ${shown(SCHEMA_FILE)}` : `JSON Schema written to ${shown(SCHEMA_FILE)}`);
      return EXIT_OK;
    }
    const items = collect(args.paths, lang);
    let failed = 0;
    let problems = 0;
    for (const item of items) {
      if (item.result.ok) {
        out(okLine(lang, item));
        continue;
      }
      failed++;
      problems += item.result.problems.length;
      for (const p of item.result.problems) out(formatProblem(p));
    }
    out(summaryLine(lang, items.length, failed, problems));
    return failed === 0 ? EXIT_OK : EXIT_PROBLEMS;
  } catch (e) {
    if (e instanceof UsageError) {
      err(e.message);
      return EXIT_USAGE;
    }
    const reason = e instanceof Error ? e.message : String(e);
    err(lang === 'nl' ? `Controle niet gelukt: ${reason}` : `Check failed: ${reason}`);
    return EXIT_PROBLEMS;
  }
}

// Only run when started as a command, so tests can import `run` without side effects.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // `… | head` closes the pipe early; that is the reader's choice, not a crash worth a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK);
      throw e;
    });
  }
  process.exitCode = run(
    process.argv.slice(2),
    (line) => console.log(line),
    (line) => console.error(line),
  );
}
