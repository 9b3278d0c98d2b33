import type { AccountFiles, UnsafeAccountFile } from './types.js';

/**
 * /etc/passwd and /etc/group as the container runtime reads them (runc's
 * user package): lines are trimmed, blank lines skipped, fields split on `:`,
 * the first entry that matches wins, and a numeric field that does not parse
 * counts as 0 — so a malformed uid field is root, not "unknown".
 */

export interface PasswdEntry {
  name: string;
  uid: number;
  gid: number;
  home: string;
  shell: string;
  /** 1-based line in the file, for evidence. */
  line: number;
}

export interface GroupEntry {
  name: string;
  gid: number;
  members: string[];
  line: number;
}

/** Go's strconv.Atoi as runc uses it: anything that is not a 64-bit integer reads as 0. */
export function runtimeInt(field: string | undefined): number {
  if (field === undefined || !/^[+-]?\d+$/.test(field)) return 0;
  const value = BigInt(field);
  if (value > 9223372036854775807n || value < -9223372036854775808n) return 0;
  return Number(value);
}

function records(text: string): { fields: string[]; line: number }[] {
  const result: { fields: string[]; line: number }[] = [];
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!.trim();
    if (line === '') continue;
    result.push({ fields: line.split(':'), line: index + 1 });
  }
  return result;
}

export function parsePasswd(text: string): PasswdEntry[] {
  return records(text).map(({ fields, line }) => ({
    name: fields[0] ?? '',
    uid: runtimeInt(fields[2]),
    gid: runtimeInt(fields[3]),
    home: fields[5] ?? '',
    shell: fields[6] ?? '',
    line,
  }));
}

export function parseGroup(text: string): GroupEntry[] {
  return records(text).map(({ fields, line }) => ({
    name: fields[0] ?? '',
    gid: runtimeInt(fields[2]),
    members: (fields[3] ?? '').split(',').filter((member) => member !== ''),
    line,
  }));
}

export interface Accounts {
  passwd: PasswdEntry[] | null;
  group: GroupEntry[] | null;
  notes: string[];
  /** Account files that are not regular files of the image, or that the container reads otherwise (NR007). */
  unsafe: UnsafeAccountFile[];
}

export function parseAccounts(files: AccountFiles): Accounts {
  return {
    passwd: files.passwd === null ? null : parsePasswd(files.passwd),
    group: files.group === null ? null : parseGroup(files.group),
    notes: files.notes,
    unsafe: files.unsafe,
  };
}
