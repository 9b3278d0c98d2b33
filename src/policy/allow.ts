import { posix } from 'node:path';

/** What the policy file allows: applied by the rules that judge paths and ports. */
export interface Allowances {
  /** Globs of directories the runtime user may write, beyond the scratch directories, HOME and VOLUMEs (NR022). */
  writable: string[];
  /** Globs of setuid/setgid files that are accepted (NR030). */
  setid: string[];
  /** Ports below 1024 that are accepted (NR050), e.g. where the pod grants NET_BIND_SERVICE. */
  ports: number[];
  /** Globs of paths where a walk that stopped locally is accepted (NR034). */
  incompleteWalk: string[];
}

export const NO_ALLOWANCES: Allowances = { writable: [], setid: [], ports: [], incompleteWalk: [] };

/** A path matches a pattern itself or lies below it: `/data` allows `/data/cache` too. */
export function allowed(path: string, patterns: readonly string[]): boolean {
  return patterns.some(
    (pattern) =>
      posix.matchesGlob(path, pattern) ||
      posix.matchesGlob(path, `${pattern.replace(/\/+$/, '')}/**`),
  );
}
