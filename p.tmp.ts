import { layoutBoard, cellPoint, SUPPORT_TYPES } from './game-core/src/index';
import { loadScenarioFile } from './game-core/src/scenario/fs';
import { readdirSync } from 'node:fs';
const name = process.argv[2] ?? 'tess-wordt-18';
const dir = `/work/main/scenarios/${name}`;
const file = readdirSync(dir).find((f) => f.endsWith('.yaml'))!;
const scenario = (loadScenarioFile(`${dir}/${file}`).result as any).scenario;
const sectors = scenario.board.sectors.map((s: any) => s.id);
const cards: any[] = [];
for (const def of scenario.cards) {
  if (cards.length >= 40) break;
  if (def.staged === false) {}
  const at = cellPoint(SUPPORT_TYPES.indexOf(def.supportType), sectors.indexOf(def.sector), sectors.length);
  cards.push({ id: def.id, x: at.x, y: at.y, label: def.short ?? def.label });
}
const own = ['Buurvrouw kookt mee', 'Oom helpt met verhuizen', 'Zumba met vriendinnen', 'Huiswerkklas', 'Budgetcursus', 'Oma belt elke zondag', 'Vakbond', 'Stichting Leergeld', 'Jongerenwerker', 'Sportcoach', 'Buddy', 'Kerkgemeenschap'];
for (let i = 0; cards.length < 40; i++) { const at = cellPoint(i % 4, (i * 3) % sectors.length, sectors.length); cards.push({ id: 'own' + i, x: at.x, y: at.y, label: own[i % own.length] }); }
const counts: Record<string, number> = {};
for (const c of cards) { const k = `${Math.floor(Math.hypot(c.x,c.y)*5)}`; counts[k] = (counts[k]??0)+1; }
console.log('cards', cards.length, scenario.cards.length, 'per ring', counts);
function maxFont(cs: any[]) {
  let lo = 0.005, hi = 0.1;
  for (let i = 0; i < 25; i++) { const m = (lo + hi) / 2; const l = layoutBoard(cs, [], { sectorCount: sectors.length, font: m, minFont: m }); if (l.stacks.length === 0 && Math.abs(l.font - m) < 1e-6) lo = m; else hi = m; }
  return lo;
}
console.log('global max font', maxFont(cards).toFixed(4));
