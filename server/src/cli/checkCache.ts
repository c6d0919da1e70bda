import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import enginePackage from '@kusto/language-service-next/package.json';
import type { CheckJob } from './fileChecker';
import type { FileResult } from './findings';
import { TOOL_VERSION } from './toolVersion';
import type { CheckSetup } from './workerProtocol';

/**
 * `kqlhunt check --cache`: the findings of files that have not changed since the last run are
 * read back instead of checked again, as ESLint's and Ruff's caches do. Checking is the costly
 * part (tens of milliseconds of engine time per rule); reading and hashing a file is not.
 *
 * A file's findings depend on its text, its path and language, the run's settings and schemas,
 * the tool and engine versions, and (for the duplicate-id check) which other rule files declare
 * the same id. The first four make the file's key; the run-wide ones make the cache's key, and
 * a cache written under another run key is ignored as a whole.
 */
/**
 * Raised whenever what the cached findings mean changes within one tool version, so that older
 * caches are ignored. 2: input limits became per-query errors (a cache from before held them as
 * information and would let a gate pass).
 */
const FORMAT = 2;

export const DEFAULT_CACHE_FILE = '.kqlhunt-cache';

interface CacheFile {
  format: number;
  runKey: string;
  files: Record<string, { key: string; result: FileResult }>;
}

export interface CacheLookup {
  /** Results read back, by job index. */
  hits: Map<number, FileResult>;
  /** Jobs to check. */
  misses: number[];
  /** Why an existing cache file was not used, when it was not. */
  note?: string;
}

export class CheckCache {
  private readonly runKey: string;
  private readonly keys: (string | undefined)[] = [];
  private previous: CacheFile['files'] = {};

  constructor(private readonly file: string, setup: CheckSetup, private readonly jobs: readonly CheckJob[]) {
    this.runKey = hash(JSON.stringify([FORMAT, TOOL_VERSION, enginePackage.version, setup.settings, setup.schemas]));
    const urisById = new Map<string, string[]>();
    for (const [uri, id] of Object.entries(setup.ruleIds)) (urisById.get(id) ?? urisById.set(id, []).get(id)!).push(uri);
    for (const job of jobs) this.keys.push(fileKey(job, setup.ruleIds, urisById));
  }

  /** Splits the jobs into those whose findings the cache holds and those to check. */
  lookup(): CacheLookup {
    const hits = new Map<number, FileResult>();
    const misses: number[] = [];
    const note = this.load();
    this.jobs.forEach((job, i) => {
      const entry = this.previous[job.display];
      const key = this.keys[i];
      if (entry && key !== undefined && entry.key === key) hits.set(i, entry.result);
      else misses.push(i);
    });
    return { hits, misses, note };
  }

  /**
   * Writes the cache for this run's files, replacing the old file in one rename so that an
   * interrupted run never leaves half a cache. Returns why it could not be written, if it could not.
   */
  save(results: readonly FileResult[]): string | undefined {
    const files: CacheFile['files'] = {};
    results.forEach((result, i) => {
      const key = this.keys[i];
      if (key !== undefined) files[this.jobs[i].display] = { key, result };
    });
    const body: CacheFile = { format: FORMAT, runKey: this.runKey, files };
    const temp = `${this.file}.${process.pid}.tmp`;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      fs.writeFileSync(temp, JSON.stringify(body));
      fs.renameSync(temp, this.file);
      return undefined;
    } catch (e) {
      fs.rmSync(temp, { force: true });
      return `cannot write the cache ${this.file}: ${(e as Error).message}`;
    }
  }

  private load(): string | undefined {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch {
      // No cache yet: the first run writes it.
      return undefined;
    }
    try {
      const parsed = JSON.parse(text) as Partial<CacheFile>;
      if (parsed.format !== FORMAT || typeof parsed.files !== 'object' || parsed.files === null) return `the cache ${this.file} has an unknown format and was rebuilt`;
      // A cache from other settings, schemas or versions is simply outdated, not worth a note.
      if (parsed.runKey === this.runKey) this.previous = parsed.files;
      return undefined;
    } catch {
      return `the cache ${this.file} could not be read and was rebuilt`;
    }
  }
}

/** The file's own key, or undefined when it cannot be read (the check then reports why). */
function fileKey(job: CheckJob, ruleIds: Readonly<Record<string, string>>, urisById: Map<string, string[]>): string | undefined {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(job.path);
  } catch {
    return undefined;
  }
  const uri = pathToFileURL(job.path).href;
  const id = ruleIds[uri];
  const sharing = id === undefined ? [] : (urisById.get(id) ?? []).filter((u) => u !== uri).sort();
  return hash(JSON.stringify([job.languageId, uri, sharing]), bytes);
}

function hash(...parts: (string | Buffer)[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex');
}
