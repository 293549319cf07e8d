import type { Translate } from '../i18n';

/*
 * The server names tables "Tafel 1", "Tafel 2"… when the facilitator gives no names, and those
 * names are stored in the session. Shown as they are, an English screen would still say
 * "Tafel 2", so a name of that form is read as a number and said in the reader's language.
 */
const NUMBERED = /^Tafel (\d+)$/;

/** A table's name as this reader should see it; `fallback` when the table is unknown. */
export function tableLabel(table: { name: string } | undefined, fallback: string, t: Translate): string {
  if (!table) return fallback;
  const numbered = NUMBERED.exec(table.name);
  return numbered ? t('table.numbered', { n: Number(numbered[1]) }) : table.name;
}
