import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import enginePackage from '@kusto/language-service-next/package.json';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { validCachedFindings, validCachedSuppressed } from './cacheEntry';
import { sourceLines, withoutBom, type CheckJob } from './fileChecker';
import type { FileResult, Finding, SuppressedFinding } from './findings';
import { readRegularFile } from './regularFile';
import { toolBuildHash } from './toolBuild';
import { TOOL_VERSION } from './toolVersion';
import type { CheckSetup } from './workerProtocol';

/**
 * `kqlhunt check --cache`: the findings of files that have not changed since the last run are
 * read back instead of checked again, as ESLint's and Ruff's caches do. Checking is the costly
 * part (tens of milliseconds of engine time per rule); reading and hashing a file is not.
 *
 * A file's findings depend on its text, its path and language, the run's settings and schemas
 * (the repository's parsers among them), the tool's version and build and the engine's version, and (for the duplicate-id check) which other rule files declare
 * the same id. The first four make the file's key; the run-wide ones make the cache's key, and
 * a cache written under another run key is ignored as a whole.
 *
 * A cache may save work, never change an answer. It holds hashes and findings only, never the
 * files' text (the source lines the text format shows are read from the file itself). Every
 * entry must match its schema exactly (cacheEntry.ts) and carry an HMAC, keyed by a secret the
 * repository cannot hold (cacheSecret.ts), over the run key, the file's name and key and its
 * findings: an entry that was edited, or a cache committed to the repository, is a miss, and
 * the file is checked again.
 */
/**
 * Raised whenever what the cached findings mean changes within one tool version, so that older
 * caches are ignored. 3: input limits became per-query errors (a cache from before held them as
 * information and would let a gate pass), and entries became signed findings without source text.
 * 4: inline suppressions; entries hold the suppressed findings too, for SARIF.
 */
const FORMAT = 4;

export const DEFAULT_CACHE_FILE = '.kqlhunt-cache';

/** Larger cache files are not read (a few hundred bytes per file checked is usual). */
const MAX_CACHE_BYTES = 256 * 1024 * 1024;

interface CacheEntry {
  key: string;
  findings: Finding[];
  suppressed: SuppressedFinding[];
  tag: string;
}

interface CacheFile {
  format: number;
  runKey: string;
  files: Record<string, unknown>;
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
  private readonly nameKeys: string[] = [];
  /** Each job's key, or undefined when the file cannot be read (the check then reports why). */
  private readonly keys: (string | undefined)[] = [];
  private previous = new Map<string, unknown>();

  constructor(
    private readonly file: string,
    setup: CheckSetup,
    private readonly jobs: readonly CheckJob[],
    private readonly secret: Buffer,
    /** The working folder, which the entries' names are relative to. */
    private readonly cwd: string,
  ) {
    this.runKey = hash(
      JSON.stringify([
        FORMAT,
        TOOL_VERSION,
        toolBuildHash(),
        enginePackage.version,
        setup.settings,
        setup.schemas,
        setup.ciSkips ?? null,
      ]),
    );
    const urisById = new Map<string, string[]>();
    for (const [uri, id] of Object.entries(setup.ruleIds))
      (urisById.get(id) ?? urisById.set(id, []).get(id)!).push(uri);
    for (const job of jobs) {
      const nameKey = nameKeyOf(job, setup.ruleIds, urisById);
      const bytes = readOrUndefined(job.path);
      this.nameKeys.push(nameKey);
      this.keys.push(bytes ? hash(nameKey, bytes) : undefined);
    }
  }

  /** Splits the jobs into those whose findings the cache holds and those to check. */
  lookup(): CacheLookup {
    const hits = new Map<number, FileResult>();
    const misses: number[] = [];
    const note = this.load();
    this.jobs.forEach((_job, i) => {
      const result = this.hit(i);
      if (result) hits.set(i, result);
      else misses.push(i);
    });
    return { hits, misses, note };
  }

  /** The cached result of `job`, when its entry is sound, signed and for the file as it is now. */
  private hit(i: number): FileResult | undefined {
    const job = this.jobs[i];
    const key = this.keys[i];
    const entry = this.previous.get(job.display);
    if (key === undefined || !isEntry(entry) || entry.key !== key || !this.signed(job.display, entry))
      return undefined;
    // The source lines are read from the file again: its bytes must still be those hashed.
    const bytes = readOrUndefined(job.path);
    if (!bytes || hash(this.nameKeys[i], bytes) !== key) return undefined;
    const document = TextDocument.create(
      pathToFileURL(job.path).href,
      job.languageId,
      1,
      withoutBom(bytes.toString('utf8')),
    );
    const findings = validCachedFindings(entry.findings, job.display, document.lineCount);
    const suppressed = validCachedSuppressed(entry.suppressed, job.display, document.lineCount);
    if (!findings || !suppressed) return undefined;
    return {
      file: job.display,
      findings,
      ...(suppressed.length > 0 ? { suppressed } : {}),
      lines: sourceLines(document, findings),
    };
  }

  /**
   * Writes the cache for this run's files, replacing the old file in one rename so that an
   * interrupted run never leaves half a cache. Returns why it could not be written, if it could not.
   */
  save(results: readonly FileResult[]): string | undefined {
    // No prototype: a file named __proto__ is an entry like any other.
    const files = Object.create(null) as Record<string, CacheEntry>;
    results.forEach((result, i) => {
      const key = this.keys[i];
      if (key === undefined) return;
      const display = this.jobs[i].display;
      const { findings, suppressed = [] } = result;
      files[display] = { key, findings, suppressed, tag: this.tag(display, key, findings, suppressed) };
    });
    // Files this run did not check (a --changed run, or other paths) keep their signed entries
    // while they exist, so that runs on different parts of a repository share one cache.
    for (const [display, entry] of this.previous)
      if (
        !(display in files) &&
        isEntry(entry) &&
        this.signed(display, entry) &&
        fs.existsSync(path.resolve(this.cwd, display))
      )
        files[display] = entry;
    const body: CacheFile = { format: FORMAT, runKey: this.runKey, files };
    // A fresh name, created exclusively: never written through a file or link already there.
    const temp = `${this.file}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      fs.writeFileSync(temp, JSON.stringify(body), { flag: 'wx' });
      fs.renameSync(temp, this.file);
      return undefined;
    } catch (e) {
      fs.rmSync(temp, { force: true });
      return `cannot write the cache ${this.file}: ${(e as Error).message}`;
    }
  }

  private tag(
    display: string,
    key: string,
    findings: readonly Finding[],
    suppressed: readonly SuppressedFinding[],
  ): string {
    return createHmac('sha256', this.secret)
      .update(JSON.stringify([this.runKey, display, key, findings, suppressed]))
      .digest('hex');
  }

  private signed(display: string, entry: CacheEntry): boolean {
    const expected = Buffer.from(this.tag(display, entry.key, entry.findings, entry.suppressed), 'hex');
    const given = Buffer.from(entry.tag, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private load(): string | undefined {
    let text: string;
    try {
      text = readRegularFile(this.file, MAX_CACHE_BYTES).toString('utf8');
    } catch (e) {
      // No cache yet: the first run writes it.
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      return `the cache ${this.file} could not be read (${(e as Error).message}) and was rebuilt`;
    }
    try {
      const parsed = JSON.parse(text) as Partial<CacheFile>;
      if (
        parsed.format !== FORMAT ||
        typeof parsed.files !== 'object' ||
        parsed.files === null ||
        Array.isArray(parsed.files)
      )
        return `the cache ${this.file} has an unknown format and was rebuilt`;
      // A cache from other settings, schemas or versions is simply outdated, not worth a note.
      if (parsed.runKey === this.runKey) this.previous = new Map(Object.entries(parsed.files));
      return undefined;
    } catch {
      return `the cache ${this.file} could not be read and was rebuilt`;
    }
  }
}

const HEX_64 = /^[0-9a-f]{64}$/;

/** An entry with exactly the four keys, of the right types; its findings are checked on a hit. */
function isEntry(value: unknown): value is CacheEntry {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value).sort();
  if (keys.join() !== 'findings,key,suppressed,tag') return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry.key === 'string' &&
    HEX_64.test(entry.key) &&
    typeof entry.tag === 'string' &&
    HEX_64.test(entry.tag) &&
    Array.isArray(entry.findings) &&
    Array.isArray(entry.suppressed)
  );
}

function readOrUndefined(file: string): Buffer | undefined {
  try {
    return readRegularFile(file);
  } catch {
    return undefined;
  }
}

/**
 * The part of a file's key that is not its text: its language, location, and the other rule
 * files that declare the same id (the duplicate-id check reads them). The key is this hashed
 * with the file's bytes.
 */
function nameKeyOf(
  job: CheckJob,
  ruleIds: Readonly<Record<string, string>>,
  urisById: Map<string, string[]>,
): string {
  const uri = pathToFileURL(job.path).href;
  const id = ruleIds[uri];
  const sharing = id === undefined ? [] : (urisById.get(id) ?? []).filter((u) => u !== uri).sort();
  return hash(JSON.stringify([job.languageId, uri, sharing]));
}

function hash(...parts: (string | Buffer)[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex');
}
