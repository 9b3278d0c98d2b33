import { goAtoi } from './accounts.js';

/**
 * `Config.User` parsed exactly as the container runtime does for the kubelet
 * (containerd and CRI-O): empty means no user; otherwise the text before the
 * first `:` is a UID when it parses as a base-10 64-bit integer (sign and
 * leading zeros allowed), else a user name. The group is what follows the
 * first `:` up to the next one (runc ignores anything after that). Numbers
 * are int64, kept exact as bigint.
 */

export const MAX_UID = 2147483647;

export type UserSpec =
  | { kind: 'none'; raw: '' }
  | { kind: 'uid'; raw: string; uid: bigint; userText: string; group: GroupSpec | null }
  | { kind: 'name'; raw: string; name: string; group: GroupSpec | null };

export type GroupSpec = { kind: 'gid'; gid: bigint; text: string } | { kind: 'name'; name: string };

/** Go's strconv.ParseInt(s, 10, 64): optional sign, decimal digits, within int64. */
export function parseGoInt64(text: string): bigint | null {
  const { value, error } = goAtoi(text);
  return error === null ? value : null;
}

/** Decimal digits (with a sign) of any size: what the runtime takes for a number, in range or not. */
export function numericText(text: string): bigint | null {
  return /^[+-]?\d+$/.test(text) ? BigInt(text) : null;
}

function parseGroupSpec(text: string | undefined): GroupSpec | null {
  if (text === undefined || text === '') return null;
  const gid = parseGoInt64(text);
  return gid === null ? { kind: 'name', name: text } : { kind: 'gid', gid, text };
}

export function parseUserSpec(raw: string): UserSpec {
  if (raw === '') return { kind: 'none', raw: '' };
  const [userText = '', groupText] = raw.split(':');
  const group = parseGroupSpec(groupText);
  // `:1654` has no user part: the runtime runs it as uid 0 and the kubelet treats it as root.
  if (userText === '') return { kind: 'uid', raw, uid: 0n, userText, group };
  const uid = parseGoInt64(userText);
  if (uid !== null) return { kind: 'uid', raw, uid, userText, group };
  return { kind: 'name', raw, name: userText, group };
}

export function uidInRange(uid: bigint | number): boolean {
  return uid >= 0 && uid <= MAX_UID;
}
