import { describe, expect, it } from 'vitest';
import { imageUserForKubelet, kubeletRunAsNonRootError } from '../../src/kubernetes/kubelet.js';

const ROOT = 'container has runAsNonRoot and image will run as root';
const nonNumeric = (name: string) =>
  `container has runAsNonRoot and image has non-numeric user (${name}), cannot verify user is non-root`;
const invalid = (uid: string) =>
  `container has runAsNonRoot and image has an invalid user id (${uid}). (Must be 1-(2147483647))`;

// The decision table of CONTEXT.md: Config.User → what the runtime reports → the kubelet's verdict
// with runAsNonRoot: true and no runAsUser.
describe('the kubelet replay of runAsNonRoot', () => {
  it.each([
    ['', { uid: null, name: '' }, ROOT],
    ['0', { uid: 0n, name: '' }, ROOT],
    ['00', { uid: 0n, name: '' }, ROOT],
    ['0:0', { uid: 0n, name: '' }, ROOT],
    ['0:1654', { uid: 0n, name: '' }, ROOT],
    [':1654', { uid: null, name: '' }, ROOT],
    ['root', { uid: null, name: 'root' }, nonNumeric('root')],
    ['root:root', { uid: null, name: 'root' }, nonNumeric('root')],
    ['app', { uid: null, name: 'app' }, nonNumeric('app')],
    ['app:app', { uid: null, name: 'app' }, nonNumeric('app')],
    ['1654', { uid: 1654n, name: '' }, null],
    ['01654', { uid: 1654n, name: '' }, null],
    ['+1654', { uid: 1654n, name: '' }, null],
    ['1654:1654', { uid: 1654n, name: '' }, null],
    ['1654:0', { uid: 1654n, name: '' }, null],
    ['1:2:3', { uid: 1n, name: '' }, null],
    ['2147483647', { uid: 2147483647n, name: '' }, null],
    ['2147483648', { uid: 2147483648n, name: '' }, invalid('2147483648')],
    ['-1', { uid: -1n, name: '' }, invalid('-1')],
    ['-1000', { uid: -1000n, name: '' }, invalid('-1000')],
    // int64 exactly (TestVerifyRunAsNonRoot's IsValidUserID, printed as the kubelet prints it).
    [
      '9223372036854775807',
      { uid: 9223372036854775807n, name: '' },
      invalid('9223372036854775807'),
    ],
    // Beyond int64 ParseInt fails, so the runtime reports it as a name.
    [
      '99999999999999999999',
      { uid: null, name: '99999999999999999999' },
      nonNumeric('99999999999999999999'),
    ],
  ])('Config.User %j → %o → %s', (user, reported, error) => {
    expect(imageUserForKubelet(user)).toEqual(reported);
    expect(kubeletRunAsNonRootError(user, { runAsNonRoot: true })).toBe(error);
  });

  it('allows everything when runAsNonRoot is unset or false', () => {
    for (const user of ['', '0', 'root', 'app', '-1']) {
      expect(kubeletRunAsNonRootError(user, {})).toBeNull();
      expect(kubeletRunAsNonRootError(user, { runAsNonRoot: false })).toBeNull();
    }
  });

  it('ignores the image user when runAsUser is set, and refuses runAsUser 0', () => {
    expect(kubeletRunAsNonRootError('app', { runAsNonRoot: true, runAsUser: 1654n })).toBeNull();
    expect(kubeletRunAsNonRootError('', { runAsNonRoot: true, runAsUser: 1000n })).toBeNull();
    expect(kubeletRunAsNonRootError('1654', { runAsNonRoot: true, runAsUser: 0n })).toBe(
      "container's runAsUser breaks non-root policy",
    );
  });
});
