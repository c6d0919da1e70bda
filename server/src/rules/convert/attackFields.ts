import { tacticsOfTechnique, TACTICS, TECHNIQUE_FORMAT, type Tactic } from '../attackMatrix';

/**
 * ATT&CK fields between the two platforms. A Sentinel rule lists tactics and techniques; a Defender
 * alert template has one category and a list of techniques (security-alerttemplate, beta). The
 * category takes the rule's first tactic (Defender's categories include the ATT&CK tactics);
 * on the way back the tactics are the category, when it is a tactic, and for each technique none
 * of whose tactics is listed yet, all of its tactics (attackMatrix.ts), so that Sentinel's rule
 * that each technique has one of its tactics listed holds and no tactic of the original is lost.
 */
const FALLBACK_CATEGORY = 'SuspiciousActivity';

export function toDefenderAttack(
  tactics: readonly string[],
  techniques: readonly string[],
): { category: string; mitreTechniques: string[]; notConverted: string[] } {
  const known = tactics.map(canonicalTactic).filter((t): t is Tactic => t !== undefined);
  const category = known[0] ?? FALLBACK_CATEGORY;
  const mitreTechniques = techniques.filter((t) => TECHNIQUE_FORMAT.test(t));
  const notConverted = techniques
    .filter((t) => !TECHNIQUE_FORMAT.test(t))
    .map((t) => `Technique '${t}' is not an ATT&CK technique id and was left out.`);
  // A tactic survives the round trip when it is the category or one of a technique's tactics.
  const implied = new Set<string>([category, ...mitreTechniques.flatMap((t) => tacticsOfTechnique(t))]);
  for (const tactic of known.slice(1))
    if (!implied.has(tactic))
      notConverted.push(
        `Tactic ${tactic} has no place in a Defender alert (one category, ${category}), and no listed technique implies it.`,
      );
  return { category, mitreTechniques, notConverted };
}

export function toSentinelAttack(
  category: string | undefined,
  techniques: readonly string[],
): { tactics: Tactic[]; relevantTechniques: string[] } {
  const relevantTechniques = techniques.filter((t) => TECHNIQUE_FORMAT.test(t));
  const found = new Set<Tactic>();
  const fromCategory = category ? canonicalTactic(category) : undefined;
  if (fromCategory) found.add(fromCategory);
  for (const technique of relevantTechniques) {
    const of = tacticsOfTechnique(technique);
    // Which of a technique's tactics the rule meant is not recorded, so all of them are listed
    // unless one already is: the original tactic comes back, with its siblings beside it.
    if (!of.some((t) => found.has(t))) for (const t of of) found.add(t);
  }
  return { tactics: TACTICS.filter((t) => found.has(t)), relevantTechniques };
}

function canonicalTactic(text: string): Tactic | undefined {
  const squeezed = text.replace(/\s+/g, '').toLowerCase();
  return TACTICS.find((t) => t.toLowerCase() === squeezed);
}
