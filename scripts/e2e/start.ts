/**
 * `npm start`: the packaged extension in a real VS Code (code-server) on the sample hunting
 * workspace, in a fresh profile under .cache, until Ctrl+C.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startCodeServer } from './codeServer';
import { installVsix, repoRoot, sampleWorkspace, vsixPath } from './editorTools';

async function main(): Promise<void> {
  const home = path.join(repoRoot, '.cache', 'start');
  fs.rmSync(home, { recursive: true, force: true });
  const userDataDir = path.join(home, 'user-data');
  const extensionsDir = path.join(home, 'extensions');
  installVsix(vsixPath(), userDataDir, extensionsDir);
  const port = Number(process.env.PORT ?? 8080);
  const logFile = path.join(home, 'code-server.log');
  const server = await startCodeServer({ userDataDir, extensionsDir, port, testDriver: false, logFile });

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping code-server…');
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  console.log(
    `\nKQL Hunting is running in VS Code (code-server). Open:\n\n  ${server.workbenchUrl(sampleWorkspace)}\n`,
  );
  console.log(`Log: ${logFile}\nPress Ctrl+C to stop.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
