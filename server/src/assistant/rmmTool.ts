import { kindsOf, rmmTools, type DetectionKind } from '../rmm/rmmLibrary';
import { rmmDetectionQuery } from '../rmm/rmmQueries';
import { rmmRuleYaml } from '../rmm/rmmRule';
import { closestNames } from '../schema/nameSuggestions';
import type { RmmToolInput } from './toolInputs';

/** kql_rmm_detection: the New RMM Detection command's generator, for one tool named as a person would. */
export type RmmAnswer =
  | { ok: true; tool: string; kinds: DetectionKind[]; language: 'kql' | 'yaml'; text: string }
  | { ok: false; error: string };

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

export function rmmDetectionForAssistant(input: RmmToolInput, newRuleId: () => string): RmmAnswer {
  const wanted = squash(input.tool);
  const tool = rmmTools().find(
    (t) => t.id === input.tool.toLowerCase() || squash(t.name) === wanted || squash(t.id) === wanted,
  );
  if (!tool) {
    const near = closestNames(
      input.tool,
      rmmTools().map((t) => t.name),
      5,
    );
    return {
      ok: false,
      error: `No RMM tool named '${input.tool}' in the library.${near.length ? ` Did you mean ${near.join(', ')}?` : ''}`,
    };
  }
  const kinds = input.kinds ?? kindsOf(tool);
  try {
    if (input.output === 'rule')
      return {
        ok: true,
        tool: tool.name,
        kinds,
        language: 'yaml',
        text: rmmRuleYaml([tool], kinds, { id: newRuleId() }),
      };
    const query = rmmDetectionQuery([tool], kinds, { target: 'hunting' });
    return { ok: true, tool: tool.name, kinds: query.kinds, language: 'kql', text: query.text };
  } catch (e) {
    // The generators throw only for requests that cannot be met, with a reason meant for people.
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
