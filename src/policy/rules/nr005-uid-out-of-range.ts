import { INT64_MAX } from '../../facts/accounts.js';
import { ERR_RANGE } from '../../facts/exec-user.js';
import { MAX_UID, numericText, uidInRange } from '../../facts/user-spec.js';
import type { Rule, RuleHit } from '../types.js';
import type { Facts } from '../../facts/types.js';
import { userLabel, userLocation } from './common.js';

const UID_FIX = { summary: `Use a UID between 1 and ${MAX_UID}, e.g. \`USER 10001\`.`, diff: null };
const GID_FIX = {
  summary: `Use a GID between 1 and ${MAX_UID}, e.g. \`USER <uid>:10001\`.`,
  diff: null,
};

/** What the runtime makes of a passwd number field: Atoi clamps an overflow to the int64 limit. */
function asRead(field: bigint, written: string): string {
  return written !== String(field)
    ? `${written}, read as ${field === INT64_MAX ? 'the int64 limit ' : ''}${field}`
    : written;
}

export const nr005: Rule = {
  id: 'NR005',
  name: 'uid-out-of-range',
  title: 'The image UID or GID is outside the range the runtime accepts',
  rationale: `IDs must lie in 0-${MAX_UID}: the runtime refuses to start anything else ("${ERR_RANGE}"), and with runAsNonRoot the kubelet rejects the image ("invalid user id"). A number in /etc/passwd beyond that is read as the int64 limit and cut to 32 bits, so the process cannot get it either.`,
  howToFix: 'Use a UID between 1 and 2147483647, e.g. `USER 10001`.',
  examples: { failing: 'uid-out-of-range', passing: 'user-1654' },
  levels: { baseline: 'error', restricted: 'error', hardened: 'error' },
  needs: ['image'],
  evaluate(facts) {
    const { spec } = facts.user;
    if (spec.kind === 'none') return [];
    const hits: RuleHit[] = [];
    const [userText = '', groupText = ''] = spec.raw.split(':');
    const uid = numericText(userText);
    if (uid !== null && !uidInRange(uid)) {
      hits.push({
        message: `${userLabel(facts)}: uid ${userText} is outside 1-${MAX_UID}, so the runtime cannot start it and Kubernetes rejects the pod`,
        location: userLocation(facts),
        fix: UID_FIX,
      });
    }
    const gid = numericText(groupText);
    if (gid !== null && !uidInRange(gid)) {
      hits.push({
        message: `${userLabel(facts)}: gid ${groupText} is outside 0-${MAX_UID}, so the runtime cannot start it`,
        location: userLocation(facts),
        fix: GID_FIX,
      });
    }
    if (hits.length === 0) hits.push(...fromPasswd(facts));
    return hits;
  },
};

/** The user's passwd entry holds a number the process cannot get: the runtime refuses to start. */
function fromPasswd(facts: Facts): RuleHit[] {
  const { entry, startError, startErrorKind } = facts.user;
  if (!entry || (startErrorKind !== 'set-id' && startErrorKind !== 'range')) return [];
  const bad = [
    ['uid', entry.uid, entry.written.uid],
    ['gid', entry.gid, entry.written.gid],
  ] as const;
  const [what, value, written] = bad.find(([, field]) => !uidInRange(field)) ?? [];
  if (!what || value === undefined || written === undefined) return [];
  return [
    {
      message: `${userLabel(facts)}: its /etc/passwd entry (line ${entry.line}) has ${what} ${asRead(value, written)}, outside 0-${MAX_UID}: the container cannot start ("${startError}")`,
      location: userLocation(facts),
      fix: what === 'uid' ? UID_FIX : GID_FIX,
    },
  ];
}
