import { parseDocument } from 'yaml';
import { parseSchemaFile } from '../customSchemaFiles';
import { headerAlias } from './parserFiles';

/**
 * The names a schema or parser file defines, for `kqlhunt check --changed`: when such a file
 * changes, the rules that use one of its names are checked again. Every name a rule could call
 * is listed (a parser's FunctionName and ParserName as well as its FunctionAlias, and the ASIM
 * EquivalentBuiltInParser), since checking a rule too many costs time and one too few hides a
 * finding.
 */

export type DefinedKind = 'parser' | 'function' | 'table';

export interface DefinedName {
  name: string;
  kind: DefinedKind;
}

const PARSER_NAME_KEYS = ['FunctionName', 'FunctionAlias', 'ParserName', 'EquivalentBuiltInParser'];

/** What `text`, the content of a file named `fileName`, defines; nothing when it cannot be read as one. */
export function definedNames(fileName: string, text: string): DefinedName[] {
  const ext = /\.[^./\\]*$/.exec(fileName)?.[0].toLowerCase() ?? '';
  if (ext === '.json') {
    const parsed = parseSchemaFile(text);
    return [
      ...parsed.tables.map((t) => ({ name: t.name, kind: 'table' as const })),
      ...parsed.functions.map((f) => ({ name: f.name, kind: 'function' as const })),
    ];
  }
  if (ext === '.yaml' || ext === '.yml') {
    const doc = parseDocument(text);
    const data: unknown = doc.errors.length ? undefined : doc.toJS();
    if (!data || typeof data !== 'object' || Array.isArray(data)) return [];
    const names = PARSER_NAME_KEYS.map((k) => (data as Record<string, unknown>)[k]).filter(
      (v): v is string => typeof v === 'string' && v.trim() !== '',
    );
    return [...new Set(names.map((n) => n.trim()))].map((name) => ({ name, kind: 'parser' }));
  }
  if (ext === '.kql' || ext === '.txt') {
    // A KQL parser file is saved as a function named for the file, or under the alias its
    // opening comment gives (listed whether or not the loader keeps it: one check too many).
    const base = fileName.split(/[/\\]/).pop()!;
    const stem = base.slice(0, base.length - ext.length);
    const alias = headerAlias(text);
    return [stem, ...(alias && alias !== stem ? [alias] : [])].map((name) => ({ name, kind: 'parser' }));
  }
  return [];
}

/**
 * Finds which of `names` a text uses, as whole words and regardless of case (a near miss costs
 * one extra check, a miss a hidden finding). Built once per set of names.
 */
export class NameFinder {
  private readonly pattern: RegExp | undefined;

  constructor(names: Iterable<string>) {
    const escaped = [...new Set([...names].map((n) => n.toLowerCase()))]
      .filter((n) => n !== '')
      // Longest first, so that a name is not hidden by one it starts with.
      .sort((a, b) => b.length - a.length)
      .map((n) => n.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'));
    this.pattern = escaped.length
      ? new RegExp(`(?<![A-Za-z0-9_])(?:${escaped.join('|')})(?![A-Za-z0-9_])`, 'gi')
      : undefined;
  }

  /** The names `text` uses, in lower case. */
  allIn(text: string): Set<string> {
    const found = new Set<string>();
    if (this.pattern) for (const m of text.matchAll(this.pattern)) found.add(m[0].toLowerCase());
    return found;
  }
}
