import { useMemo } from 'react';
import { useApp } from '../store';
import { translate, type Lang, type MessageKey, type Vars } from './index';
import { trainerEn } from './trainer.en';
import { trainerNl, type TrainerKey } from './trainer.nl';

export type { TrainerKey } from './trainer.nl';
export type TrainerTranslate = (key: MessageKey | TrainerKey, vars?: Vars) => string;

const TRAINER: Record<Lang, Record<TrainerKey, string>> = { nl: trainerNl, en: trainerEn };

function isTrainerKey(key: string): key is TrainerKey {
  return key in trainerNl;
}

export function translateTrainer(lang: Lang, key: MessageKey | TrainerKey, vars?: Vars): string {
  if (!isTrainerKey(key)) return translate(lang, key, vars);
  const template = TRAINER[lang][key] ?? trainerNl[key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** `useT` for the trainer pages: the shared catalogue plus the trainer words. */
export function useTrainerT(): TrainerTranslate {
  const lang = useApp((s) => s.lang);
  return useMemo(() => (key, vars) => translateTrainer(lang, key, vars), [lang]);
}
