import type { ScenarioProblem } from '@samenspel/game-core/scenario';
import { createContext, useContext, useId, type ReactNode } from 'react';
import { useTrainerT as useT } from '../../i18n/useTrainerT';
import { addItem, asArray, asText, isRecord, moveItem, removeItem, setField, setText, type Path, type ScenarioDoc } from './doc';

/*
 * Form fields bound to a place in the scenario document. Each reads its value from the plain
 * data and writes through `edit`, which changes the YAML Document in place.
 */

export interface EditorContextValue {
  data: Record<string, unknown>;
  edit: (change: (doc: ScenarioDoc) => void) => void;
  problemsAt: (path: Path) => ScenarioProblem[];
  problemsUnder: (path: Path) => number;
}

export const EditorContext = createContext<EditorContextValue | null>(null);

export function useEditor(): EditorContextValue {
  const ctx = useContext(EditorContext);
  if (!ctx) throw new Error('editor fields must be inside <EditorContext>');
  return ctx;
}

export function fieldId(path: Path): string {
  return `f-${path.join('-')}`;
}

export function valueAt(data: unknown, path: Path): unknown {
  let cur = data;
  for (const key of path) {
    if (typeof key === 'number') cur = asArray(cur)[key];
    else cur = isRecord(cur) ? cur[key] : undefined;
  }
  return cur;
}

function FieldProblems({ id, problems }: { id: string; problems: ScenarioProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul className="field-problems" id={id}>
      {problems.map((p, i) => (
        <li key={i}>
          {p.message}
          {p.suggestion && <span className="hint"> {p.suggestion}</span>}
        </li>
      ))}
    </ul>
  );
}

interface BaseProps {
  path: Path;
  label: string;
  hint?: string;
}

export function TextField({
  path,
  label,
  hint,
  optional = false,
  multiline = false,
  order,
  onText,
}: BaseProps & { optional?: boolean; multiline?: boolean; order?: readonly string[]; onText?: (doc: ScenarioDoc, text: string) => void }) {
  const { data, edit, problemsAt } = useEditor();
  const t = useT();
  const id = fieldId(path);
  const problems = problemsAt(path);
  const hintId = useId();
  const errId = useId();
  const value = asText(valueAt(data, path));
  const described = [hint ? hintId : null, problems.length ? errId : null].filter(Boolean).join(' ') || undefined;
  const onChange = (text: string) => edit((doc) => (onText ? onText(doc, text) : setTextAt(doc, path, text, optional, order)));
  return (
    <div className={`field${problems.length ? ' has-problem' : ''}${multiline ? ' field-wide' : ''}`}>
      <label htmlFor={id}>
        {label}
        {optional && <span className="field-optional"> {t('trainer.optionalField')}</span>}
      </label>
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      {multiline ? (
        <textarea id={id} value={value} rows={3} aria-invalid={problems.length > 0} aria-describedby={described} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input id={id} type="text" value={value} aria-invalid={problems.length > 0} aria-describedby={described} onChange={(e) => onChange(e.target.value)} />
      )}
      <FieldProblems id={errId} problems={problems} />
    </div>
  );
}

function setTextAt(doc: ScenarioDoc, path: Path, text: string, optional: boolean, order?: readonly string[]) {
  setText(doc, path, text, { optional, ...(order ? { order } : {}) });
}

export function SelectField({
  path,
  label,
  hint,
  options,
  optional = false,
  order,
  emptyLabel,
}: BaseProps & { options: readonly (readonly [string, string])[]; optional?: boolean; order?: readonly string[]; emptyLabel?: string }) {
  const { data, edit, problemsAt } = useEditor();
  const t = useT();
  const id = fieldId(path);
  const problems = problemsAt(path);
  const errId = useId();
  const hintId = useId();
  const value = asText(valueAt(data, path));
  const known = options.some(([v]) => v === value);
  const described = [hint ? hintId : null, problems.length ? errId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${problems.length ? ' has-problem' : ''}`}>
      <label htmlFor={id}>
        {label}
        {optional && <span className="field-optional"> {t('trainer.optionalField')}</span>}
      </label>
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      <select
        id={id}
        value={value}
        aria-invalid={problems.length > 0}
        aria-describedby={described}
        onChange={(e) => {
          const v = e.target.value;
          edit((doc) => setField(doc, path, optional && v === '' ? undefined : v, order));
        }}
      >
        {(optional || value === '') && <option value="">{emptyLabel ?? t('trainer.choose')}</option>}
        {!known && value !== '' && <option value={value}>{t('trainer.unknownValue', { value })}</option>}
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
      <FieldProblems id={errId} problems={problems} />
    </div>
  );
}

const YES = ['true', 'yes', 'ja', 'waar'];

export function CheckField({ path, label, order }: BaseProps & { order?: readonly string[] }) {
  const { data, edit, problemsAt } = useEditor();
  const id = fieldId(path);
  const problems = problemsAt(path);
  const checked = YES.includes(asText(valueAt(data, path)).trim().toLowerCase());
  return (
    <div className={`field field-check${problems.length ? ' has-problem' : ''}`}>
      <input id={id} type="checkbox" checked={checked} onChange={(e) => edit((doc) => setField(doc, path, e.target.checked ? 'true' : undefined, order))} />
      <label htmlFor={id}>{label}</label>
      <FieldProblems id={`${id}-problems`} problems={problems} />
    </div>
  );
}

/** A list of texts (prompts, questions, poll options): change, add, remove. */
export function StringList({
  path,
  label,
  itemLabel,
  addLabel,
  multiline = false,
  order,
}: {
  path: Path;
  label: string;
  itemLabel: (n: number) => string;
  addLabel: string;
  multiline?: boolean;
  order?: readonly string[];
}) {
  const { data, edit, problemsAt } = useEditor();
  const t = useT();
  const items = asArray(valueAt(data, path));
  const problems = problemsAt(path);
  return (
    <fieldset className={`string-list${problems.length ? ' has-problem' : ''}`} id={fieldId(path)}>
      <legend>{label}</legend>
      {items.map((_, i) => (
        <div key={i} className="string-item">
          <TextField path={[...path, i]} label={itemLabel(i + 1)} multiline={multiline} />
          <button
            type="button"
            className="button-icon"
            aria-label={t('trainer.removeItem', { item: itemLabel(i + 1) })}
            title={t('trainer.remove')}
            onClick={() => edit((doc) => removeItem(doc, path, i))}
          >
            ✕
          </button>
        </div>
      ))}
      <FieldProblems id={`${fieldId(path)}-problems`} problems={problems} />
      <button type="button" className="button-secondary button-add" onClick={() => edit((doc) => addItem(doc, path, '', order))}>
        + {addLabel}
      </button>
    </fieldset>
  );
}


/** One item of a list of mappings (a role, a card), with move and remove buttons. */
export function ItemBox({
  path,
  index,
  count,
  title,
  children,
  testId,
}: {
  path: Path;
  index: number;
  count: number;
  title: string;
  children: ReactNode;
  testId?: string;
}) {
  const { edit, problemsUnder } = useEditor();
  const t = useT();
  const itemPath = [...path, index];
  const problems = problemsUnder(itemPath);
  return (
    <fieldset className={`item-box${problems ? ' has-problem' : ''}`} id={fieldId(itemPath)} data-testid={testId}>
      <legend>
        <span className="item-number">{index + 1}</span> {title || t('trainer.untitled')}
        {problems > 0 && <span className="badge badge-problem">{(problems === 1 ? t('trainer.problemCountOne') : t('trainer.problemCount', { n: problems }))}</span>}
      </legend>
      <div className="item-fields">{children}</div>
      <div className="item-actions">
        <button type="button" className="button-small" disabled={index === 0} onClick={() => edit((doc) => moveItem(doc, path, index, -1))} aria-label={t('trainer.moveUpLabel', { item: title })}>
          ↑ {t('trainer.moveUp')}
        </button>
        <button
          type="button"
          className="button-small"
          disabled={index === count - 1}
          onClick={() => edit((doc) => moveItem(doc, path, index, 1))}
          aria-label={t('trainer.moveDownLabel', { item: title })}
        >
          ↓ {t('trainer.moveDown')}
        </button>
        <button type="button" className="button-small button-remove" onClick={() => edit((doc) => removeItem(doc, path, index))} aria-label={t('trainer.removeItem', { item: title })}>
          {t('trainer.remove')}
        </button>
      </div>
    </fieldset>
  );
}
