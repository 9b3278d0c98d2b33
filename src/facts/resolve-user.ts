import type { Accounts, GroupEntry, PasswdEntry } from './accounts.js';
import { execUser, olderEngineNotes, type ErrorKind } from './exec-user.js';
import { parseUserSpec, type UserSpec } from './user-spec.js';

/**
 * The image's user resolved the way the engine does at container start (see
 * exec-user.ts): a name is looked up in /etc/passwd (first match), a numeric
 * UID is used as is (its passwd entry, if any, gives the primary group and
 * home; without one the group is 0 and home is /), a group part overrides the
 * primary group, and the numbers are what the process gets (uint32).
 */
export interface ResolvedUser {
  spec: UserSpec;
  /** The UID the process gets; null when the runtime cannot start the container. */
  uid: number | null;
  /** The primary GID; null when it cannot be resolved. */
  gid: number | null;
  /** The supplementary groups (the primary one included), sorted; null when it cannot start. */
  groups: number[] | null;
  /** Where the GID came from, for evidence. */
  gidSource: 'user-spec' | 'passwd' | 'no-passwd-entry' | null;
  /** The /etc/passwd entry that applies, if any. */
  entry: PasswdEntry | null;
  groupEntry: GroupEntry | null;
  /** Set when the runtime would refuse to start: the exact reason it gives. */
  startError: string | null;
  startErrorKind: ErrorKind | null;
  /** The start error when it is that the user name has no entry. */
  unknownUser: string | null;
  /** The start error when it is that the group name has no entry. */
  unknownGroup: string | null;
  /** What older engines would do instead, when it differs (notes). */
  olderEngines: string[];
}

export function resolveUser(configUser: string, accounts: Accounts): ResolvedUser {
  const spec = parseUserSpec(configUser);
  const outcome = execUser(configUser, accounts);
  const olderEngines = olderEngineNotes(configUser, accounts, outcome);
  if (!outcome.ok) {
    return {
      spec,
      uid: null,
      gid: null,
      groups: null,
      gidSource: null,
      entry: outcome.entry,
      groupEntry: null,
      startError: outcome.error,
      startErrorKind: outcome.kind,
      unknownUser: outcome.kind === 'unknown-user' ? outcome.error : null,
      unknownGroup: outcome.kind === 'unknown-group' ? outcome.error : null,
      olderEngines,
    };
  }
  const hasGroupPart = spec.kind !== 'none' && spec.group !== null;
  const entry =
    outcome.entry ??
    accounts.passwd?.find((candidate) => candidate.uid === BigInt(outcome.uid)) ??
    null;
  const groupEntry =
    outcome.groupEntry ??
    accounts.group?.find((candidate) => candidate.gid === BigInt(outcome.gid)) ??
    null;
  return {
    spec,
    uid: outcome.uid,
    gid: outcome.gid,
    groups: outcome.groups,
    gidSource: hasGroupPart ? 'user-spec' : outcome.entry ? 'passwd' : 'no-passwd-entry',
    entry,
    groupEntry,
    startError: null,
    startErrorKind: null,
    unknownUser: null,
    unknownGroup: null,
    olderEngines,
  };
}
