import { randomBytes } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import { lstat, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { CheckError } from './errors.js';

/** Largest policy file or Dockerfile read: far above any real one, a bound on hostile input. */
export const INPUT_FILE_LIMIT = 16 * 1024 * 1024;

/** What a file is, for a message: "a FIFO", "a directory". */
function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isDirectory()) return 'a directory';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** Thrown by readInputFile when the file does not exist, so a caller can treat "none" as it must. */
export class MissingFileError extends Error {
  constructor(readonly path: string) {
    super(`${path}: no such file`);
  }
}

/**
 * An input file (policy, Dockerfile, manifest, report) as text, in bounded
 * time and memory: opened without blocking (a FIFO does not hang the open),
 * refused unless it is a regular file, refused when larger than `maxBytes`
 * before anything is read, and read to at most that many bytes.
 */
export async function readInputFile(
  path: string,
  what: string,
  maxBytes: number,
  hint: string,
): Promise<string> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new MissingFileError(path);
    throw new CheckError('input', `cannot read ${what}: ${code ?? (error as Error).message}`, hint);
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) {
      throw new CheckError('input', `${what} is ${kindOf(stats)}, not a regular file`, hint);
    }
    if (stats.size > maxBytes) {
      throw new CheckError(
        'input',
        `${what} is ${stats.size} bytes, over the ${maxBytes}-byte limit`,
        hint,
      );
    }
    const buffer = Buffer.alloc(Math.min(stats.size, maxBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) {
      throw new CheckError(
        'input',
        `${what} grew past the ${maxBytes}-byte limit while it was read`,
        hint,
      );
    }
    return buffer.subarray(0, length).toString('utf8');
  } finally {
    await handle.close();
  }
}

/**
 * Writes a report whole or not at all: to a temporary file beside it, then
 * renamed over it, so a full disk or a crash leaves no partial report. The
 * target must be a regular file or not exist, in a directory that exists.
 */
export async function writeFileWhole(path: string, text: string, what: string): Promise<void> {
  const hint = `Give ${what} a path to a file in a directory that exists and can be written.`;
  const existing = await lstat(path).catch(() => null);
  if (existing && !existing.isFile()) {
    throw new CheckError('usage', `cannot write ${what} ${path}: it is ${kindOf(existing)}`, hint);
  }
  const directory = dirname(path);
  const parent = await stat(directory).catch(() => null);
  if (!parent?.isDirectory()) {
    throw new CheckError(
      'usage',
      `cannot write ${what} ${path}: the directory ${directory} does not exist`,
      hint,
    );
  }
  const temporary = join(directory, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(
      temporary,
      constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL,
      0o644,
    );
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    throw new CheckError(
      'usage',
      `cannot write ${what} ${path}: ${code === 'ENOSPC' ? 'no space left on the device' : (code ?? (error as Error).message)}`,
      code === 'ENOSPC' ? 'Free space on that device, or write the report elsewhere.' : hint,
    );
  }
}
