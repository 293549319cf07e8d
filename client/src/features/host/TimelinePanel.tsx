/** The facilitator's timeline tab. */
export function TimelinePanel() {
  return null;
}
