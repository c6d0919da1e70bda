/**
 * What a command may touch outside itself: the working folder, the environment and the two
 * output streams. Commands take this instead of reading `process` so that tests can run them
 * in-process with captured output and a pretend terminal.
 */
export interface CliStream {
  write(text: string): void;
  /** True when the stream is a terminal: progress and colour are shown only then. */
  readonly isTTY: boolean;
  /** Terminal width in characters, when known. */
  readonly columns?: number;
}

export interface CliIo {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: CliStream;
  readonly stderr: CliStream;
}

/** The real process: its folder, environment and streams. */
export function processIo(): CliIo {
  const stream = (s: NodeJS.WriteStream): CliStream => ({
    write: (text) => void s.write(text),
    get isTTY() {
      return s.isTTY === true;
    },
    get columns() {
      return s.columns;
    },
  });
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: stream(process.stdout),
    stderr: stream(process.stderr),
  };
}

/**
 * Whether to colour output written to `stream`: only on a terminal, and never when NO_COLOR is
 * set; FORCE_COLOR turns it on regardless (https://no-color.org, https://force-color.org).
 */
export function useColour(io: CliIo, stream: CliStream): boolean {
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== '' && force !== '0' && force !== 'false') return true;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  return stream.isTTY && io.env.TERM !== 'dumb';
}
