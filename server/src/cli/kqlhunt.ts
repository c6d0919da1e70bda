import { processIo } from './cliIo';
import { runCli } from './main';
import { visible } from './visibleText';

/**
 * The `kqlhunt` executable (bin/kqlhunt.js loads the bundle of this file). The exit code is set
 * rather than forced with process.exit, so that output to a pipe is flushed before Node exits.
 */
// A reader that stops early (`kqlhunt check | head`) closes the pipe: stop quietly, as other tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

runCli(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`kqlhunt: internal error: ${visible(e instanceof Error ? e.message : String(e))}\n`);
    process.exitCode = 2;
  },
);
