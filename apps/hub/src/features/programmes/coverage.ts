/**
 * A site's baseline coverage in whole per cent, rounded down so a site never looks over the
 * threshold when it is not; 'small' when either count is suppressed ("<5"), null when nobody is
 * enrolled.
 */
export function baselineCoverage(
  enrolled: number | '<5',
  withBaseline: number | '<5',
): number | 'small' | null {
  if (enrolled === '<5' || withBaseline === '<5') return 'small';
  if (enrolled === 0) return null;
  return Math.floor((withBaseline * 100) / enrolled);
}
