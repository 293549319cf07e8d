import type { PlayerKey } from './player.nl';

export const playerEn: Record<PlayerKey, string> = {
  'player.placeholder': '…',
};
