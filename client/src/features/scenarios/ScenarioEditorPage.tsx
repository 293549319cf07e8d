// First: it configures zod before the scenario checker below builds its schemas.
import './jitless';
import { parseScenarioYaml, type Scenario, type ScenarioProblem } from '@samenspel/game-core/scenario';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Link } from '../../app/Link';
import { navigate, paths } from '../../app/router';
import type { TrainerKey } from '../../i18n/useTrainerT';
import { useTrainerT as useT } from '../../i18n/useTrainerT';
import { useApp } from '../../store';
import { fetchConfig, fetchSource, rememberTrainerSecret, saveSource, takeTrainerSecretFromLink, type SaveResult } from './api';
import { docData, docText, openDoc, TEMPLATE, asText, type Path, type ScenarioDoc } from './doc';
import { EditorContext, fieldId, type EditorContextValue } from './fields';
import { ScenarioPreview } from './ScenarioPreview';
import { BoardSection, CardsSection, EventsSection, MetaSection, PersonaSection, PollsSection, PromptsSection, ReflectionSection, RolesSection } from './sections';
import { ProblemList, TrainerShell } from './TrainerShell';

const SECTIONS = ['meta', 'persona', 'board', 'roles', 'cards', 'polls', 'prompts', 'events', 'reflection', 'yaml'] as const;
type Section = (typeof SECTIONS)[number];

/** Which form section a problem's path belongs to. */
function sectionOf(path: string): Section {
  const head = path.split('.')[0] ?? '';
  if (head === 'id' || head === 'meta') return 'meta';
  return (SECTIONS as readonly string[]).includes(head) ? (head as Section) : 'yaml';
}

type Load = { state: 'loading' } | { state: 'missing' } | { state: 'failed' } | { state: 'ready' };

/**
 * The form editor. It changes the YAML Document in place (comments and order survive), checks
 * the text on every change with the same parser as the server, and shows the preview beside it.
 */
export default function ScenarioEditorPage({ id }: { id: string | null }) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const docRef = useRef<ScenarioDoc | null>(null);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [text, setText] = useState('');
  const [savedText, setSavedText] = useState('');
  const [version, setVersion] = useState(0);
  const [section, setSection] = useState<Section>('meta');
  const [writable, setWritable] = useState<boolean | null>(null);
  const [scenariosDir, setScenariosDir] = useState('scenarios');
  const [save, setSave] = useState<SaveResult | { kind: 'saving' } | null>(null);

  useEffect(() => {
    let live = true;
    setLoad({ state: 'loading' });
    const source = id === null ? Promise.resolve(TEMPLATE) : fetchSource(id);
    source
      .then((src) => {
        if (!live) return;
        if (src === null) return setLoad({ state: 'missing' });
        docRef.current = openDoc(src);
        setText(src);
        setSavedText(id === null ? '' : src);
        setVersion((v) => v + 1);
        setLoad({ state: 'ready' });
      })
      .catch(() => live && setLoad({ state: 'failed' }));
    void fetchConfig().then((c) => {
      if (!live) return;
      setWritable(c.scenariosWritable);
      setScenariosDir(c.scenariosDir);
    });
    return () => {
      live = false;
    };
  }, [id]);

  const file = id ? `${scenariosDir}/${id}/scenario.yaml` : 'scenario.yaml';
  const result = useMemo(
    () => (load.state === 'ready' ? parseScenarioYaml(text, { file, lang, ...(id ? { expectedId: id } : {}) }) : null),
    [text, lang, file, id, load.state],
  );
  const problems: ScenarioProblem[] = result && !result.ok ? result.problems : [];

  // The preview keeps showing the last version that passed the check while the text has problems.
  const lastGood = useRef<Scenario | null>(null);
  if (result?.ok) lastGood.current = result.scenario;
  const previewScenario = result?.ok ? result.scenario : lastGood.current;

  const data = useMemo(() => (docRef.current ? docData(docRef.current) : {}), [version]); // eslint-disable-line react-hooks/exhaustive-deps

  const edit = useCallback((change: (doc: ScenarioDoc) => void) => {
    const doc = docRef.current;
    if (!doc) return;
    change(doc);
    setText(docText(doc));
    setVersion((v) => v + 1);
    setSave(null);
  }, []);

  const ctx = useMemo<EditorContextValue>(() => {
    const byPath = new Map<string, ScenarioProblem[]>();
    for (const p of problems) byPath.set(p.path, [...(byPath.get(p.path) ?? []), p]);
    return {
      data,
      edit,
      problemsAt: (path: Path) => byPath.get(path.join('.')) ?? [],
      problemsUnder: (path: Path) => {
        const prefix = `${path.join('.')}.`;
        return problems.filter((p) => p.path === prefix.slice(0, -1) || p.path.startsWith(prefix)).length;
      },
    };
  }, [data, edit, problems]);

  const dirty = load.state === 'ready' && text !== savedText;
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const downloadUrl = useMemo(() => (text ? URL.createObjectURL(new Blob([text], { type: 'text/yaml;charset=utf-8' })) : null), [text]);
  useEffect(() => () => void (downloadUrl && URL.revokeObjectURL(downloadUrl)), [downloadUrl]);

  const title = asText((data.meta as Record<string, unknown> | undefined)?.title) || id || t('trainer.new');
  useEffect(() => {
    document.title = `${t('trainer.editTitle', { title })} · ${t('app.name')}`;
  }, [title, t]);

  const targetId = id ?? asText(data.id);
  const doSave = async () => {
    if (!targetId) return;
    setSave({ kind: 'saving' });
    const res = await saveSource(targetId, text);
    setSave(res);
    if (res.kind === 'saved') {
      setSavedText(text);
      if (id === null) navigate(paths.scenarioEdit(targetId), { replace: true });
    }
  };

  const pick = (p: ScenarioProblem) => {
    const target = sectionOf(p.path);
    setSection(target);
    requestAnimationFrame(() => {
      const parts = p.path.split('.');
      // The field itself, or the nearest box around it (a missing field points at its parent).
      for (let n = parts.length; n > 0; n--) {
        const el = document.getElementById(fieldId(parts.slice(0, n)));
        if (el) {
          el.scrollIntoView({ block: 'center' });
          ((el.matches('input, select, textarea') ? el : (el.querySelector('input, select, textarea') ?? el)) as HTMLElement).focus();
          return;
        }
      }
      if (target === 'yaml') focusLine(p.line, p.column);
    });
  };

  const replaceText = (next: string) => {
    docRef.current = openDoc(next);
    setText(next);
    setVersion((v) => v + 1);
    setSave(null);
  };

  if (load.state !== 'ready') {
    return (
      <TrainerShell>
        {load.state === 'loading' && <p aria-busy="true">{t('app.loading')}</p>}
        {load.state === 'missing' && <p className="form-error">{t('trainer.missing')}</p>}
        {load.state === 'failed' && <p className="form-error">{t('home.loadFailed')}</p>}
      </TrainerShell>
    );
  }

  const syntaxBroken = (docRef.current?.errors.length ?? 0) > 0;
  const shownSection: Section = syntaxBroken ? 'yaml' : section;
  const countIn = (s: Section) => problems.filter((p) => sectionOf(p.path) === s).length;

  return (
    <TrainerShell wide>
      <div className="editor-head">
        <div>
          <p className="role-kicker">{id ? t('trainer.editKicker') : t('trainer.newKicker')}</p>
          <h1>{title}</h1>
          <p className="muted">
            <code>{id ? file : t('trainer.newFile')}</code>
            {dirty && <span className="badge badge-dirty">{t('trainer.unsaved')}</span>}
          </p>
        </div>
        <div className="editor-actions">
          {id && (
            <Link href={paths.scenario(id)} className="button-link">
              {t('trainer.toPreview')}
            </Link>
          )}
          {downloadUrl && (
            <a className="button-secondary" href={downloadUrl} download="scenario.yaml" data-testid="download-yaml">
              {t('trainer.download')}
            </a>
          )}
          <button
            type="button"
            className="button-primary"
            onClick={() => void doSave()}
            disabled={writable !== true || !result?.ok || save?.kind === 'saving'}
            aria-describedby="save-note"
            data-testid="save-yaml"
          >
            {save?.kind === 'saving' ? t('trainer.saving') : t('trainer.save')}
          </button>
        </div>
      </div>
      <SaveNote
        writable={writable}
        valid={result?.ok ?? false}
        save={save}
        onPick={pick}
        onSecret={(secret) => {
          rememberTrainerSecret(secret);
          void doSave();
        }}
      />

      <div className="editor">
        <div className="editor-form">
          <nav className="section-tabs" aria-label={t('trainer.sections')}>
            {SECTIONS.map((s) => {
              const n = countIn(s);
              return (
                <button
                  key={s}
                  type="button"
                  className="section-tab"
                  aria-current={shownSection === s ? 'true' : undefined}
                  disabled={syntaxBroken && s !== 'yaml'}
                  onClick={() => setSection(s)}
                  data-testid={`tab-${s}`}
                >
                  {t(`trainer.section.${s}` as TrainerKey)}
                  {n > 0 && (
                    <span className="badge badge-problem" aria-label={t('trainer.problemCount', { n })}>
                      {n}
                    </span>
                  )}
                </button>
              );
            })}
          </nav>
          <EditorContext.Provider value={ctx}>
            <section className="editor-section" aria-labelledby="section-title">
              <h2 id="section-title">{t(`trainer.section.${shownSection}` as TrainerKey)}</h2>
              {syntaxBroken && <p className="warning">{t('trainer.syntaxBroken')}</p>}
              {shownSection === 'meta' && <MetaSection />}
              {shownSection === 'persona' && <PersonaSection />}
              {shownSection === 'board' && <BoardSection />}
              {shownSection === 'roles' && <RolesSection />}
              {shownSection === 'cards' && <CardsSection />}
              {shownSection === 'polls' && <PollsSection />}
              {shownSection === 'prompts' && <PromptsSection />}
              {shownSection === 'events' && <EventsSection />}
              {shownSection === 'reflection' && <ReflectionSection />}
              {shownSection === 'yaml' && <YamlText text={text} onChange={replaceText} />}
            </section>
          </EditorContext.Provider>
        </div>

        <aside className="editor-side" aria-label={t('trainer.checkAndPreview')}>
          <section className={`check-panel ${problems.length ? 'is-bad' : 'is-good'}`} aria-live="polite" data-testid="check-panel">
            {problems.length === 0 ? (
              <p className="check-ok">
                <span aria-hidden="true">✓</span> {t('trainer.valid')}
              </p>
            ) : (
              <>
                <p className="check-failed-title">{(problems.length === 1 ? t('trainer.checkFailedOne') : t('trainer.checkFailed', { n: problems.length }))}</p>
                <ProblemList problems={problems} onPick={pick} testId="editor-problems" />
              </>
            )}
          </section>
          <h2 className="preview-title">{t('trainer.previewTitle')}</h2>
          {!result?.ok && previewScenario && <p className="hint">{t('trainer.previewStale')}</p>}
          {previewScenario ? <ScenarioPreview scenario={previewScenario} /> : <p className="muted">{t('trainer.noPreview')}</p>}
        </aside>
      </div>
    </TrainerShell>
  );
}

function SaveNote({
  writable,
  valid,
  save,
  onPick,
  onSecret,
}: {
  writable: boolean | null;
  valid: boolean;
  save: SaveResult | { kind: 'saving' } | null;
  onPick: (p: ScenarioProblem) => void;
  onSecret: (secret: string) => void;
}) {
  const t = useT();
  let body: ReactNode = null;
  if (save?.kind === 'saved') body = <p className="save-ok" role="status">✓ {t('trainer.saved')}</p>;
  else if (save?.kind === 'secret') body = <TrainerSecretForm wrong={save.wrong} onSecret={onSecret} />;
  else if (save?.kind === 'forbidden') body = <p className="warning" role="alert">{t('trainer.saveForbidden')}</p>;
  else if (save?.kind === 'failed') body = <p className="form-error" role="alert">{t('trainer.saveFailed', { message: save.message })}</p>;
  else if (save?.kind === 'problems')
    body = (
      <div className="form-error" role="alert">
        <p>{t('trainer.saveProblems')}</p>
        <ProblemList problems={save.problems} onPick={(p) => onPick({ path: '', code: '', ...p, suggestion: p.suggestion ?? undefined } as ScenarioProblem)} />
      </div>
    );
  else if (writable === false) body = <p className="hint">{t('trainer.saveOff')}</p>;
  else if (!valid) body = <p className="hint">{t('trainer.saveFixFirst')}</p>;
  return (
    <div id="save-note" className="save-note">
      {body}
    </div>
  );
}

/** Asks for the trainer secret the server printed when it started, then saves again. */
function TrainerSecretForm({ wrong, onSecret }: { wrong: boolean; onSecret: (secret: string) => void }) {
  const t = useT();
  const [secret, setSecret] = useState('');
  return (
    <form
      className="trainer-secret"
      onSubmit={(e) => {
        e.preventDefault();
        if (secret.trim()) onSecret(secret);
      }}
    >
      <p className={wrong ? 'form-error' : 'hint'} role="alert">
        {wrong ? t('trainer.secretWrong') : t('trainer.secretNeeded')}
      </p>
      <div className="field">
        <label htmlFor="f-trainer-secret">{t('trainer.secretLabel')}</label>
        <input id="f-trainer-secret" type="password" autoComplete="off" value={secret} onChange={(e) => setSecret(e.target.value)} data-testid="trainer-secret" />
      </div>
      <button type="submit" className="button-primary" disabled={!secret.trim()}>
        {t('trainer.secretSave')}
      </button>
    </form>
  );
}

function YamlText({ text, onChange }: { text: string; onChange: (text: string) => void }) {
  const t = useT();
  return (
    <div className="field field-wide">
      <label htmlFor="f-yaml">{t('trainer.yamlLabel')}</label>
      <p className="hint">{t('trainer.yamlHint')}</p>
      <textarea id="f-yaml" className="yaml-text" value={text} spellCheck={false} rows={30} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

/** Puts the cursor of the YAML text at a line and column. */
function focusLine(line: number, column: number) {
  const area = document.getElementById('f-yaml') as HTMLTextAreaElement | null;
  if (!area) return;
  const lines = area.value.split('\n');
  const offset = lines.slice(0, Math.max(0, line - 1)).reduce((n, l) => n + l.length + 1, 0) + Math.max(0, column - 1);
  area.focus();
  area.setSelectionRange(offset, offset);
}
