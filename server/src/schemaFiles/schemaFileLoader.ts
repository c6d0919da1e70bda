import * as fs from 'node:fs/promises';
import * as path from 'node:path';
// Required, not imported, so that the bundle takes tinyglobby's CommonJS build (as cli/ does).
import tinyglobby = require('tinyglobby');
import { parseSchemaFile, type SchemaFileProblem } from '../schema/customSchemaFiles';
import type { SchemaSource } from '../schema/schemaMerge';

/**
 * Finds and reads the custom schema files that `kqlHunting.schemaFiles` names. Host side: the
 * parsing itself is pure (schema/customSchemaFiles.ts); this module only touches the disk.
 */
export interface LoadedSchemaFile {
  /** The file's absolute path. */
  file: string;
  text: string;
  source: SchemaSource;
  problems: SchemaFileProblem[];
}

/** Files matching any pattern under `folder`; plain paths are taken as they are, globs are expanded. */
export async function findSchemaFiles(folder: string, patterns: readonly string[]): Promise<string[]> {
  const files = new Set<string>();
  for (const pattern of patterns) {
    if (tinyglobby.isDynamicPattern(pattern)) {
      const matches = await tinyglobby.glob(pattern, {
        cwd: folder,
        absolute: true,
        onlyFiles: true,
        ignore: ['**/node_modules/**'],
      });
      for (const m of matches) files.add(path.resolve(m));
    } else {
      files.add(path.resolve(folder, pattern));
    }
  }
  return [...files].sort();
}

/** Reads and parses one file; a file that cannot be read becomes a problem, never an exception. */
export async function loadSchemaFile(file: string): Promise<LoadedSchemaFile> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    const message = `Cannot read this schema file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`;
    return {
      file,
      text: '',
      source: { id: file, tables: [], functions: [] },
      problems: [{ severity: 'error', message, offset: 0, length: 0 }],
    };
  }
  const parsed = parseSchemaFile(text);
  return {
    file,
    text,
    source: { id: file, tables: parsed.tables, functions: parsed.functions },
    problems: parsed.problems,
  };
}
