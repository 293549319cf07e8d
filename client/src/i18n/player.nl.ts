/*
 * Dutch words of the player part of the interface, merged into the main catalogue by
 * `index.ts`. `player.en.ts` must have the same keys (the type checker enforces it).
 */
export const playerNl = {
  'player.counter': '{n} van {max} tekens',

  'player.deck.privateTitle': 'Privé-ronde.',
  'player.deck.private': 'De tafel ziet wat je nu neerlegt pas als de begeleider het laat zien.',
  'player.card.private': 'Alleen jij en de begeleider zien deze kaart.',
  'player.card.privateTitle': 'Zichtbaarheid',
  'player.card.staged': 'nog niet op het bord',
  'player.card.ended': 'stopt',
  'player.card.link': 'Werkt samen met 1 andere kaart.',
  'player.card.links': 'Werkt samen met {n} andere kaarten.',
  'player.card.noteSays': 'Notitie: {note}.',

  'player.link.title': 'Verbinding',
  'player.link.connect': 'Verbinden met…',
  'player.link.pick': 'Tik op de kaart die samenwerkt met “{label}”.',
  'player.link.label': 'Verbinding tussen “{a}” en “{b}”',
  'player.link.list': 'Werkt samen met',
  'player.link.remove': 'Verbinding weghalen',
  'player.link.removeNamed': 'Verbinding tussen “{a}” en “{b}” weghalen',
  'player.link.added': '“{a}” en “{b}” zijn nu verbonden.',
  'player.link.removed': 'De verbinding is weggehaald.',

  'player.note.label': 'Notitie op de kaart',
  'player.note.placeholder': 'Bijvoorbeeld: alleen op dinsdag',
  'player.note.save': 'Notitie bewaren',
  'player.note.saved': 'De notitie op “{label}” is bewaard.',
  'player.note.cleared': 'De notitie op “{label}” is weggehaald.',

  'player.tabs': 'Wat je ziet op deze tablet',
  'player.tab.board': 'Bord',
  'player.tab.persona': 'Over {name}',
  'player.tab.role': 'Mijn rol',
  'player.tab.insights': 'Inzichten',
  'player.jumped': 'De begeleider vraagt iedereen mee te kijken: {view}.',

  'player.prompt': 'Vraag',
  'player.promptNew': 'Nieuwe vraag: {text}',
  'player.interview.announce': '{name} geeft een nieuw antwoord.',
  'player.readAloud': 'Lees voor',
  'player.interview.none': 'De begeleider stelt zo de eerste vraag aan {name}.',
  'player.interview.count': '{n} van {total} vragen gesteld',
  'player.interview.newest': 'Nieuw',

  'player.poll.title': 'Stemmen',
  'player.poll.yours': 'Jouw keuze',
  'player.poll.change': 'Je kunt je keuze nog veranderen zolang de vraag open is.',
  'player.poll.closed': 'De stemming is gesloten.',
  'player.poll.noSeat': 'Kies eerst een rol om mee te stemmen.',
  'player.poll.chooseRole': 'Eerst een rol kiezen',
  'player.poll.result': 'Uitslag',
  'player.poll.votes': '{n} stemmen',
  'player.poll.vote': '1 stem',
  'player.poll.answered': 'Je koos: {option}.',

  'player.insight.title': 'Welk inzicht neem je mee?',
  'player.insight.label': 'Schrijf je inzicht op een post-it',
  'player.insight.send': 'Post-it plakken',
  'player.insight.sent': 'Je post-it is geplakt. De begeleider zet post-its op het grote scherm.',
  'player.insight.mine': 'Jouw post-its',
  'player.insight.none': 'Je hebt nog niets geschreven.',
  'player.insight.onScreen': 'op het scherm',
  'player.insight.waiting': 'nog niet op het scherm',
  'player.insight.limit': 'Je hebt het maximum van {n} post-its bereikt.',

  'player.join.tableTitle': 'Aan welke tafel zit je?',
  'player.join.tableIntro': 'Kies de tafel waar je nu zit.',
  'player.join.seats': '{n} van {m} rollen bezet',
  'player.join.otherTable': 'Andere tafel',
  'player.join.start': 'Aan de slag',
  'player.join.atTable': 'Tafel: {name}',
  'player.reassigned': 'De begeleider heeft je een andere rol gegeven: {role}.',
  'player.reassignedTable': 'De begeleider heeft je een andere rol gegeven: {role}, aan {table}.',
  'player.ended.title': 'Deze sessie is afgesloten',
  'player.ended.body': 'De begeleider heeft de sessie afgesloten. Bedankt voor het meedoen!',
  'player.ended.home': 'Naar de startpagina',
} satisfies Record<string, string>;

export type PlayerKey = keyof typeof playerNl;
