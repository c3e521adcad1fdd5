/**
 * Straight quotes in reader-facing text, for the typography tests: none are allowed except inside
 * the client area's verbatim labels ("I'm not a robot"), quoted as the product shows them.
 */
import { LABELS } from '../../src/simulator/client-area/messages';

/** The client area's verbatim labels that contain a straight quote. */
export const VERBATIM: readonly string[] = Object.values(LABELS).filter(
  (label): label is Extract<typeof label, string> => typeof label === 'string' && /['"]/.test(label),
);

/** The straight quotes left once the verbatim labels are taken out. */
export function straightQuotes(text: string): string[] {
  const rest = VERBATIM.reduce((left, label) => left.split(label).join(''), text);
  return rest.match(/['"]/g) ?? [];
}
