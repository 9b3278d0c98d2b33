import { spawn } from 'node:child_process';

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** The command ran longer than `timeoutMs` and was killed. */
  timedOut: boolean;
}

export interface CommandOptions {
  /** Kill the command after this long (SIGKILL: a hostile image must not be able to ignore it). */
  timeoutMs?: number;
  /** Called with each chunk of output as it arrives (e.g. to stream a build log). */
  onOutput?: (chunk: string) => void;
  /** Keep at most this many bytes of each stream; older output is dropped first. */
  maxOutputBytes?: number;
  cwd?: string;
  /** Kills the command (SIGKILL) when aborted: for a call whose answer is no longer wanted. */
  signal?: AbortSignal;
  /**
   * Takes stdout as bytes instead of keeping it (the result's stdout is then
   * empty); returning 'enough' kills the command (SIGKILL), e.g. once a
   * stream's header has said all that is needed, and no further chunk is given.
   */
  readStdout?: (chunk: Buffer) => 'more' | 'enough';
}

/**
 * Runs a program with an argv array (never through a shell) and returns its
 * exit code and output. The driver passes this in so tests can record argv.
 */
export type CommandRunner = (
  file: string,
  args: readonly string[],
  options?: CommandOptions,
) => Promise<CommandResult>;

/** Thrown when the program itself does not exist (ENOENT). */
export class CommandNotFoundError extends Error {
  constructor(readonly file: string) {
    super(`${file}: command not found`);
  }
}

const DEFAULT_MAX_OUTPUT = 64 * 1024 * 1024;

/** Keeps the last `limit` bytes written to it: enough for a log tail, bounded for hostile output. */
export class BoundedBuffer {
  private chunks: Buffer[] = [];
  private size = 0;
  constructor(private readonly limit: number) {}
  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
    while (this.size > this.limit && this.chunks.length > 1) {
      this.size -= this.chunks.shift()!.length;
    }
  }
  toString(): string {
    const all = Buffer.concat(this.chunks);
    return all.subarray(Math.max(0, all.length - this.limit)).toString('utf8');
  }
}

export const runCommand: CommandRunner = (file, args, options = {}) =>
  new Promise((resolve, reject) => {
    const limit = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT;
    const stdout = new BoundedBuffer(limit);
    const stderr = new BoundedBuffer(limit);
    const child = spawn(file, args, {
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: process.env,
      signal: options.signal,
      killSignal: 'SIGKILL',
    });
    let timedOut = false;
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
          }, options.timeoutMs);
    const collect = (buffer: BoundedBuffer) => (chunk: Buffer) => {
      buffer.push(chunk);
      options.onOutput?.(chunk.toString('utf8'));
    };
    const read = options.readStdout;
    // Chunks already taken from the pipe still arrive after the kill: a reader that has had
    // enough has decided, and is not asked again.
    let enough = false;
    child.stdout.on(
      'data',
      read
        ? (chunk: Buffer) => {
            if (enough) return;
            if (read(chunk) === 'enough') {
              enough = true;
              child.kill('SIGKILL');
            }
          }
        : collect(stdout),
    );
    child.stderr.on('data', collect(stderr));
    child.on('error', (error: NodeJS.ErrnoException) => {
      // An abort is reported as an error too, but 'close' follows and resolves.
      if (error.name === 'AbortError') return;
      clearTimeout(timer);
      reject(error.code === 'ENOENT' ? new CommandNotFoundError(file) : error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({
        exitCode: code ?? (signal ? 128 : 1),
        stdout: stdout.toString(),
        stderr: stderr.toString(),
        timedOut,
      });
    });
  });

/** The last `count` non-empty lines of a log, for error messages. */
export function lastLines(text: string, count: number): string {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  return lines.slice(-count).join('\n');
}
