import { allowed as isAllowed } from '../allow.js';
import { permissionDiff } from '../../fixes/permissions.js';
import type { Rule } from '../types.js';
import { covers, permissionSource } from '../../dockerfile/permission-source.js';
import { fromLocation } from './locate.js';
import { listSome } from '../../facts/describe.js';
import { runtime, whoRuns } from './runtime-common.js';
import { APP_ROLES, SYSTEM_ROLES, writablePaths } from './writable.js';

/**
 * Always allowed: the system's scratch directories, world-writable with the
 * sticky bit by design (/run/lock is on every Debian-based image). HOME and
 * VOLUMEs are added per image.
 */
const ALWAYS_ALLOWED = ['/tmp', '/var/tmp', '/run/lock', '/var/lock'];

export const nr022: Rule = {
  id: 'NR022',
  name: 'writable-outside-allowlist',
  title:
    "The runtime user can write directories beyond the scratch directories (/tmp, /var/tmp, /run/lock), HOME, VOLUMEs and the policy's allow-writable",
  rationale:
    'Every writable directory is a place to drop payloads or tamper with state. A hardened image keeps the writable set to scratch space, HOME and declared volumes, so a read-only root filesystem works too.',
  howToFix:
    'Keep writable state in /tmp, HOME or a declared VOLUME; allow a directory that must stay writable in the policy (allow-writable).',
  examples: { failing: 'writable-data-dir', passing: 'user-1654' },
  levels: { baseline: 'notice', restricted: 'warning', hardened: 'error' },
  needs: ['runtime-user'],
  evaluate(facts, context) {
    const output = runtime(facts);
    if (output.identity.uid === 0) return [];
    // What NR020 and NR021 already report is not repeated here.
    const reported = writablePaths(facts, [...APP_ROLES, ...SYSTEM_ROLES]);
    const allowed = [...ALWAYS_ALLOWED, ...facts.image.volumes];
    if (output.identity.home) allowed.push(output.identity.home);
    const outside = output.writableDirs.items.filter(
      (dir) =>
        !allowed.some((root) => covers(root, dir)) &&
        !isAllowed(dir, context.allow.writable) &&
        !reported.some((entry) => covers(entry.path, dir)),
    );
    if (outside.length === 0) return [];
    const total = output.writableDirs.truncated
      ? outside.length + (output.writableDirs.count - output.writableDirs.items.length)
      : outside.length;
    const sources = facts.dockerfile
      ? outside.map((dir) => permissionSource(facts.dockerfile!, dir))
      : [];
    const source = sources.find((hit) => hit);
    // A diff only when one line made every one of them writable (and the list is complete).
    const single =
      source &&
      !output.writableDirs.truncated &&
      sources.every(
        (hit) => hit?.location.line === source.location.line && hit.what === source.what,
      );
    const plural = total === 1 ? 'directory' : 'directories';
    return [
      {
        message: `${whoRuns(output)} can write ${total} ${plural} outside the scratch directories (/tmp, /var/tmp, /run/lock), HOME and VOLUMEs: ${listSome(outside, total, 10)}`,
        location: source?.location ?? fromLocation(facts),
        fix: {
          summary:
            'Keep writable state in /tmp, HOME or a declared VOLUME and leave the rest owned by root; allow a directory that must stay writable in the policy (allow-writable).',
          diff: single ? permissionDiff(facts, source, outside) : null,
        },
      },
    ];
  },
};
