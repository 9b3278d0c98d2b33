import { describe, expect, it } from 'vitest';
import { parseAccounts } from '../../src/facts/accounts.js';
import { resolveUser } from '../../src/facts/resolve-user.js';
import { kubeletRunAsNonRootError } from '../../src/kubernetes/kubelet.js';
import { EXEC_TABLES, EXTRA_TABLES, KUBELET_ROWS } from './tables.js';

/** The deciders' tables against the static resolution alone (the images: decider-tables.test.ts). */
describe.each([...EXEC_TABLES, ...EXTRA_TABLES])('$source', (table) => {
  const accounts = parseAccounts({
    passwd: table.passwd,
    group: table.group,
    notes: [],
    unsafe: [],
  });
  it.each(table.rows)('Config.User $ref', ({ ref, expected }) => {
    const user = resolveUser(ref, accounts);
    if ('error' in expected) {
      expect({ uid: user.uid, startError: user.startError }).toEqual({
        uid: null,
        startError: expected.error,
      });
    } else {
      expect({ uid: user.uid, gid: user.gid, groups: user.groups }).toEqual(expected);
      expect(user.startError).toBeNull();
    }
  });
});

describe('the kubelet and CRI rows, replayed', () => {
  it.each(KUBELET_ROWS)('$source: $desc', ({ user, securityContext, error }) => {
    const { runAsNonRoot, runAsUser } = securityContext ?? {};
    const context = {
      ...(runAsNonRoot !== undefined && { runAsNonRoot }),
      ...(runAsUser !== undefined && { runAsUser: BigInt(runAsUser) }),
    };
    expect(kubeletRunAsNonRootError(user, context)).toBe(error);
  });
});
