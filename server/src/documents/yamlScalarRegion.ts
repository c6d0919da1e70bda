import { Scalar } from 'yaml';
import { MappedRegionBuilder } from './mappedRegion';
import type { KqlRegion } from './regions';
import { decodeBlockScalar } from './yamlBlockScalar';
import { decodeFlowScalar } from './yamlFlowScalar';

/**
 * The KQL region of a YAML string scalar, in any of the five scalar styles. The decoded text is
 * checked against the value the YAML parser produced; if they ever differ (a corner of the YAML
 * spec the decoder does not cover), the parser's value wins and positions map line by line from
 * the scalar's start, so the engine never sees text that the rule would not run.
 */
export function yamlScalarRegion(
  source: string,
  node: Scalar,
  kind?: KqlRegion['kind'],
): KqlRegion | undefined {
  if (typeof node.value !== 'string' || !node.range) return undefined;
  const decoded = decodeYamlScalar(source, node, kind);
  if (decoded.region.text === node.value) {
    // Only a literal block holds the KQL line for line; other styles fold lines or escape characters.
    return node.type === Scalar.BLOCK_LITERAL ? decoded.region : { ...decoded.region, editable: false };
  }
  return {
    ...approximateRegion(source, node.value, decoded.spanStart, decoded.spanEnd, kind),
    editable: false,
  };
}

/** The decoder's own reading of a scalar, before it is checked against the parser's value. */
export function decodeYamlScalar(
  source: string,
  node: Scalar,
  kind?: KqlRegion['kind'],
): { region: KqlRegion; spanStart: number; spanEnd: number } {
  const [start, valueEnd] = node.range!;
  const out = new MappedRegionBuilder();
  let spanStart = start;
  let spanEnd = valueEnd;
  switch (node.type) {
    case Scalar.BLOCK_LITERAL:
    case Scalar.BLOCK_FOLDED: {
      const parentIndent = (node.srcToken as { indent?: number } | undefined)?.indent ?? 0;
      const span = decodeBlockScalar(source, start, parentIndent, out);
      spanStart = span.contentStart;
      spanEnd = Math.max(span.end, spanStart);
      break;
    }
    case Scalar.QUOTE_SINGLE:
    case Scalar.QUOTE_DOUBLE:
      spanStart = start + 1;
      spanEnd = valueEnd - 1;
      decodeFlowScalar(
        source,
        spanStart,
        spanEnd,
        node.type === Scalar.QUOTE_SINGLE ? 'single' : 'double',
        out,
      );
      break;
    default:
      decodeFlowScalar(source, start, valueEnd, 'plain', out);
  }
  return { region: out.build(spanStart, spanEnd, kind), spanStart, spanEnd };
}

/** The parser's value with offsets mapped by line and column from the start of the span. */
function approximateRegion(
  source: string,
  value: string,
  spanStart: number,
  spanEnd: number,
  kind?: KqlRegion['kind'],
): KqlRegion {
  const out = new MappedRegionBuilder();
  const docLines = source.slice(spanStart, spanEnd).split(/\r?\n/);
  let docOffset = spanStart;
  const valueLines = value.split('\n');
  for (let i = 0; i < valueLines.length; i++) {
    const docLine = docLines[i] ?? '';
    const column = Math.max(0, docLine.length - valueLines[i].length);
    out.atom(Math.min(docOffset + column, spanEnd), 0, valueLines[i]);
    if (i < valueLines.length - 1) out.atom(Math.min(docOffset + docLine.length, spanEnd), 0, '\n');
    docOffset += docLine.length + (source[docOffset + docLine.length] === '\r' ? 2 : 1);
  }
  return out.build(spanStart, spanEnd, kind);
}
