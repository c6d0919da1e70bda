import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { runDetectionTestFile } from '../executor/detectionTests';
import { nodeDetectionTestHost } from '../executor/files/detectionTestFiles';
import {
  ListDetectionTestsRequest,
  RunDetectionTestsRequest,
  type DetectionTestCaseOutcome,
} from '../protocol/messages';
import type { HandlerModule } from './handlerModule';

/**
 * Serves detection tests to the editor's Testing view: the case names of a test file, and the
 * results of running it. The file and the rule and data it names are read from disk, as
 * `kqlhunt test` reads them, so the editor and the command line agree.
 */
export const detectionTestHandlers: HandlerModule = {
  name: 'detectionTests',
  capabilities: () => ({}),
  register(ctx) {
    ctx.connection.onRequest(
      ListDetectionTestsRequest,
      ctx.guard(
        'listDetectionTests',
        { cases: [], error: 'The test file could not be read; see the output log.' },
        ({ uri }) => {
          const file = filePathOf(uri);
          if (typeof file !== 'string') return { cases: [], error: file.error };
          return { cases: caseNames(readFileSync(file, 'utf8'), file) };
        },
      ),
    );

    ctx.connection.onRequest(
      RunDetectionTestsRequest,
      ctx.guard(
        'runDetectionTests',
        { cases: [], error: 'The tests could not be run; see the output log.' },
        ({ uri }) => {
          const file = filePathOf(uri);
          if (typeof file !== 'string') return { cases: [], error: file.error };
          let text: string;
          try {
            text = readFileSync(file, 'utf8');
          } catch (e) {
            return { cases: [], error: `Cannot read ${file}: ${(e as Error).message}` };
          }
          const cases = runDetectionTestFile(file, text, nodeDetectionTestHost).map(
            (r): DetectionTestCaseOutcome => ({
              name: r.name,
              passed: r.passed,
              ...(r.message ? { message: r.message } : {}),
              ...(r.diff ? { diff: r.diff } : {}),
              durationMs: r.durationMs,
            }),
          );
          return { cases };
        },
      ),
    );
  },
};

function filePathOf(uri: string): string | { error: string } {
  if (!uri.startsWith('file:')) return { error: `Detection tests run from files on disk, not ${uri}` };
  return fileURLToPath(uri);
}

/**
 * The names runDetectionTestFile gives the cases, without running them; a file it cannot read
 * as a test file shows as one item named after the file, which fails with the reason when run.
 */
function caseNames(text: string, file: string): string[] {
  let spec: unknown;
  try {
    spec = parseYaml(text);
  } catch {
    return [path.basename(file)];
  }
  if (!spec || typeof spec !== 'object' || Array.isArray(spec)) return [path.basename(file)];
  const cases = (spec as { cases?: unknown; name?: unknown }).cases;
  if (!Array.isArray(cases)) {
    const name = (spec as { name?: unknown }).name;
    return [typeof name === 'string' ? name : 'case 1'];
  }
  return cases.map((c: unknown, i) => {
    const name = c && typeof c === 'object' ? (c as { name?: unknown }).name : undefined;
    return typeof name === 'string' ? name : `case ${i + 1}`;
  });
}
