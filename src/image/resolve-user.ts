import type { Accounts, GroupEntry, PasswdEntry } from './accounts.js';
import { parseUserSpec, type UserSpec } from './user-spec.js';

/**
 * The image's user resolved the way runc does at container start: a name is
 * looked up in /etc/passwd (first match), a numeric UID is used as is (its
 * passwd entry, if any, gives the primary group and home; without one the
 * group is 0 and home is /), and a group part overrides the primary group.
 */
export interface ResolvedUser {
  spec: UserSpec;
  /** The UID the process gets; null when the runtime cannot resolve the user. */
  uid: number | null;
  /** The primary GID; null when it cannot be resolved. */
  gid: number | null;
  /** Where the GID came from, for evidence. */
  gidSource: 'user-spec' | 'passwd' | 'no-passwd-entry' | null;
  /** The /etc/passwd entry that applies, if any. */
  entry: PasswdEntry | null;
  groupEntry: GroupEntry | null;
  /** Set when the runtime would refuse to start: the exact reason runc gives. */
  unknownUser: string | null;
  unknownGroup: string | null;
}

export function resolveUser(configUser: string, accounts: Accounts): ResolvedUser {
  const spec = parseUserSpec(configUser);
  const resolved: ResolvedUser = {
    spec,
    uid: null,
    gid: null,
    gidSource: null,
    entry: null,
    groupEntry: null,
    unknownUser: null,
    unknownGroup: null,
  };

  if (spec.kind === 'none') {
    resolved.entry = accounts.passwd?.find((entry) => entry.uid === 0) ?? null;
    resolved.uid = 0;
    resolved.gid = resolved.entry?.gid ?? 0;
    resolved.gidSource = resolved.entry ? 'passwd' : 'no-passwd-entry';
    return resolved;
  }

  if (spec.kind === 'name') {
    resolved.entry = accounts.passwd?.find((entry) => entry.name === spec.name) ?? null;
    if (!resolved.entry) {
      resolved.unknownUser = `unable to find user ${spec.name}: no matching entries in passwd file`;
    } else {
      resolved.uid = resolved.entry.uid;
    }
  } else {
    resolved.uid = spec.uid;
    resolved.entry = accounts.passwd?.find((entry) => entry.uid === spec.uid) ?? null;
  }

  const group = spec.group;
  if (group?.kind === 'gid') {
    resolved.gid = group.gid;
    resolved.gidSource = 'user-spec';
    resolved.groupEntry = accounts.group?.find((entry) => entry.gid === group.gid) ?? null;
  } else if (group?.kind === 'name') {
    resolved.groupEntry = accounts.group?.find((entry) => entry.name === group.name) ?? null;
    if (resolved.groupEntry) {
      resolved.gid = resolved.groupEntry.gid;
      resolved.gidSource = 'user-spec';
    } else {
      resolved.unknownGroup = `unable to find group ${group.name}: no matching entries in group file`;
    }
  } else if (resolved.entry) {
    resolved.gid = resolved.entry.gid;
    resolved.gidSource = 'passwd';
  } else if (spec.kind === 'uid') {
    resolved.gid = 0;
    resolved.gidSource = 'no-passwd-entry';
  }
  if (resolved.gid !== null && !resolved.groupEntry) {
    resolved.groupEntry = accounts.group?.find((entry) => entry.gid === resolved.gid) ?? null;
  }
  return resolved;
}
