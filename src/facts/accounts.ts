import type { AccountFiles, UnsafeAccountFile } from './image.js';

/**
 * /etc/passwd and /etc/group as the container runtime reads them (moby/sys
 * `user`, formerly runc's libcontainer/user): lines split on '\n' with one
 * trailing '\r' dropped, trimmed, blank lines skipped (and, in /etc/group
 * only, lines starting with '#'), fields split on ':', the first entry that
 * matches wins. A number field is read with Go's strconv.Atoi and its error
 * ignored: not a number reads as 0 (so a malformed uid field is root, not
 * "unknown"), an overflow as the int64 limit. The values are kept exact, as
 * bigint.
 */

export interface PasswdEntry {
  name: string;
  uid: bigint;
  gid: bigint;
  /** The uid and gid fields as written, for evidence when the runtime reads them otherwise. */
  written: { uid: string; gid: string };
  home: string;
  shell: string;
  /** 1-based line in the file, for evidence. */
  line: number;
}

export interface GroupEntry {
  name: string;
  gid: bigint;
  members: string[];
  line: number;
}

export const INT64_MAX = 9223372036854775807n;
export const INT64_MIN = -9223372036854775808n;

/** Go's strconv.Atoi (64-bit): the value, and whether it was a number, out of range, or neither. */
export function goAtoi(text: string): { value: bigint; error: null | 'syntax' | 'range' } {
  if (!/^[+-]?\d+$/.test(text)) return { value: 0n, error: 'syntax' };
  const value = BigInt(text);
  if (value > INT64_MAX) return { value: INT64_MAX, error: 'range' };
  if (value < INT64_MIN) return { value: INT64_MIN, error: 'range' };
  return { value, error: null };
}

/** A number field of an entry, as the runtime reads it: Atoi's value, its error ignored. */
export function runtimeInt(field: string | undefined): bigint {
  return goAtoi(field ?? '').value;
}

/** unicode.IsSpace, which bytes.TrimSpace uses: not JavaScript's trim (U+0085 is space, U+FEFF not). */
const GO_SPACE =
  '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const GO_TRIM = new RegExp(`^[${GO_SPACE}]+|[${GO_SPACE}]+$`, 'g');

export function goTrimSpace(text: string): string {
  return text.replace(GO_TRIM, '');
}

interface Record {
  fields: string[];
  line: number;
}

function records(text: string, skipComments: boolean): Record[] {
  const result: Record[] = [];
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = goTrimSpace(lines[index]!);
    if (line === '' || (skipComments && line.startsWith('#'))) continue;
    result.push({ fields: line.split(':'), line: index + 1 });
  }
  return result;
}

/**
 * The longest line in bytes, without its '\n', as bufio.Scanner measures it
 * (the runtime fails on a line it cannot hold). Measured on the decoded text,
 * so invalid UTF-8 counts as the replacement character's three bytes.
 */
export function longestLine(text: string): number {
  let longest = 0;
  for (const line of text.split('\n')) longest = Math.max(longest, Buffer.byteLength(line));
  return longest;
}

export function parsePasswd(text: string): PasswdEntry[] {
  return records(text, false).map(({ fields, line }) => ({
    name: fields[0] ?? '',
    uid: runtimeInt(fields[2]),
    gid: runtimeInt(fields[3]),
    written: { uid: fields[2] ?? '', gid: fields[3] ?? '' },
    home: fields[5] ?? '',
    shell: fields[6] ?? '',
    line,
  }));
}

export function parseGroup(text: string): GroupEntry[] {
  return records(text, true).map(({ fields, line }) => ({
    name: fields[0] ?? '',
    gid: runtimeInt(fields[2]),
    members: (fields[3] ?? '').split(',').filter((member) => member !== ''),
    line,
  }));
}

export interface Accounts {
  passwd: PasswdEntry[] | null;
  group: GroupEntry[] | null;
  /** The longest line of each file in bytes (0 when there is no file): the runtime has a limit per file. */
  longestLine: { passwd: number; group: number };
  notes: string[];
  /** Account files that are not regular files of the image, or that the container reads otherwise (NR007). */
  unsafe: UnsafeAccountFile[];
}

export function parseAccounts(files: AccountFiles): Accounts {
  return {
    passwd: files.passwd === null ? null : parsePasswd(files.passwd),
    group: files.group === null ? null : parseGroup(files.group),
    longestLine: {
      passwd: files.passwd === null ? 0 : longestLine(files.passwd),
      group: files.group === null ? 0 : longestLine(files.group),
    },
    notes: files.notes,
    unsafe: files.unsafe,
  };
}
