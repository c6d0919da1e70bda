import { isDeepStrictEqual } from 'node:util';
import { isMap, parseDocument, type Document } from 'yaml';

/**
 * Why a rewritten rule YAML differs from the original in anything but its `query`, or undefined
 * when it does not. The formatter only replaces lines inside the query's block scalar, so this
 * guards the writing back: a line indented too little would end the block early and turn the
 * rest of the query into YAML keys, which the YAML parser, reading both texts, notices here.
 */
export function yamlChangeOutsideQuery(before: string, after: string): string | undefined {
  const was = parseDocument(before, { prettyErrors: false });
  const now = parseDocument(after, { prettyErrors: false });
  if (now.errors.length > was.errors.length) return 'the YAML would no longer parse';
  return isDeepStrictEqual(withoutQuery(was), withoutQuery(now))
    ? undefined
    : 'keys other than query would change';
}

/** The document's data with the top-level `query` left out; a document that cannot be read as data gives its text. */
function withoutQuery(doc: Document.Parsed): unknown {
  let js: unknown;
  try {
    js = doc.toJS();
  } catch {
    // Some broken files (an alias to nothing) have no data; then compare what remains as text.
    return String(doc);
  }
  if (!isMap(doc.contents) || !js || typeof js !== 'object') return js;
  const others = { ...(js as Record<string, unknown>) };
  delete others.query;
  return others;
}
