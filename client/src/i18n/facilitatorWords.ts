import { hostEn } from './host.en';
import { hostNl } from './host.nl';
import { addWords } from './index';
import { workshopEn } from './workshop.en';
import { workshopNl } from './workshop.nl';

/*
 * The words of the facilitator's controls, the big screen and the workshop-wide views
 * (overview, timeline, report). Importing this module adds them to the catalogues; App.tsx
 * loads it with every page but the tablet's, which never shows them.
 */
addWords({ nl: { ...hostNl, ...workshopNl }, en: { ...hostEn, ...workshopEn } });
