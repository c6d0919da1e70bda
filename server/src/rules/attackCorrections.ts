import { editDistance } from '../schema/nameSuggestions';
import { TACTICS, TECHNIQUE_FORMAT, type Tactic } from './attackMatrix';

/**
 * The repairs of ATT&CK values that have one right answer, for the rule checks' hints and
 * quick fixes: a tactic written with spaces, dashes or a slip of a letter or two, and a
 * technique id in the wrong case or with a short sub-technique number.
 */

/** Sentinel's tactic names are the words run together, so these separators never belong. */
const SEPARATORS = /[\s_-]+/g;

/** The tactic a name that is not one means, or undefined when no single tactic is close enough. */
export function intendedTactic(text: string): Tactic | undefined {
  const squashed = text.replace(/&/g, 'and').replace(SEPARATORS, '').toLowerCase();
  if (!squashed) return undefined;
  const exact = TACTICS.find((t) => t.toLowerCase() === squashed);
  if (exact) return exact;
  // A slip of about one letter in four still reads as that tactic; two tactics equally close is no answer.
  const limit = Math.max(1, Math.min(3, Math.floor(squashed.length / 4)));
  let best: Tactic | undefined;
  let bestDistance = limit + 1;
  let tie = false;
  for (const tactic of TACTICS) {
    const distance = editDistance(squashed, tactic.toLowerCase(), limit);
    if (distance < bestDistance) {
      best = tactic;
      bestDistance = distance;
      tie = false;
    } else if (distance === bestDistance) tie = true;
  }
  return best && !tie ? best : undefined;
}

const LOOSE_TECHNIQUE = /^\s*t?\s*-?\s*(\d{4})(?:\s*\.\s*(\d{1,3}))?\s*$/i;

/**
 * The ATT&CK id a malformed technique means: `t1219` is T1219, `T1219.1` is T1219.001 (sub-technique
 * numbers have three digits). Undefined when it cannot be told (five digits, letters, nothing).
 */
export function intendedTechnique(text: string): string | undefined {
  const match = LOOSE_TECHNIQUE.exec(text);
  if (!match) return undefined;
  const id = `T${match[1]}${match[2] ? `.${match[2].padStart(3, '0')}` : ''}`;
  return TECHNIQUE_FORMAT.test(id) && id !== text ? id : undefined;
}
