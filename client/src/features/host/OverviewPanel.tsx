/** The facilitator's overview tab. */
export function OverviewPanel() {
  return null;
}
