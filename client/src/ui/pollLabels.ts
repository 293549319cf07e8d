import { pollOptionCount, type ScenarioPoll } from '@samenspel/game-core';
import type { MessageKey, Translate } from '../i18n';

const SCALE_KEYS: MessageKey[] = ['poll.scale0', 'poll.scale1', 'poll.scale2', 'poll.scale3', 'poll.scale4'];

/**
 * The words of each answer, the same on tablet, facilitator page and big screen: the scenario's
 * own, or game-core's five points (DEFAULT_SCALE_POINTS) from "Helemaal oneens" to "Helemaal eens".
 */
export function pollOptionLabels(def: ScenarioPoll, t: Translate): string[] {
  if (def.options) return def.options;
  const n = pollOptionCount(def);
  return Array.from({ length: n }, (_, i) => (n === SCALE_KEYS.length ? t(SCALE_KEYS[i]!) : String(i + 1)));
}
