import { promptText, type ScenarioEvent, type SessionState } from '@samenspel/game-core';
import { latestEvent } from '../../ui/EventStory';

export type InviteSize = 'large' | 'normal' | 'slim';

/** What the big screen's side column shows beside one table's wheel, decided in one place. */
export interface SideLayout {
  /** The question the facilitator put up, if any. */
  prompt: string | undefined;
  interviewing: boolean;
  /** Calm or the private round: a notice on top, the rest makes room for it. */
  notice: boolean;
  persona: 'full' | 'compact' | 'none';
  /** The latest event at this table, its whole story and what it changed; null when it is not shown. */
  event: ScenarioEvent | null;
  eventQuestions: string[];
  stepPrompts: string[];
  legend: boolean;
  invite: InviteSize;
}

/**
 * The side column of the projector for a table: the story of the moment. Nothing is cut to fit
 * (the column pages what does not fit); this decides what belongs there at all. `wall` says
 * whether insights are on the screen (they then take the room).
 */
export function sideLayout(game: SessionState, tableId: string, wall: boolean): SideLayout | null {
  const table = game.tables[tableId];
  if (!table) return null;
  const seated = Object.values(game.seats).some((s) => s.tableId === tableId);
  const prompt = table.prompt ? promptText(game, table.prompt) : undefined;
  const interviewing = table.step === 'kennismaken' && table.interviewRevealed > 0;
  const notice = table.locked || table.private;
  const playing = table.step === 'spelen' || table.step === 'reflectie';
  const event = playing ? latestEvent(game, tableId) : null;
  // While people are joining the invitation is large; once the story starts it gives way to it.
  const invite: InviteSize =
    !notice && (!seated || (table.step === 'kennismaken' && !interviewing && prompt === undefined))
      ? 'large'
      : table.step === 'kennismaken' && !interviewing
        ? 'normal'
        : 'slim';
  const room = invite !== 'large' && !wall;
  // Without a chosen question, the event's own questions are what the room talks about next in
  // play; in the reflection the step's own questions are, and the event stays as a reminder.
  const eventQuestions = room && event && prompt === undefined && table.step === 'spelen' ? event.questions : [];
  const prompts = [...(game.scenario.prompts[table.step] ?? []), ...(table.step === 'reflectie' ? game.scenario.reflection.prompts : [])];
  const showPrompts = room && prompt === undefined && !interviewing && (!event || table.step === 'reflectie');
  const stepPrompts = showPrompts ? prompts : [];
  // The wheel names its rings itself; the legend only takes room the story does not need.
  const legend =
    !interviewing &&
    !wall &&
    !notice &&
    eventQuestions.length === 0 &&
    !(event && stepPrompts.length > 0) &&
    (prompt !== undefined ? !event : invite === 'large' || event !== null || prompts.length <= 3);
  return {
    prompt,
    interviewing,
    notice,
    // With a notice on top, the event already tells whose story this is.
    persona: interviewing || wall || (notice && event) ? 'none' : event || notice ? 'compact' : 'full',
    event: event && room ? event : null,
    eventQuestions,
    stepPrompts,
    legend,
    invite,
  };
}
