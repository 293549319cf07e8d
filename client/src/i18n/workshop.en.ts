import type { WorkshopKey } from './workshop.nl';

export const workshopEn: Record<WorkshopKey, string> = {
  'workshop.placeholder': '…',
};
