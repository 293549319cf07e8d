import { promptText } from '@samenspel/game-core';
import { AnimatePresence, m } from 'framer-motion';
import { useT } from '../../i18n/useT';
import { useEffect, useRef } from 'react';
import { appStore, useApp } from '../../store';

/** The question the facilitator put up for this table, in a calm band above the board or the post-its. */
export function PromptBanner({ tableId }: { tableId: string }) {
  const t = useT();
  const text = useApp((s) => {
    const prompt = s.game?.tables[tableId]?.prompt;
    return s.game && prompt ? (promptText(s.game, prompt) ?? null) : null;
  });
  // A new question is read out to screen readers; sighted people see the banner change.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (text) appStore.getState().announce(t('player.promptNew', { text }), 'hint');
  }, [text, t]);
  return (
    <AnimatePresence initial={false}>
      {text && (
        <m.div
          key={text}
          className="prompt-banner"
          data-testid="prompt-banner"
          role="note"
          aria-label={t('player.prompt')}
          initial={{ opacity: 0, y: -8 }}
          animate={{ opacity: 1, y: 0 }}
          exit={{ opacity: 0 }}
          transition={{ duration: 0.3 }}
        >
          <span className="prompt-kicker">{t('player.prompt')}</span>
          <p className="prompt-text">{text}</p>
        </m.div>
      )}
    </AnimatePresence>
  );
}
