import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
} from 'vscode-languageserver-types';
import { hostFormatOf, type RegionSource } from '../documents/documentRegions';
import type { KqlRegion } from '../documents/regions';
import kqlSnippets from '../../../snippets/kql.json';
import ruleSnippets from '../../../snippets/rule-yaml.json';

/**
 * Detection snippets as completion items, for the places VS Code's own snippet contribution
 * cannot reach: KQL inside a rule's `query:` (the file is YAML) and rule templates at the top
 * level of a YAML file (a YAML snippet contribution would show on every line of every YAML
 * file). In `.kql` files the package.json contribution serves the same snippets, so the server
 * offers none there and nothing shows twice.
 */
export type SnippetContext = 'kql' | 'yamlTopLevel';

export interface SnippetDefinition {
  prefix: string;
  description: string;
  body: string[];
}

type SnippetFile = Record<string, SnippetDefinition>;

export const KQL_SNIPPETS: SnippetFile = kqlSnippets;
export const RULE_SNIPPETS: SnippetFile = ruleSnippets;

function toItem(name: string, snippet: SnippetDefinition, language: string): CompletionItem {
  return {
    label: snippet.prefix,
    labelDetails: { description: name },
    kind: CompletionItemKind.Snippet,
    detail: name,
    documentation: {
      kind: MarkupKind.Markdown,
      value: `${snippet.description}\n\n\`\`\`${language}\n${snippet.body.join('\n')}\n\`\`\``,
    },
    insertText: snippet.body.join('\n'),
    insertTextFormat: InsertTextFormat.Snippet,
    filterText: snippet.prefix,
    // Sort snippets after names from the schema, which are what a user typing mostly wants.
    sortText: `~${snippet.prefix}`,
  };
}

/** The snippet completion items that fit a context. */
export function snippetCompletions(context: SnippetContext): CompletionItem[] {
  const file = context === 'kql' ? KQL_SNIPPETS : RULE_SNIPPETS;
  const language = context === 'kql' ? 'kql' : 'yaml';
  return Object.entries(file).map(([name, snippet]) => toItem(name, snippet, language));
}

/**
 * Whether a completion at `offset` of a YAML document is where a whole rule template fits: at
 * column 0 of a line that holds only a bare word so far, in a file that has no other content
 * than comments and document markers. A template inserted into a file that already has keys
 * would duplicate them. KQL regions are the caller's business: it asks the language service
 * for those first.
 */
export function isYamlTopLevelPosition(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEndAt = text.indexOf('\n', offset);
  const lineEnd = lineEndAt < 0 ? text.length : lineEndAt;
  if (!/^[A-Za-z-]*$/.test(text.slice(lineStart, offset)) || text.slice(offset, lineEnd).trim() !== '')
    return false;
  const rest = text.slice(0, lineStart) + text.slice(lineEnd);
  return rest.split(/\r?\n/).every((line) => /^\s*(#.*|---|\.\.\.)?\s*$/.test(line));
}

/**
 * The detection snippets that fit at `offset` of a document, for the completion handler to add
 * to its items: KQL snippets inside a KQL region of a YAML, Markdown or JSON file, rule
 * templates at the top level of an otherwise empty YAML file, and nothing in `.kql` files,
 * where the package.json contribution already offers the KQL snippets.
 */
export function detectionSnippetsAt(
  document: RegionSource,
  offset: number,
  regions: readonly KqlRegion[],
): CompletionItem[] {
  const format = hostFormatOf(document);
  if (format === 'kql') return [];
  if (regions.some((r) => r.toRegionOffset(offset) !== undefined)) return snippetCompletions('kql');
  if (format === 'yaml' && isYamlTopLevelPosition(document.getText(), offset))
    return snippetCompletions('yamlTopLevel');
  return [];
}
