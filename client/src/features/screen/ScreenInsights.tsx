import { isInsightVisible, promptText, type SessionState, type Viewer } from '@samenspel/game-core';
import { AnimatePresence, m } from 'framer-motion';
import { useT } from '../../i18n/useT';
import { groupInsights } from '../../ui/insights';

const SCREEN: Viewer = { kind: 'screen' };

/** Whether any insight is on the wall; the screen then makes room for it. */
export function hasWall(game: SessionState): boolean {
  return game.insights.some((i) => isInsightVisible(i, SCREEN));
}

/**
 * The reflection wall: the post-its the facilitator put on the screen, grouped by the question
 * they answer. Text is shown as written (as text, never as markup); hidden ones never appear.
 */
export function ScreenInsights({ game }: { game: SessionState }) {
  const t = useT();
  const onWall = game.insights.filter((i) => isInsightVisible(i, SCREEN));
  const several = game.tableOrder.length > 1;
  return (
    <section className="screen-insights" data-testid="screen-insights" aria-label={t('screen.insights')}>
      {groupInsights(game, onWall).map((g) => (
        <div key={g.key} className="screen-insight-group">
          <h2>{g.prompt === null ? t('screen.insights.noPrompt') : (promptText(game, g.prompt) ?? t('screen.insights.noPrompt'))}</h2>
          <ul className="screen-postits">
            <AnimatePresence initial={false}>
              {g.insights.map((insight, i) => {
                const role = game.scenario.roles.find((r) => r.id === game.seats[insight.seatId]?.roleId)?.name;
                const table = several ? game.tables[insight.tableId]?.name : undefined;
                return (
                  <m.li
                    key={insight.id}
                    className="screen-postit"
                    data-testid={`screen-insight-${insight.id}`}
                    layout
                    initial={{ opacity: 0, y: 24, rotate: 0 }}
                    animate={{ opacity: 1, y: 0, rotate: i % 2 === 0 ? -1 : 1 }}
                    exit={{ opacity: 0, scale: 0.9 }}
                    transition={{ duration: 0.5, ease: 'easeOut' }}
                  >
                    <p className="screen-postit-text">{insight.text}</p>
                    {(role || table) && <p className="screen-postit-by">{[role, table].filter(Boolean).join(' · ')}</p>}
                  </m.li>
                );
              })}
            </AnimatePresence>
          </ul>
        </div>
      ))}
    </section>
  );
}
