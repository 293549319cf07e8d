import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
// The wheel's card font (bold, Latin letters); game-core measures labels in it.
import '@fontsource/roboto-condensed/latin-700.css';
import '@fontsource/roboto-condensed/latin-ext-700.css';
import './styles.css';
import { appStore } from './store';

// Fetched now rather than when the board first draws a label, so labels do not change font in view.
void document.fonts?.load("700 1em 'Roboto Condensed'").catch(() => undefined);

// A device that chose English before fetches the English words now (see i18n/index.ts).
const { lang, setLang } = appStore.getState();
setLang(lang, false);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
