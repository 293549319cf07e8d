/*
 * Dutch words around the board: the big screen's paging, grid and event changes, the choice of
 * what the big screen shows, confirmation dialogs and the tablet as a device. Merged into the
 * main catalogue by `index.ts`; `screens.en.ts` has the same keys (the type checker enforces it).
 */
export const screensNl = {
  'confirm.cancel': 'Annuleren',
  'confirm.event.title': '“{title}” laten gebeuren?',
  'confirm.event.body': 'Het gebeurt aan {where}. Kaarten stoppen, verschuiven of komen erbij, en dat kan niet ongedaan worden.',
  'confirm.insight.title': 'Dit inzicht verwijderen?',
  'confirm.insight.body': '“{text}” verdwijnt voorgoed, ook uit het verslag.',
  'confirm.insight.ok': 'Verwijderen',
  'confirm.redact.title': 'De tekst op deze kaart wissen?',
  'confirm.redact.body':
    'Wat er op “{label}” staat en de toelichting worden voorgoed gewist: van elk scherm, uit het verslag en uit de opslag. De kaart blijft op zijn plek.',
  'confirm.redact.ok': 'Wissen',
  'confirm.seat.title': 'Rol vrijgeven?',
  'confirm.seat.ok': 'Vrijgeven',
  'confirm.session.title': 'Deze sessie nu verwijderen?',

  'changes.ended': 'Wat stopt',
  'changes.added': 'Wat erbij komt',
  'changes.paused': 'Wat stil komt te liggen',
  'changes.resumed': 'Wat weer gaat',
  'changes.moved': 'Wat van ring verandert',
  'changes.toBoard': 'op het bord',
  'changes.toDeck': 'op de stapel',
  'changes.movedTo': 'nu: {ring}',
  'changes.none': 'Aan jullie bord verandert niets aan de kaarten.',

  'screen.page': 'Deel {n} van {total}',
  'screen.trace': 'Gestopt',
  'screen.trace.label': 'Kaarten die gestopt zijn aan deze tafel',
  'screen.grid.ended': '{n} gestopt',
  'screen.grid.endedOne': '1 gestopt',

  'host.screen.title': 'Op het grote scherm',
  'host.screen.now': 'Nu te zien: {tables}',
  'host.screen.only': 'Alleen {name}',
  'host.screen.all': 'Alle {n} tafels',
  'host.screen.firstSix': 'De eerste zes tafels',
  'host.screen.pick': 'Of kies zelf tafels (tot zes)',
  'host.screen.show': 'Toon deze tafels',
  'host.screen.layout.one': 'Eén wiel met het verhaal ernaast',
  'host.screen.layout.two': 'Twee wielen naast elkaar',
  'host.screen.layout.grid': 'Een raster van {n} wielen',
  'host.screen.tooMany': 'Het scherm toont hoogstens zes tafels tegelijk.',

  'player.table': 'Jouw tafel: {name}',
  'player.poll.close': 'Sluiten',
} as const;

export type ScreensKey = keyof typeof screensNl;
