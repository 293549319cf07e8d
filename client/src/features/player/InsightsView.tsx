import { isInsightVisible, MAX_INSIGHT, MAX_INSIGHTS_PER_SEAT, type Insight } from '@samenspel/game-core';
import { AnimatePresence, m } from 'framer-motion';
import { useId, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/shallow';
import { useT } from '../../i18n/useT';
import { errorText, session } from '../../net';
import { appStore, useApp } from '../../store';

/**
 * Step 4, reflectie: write an insight on a post-it and see your own. Which ones go on the big
 * screen is the facilitator's choice; one they took out of view is not shown here either.
 */
export function InsightsView({ seatId }: { seatId: string }) {
  const t = useT();
  const viewer = useApp((s) => s.viewer);
  const mine = useApp(useShallow((s) => (s.game?.insights ?? []).filter((i) => i.seatId === seatId)));
  const visible = mine.filter((i) => isInsightVisible(i, viewer));
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const id = useId();
  const counterId = useId();
  const full = mine.length >= MAX_INSIGHTS_PER_SEAT;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const trimmed = text.trim();
    const client = session();
    if (!trimmed || !client || full) return;
    setSending(true);
    const result = await client.send('insight:add', { text: trimmed });
    setSending(false);
    const s = appStore.getState();
    if (result.ok) {
      setText('');
      s.announce(t('player.insight.sent'));
    } else s.announce(errorText(s.lang, result.code), 'error');
  };

  return (
    <div className="tablet-page insights-view" data-testid="insights-view">
      <form className="insight-form" onSubmit={(e) => void submit(e)}>
        <h2 className="insight-title">{t('player.insight.title')}</h2>
        <label htmlFor={id}>{t('player.insight.label')}</label>
        <textarea
          id={id}
          className="insight-text"
          value={text}
          maxLength={MAX_INSIGHT}
          rows={4}
          onChange={(e) => setText(e.target.value)}
          aria-describedby={counterId}
          disabled={full}
          data-testid="insight-text"
        />
        <div className="insight-row">
          <span id={counterId} className="hint counter">
            {full ? t('player.insight.limit', { n: MAX_INSIGHTS_PER_SEAT }) : t('player.counter', { n: text.length, max: MAX_INSIGHT })}
          </span>
          <button type="submit" className="button-primary button-large" disabled={!text.trim() || sending || full} data-testid="insight-send">
            {t('player.insight.send')}
          </button>
        </div>
      </form>
      <section aria-labelledby="my-insights-title">
        <h3 id="my-insights-title">{t('player.insight.mine')}</h3>
        {visible.length === 0 ? (
          <p className="hint">{t('player.insight.none')}</p>
        ) : (
          <ul className="postits">
            <AnimatePresence initial={false}>
              {visible.map((insight) => (
                <PostIt key={insight.id} insight={insight} />
              ))}
            </AnimatePresence>
          </ul>
        )}
      </section>
    </div>
  );
}

function PostIt({ insight }: { insight: Insight }) {
  const t = useT();
  return (
    <m.li
      className={`postit${insight.revealed ? ' is-revealed' : ''}`}
      data-testid="my-insight"
      data-revealed={insight.revealed}
      initial={{ opacity: 0, scale: 0.9, rotate: -2 }}
      animate={{ opacity: 1, scale: 1, rotate: 0 }}
      exit={{ opacity: 0, scale: 0.9 }}
      transition={{ duration: 0.3 }}
    >
      <p className="postit-text">{insight.text}</p>
      <span className={`badge ${insight.revealed ? 'badge-done' : ''}`}>
        {insight.revealed ? t('player.insight.onScreen') : t('player.insight.waiting')}
      </span>
    </m.li>
  );
}
