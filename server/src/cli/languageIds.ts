import * as path from 'node:path';

/**
 * The files `kqlhunt check` looks at, by extension, with the language id an editor gives them.
 * Only the language id is decided here: the language service decides which parts of a YAML,
 * Markdown or JSON document hold KQL (a rule's `query`, a `kql` fence, an ARM template's
 * `properties.query`), so files without KQL simply have no findings. To check a new kind of
 * file, add its extension here.
 */
const LANGUAGE_BY_EXTENSION: Readonly<Record<string, string>> = {
  '.kql': 'kql',
  '.csl': 'kql',
  '.kusto': 'kql',
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.json': 'json',
};

/** The language id for a file, or undefined when kqlhunt does not check files of its kind. */
export function languageIdOf(file: string): string | undefined {
  return LANGUAGE_BY_EXTENSION[path.extname(file).toLowerCase()];
}

export const CHECKED_EXTENSIONS: readonly string[] = Object.keys(LANGUAGE_BY_EXTENSION);
