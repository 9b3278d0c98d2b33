import { goAtoi, type Accounts, type GroupEntry, type PasswdEntry } from './accounts.js';
import { uidInRange } from './user-spec.js';

/**
 * The identity a container gets from the image's `Config.User`, computed as
 * the engine computes it, for the two generations of the code that decides:
 *
 * - the daemon (moby) resolves the user with moby/sys `user` GetExecUser on
 *   the image's own files, with no defaults. v0.4.1 (June 2026) refuses a
 *   numeric user or group outside 0-2147483647 (or beyond int64) at once and
 *   reads /etc/group lines up to 1 MiB; v0.4.0 and earlier (and runc's
 *   libcontainer/user before it) read such a number as a *name*, check the
 *   range only when no entry matches, and read group lines of any length.
 *   /etc/passwd lines stop at 64 KiB in both.
 * - moby converts uid and gid to uint32 (a passwd uid of 4294967296 becomes
 *   0) and passes the groups [gid, ...supplementary].
 * - runc 1.3 and later apply those numbers as they are; runc 1.2 and earlier
 *   look `uid:gid` up again in the container's files and resolve each extra
 *   group by *name* first (a group named "444" with gid 555 turns gid 444
 *   into 555).
 *
 * The check follows the current generation (v0.4.1 and runc 1.3+), which the
 * probe also reproduces when it becomes the user; where an older engine
 * would do otherwise, the report says so in a note.
 */

export interface Engine {
  /** moby/sys `user` in the daemon. */
  resolver: 'v0.4.1' | 'v0.4.0';
  /** What runc does with the numbers: use them, or resolve them again (1.2 and earlier). */
  runc: 'numeric' | 'resolves-again';
}

export const CURRENT_ENGINE: Engine = { resolver: 'v0.4.1', runc: 'numeric' };

/** Older engines people still run, as the note names them. */
export const OLDER_ENGINES: readonly { engine: Engine; label: string }[] = [
  {
    engine: { resolver: 'v0.4.0', runc: 'numeric' },
    label: 'engines with moby/sys/user v0.4.0 or older and runc 1.3 or later',
  },
  {
    engine: { resolver: 'v0.4.0', runc: 'resolves-again' },
    label: 'engines with runc 1.2 or older (Docker 20.10, Debian 12)',
  },
];

/** bufio.Scanner's default limit, which /etc/passwd has everywhere. */
export const PASSWD_LINE_LIMIT = 64 * 1024;
/** moby/sys/user v0.4.1 reads /etc/group with a 1 MiB buffer: a group's member list may be long. */
export const GROUP_LINE_LIMIT = 1024 * 1024;
/** The kernel's NGROUPS_MAX: setgroups refuses more. */
const NGROUPS_MAX = 65536;
/** uid_t -1: never a valid id; everything else is mapped in a container without a user namespace. */
const INVALID_ID = 4294967295;

export const ERR_RANGE = 'uids and gids must be in range 0-2147483647';
export const ERR_TOO_LONG = 'bufio.Scanner: token too long';

export type ExecOutcome =
  | {
      ok: true;
      uid: number;
      gid: number;
      /** The supplementary groups the process has, sorted and without repeats. */
      groups: number[];
      /** The passwd entry the daemon matched, if any. */
      entry: PasswdEntry | null;
      /** The explicit group's entry, if one matched. */
      groupEntry: GroupEntry | null;
    }
  | {
      ok: false;
      error: string;
      stage: 'daemon' | 'runtime';
      kind: ErrorKind;
      /** The passwd entry the daemon matched before the runtime refused, if any. */
      entry: PasswdEntry | null;
    };

export type ErrorKind = 'unknown-user' | 'unknown-group' | 'range' | 'too-long' | 'set-id';

interface ExecUser {
  uid: bigint;
  gid: bigint;
  sgids: bigint[];
  home: string;
  entry: PasswdEntry | null;
  groupEntry: GroupEntry | null;
  matchedName: string;
}

type Failure = { error: string; kind: ErrorKind };

/** A user or group argument as GetExecUser reads it. */
interface Argument {
  text: string;
  numeric: boolean;
  value: bigint;
}

function argument(text: string, resolver: Engine['resolver']): Argument | Failure {
  if (text === '') return { text, numeric: false, value: 0n };
  const { value, error } = goAtoi(text);
  if (resolver === 'v0.4.1') {
    if (error === 'syntax') return { text, numeric: false, value: 0n };
    if (error === 'range' || !uidInRange(value)) return { error: ERR_RANGE, kind: 'range' };
    return { text, numeric: true, value };
  }
  return { text, numeric: error === null, value };
}

function isFailure<T extends object>(value: T | Failure): value is Failure {
  return 'error' in value;
}

/** moby/sys `user` GetExecUser with the defaults the caller passes. */
function getExecUser(
  spec: string,
  accounts: Accounts,
  resolver: Engine['resolver'],
  defaults: { uid: bigint; gid: bigint; home: string },
): ExecUser | Failure {
  const [userText = '', groupText = ''] = spec.split(':');
  const user = argument(userText, resolver);
  if (isFailure(user)) return user;
  const group = argument(groupText, resolver);
  if (isFailure(group)) return group;

  const result: ExecUser = {
    uid: defaults.uid,
    gid: defaults.gid,
    sgids: [],
    home: defaults.home,
    entry: null,
    groupEntry: null,
    matchedName: '',
  };
  const { passwd } = accounts;
  if (passwd && accounts.longestLine.passwd >= PASSWD_LINE_LIMIT) {
    const shown = userText === '' ? String(defaults.uid) : userText;
    return { error: `unable to find user ${shown}: ${ERR_TOO_LONG}`, kind: 'too-long' };
  }
  const entry = passwd?.find((candidate) =>
    userText === ''
      ? candidate.uid === defaults.uid
      : user.numeric
        ? candidate.uid === user.value
        : candidate.name === userText,
  );
  if (entry) {
    Object.assign(result, { uid: entry.uid, gid: entry.gid, home: entry.home, entry });
    result.matchedName = entry.name;
  } else if (userText !== '') {
    if (!user.numeric) {
      return {
        error: `unable to find user ${userText}: no matching entries in passwd file`,
        kind: 'unknown-user',
      };
    }
    if (resolver === 'v0.4.0' && !uidInRange(user.value)) {
      return { error: ERR_RANGE, kind: 'range' };
    }
    result.uid = user.value;
  }

  if (groupText === '' && result.matchedName === '') return result;
  const groups = accounts.group;
  if (groups && resolver === 'v0.4.1' && accounts.longestLine.group >= GROUP_LINE_LIMIT) {
    return {
      error: `unable to find groups for spec ${result.matchedName}: ${ERR_TOO_LONG}`,
      kind: 'too-long',
    };
  }
  if (groupText === '') {
    result.sgids = (groups ?? [])
      .filter((candidate) => candidate.members.includes(result.matchedName))
      .map((candidate) => candidate.gid);
    return result;
  }
  const groupEntry = groups?.find((candidate) =>
    group.numeric ? candidate.gid === group.value : candidate.name === groupText,
  );
  if (groupEntry) {
    result.gid = groupEntry.gid;
    result.groupEntry = groupEntry;
  } else {
    if (!group.numeric) {
      return {
        error: `unable to find group ${groupText}: no matching entries in group file`,
        kind: 'unknown-group',
      };
    }
    if (resolver === 'v0.4.0' && !uidInRange(group.value)) {
      return { error: ERR_RANGE, kind: 'range' };
    }
    result.gid = group.value;
  }
  return result;
}

/** runc 1.2 and earlier: GetAdditionalGroups of v0.4.0, which matches a group by name or gid text. */
function legacyAdditionalGroups(wanted: string[], accounts: Accounts): bigint[] | Failure {
  const groups = accounts.group ?? [];
  const found = new Set<bigint>();
  for (const text of wanted) {
    const match = groups.find(
      (group) => (group.name === text || String(group.gid) === text) && !found.has(group.gid),
    );
    if (match) {
      found.add(match.gid);
      continue;
    }
    const { value, error } = goAtoi(text);
    if (error) {
      return {
        error: `Unable to find group ${text}: no matching entries in group file`,
        kind: 'unknown-group',
      };
    }
    if (!uidInRange(value)) return { error: ERR_RANGE, kind: 'range' };
    found.add(value);
  }
  return [...found];
}

const uint32 = (value: bigint): number => Number(BigInt.asUintN(32, value));

function sortedUnique(values: number[]): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}

/** What the engine gives a container of this image with this `Config.User`. */
export function execUser(
  configUser: string,
  accounts: Accounts,
  engine: Engine = CURRENT_ENGINE,
): ExecOutcome {
  const resolved = getExecUser(configUser, accounts, engine.resolver, {
    uid: 0n,
    gid: 0n,
    home: '',
  });
  if (isFailure(resolved)) return { ok: false, stage: 'daemon', entry: null, ...resolved };
  const { entry } = resolved;
  let uid = uint32(resolved.uid);
  let gid = uint32(resolved.gid);
  let groups = [gid, ...resolved.sgids.map(uint32)];

  if (engine.runc === 'resolves-again') {
    const again = getExecUser(`${uid}:${gid}`, accounts, 'v0.4.0', {
      uid: 0n,
      gid: 0n,
      home: '/',
    });
    if (isFailure(again)) return { ok: false, stage: 'runtime', entry, ...again };
    const extra = legacyAdditionalGroups(groups.map(String), accounts);
    if (isFailure(extra)) return { ok: false, stage: 'runtime', entry, ...extra };
    uid = uint32(again.uid);
    gid = uint32(again.gid);
    groups = extra.map(uint32);
  }

  const failure = (error: string): ExecOutcome => ({
    ok: false,
    stage: 'runtime',
    error,
    kind: 'set-id',
    entry,
  });
  if (groups.length > NGROUPS_MAX) return failure('setgroups: invalid argument');
  if (gid === INVALID_ID) {
    return failure(`cannot setgid to unmapped gid ${gid} in user namespace`);
  }
  if (uid === INVALID_ID) {
    return failure(`cannot setuid to unmapped uid ${uid} in user namespace`);
  }
  return {
    ok: true,
    uid,
    gid,
    groups: sortedUnique(groups),
    entry,
    groupEntry: resolved.groupEntry,
  };
}

/** One sentence for an outcome, to compare engines in a note. */
export function describeOutcome(outcome: ExecOutcome): string {
  if (!outcome.ok) return `cannot start ("${outcome.error}")`;
  const groups = outcome.groups.length > 0 ? outcome.groups.join(',') : 'none';
  return `uid ${outcome.uid}, gid ${outcome.gid}, groups ${groups}`;
}

/**
 * Notes for the older engines that would give this image another identity
 * (one when they agree), beside the current engine's outcome.
 */
export function olderEngineNotes(
  configUser: string,
  accounts: Accounts,
  currentOutcome: ExecOutcome,
): string[] {
  const current = describeOutcome(currentOutcome);
  const older = OLDER_ENGINES.map(({ engine, label }) => ({
    label,
    outcome: describeOutcome(execUser(configUser, accounts, engine)),
  }));
  const differing = older.filter(({ outcome }) => outcome !== current);
  const groups =
    differing.length === older.length && differing.every((d) => d.outcome === differing[0]!.outcome)
      ? [
          {
            label: 'older engines (moby/sys/user v0.4.0 or older, with any runc)',
            outcome: differing[0]!.outcome,
          },
        ]
      : differing;
  return groups.map(
    ({ label, outcome }) =>
      `on ${label}, this image's user ${JSON.stringify(configUser)} gives ${outcome}; on current engines (moby/sys/user v0.4.1, runc 1.3 or later), which the check follows: ${current}`,
  );
}
