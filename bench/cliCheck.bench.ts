/**
 * kqlhunt benchmark (issue 7): wall time of the built `kqlhunt check` (start-up included) on the
 * 767 real Sentinel rules in ../shared/corpus/sentinel-rules, on 5,000 generated .kql files made
 * from those rules' queries, and on a small set where worker threads may not pay off; with one
 * thread and with two worker threads. CPU time (user + system, all threads) is from the child's
 * resource usage.
 *
 * The benchmark bundles kqlhunt itself, minified as it ships, into the system temp folder, so
 * that a rebuild of dist/ meanwhile cannot disturb it.
 *
 * Run: npx tsc -p . && node out/bench/cliCheck.bench.js [small|corpus|many ...]
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { parse } from 'yaml';
import { REPO_ROOT } from '../test/helpers/paths';
import { SHARED } from './sharedDir';

const CORPUS = path.join(SHARED, 'corpus', 'sentinel-rules');
const WORK = path.join(os.tmpdir(), 'kqlhunt-bench');
const BUNDLE = path.join(WORK, 'dist', 'cli', 'kqlhunt.js');

/** The same bundles as `npm run package` makes (scripts/build.mjs with --production). */
async function bundle(): Promise<void> {
  for (const name of ['kqlhunt', 'checkWorker']) {
    await esbuild.build({
      entryPoints: [path.join(REPO_ROOT, 'server', 'src', 'cli', `${name}.ts`)],
      outfile: path.join(WORK, 'dist', 'cli', `${name}.js`),
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      minify: true,
      logLevel: 'warning',
      mainFields: ['module', 'main'],
    });
  }
}

interface Measured {
  wallMs: number;
  cpuMs: number;
  maxRssMb: number;
  findings: number;
}

/** Writes `count` .kql files, cycling through the corpus queries, each pinned to Sentinel. */
function generateKqlFiles(count: number): string {
  const dir = path.join(WORK, `kql-${count}`);
  if (fs.existsSync(path.join(dir, 'done'))) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  const queries = fs
    .readdirSync(CORPUS)
    .sort()
    .map((f) => (parse(fs.readFileSync(path.join(CORPUS, f), 'utf8')) as { query?: unknown } | null)?.query)
    .filter((q): q is string => typeof q === 'string');
  for (let i = 0; i < count; i++) {
    const sub = path.join(dir, String(Math.floor(i / 500)).padStart(2, '0'));
    fs.mkdirSync(sub, { recursive: true });
    fs.writeFileSync(
      path.join(sub, `q${String(i).padStart(5, '0')}.kql`),
      `// kql-environment: sentinel\n// copy ${i}\n${queries[i % queries.length]}`,
    );
  }
  fs.writeFileSync(path.join(dir, 'done'), '');
  return dir;
}

function smallSet(count: number): string {
  const dir = path.join(WORK, `rules-${count}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const f of fs.readdirSync(CORPUS).sort().slice(0, count))
    fs.copyFileSync(path.join(CORPUS, f), path.join(dir, f));
  return dir;
}

function runCheck(target: string, jobs: number): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    // GNU time reports the child's CPU and peak memory; the figures are read from its last lines.
    const child = spawn(
      '/usr/bin/time',
      [
        '-f',
        '%U %S %M',
        process.execPath,
        BUNDLE,
        'check',
        target,
        '-f',
        'json',
        '-q',
        '--fail-on',
        'never',
        '-j',
        String(jobs),
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0) return reject(new Error(`kqlhunt exited with ${code}: ${err}`));
      const [user, sys, rssKb] = err.trim().split('\n').pop()!.split(' ').map(Number);
      resolve({
        wallMs,
        cpuMs: (user + sys) * 1000,
        maxRssMb: rssKb / 1024,
        findings: (JSON.parse(out) as unknown[]).length,
      });
    });
  });
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  await bundle();
  const sets: [string, string, number][] = [];
  if (wanted.length === 0 || wanted.includes('small'))
    sets.push(['first 40 rule YAML files', smallSet(40), 40]);
  if (wanted.length === 0 || wanted.includes('corpus'))
    sets.push(['767 Sentinel rule YAML files', CORPUS, 767]);
  if (wanted.length === 0 || wanted.includes('many'))
    sets.push(['5,000 generated .kql files', generateKqlFiles(5000), 5000]);
  console.log(
    `node ${process.version}, ${os.availableParallelism()} cores, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log('| files | threads | wall s | CPU s | peak RSS MB | findings |');
  console.log('|---|---|---|---|---|---|');
  for (const [label, dir] of sets) {
    for (const jobs of [1, 2]) {
      const m = await runCheck(dir, jobs);
      console.log(
        `| ${label} | ${jobs} | ${(m.wallMs / 1000).toFixed(1)} | ${(m.cpuMs / 1000).toFixed(1)} | ${m.maxRssMb.toFixed(0)} | ${m.findings} |`,
      );
    }
  }
  console.log(
    `load average after: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
});
