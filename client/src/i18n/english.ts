import { en } from './en';
import { playerEn } from './player.en';
import { screensEn } from './screens.en';

/*
 * The English words a tablet shows. Most sessions run in Dutch, so they are fetched only when
 * someone (or the session) chooses English: `loadLanguage` in index.ts imports this module.
 */
export const englishTablet = { ...en, ...playerEn, ...screensEn };
