import type { ScreensKey } from './screens.nl';

export const screensEn: Record<ScreensKey, string> = {
  'confirm.cancel': 'Cancel',
  'confirm.event.title': 'Let “{title}” happen?',
  'confirm.event.body': 'It happens at {where}. Cards stop, move or arrive, and this cannot be undone.',
  'confirm.insight.title': 'Delete this insight?',
  'confirm.insight.body': '“{text}” is gone for good, from the report too.',
  'confirm.insight.ok': 'Delete',
  'confirm.seat.title': 'Release this role?',
  'confirm.seat.ok': 'Release',
  'confirm.session.title': 'Delete this session now?',

  'changes.ended': 'What stops',
  'changes.added': 'What arrives',
  'changes.moved': 'What moves ring',
  'changes.toBoard': 'on the board',
  'changes.toDeck': 'on the deck',
  'changes.movedTo': 'now: {ring}',
  'changes.none': 'No card changes on your board.',

  'screen.page': 'Part {n} of {total}',
  'screen.trace': 'Stopped',
  'screen.trace.label': 'Cards that stopped at this table',
  'screen.grid.ended': '{n} stopped',
  'screen.grid.endedOne': '1 stopped',

  'host.screen.title': 'On the big screen',
  'host.screen.now': 'Showing now: {tables}',
  'host.screen.only': 'Only {name}',
  'host.screen.all': 'All {n} tables',
  'host.screen.firstSix': 'The first six tables',
  'host.screen.pick': 'Or choose tables yourself (up to six)',
  'host.screen.show': 'Show these tables',
  'host.screen.layout.one': 'One wheel with the story beside it',
  'host.screen.layout.two': 'Two wheels side by side',
  'host.screen.layout.grid': 'A grid of {n} wheels',
  'host.screen.tooMany': 'The screen shows at most six tables at once.',

  'player.table': 'Your table: {name}',
  'player.poll.close': 'Close',
};
