import type { Location } from '../facts/location.js';
import type { DockerfileFacts, StageFacts } from './types.js';

/*
 * Which Dockerfile line gave a path its owner or mode: what a rule points at
 * and what a fix changes.
 */

/** `/app/bin/x` is covered by `/app`, `/app/` and itself. */
export function covers(parent: string, path: string): boolean {
  const base = parent.endsWith('/') && parent !== '/' ? parent.slice(0, -1) : parent;
  return path === base || path.startsWith(base === '/' ? '/' : `${base}/`);
}

function absolute(path: string, workdir: string): string {
  if (path.startsWith('/')) return path;
  const base = workdir === '' ? '/' : workdir;
  return `${base.endsWith('/') ? base : `${base}/`}${path}`;
}

/** The WORKDIR in effect at a line of a stage (before that line). */
function workdirAt(stage: StageFacts, line: number, inherited: string): string {
  let current = inherited;
  for (const workdir of stage.workdirs) if (workdir.line < line) current = workdir.path;
  return current;
}

export interface PermissionSource {
  location: Location;
  /** What the line does, e.g. `COPY --chown=app` or `RUN chmod 777 /data`. */
  what: string;
  kind: 'copy-chown' | 'copy-chmod' | 'chown' | 'chmod';
}

/**
 * The Dockerfile line that most likely gave the runtime user write access to
 * `path`: the last COPY/ADD with --chown/--chmod, or RUN chown/chmod, in the
 * built stages whose target covers it.
 */
export function permissionSource(
  dockerfile: DockerfileFacts,
  path: string,
): PermissionSource | null {
  let found: PermissionSource | null = null;
  let inherited = '';
  for (const stage of dockerfile.chain) {
    for (const copy of stage.copies) {
      if (!copy.chown && !copy.chmod) continue;
      const destination = absolute(copy.destination, workdirAt(stage, copy.line, inherited));
      if (!covers(destination, path) && !covers(path, destination)) continue;
      const flag = copy.chown ? `--chown=${copy.chown}` : `--chmod=${copy.chmod}`;
      found = {
        location: { file: dockerfile.path, line: copy.line },
        what: `${copy.keyword} ${flag}`,
        kind: copy.chown ? 'copy-chown' : 'copy-chmod',
      };
    }
    for (const run of stage.runs) {
      for (const change of run.permissionChanges) {
        const workdir = workdirAt(stage, run.line, inherited);
        const hit = change.paths.some((target) => {
          const full = absolute(target, workdir);
          return full === path || (change.recursive && covers(full, path));
        });
        if (!hit) continue;
        found = {
          location: { file: dockerfile.path, line: run.line },
          what: `RUN ${change.program} ${change.recursive ? '-R ' : ''}${change.spec}`,
          kind: change.program,
        };
      }
    }
    inherited = workdirAt(stage, Number.MAX_SAFE_INTEGER, inherited);
  }
  return found;
}
