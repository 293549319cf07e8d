import type { HostKey } from './host.nl';

export const hostEn: Record<HostKey, string> = {
  'host.placeholder': '…',
};
