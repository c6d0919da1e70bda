import { tacticsOfTechnique, TACTICS, TECHNIQUE_FORMAT, type Tactic } from '../attackMatrix';

import type { MitreTactic } from './detectionRuleShape';

/**
 * ATT&CK fields between the two platforms. A Sentinel rule lists tactics and techniques; a Defender
 * alert template lists `tactics`, each a mitreTactic holding its techniques (mitreTechnique:
 * a technique id and its sub-technique ids). Each Sentinel technique becomes one mitreTechnique
 * under the first listed tactic it belongs to (attackMatrix.ts), or under the first listed
 * tactic when none is its own, so that both lists come back unchanged. Files in the removed
 * shape hold one `category` and a `mitreTechniques` list instead; on the way back from those
 * the tactics are the category, when it is a tactic, and for each technique none of whose
 * tactics is listed yet, all of its tactics, so Sentinel's rule that each technique has one of
 * its tactics listed holds.
 */
export function toDefenderTactics(
  tactics: readonly string[],
  techniques: readonly string[],
): { tactics: MitreTactic[]; notConverted: string[] } {
  const notConverted: string[] = [];
  const out: MitreTactic[] = [];
  for (const name of tactics) {
    const tactic = canonicalTactic(name);
    if (!tactic) notConverted.push(`Tactic '${name}' is not an ATT&CK tactic and was left out.`);
    else if (!out.some((t) => t.tactic === tactic)) out.push({ tactic, techniques: [] });
  }
  for (const technique of techniques) {
    if (!TECHNIQUE_FORMAT.test(technique)) {
      notConverted.push(`Technique '${technique}' is not an ATT&CK technique id and was left out.`);
      continue;
    }
    const own = tacticsOfTechnique(technique);
    let home = out.find((t) => own.some((o) => o === t.tactic)) ?? out[0];
    if (!home && own.length > 0) {
      home = { tactic: own[0], techniques: [] };
      out.push(home);
    }
    if (!home) {
      notConverted.push(`Technique '${technique}' has no tactic to be listed under and was left out.`);
      continue;
    }
    const parent = technique.split('.')[0];
    home.techniques.push({ technique: parent, subTechniques: parent === technique ? [] : [technique] });
  }
  return { tactics: out, notConverted };
}

/** Tactics and techniques of an alert template's `tactics`, in their order. */
export function fromDefenderTactics(tactics: readonly unknown[]): {
  tactics: Tactic[];
  relevantTechniques: string[];
  notConverted: string[];
} {
  const found: Tactic[] = [];
  const techniques: string[] = [];
  const notConverted: string[] = [];
  const add = <T>(list: T[], value: T) => {
    if (!list.includes(value)) list.push(value);
  };
  for (const raw of tactics) {
    const entry = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
    const name = typeof entry.tactic === 'string' ? entry.tactic : '';
    const tactic = canonicalTactic(name);
    if (tactic) add(found, tactic);
    else notConverted.push(`The tactic '${name}' is not one Sentinel lists and was left out.`);
    for (const rawTechnique of Array.isArray(entry.techniques) ? entry.techniques : []) {
      const t =
        rawTechnique && typeof rawTechnique === 'object' ? (rawTechnique as Record<string, unknown>) : {};
      const subs = Array.isArray(t.subTechniques)
        ? t.subTechniques.filter((s): s is string => typeof s === 'string' && TECHNIQUE_FORMAT.test(s))
        : [];
      if (subs.length > 0) for (const s of subs) add(techniques, s);
      else if (typeof t.technique === 'string' && TECHNIQUE_FORMAT.test(t.technique))
        add(techniques, t.technique);
    }
  }
  return { tactics: found, relevantTechniques: techniques, notConverted };
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
