import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { builtinSchema } from '../../schema/builtinSchemas';
import {
  DETECTION_TEST_FILE,
  runDetectionTestFile,
  type DetectionCaseResult,
  type DetectionTestHost,
} from '../detectionTests';
import { loadLocalWorkspace } from './workspaceLoader';

/** The host side of detection tests: finding test files on disk and reading what they name. */

export const nodeDetectionTestHost: DetectionTestHost = {
  readText: (p) => readFileSync(p, 'utf8'),
  schema: (env) => builtinSchema(env),
  loadWorkspace: (dir, schema) => loadLocalWorkspace(dir, schema),
};

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'out', 'dist']);

/** Test files under the given files or folders (`*.test.yaml`, `*.kqltest.yaml`), sorted. */
export function findDetectionTests(paths: readonly string[]): string[] {
  const found = new Set<string>();
  const walk = (p: string) => {
    const st = statSync(p);
    if (st.isFile()) {
      found.add(p);
      return;
    }
    for (const entry of readdirSync(p, { withFileTypes: true })) {
      const child = path.join(p, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) walk(child);
      } else if (DETECTION_TEST_FILE.test(entry.name)) found.add(child);
    }
  };
  for (const p of paths) walk(path.resolve(p));
  return [...found].sort();
}

export function runDetectionTestFiles(
  files: readonly string[],
  host: DetectionTestHost = nodeDetectionTestHost,
): DetectionCaseResult[] {
  return files.flatMap((f) => {
    let text: string;
    try {
      text = host.readText(f);
    } catch (e) {
      return [
        {
          file: f,
          name: path.basename(f),
          passed: false,
          message: `cannot read: ${(e as Error).message}`,
          durationMs: 0,
        },
      ];
    }
    return runDetectionTestFile(f, text, host);
  });
}
