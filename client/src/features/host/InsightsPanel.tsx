import { promptText, type Insight, type SessionState, type Step } from '@samenspel/game-core';
import { useT } from '../../i18n/useT';
import { Collapsible } from '../../ui/Collapsible';
import { useConfirm } from '../../ui/Confirm';
import { sendAnnounced } from '../../ui/Facilitation';
import { groupInsights } from '../../ui/insights';
import { useScope } from './scope';
import { tableLabel } from '../../ui/tableLabel';

/**
 * Step 4: the post-its players wrote, grouped by the question they answer. The facilitator
 * reads every one (hidden ones too) and decides what goes on the big screen.
 */
export function InsightsPanel({ game, step }: { game: SessionState; step: Step }) {
  const t = useT();
  const { tableIds, targets } = useScope();
  const inScope = game.insights.filter((i) => targets.includes(i.tableId));
  const groups = groupInsights(game, inScope);
  const waiting = inScope.filter((i) => !i.hidden && !i.revealed).length;
  return (
    <Collapsible
      title={t('host.insights.title')}
      relevant={step === 'reflectie'}
      badge={inScope.length > 0 && <span className="badge">{t('host.insights.count', { n: inScope.length })}</span>}
      testId="panel-insights"
    >
      {inScope.length === 0 ? (
        <p className="muted">{t('host.insights.none')}</p>
      ) : (
        <>
          <button
            type="button"
            className="button-primary"
            disabled={waiting === 0}
            data-testid="insights-reveal-all"
            onClick={() => void sendAnnounced('insights:reveal', { tableIds })}
          >
            {t('host.insights.revealAll', { n: waiting })}
          </button>
          {groups.map((g) => (
            <div key={g.key} className="host-insight-group">
              <h3>{g.prompt === null ? t('host.insights.noPrompt') : (promptText(game, g.prompt) ?? t('host.insights.noPrompt'))}</h3>
              <ul className="host-insights">
                {g.insights.map((i) => (
                  <InsightRow key={i.id} game={game} insight={i} />
                ))}
              </ul>
            </div>
          ))}
        </>
      )}
    </Collapsible>
  );
}

function InsightRow({ game, insight }: { game: SessionState; insight: Insight }) {
  const t = useT();
  const seat = game.seats[insight.seatId];
  const role = seat ? game.scenario.roles.find((r) => r.id === seat.roleId)?.name : undefined;
  const table = game.tableOrder.length > 1 ? tableLabel(game.tables[insight.tableId], insight.tableId, t) : undefined;
  const { ask, dialog } = useConfirm();
  const remove = async () => {
    const sure = await ask({ title: t('confirm.insight.title'), body: t('confirm.insight.body', { text: insight.text }), confirm: t('confirm.insight.ok'), danger: true });
    if (sure) void sendAnnounced('insight:remove', { insightId: insight.id });
  };
  const state = insight.hidden ? 'hidden' : insight.revealed ? 'revealed' : 'new';
  return (
    <li className={`host-insight is-${state}`} data-testid={`insight-${insight.id}`} data-state={state}>
      <p className="host-insight-text">{insight.text}</p>
      <p className="host-insight-meta muted small">
        {role ?? t('host.insights.unknownRole')}
        {table && ` · ${table}`}
        {' · '}
        {t(`host.insights.state.${state}`)}
      </p>
      <div className="button-row">
        <button
          type="button"
          className={insight.revealed ? 'button-small is-on' : 'button-small'}
          aria-pressed={insight.revealed}
          disabled={insight.hidden}
          data-testid={`insight-reveal-${insight.id}`}
          onClick={() => void sendAnnounced('insight:set', { insightId: insight.id, revealed: !insight.revealed })}
        >
          {insight.revealed ? t('host.insights.unreveal') : t('host.insights.reveal')}
        </button>
        <button
          type="button"
          className="button-small"
          aria-pressed={insight.hidden}
          data-testid={`insight-hide-${insight.id}`}
          onClick={() => void sendAnnounced('insight:set', { insightId: insight.id, hidden: !insight.hidden })}
        >
          {insight.hidden ? t('host.insights.unhide') : t('host.insights.hide')}
        </button>
        <button type="button" className="button-small button-small-danger" data-testid={`insight-remove-${insight.id}`} onClick={() => void remove()}>
          {t('host.insights.remove')}
        </button>
      </div>
      {dialog}
    </li>
  );
}
