import type { SessionState } from '@samenspel/game-core';
import { m } from 'framer-motion';
import { useT } from '../../i18n/useT';

/**
 * Step 1 on the wall: the persona, and the interview answers told so far, the newest one large.
 * With a question of the facilitator's up (`withPrompt`), only the trail of questions stays, so
 * the question gets the room and no answer is cut off mid-sentence.
 */
export function ScreenInterview({ game, tableId, withPrompt = false }: { game: SessionState; tableId: string; withPrompt?: boolean }) {
  const t = useT();
  const persona = game.scenario.persona;
  const count = game.tables[tableId]?.interviewRevealed ?? 0;
  const told = persona.interview.slice(0, count);
  const newest = told[told.length - 1];
  // Earlier answers stay as a trail of their questions, so the room can follow the thread; a
  // long answer gets the room instead, in a smaller size, so it is never cut off mid-sentence.
  const length = newest?.answer.length ?? 0;
  const fit = length > 520 ? ' is-very-long' : length > 300 ? ' is-long' : '';
  const earlier = withPrompt ? told.slice(-4) : told.slice(0, -1).slice(fit ? -2 : -4);
  const firstNumber = (withPrompt ? count : count - 1) - earlier.length + 1;
  return (
    <section className={`screen-interview${withPrompt ? ' is-trail' : ''}`} data-testid="screen-interview" aria-live="polite">
      <header className="screen-interview-head">
        <span className="screen-avatar" aria-hidden="true">
          {persona.avatar ?? persona.name.slice(0, 1)}
        </span>
        <div>
          <h1>{t('board.persona', { name: persona.name, age: game.tables[tableId]?.personaAge ?? persona.age })}</h1>
          <p className="screen-interview-progress">{t('screen.interview.progress', { n: count, total: persona.interview.length })}</p>
        </div>
      </header>
      {earlier.length > 0 && (
        <ol className="screen-interview-earlier" start={firstNumber}>
          {earlier.map((item, i) => (
            <li key={firstNumber + i}>{item.question}</li>
          ))}
        </ol>
      )}
      {newest && !withPrompt && (
        <m.div
          key={count}
          className={`screen-interview-newest${fit}`}
          data-testid="screen-interview-newest"
          initial={{ opacity: 0, y: 16 }}
          animate={{ opacity: 1, y: 0 }}
          transition={{ duration: 0.45, ease: 'easeOut' }}
        >
          <p className="screen-interview-q">{newest.question}</p>
          <p className="screen-interview-a">{newest.answer}</p>
        </m.div>
      )}
    </section>
  );
}
