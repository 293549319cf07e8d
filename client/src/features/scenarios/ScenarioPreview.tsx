import {
  applyEventToTable,
  createSession,
  STEPS,
  SUPPORT_TYPES,
  type EffectOutcome,
  type RoleTextField,
  type Scenario,
  type ScenarioEvent,
  type TableState,
} from '@samenspel/game-core';
import { useMemo, useState } from 'react';
import { Board } from '../../board/Board';
import { Legend } from '../../board/Legend';
import { RING_FILL, RING_INK, supportLabel } from '../../board/view';
import { useTrainerT as useT } from '../../i18n/useTrainerT';
import { RoleCard } from '../../ui/RoleCard';

interface Fired {
  event: ScenarioEvent;
  outcomes: {
    outcome: EffectOutcome;
    label: string;
    reason: string | null;
    where: string | null;
    /** For a role change: each part that changed, before and after. */
    roleFields: { field: RoleTextField; before: string | null; after: string }[];
  }[];
}

/**
 * Replays the events the trainer chose, in order, on a fresh table: exactly what a workshop's
 * board would show (the same game-core rules run on the server).
 */
export function replay(scenario: Scenario, firedIds: readonly string[]): { table: TableState; fired: Fired[] } {
  const session = createSession({ sessionId: 'preview', code: 'PREVIEW', scenario, createdAt: 0 });
  let table = session.tables[session.tableOrder[0]!]!;
  const fired: Fired[] = [];
  firedIds.forEach((id, i) => {
    const event = scenario.events.find((e) => e.id === id);
    if (!event) return;
    const before = table;
    const result = applyEventToTable(scenario, table, event, i + 1);
    table = result.table;
    fired.push({
      event,
      outcomes: result.outcomes.map((outcome, n) => {
        const effect = event.effects[n]!;
        if (outcome.kind === 'role') {
          const change = outcome.applied ? table.roleChanges.findLast((c) => c.roleId === outcome.roleId && c.eventId === event.id) : undefined;
          const roleFields = change
            ? Object.entries(change.after).map(([field, after]) => ({ field: field as RoleTextField, before: change.before[field as RoleTextField] ?? null, after }))
            : [];
          const label = scenario.roles.find((r) => r.id === outcome.roleId)?.name ?? outcome.roleId;
          return { outcome, label, reason: effect.reason ?? null, where: null, roleFields };
        }
        const def = effect.kind === 'add' ? effect.card : scenario.cards.find((c) => c.id === outcome.cardId);
        const label = before.cards[outcome.cardId]?.label ?? def?.label ?? outcome.cardId;
        let where: string | null = null;
        if (effect.kind === 'move') where = [effect.supportType, effect.sector].filter(Boolean).join('/') || null;
        if (effect.kind === 'add') where = effect.to;
        return { outcome, label, reason: effect.reason ?? null, where, roleFields: [] };
      }),
    });
  });
  return { table, fired };
}

/** Everything a scenario brings to a workshop, as players and the big screen will see it. */
export function ScenarioPreview({ scenario }: { scenario: Scenario }) {
  const t = useT();
  return (
    <div className="preview" data-testid="scenario-preview">
      <PersonaSection scenario={scenario} />
      <BoardSection scenario={scenario} />
      <section className="preview-section" aria-labelledby="pv-roles">
        <h2 id="pv-roles">{t('trainer.roles')}</h2>
        <div className="preview-roles">
          {scenario.roles.map((role) => (
            <div key={role.id} className="preview-role" data-testid={`preview-role-${role.id}`}>
              <RoleCard role={role} headingLevel={3} kicker={role.required ? t('trainer.required') : t('trainer.optional')} />
            </div>
          ))}
        </div>
      </section>
      <CardsSection scenario={scenario} />
      {scenario.polls.length > 0 && (
        <section className="preview-section" aria-labelledby="pv-polls">
          <h2 id="pv-polls">{t('trainer.polls')}</h2>
          <ol className="preview-list">
            {scenario.polls.map((poll) => (
              <li key={poll.id}>
                <strong>{poll.question}</strong> <span className="muted">({t(poll.kind === 'scale' ? 'trainer.pollScale' : 'trainer.pollChoice')})</span>
                {poll.options && <p className="muted preview-options">{poll.options.join(' · ')}</p>}
              </li>
            ))}
          </ol>
        </section>
      )}
      <section className="preview-section" aria-labelledby="pv-prompts">
        <h2 id="pv-prompts">{t('trainer.prompts')}</h2>
        {STEPS.map((step) => {
          const list = scenario.prompts[step] ?? [];
          return (
            <div key={step}>
              <h3>{t(`step.${step}`)}</h3>
              {list.length === 0 ? (
                <p className="muted">{t('trainer.none')}</p>
              ) : (
                <ul className="preview-list">
                  {list.map((p, i) => (
                    <li key={i}>{p}</li>
                  ))}
                </ul>
              )}
            </div>
          );
        })}
      </section>
      <section className="preview-section" aria-labelledby="pv-reflection">
        <h2 id="pv-reflection">{t('trainer.reflection')}</h2>
        <ul className="preview-list">
          {scenario.reflection.prompts.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
        {scenario.reflection.praatplaat?.map((g, i) => (
          <div key={i}>
            <h3>
              {g.group}: {g.title}
            </h3>
            <ul className="preview-list">
              {g.questions.map((q, j) => (
                <li key={j}>{q}</li>
              ))}
            </ul>
          </div>
        ))}
      </section>
    </div>
  );
}

function PersonaSection({ scenario }: { scenario: Scenario }) {
  const t = useT();
  const p = scenario.persona;
  return (
    <section className="preview-section preview-persona" aria-labelledby="pv-persona">
      <div className="preview-persona-head">
        <span className="scenario-avatar" aria-hidden="true">
          {p.avatar ?? p.name.slice(0, 1)}
        </span>
        <div>
          <h2 id="pv-persona" data-testid="preview-persona">
            {t('board.persona', { name: p.name, age: p.age })}
          </h2>
          <p className="persona-situation">{p.situation}</p>
        </div>
      </div>
      <details className="preview-details">
        <summary>{t('persona.interview', { name: p.name })}</summary>
        <dl className="interview">
          {p.interview.map((item, i) => (
            <div key={i}>
              <dt>{item.question}</dt>
              <dd>{item.answer}</dd>
            </div>
          ))}
        </dl>
      </details>
    </section>
  );
}

function BoardSection({ scenario }: { scenario: Scenario }) {
  const t = useT();
  const [firedIds, setFiredIds] = useState<string[]>([]);
  // Events that no longer exist (the trainer renamed one) drop out of the replay by themselves.
  const { table, fired } = useMemo(() => replay(scenario, firedIds), [scenario, firedIds]);
  const preview = useMemo(() => ({ scenario, table }), [scenario, table]);
  const doneIds = new Set(fired.map((f) => f.event.id));

  return (
    <section className="preview-section" aria-labelledby="pv-board">
      <h2 id="pv-board">{t('trainer.board')}</h2>
      <p className="muted">{t('trainer.boardIntro')}</p>
      <div className="preview-stage">
        <div className="preview-stage-board">
          <div className="preview-board-wheel">
            <Board tableId={table.id} mode="screen" preview={preview} />
          </div>
          <p className="muted" data-testid="preview-counts">
            {t('trainer.boardCounts', { board: Object.keys(table.cards).length, deck: table.deck.length, ended: table.ended.length })}
          </p>
          <Legend scenario={scenario} />
        </div>
        <div className="preview-stage-events">
          <h3>{t('trainer.events')}</h3>
          {scenario.events.length === 0 && <p className="muted">{t('trainer.noEvents')}</p>}
          <ol className="preview-events">
            {scenario.events.map((event) => {
              const done = doneIds.has(event.id);
              const result = fired.find((f) => f.event.id === event.id);
              return (
                <li key={event.id} className={done ? 'is-done' : ''} data-testid={`preview-event-${event.id}`}>
                  <div className="preview-event-head">
                    <h4>{event.title}</h4>
                    <button
                      type="button"
                      className={done ? 'button-secondary' : 'button-primary'}
                      disabled={done}
                      onClick={() => setFiredIds((ids) => [...ids, event.id])}
                      data-testid={`apply-${event.id}`}
                    >
                      {done ? t('trainer.applied') : t('trainer.apply')}
                      <span className="visually-hidden">: {event.title}</span>
                    </button>
                  </div>
                  <p>{event.narrative}</p>
                  {result && (
                    <ul className="preview-effects" aria-live="polite">
                      {result.outcomes.map((o, i) => (
                        <li key={i} className={`effect-${o.outcome.kind}${o.outcome.applied ? '' : ' is-skipped'}`}>
                          <span className="effect-kind">{t(`trainer.effect.${o.outcome.kind}`)}</span> <strong>{o.label}</strong>
                          {o.where && <span className="muted"> → {whereLabel(o.where, scenario, t)}</span>}
                          {!o.outcome.applied && (
                            <span className="muted"> ({t(o.outcome.kind === 'role' ? 'trainer.effectRoleSkipped' : 'trainer.effectSkipped')})</span>
                          )}
                          {o.roleFields.map((f) => (
                            <span key={f.field} className="effect-role-field" data-testid={`preview-role-${f.field}`}>
                              {roleFieldLabel(f.field, t)}: {f.before && <del>{f.before}</del>} <ins>{f.after}</ins>
                            </span>
                          ))}
                          {o.reason && <span className="effect-reason">{o.reason}</span>}
                        </li>
                      ))}
                    </ul>
                  )}
                  {event.questions.length > 0 && (
                    <details className="preview-details">
                      <summary>{t('events.questions')}</summary>
                      <ul className="preview-list">
                        {event.questions.map((q, i) => (
                          <li key={i}>{q}</li>
                        ))}
                      </ul>
                    </details>
                  )}
                </li>
              );
            })}
          </ol>
          {firedIds.length > 0 && (
            <button type="button" className="button-secondary" onClick={() => setFiredIds([])} data-testid="preview-reset">
              {t('trainer.reset')}
            </button>
          )}
        </div>
      </div>
    </section>
  );
}

function roleFieldLabel(field: RoleTextField, t: ReturnType<typeof useT>): string {
  return t(field === 'organisation' ? 'role.organisation' : field === 'law' ? 'role.law' : field === 'mandate' ? 'role.mandate' : 'role.mayNot');
}

function whereLabel(where: string, scenario: Scenario, t: ReturnType<typeof useT>): string {
  if (where === 'board') return t('trainer.toBoard');
  if (where === 'deck') return t('trainer.toDeck');
  return where
    .split('/')
    .map((part) =>
      (SUPPORT_TYPES as readonly string[]).includes(part)
        ? supportLabel(scenario, part as (typeof SUPPORT_TYPES)[number], t)
        : (scenario.board.sectors.find((s) => s.id === part)?.label ?? part),
    )
    .join(', ');
}

function CardsSection({ scenario }: { scenario: Scenario }) {
  const t = useT();
  const roleName = (id: string | undefined) => (id ? (scenario.roles.find((r) => r.id === id)?.name ?? id) : null);
  return (
    <section className="preview-section" aria-labelledby="pv-cards">
      <h2 id="pv-cards">{t('trainer.cards', { n: scenario.cards.length })}</h2>
      {SUPPORT_TYPES.map((type) => {
        const ofType = scenario.cards.filter((c) => c.supportType === type);
        if (ofType.length === 0) return null;
        return (
          <div key={type} className="preview-ring" style={{ borderLeftColor: RING_INK[type] }}>
            <h3>
              <span className="legend-swatch" style={{ background: RING_FILL[type], borderColor: RING_INK[type] }} aria-hidden="true" />{' '}
              {supportLabel(scenario, type, t)}
            </h3>
            {scenario.board.sectors.map((sector) => {
              const cards = ofType.filter((c) => c.sector === sector.id);
              if (cards.length === 0) return null;
              return (
                <div key={sector.id} className="preview-sector">
                  <h4>{sector.label}</h4>
                  <ul>
                    {cards.map((c) => (
                      <li key={c.id}>
                        <span>{c.label}</span>
                        <span className={`badge ${c.placement === 'start' ? 'badge-start' : ''}`}>
                          {t(c.placement === 'start' ? 'trainer.placementStart' : 'trainer.placementDeck')}
                        </span>
                        {(c.role || c.law) && <span className="muted preview-card-meta">{[roleName(c.role), c.law].filter(Boolean).join(' · ')}</span>}
                      </li>
                    ))}
                  </ul>
                </div>
              );
            })}
          </div>
        );
      })}
    </section>
  );
}
