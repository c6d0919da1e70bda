import type { ConvertQuery } from '../../../rules/convert/queryConversion';
import { convertQuery } from './convertQuery';
import type { ConversionSchemas } from './conversionTypes';

/**
 * The dialect converter in the shape a rule conversion takes (rules/convert/queryConversion.ts):
 * a rule's query converted between Sentinel and Defender XDR, with what could not be converted as
 * sentences that name it and say why.
 */
export function ruleQueryConverter(schemas: ConversionSchemas): ConvertQuery {
  return (text, from, to) => {
    const result = convertQuery(text, { from, to, schemas });
    return {
      text: result.text,
      notConverted: result.unconverted.map((u) => `${u.name}: ${u.reason}`),
      notes: result.edits.filter((e) => e.note).map((e) => `${e.name ?? e.oldText}: ${e.note}`),
    };
  };
}
