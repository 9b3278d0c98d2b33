import { permissionDiff } from '../../fixes/permissions.js';
import type { RuleHit } from '../types.js';
import type { Facts } from '../../facts/types.js';
import type { Fix } from '../../fixes/types.js';
import { permissionSource, type PermissionSource } from '../../dockerfile/permission-source.js';
import { fromLocation } from './locate.js';
import { describePath, runtime, whoRuns, type CheckedPath } from './runtime-common.js';

/** The app: its WORKDIR, its executable and the executable's directory (NR020). */
export const APP_ROLES = ['workdir', 'exec', 'exec-dir'] as const;
/** System directories (NR021). */
export const SYSTEM_ROLES = ['root', 'bin', 'sbin', 'usr', 'lib', 'etc'] as const;

/** Paths (with the given roles) that the non-root runtime user can modify. */
export function writablePaths(facts: Facts, roles: readonly string[]): CheckedPath[] {
  const output = runtime(facts);
  // Root can write everything; that is NR010's finding, not one per path.
  if (output.identity.uid === 0) return [];
  return output.paths.filter(
    (entry) => entry.writable && entry.roles.some((role) => roles.includes(role)),
  );
}

function fixFor(facts: Facts, entry: CheckedPath, source: PermissionSource | null): Fix {
  if (!source) {
    return {
      summary: `Make ${entry.path} owned by root and not writable by others; give the app a separate writable directory (under /tmp, HOME or a VOLUME).`,
      diff: null,
    };
  }
  const line = source.location.line;
  const diff = permissionDiff(facts, source, [entry.path], entry);
  switch (source.kind) {
    case 'copy-chown':
      return {
        summary: `Drop --chown from the ${source.what.split(' ')[0]} on line ${line}: the files stay owned by root and the app can still read them.`,
        diff,
      };
    case 'copy-chmod':
      return {
        summary: `Drop the ${source.what.split(' ')[1]} on line ${line}, or give no write bit to group and others.`,
        diff: null,
      };
    case 'chown':
      return {
        summary: `Remove the chown of ${entry.path} on line ${line}; chown only a directory the app must write.`,
        diff,
      };
    case 'chmod':
      return {
        summary: `Remove the chmod that makes ${entry.path} writable on line ${line}.`,
        diff,
      };
  }
}

/** One hit per writable path, on the line that made it writable when there is one. */
export function writableHits(facts: Facts, entries: CheckedPath[], consequence: string): RuleHit[] {
  const who = whoRuns(runtime(facts));
  return entries.map((entry) => {
    const source = facts.dockerfile ? permissionSource(facts.dockerfile, entry.path) : null;
    const roles = entry.roles.join(', ');
    const cause = source ? `, after ${source.what} on line ${source.location.line}` : '';
    return {
      message: `${describePath(entry)} [${roles}] is writable by ${who}${cause}: ${consequence}`,
      location: source?.location ?? fromLocation(facts),
      fix: fixFor(facts, entry, source),
    };
  });
}
