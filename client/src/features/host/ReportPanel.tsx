/** The facilitator's report tab. */
export function ReportPanel() {
  return null;
}
