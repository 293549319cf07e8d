import { isInsightVisible, promptText, type PromptRef, type SessionState, type Viewer } from '@samenspel/game-core';
import { m } from 'framer-motion';
import { useT } from '../../i18n/useT';
import { groupInsights, type InsightGroup } from '../../ui/insights';
import { tableLabel } from '../../ui/tableLabel';

const SCREEN: Viewer = { kind: 'screen' };

/** Whether any insight is on the wall; the screen then makes room for it. */
export function hasWall(game: SessionState): boolean {
  return game.insights.some((i) => isInsightVisible(i, SCREEN));
}

/** The wall's groups, the one answering the question on the screen now first. */
export function wallGroups(game: SessionState, current: PromptRef | null): InsightGroup[] {
  const groups = groupInsights(
    game,
    game.insights.filter((i) => isInsightVisible(i, SCREEN)),
  );
  const key = current ? JSON.stringify(current) : null;
  const now = groups.findIndex((g) => g.key === key);
  return now > 0 ? [groups[now]!, ...groups.slice(0, now), ...groups.slice(now + 1)] : groups;
}

/**
 * The reflection wall: the post-its the facilitator put on the screen, grouped by the question
 * they answer, each question once as the heading of its group. Text is shown as written (as
 * text, never as markup); hidden ones never appear. Every heading and post-it is a block of the
 * surrounding pager, so a full wall is shown page by page and never cut off.
 */
export function ScreenInsights({ game, current }: { game: SessionState; current: PromptRef | null }) {
  const t = useT();
  const several = game.tableOrder.length > 1;
  const currentKey = current ? JSON.stringify(current) : null;
  return (
    <section className="screen-insights" data-testid="screen-insights" aria-label={t('screen.insights')}>
      {wallGroups(game, current).map((g) => (
        <div key={g.key} className={`screen-insight-group${g.key === currentKey ? ' is-current' : ''}`}>
          <h2 data-page-item data-keep-with-next>
            {g.key === currentKey && <span className="screen-insight-kicker">{t('screen.question')}</span>}
            {g.prompt === null ? t('screen.insights.noPrompt') : (promptText(game, g.prompt) ?? t('screen.insights.noPrompt'))}
          </h2>
          <ul className="screen-postits">
            {g.insights.map((insight, i) => {
              const role = game.scenario.roles.find((r) => r.id === game.seats[insight.seatId]?.roleId)?.name;
              const table = several ? tableLabel(game.tables[insight.tableId], insight.tableId, t) : undefined;
              return (
                <m.li
                  key={insight.id}
                  className="screen-postit"
                  data-testid={`screen-insight-${insight.id}`}
                  data-page-item
                  initial={{ opacity: 0, y: 24, rotate: 0 }}
                  animate={{ opacity: 1, y: 0, rotate: i % 2 === 0 ? -1 : 1 }}
                  transition={{ duration: 0.5, ease: 'easeOut' }}
                >
                  <p className="screen-postit-text">{insight.text}</p>
                  {(role || table) && <p className="screen-postit-by">{[role, table].filter(Boolean).join(' · ')}</p>}
                </m.li>
              );
            })}
          </ul>
        </div>
      ))}
    </section>
  );
}
