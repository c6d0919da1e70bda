import * as fs from 'node:fs';
import * as path from 'node:path';
// Required, not imported, so that the bundle takes tinyglobby's CommonJS build: its ES module
// build reads import.meta.url, which a CommonJS bundle does not have.
import tinyglobby = require('tinyglobby');
import { getLanguageService, type KqlLanguageService } from '../language/languageService';
import { BuiltinSchemaProvider, type SchemaProvider } from '../schema/schemaProvider';
import { UsageError } from './exitCodes';
import { ruleIdIndex } from './ruleIdTable';

/** A custom schema file's text, read once by the main thread and handed to every worker. */
export interface SchemaSource {
  path: string;
  text: string;
}

/**
 * Reads the custom schema files: `patterns` are paths or globs relative to `baseDir` (the
 * configuration file's folder for `schemaFiles`, the working folder for `--schema`), as the
 * extension resolves `kqlHunting.schemaFiles` against the workspace folder.
 */
export async function readSchemaSources(patterns: readonly string[], baseDir: string): Promise<SchemaSource[]> {
  const files = new Set<string>();
  for (const pattern of patterns) {
    if (tinyglobby.isDynamicPattern(pattern)) {
      for (const m of await tinyglobby.glob(pattern, { cwd: baseDir, absolute: true, onlyFiles: true })) files.add(path.resolve(m));
    } else {
      files.add(path.resolve(baseDir, pattern));
    }
  }
  return [...files].sort().map((file) => {
    try {
      return { path: file, text: fs.readFileSync(file, 'utf8') };
    } catch (e) {
      throw new UsageError(`cannot read schema file ${file}: ${(e as Error).message}`);
    }
  });
}

/**
 * The language service a run checks with: the built-in catalogue plus the custom schema files,
 * and the run's rule ids for the duplicate-id check, made the same way in every thread.
 */
export function createCliService(schemas: readonly SchemaSource[], ruleIds: Readonly<Record<string, string>>): KqlLanguageService {
  return getLanguageService({ schemas: schemaProviderFor(schemas), ruleIds: ruleIdIndex(ruleIds) });
}

function schemaProviderFor(schemas: readonly SchemaSource[]): SchemaProvider {
  if (schemas.length > 0) {
    // TODO(issue 3): load custom schema files through the schema provider the language server uses.
    throw new UsageError('custom schema files (--schema, schemaFiles) are not supported by this build yet');
  }
  return new BuiltinSchemaProvider();
}
