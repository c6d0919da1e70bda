import { processIo } from './cliIo';
import { runCli } from './main';

/**
 * The `kqlhunt` executable (bin/kqlhunt.js loads the bundle of this file). The exit code is set
 * rather than forced with process.exit, so that output to a pipe is flushed before Node exits.
 */
runCli(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`kqlhunt: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
