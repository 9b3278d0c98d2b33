/**
 * The deciders' own test tables, row by row, as images can carry them.
 *
 * Runtime rows: the image holds the table's /etc/passwd and /etc/group and
 * its Config.User is the row's reference. moby calls GetExecUser with nil
 * defaults, so where a row expects the test's 8888 defaults the image gets
 * the nil ones (uid 0, gid 0, no supplementary groups); for the empty
 * reference the default uid 0 then matches root's entry. The groups are what
 * the process has: [gid, ...supplementary], sorted, each once.
 *
 * Not applicable, with why:
 * - TestParseLine (TestUserParseLine): a helper's argument parsing, no user.
 * - TestGetAdditionalGroups, TestGetAdditionalGroupsNumeric: `docker run
 *   --group-add` and a pod's supplementalGroups, which no image config holds.
 *   (Their rule, "a numeric group must not resolve as a name", is in the
 *   9223372036854775808 rows below.)
 * - TestParseGroupFileCapsReads, TestTestParseGroupFileCapsReadsonRegularFile,
 *   TestParseGroupFilterDevZero (v0.4.1): ParseGroupFile's 10 MiB cap and
 *   regular-file check. moby opens the files itself and calls GetExecUser, so
 *   neither applies to a container; a device node or FIFO at /etc/group is
 *   NR007 (hostile corpus: account-file-device, fifo-passwd).
 * - kubelet TestVerifyRunAsNonRoot "Pass if container's user and image's user
 *   aren't set": verifyRunAsNonRoot is called with neither a uid nor a name,
 *   which no image reaches: getImageUser turns an image with neither into
 *   uid 0 first (TestGetImageUser's first row, which is here).
 */

export interface ExecRow {
  ref: string;
  /** uid, gid, groups under the current engine (moby/sys/user v0.4.1, runc 1.3+), or its error. */
  expected: { uid: number; gid: number; groups: number[] } | { error: string };
}

export interface ExecTable {
  /** Names the image: lowercase, digits and dashes. */
  id: string;
  source: string;
  /** null: the image has no such file. */
  passwd: string | null;
  group: string | null;
  rows: ExecRow[];
}

const RANGE = { error: 'uids and gids must be in range 0-2147483647' };
const noUser = (name: string) => ({
  error: `unable to find user ${name}: no matching entries in passwd file`,
});
const noGroup = (name: string) => ({
  error: `unable to find group ${name}: no matching entries in group file`,
});
const ids = (uid: number, gid: number, ...groups: number[]) => ({
  uid,
  gid,
  groups: [...new Set([gid, ...groups])].sort((a, b) => a - b),
});

/** The tables' largeGroup(): a 66 KB line (member lists may be long; runc issue #3036). */
export function largeGroup(): string {
  const members = ['user1'];
  for (let i = 2; i <= 7500; i++) members.push(`user${i}`);
  return `largegroup:x:1000:${members.join(',')}`;
}

const V041 = 'moby/sys user/v0.4.1 (85a71bbe1faa36c552a960e6a5f3d0cfb632fbbe), user/user_test.go';
const V040 = 'moby/sys user/v0.4.0 (71f0c5ead442a11945a589a7aafd6ef5976fffc8), user/user_test.go';

const VALID_PASSWD_041 = `
root:x:0:0:root user:/root:/bin/bash
adm:x:42:43:adm:/var/adm:/bin/false
111:x:222:333::/var/garbage
odd:x:111:112::/home/odd:::::
2147483647:x:0:0:maxint32:/root:/bin/bash
2147483648:x:0:0:toolarge:/root:/bin/bash
9223372036854775807:x:0:0:maxint64:/root:/bin/bash
user7456:x:7456:100:Vasya:/home/user7456
this is just some garbage data
`;
const VALID_GROUP_041 = `
root:x:0:root
adm:x:43:
grp:x:1234:root,adm,user7456
444:x:555:111
odd:x:444:
2147483647:x:1235:
2147483648:x:1236:
9223372036854775807:x:1237:
this is just some garbage data
${largeGroup()}`;

/** The rows both versions share (TestValidGetExecUser in v0.4.0, TestGetExecUser in v0.4.1). */
const VALID_ROWS: ExecRow[] = [
  { ref: 'root', expected: ids(0, 0, 0, 1234) },
  { ref: 'adm', expected: ids(42, 43, 1234) },
  { ref: 'root:adm', expected: ids(0, 43) },
  { ref: 'adm:1234', expected: ids(42, 1234) },
  { ref: '42:1234', expected: ids(42, 1234) },
  { ref: '1337:1234', expected: ids(1337, 1234) },
  { ref: '1337', expected: ids(1337, 0) },
  { ref: '', expected: ids(0, 0, 0, 1234) },
  // Regression tests for #695.
  { ref: '111', expected: ids(111, 112) },
  { ref: '111:444', expected: ids(111, 444) },
  // Test for #3036: 1000 is largegroup's gid, on a 66 KB line.
  { ref: '7456', expected: ids(7456, 100, 1234, 1000) },
];

const INVALID_PASSWD_041 = `
root:x:0:0:root user:/root:/bin/bash
adm:x:42:43:adm:/var/adm:/bin/false
-42:x:12:13:broken:/very/broken
2147483647:x:0:0:maxint32:/root:/bin/bash
2147483648:x:0:0:toolarge:/root:/bin/bash
9223372036854775807:x:0:0:maxint64:/root:/bin/bash
9223372036854775808:x:0:0:maxint64plusone:/root:/bin/bash
this is just some garbage data
`;
const INVALID_GROUP_041 = `
root:x:0:root
adm:x:43:
grp:x:1234:root,adm
2147483647:x:1235:
2147483648:x:1236:
9223372036854775807:x:1237:
9223372036854775808:x:1238:
this is just some garbage data
`;

/** TestInvalidGetExecUser (v0.4.0) / TestGetExecUserInvalid (v0.4.1): every row fails, with these words. */
const INVALID_ROWS: ExecRow[] = [
  // No such user/group.
  { ref: 'notuser', expected: noUser('notuser') },
  { ref: 'notuser:notgroup', expected: noUser('notuser') },
  { ref: 'root:notgroup', expected: noGroup('notgroup') },
  { ref: 'notuser:adm', expected: noUser('notuser') },
  { ref: '8888:notgroup', expected: noGroup('notgroup') },
  { ref: 'notuser:8888', expected: noUser('notuser') },
  // Invalid user/group values.
  { ref: '-1:0', expected: RANGE },
  { ref: '0:-3', expected: RANGE },
  { ref: '-5:-2', expected: RANGE },
  { ref: '-42', expected: RANGE },
  { ref: '-43', expected: RANGE },
];

const NIL_PASSWD = `
root:x:0:0:root user:/root:/bin/bash
adm:x:42:43:adm:/var/adm:/bin/false
this is just some garbage data
`;

export const EXEC_TABLES: ExecTable[] = [
  {
    id: 'v041-get-exec-user',
    source: `${V041}, TestGetExecUser`,
    passwd: VALID_PASSWD_041,
    group: VALID_GROUP_041,
    rows: [
      ...VALID_ROWS,
      { ref: '7456:2147483647', expected: ids(7456, 2147483647) },
      { ref: '2147483647:43', expected: ids(2147483647, 43) },
      { ref: '2147483647', expected: ids(2147483647, 0) },
    ],
  },
  {
    id: 'v040-valid-get-exec-user',
    source: `${V040}, TestValidGetExecUser`,
    passwd: `
root:x:0:0:root user:/root:/bin/bash
adm:x:42:43:adm:/var/adm:/bin/false
111:x:222:333::/var/garbage
odd:x:111:112::/home/odd:::::
user7456:x:7456:100:Vasya:/home/user7456
this is just some garbage data
`,
    group: `
root:x:0:root
adm:x:43:
grp:x:1234:root,adm,user7456
444:x:555:111
odd:x:444:
this is just some garbage data
${largeGroup()}`,
    rows: VALID_ROWS,
  },
  {
    id: 'v041-get-exec-user-invalid',
    source: `${V041}, TestGetExecUserInvalid`,
    passwd: INVALID_PASSWD_041,
    group: INVALID_GROUP_041,
    rows: [
      ...INVALID_ROWS,
      { ref: '42:2147483648', expected: RANGE }, // maxID + 1
      { ref: '2147483648:43', expected: RANGE }, // maxID + 1
      { ref: '2147483648', expected: RANGE }, // maxID + 1
      { ref: '7456:9223372036854775807', expected: RANGE }, // maxInt64
      { ref: '9223372036854775807:43', expected: RANGE }, // maxInt64
      { ref: '9223372036854775807', expected: RANGE }, // maxInt64
      { ref: '9223372036854775808', expected: RANGE }, // maxInt64+1, must not resolve as username
      { ref: '0:9223372036854775808', expected: RANGE }, // maxInt64+1, must not resolve as group name
    ],
  },
  {
    id: 'v040-invalid-get-exec-user',
    source: `${V040}, TestInvalidGetExecUser`,
    passwd: `
root:x:0:0:root user:/root:/bin/bash
adm:x:42:43:adm:/var/adm:/bin/false
-42:x:12:13:broken:/very/broken
this is just some garbage data
`,
    group: `
root:x:0:root
adm:x:43:
grp:x:1234:root,adm
this is just some garbage data
`,
    rows: INVALID_ROWS,
  },
  // TestGetExecUserNilSources, in both versions: the files the row leaves out are absent.
  {
    id: 'nil-sources-none',
    source: `${V041} and ${V040}, TestGetExecUserNilSources (passwd: false, group: false)`,
    passwd: null,
    group: null,
    rows: [
      { ref: '', expected: ids(0, 0) },
      { ref: '0', expected: ids(0, 0) },
      { ref: '0:0', expected: ids(0, 0) },
    ],
  },
  {
    id: 'nil-sources-passwd',
    source: `${V041} and ${V040}, TestGetExecUserNilSources (passwd: true, group: false)`,
    passwd: NIL_PASSWD,
    group: null,
    rows: [{ ref: 'root', expected: ids(0, 0) }],
  },
  // TestUserParsePasswd (v0.4.0) / TestParsePasswdFilter (v0.4.1): three entries, garbage included.
  {
    id: 'parse-passwd',
    source: `${V041}, TestParsePasswdFilter; ${V040}, TestUserParsePasswd`,
    passwd: `
root:x:0:0:root:/root:/bin/bash
adm:x:3:4:adm:/var/adm:/bin/false
this is just some garbage data
`,
    group: null,
    rows: [
      { ref: 'root', expected: ids(0, 0) },
      { ref: 'adm', expected: ids(3, 4) },
      // The garbage line is an entry: name "this is just some garbage data", uid 0.
      { ref: 'this is just some garbage data', expected: ids(0, 0) },
    ],
  },
  // TestUserParseGroup (v0.4.0) / TestParseGroupFilter (v0.4.1): root (1 member), adm (3), largegroup.
  {
    id: 'parse-group',
    source: `${V041}, TestParseGroupFilter; ${V040}, TestUserParseGroup`,
    passwd: `
root:x:0:0:root:/root:/bin/sh
daemon:x:1:1::/:/bin/sh
user7500:x:7500:7500::/:/bin/sh
`,
    group: `
root:x:0:root
adm:x:4:root,adm,daemon
this is just some garbage data
${largeGroup()}`,
    rows: [
      { ref: 'root', expected: ids(0, 0, 0, 4) },
      { ref: 'daemon', expected: ids(1, 1, 4) },
      // The last member of the 66 KB line.
      { ref: 'user7500', expected: ids(7500, 7500, 1000) },
    ],
  },
];

/** The issue's own rows beyond the tables: each failed before (issue 14). */
export const EXTRA_TABLES: ExecTable[] = [
  {
    id: 'overflowing-ids',
    source: 'issue 14: numbers in /etc/passwd beyond int64 and beyond uint32',
    passwd: `
root:x:0:0:root:/root:/bin/sh
big:x:99999999999999999999:1000::/home/big:/bin/sh
wrap:x:4294967296:1000::/home/wrap:/bin/sh
wrapgid:x:1000:4294967296::/home/wrapgid:/bin/sh
`,
    group: null,
    rows: [
      // Atoi clamps to 9223372036854775807; uint32 makes it 4294967295, which no process can have.
      {
        ref: 'big',
        expected: { error: 'cannot setuid to unmapped uid 4294967295 in user namespace' },
      },
      // uint32(4294967296) is 0: root.
      { ref: 'wrap', expected: ids(0, 1000) },
      { ref: 'wrapgid', expected: ids(1000, 0) },
    ],
  },
  {
    id: 'group-line-limits',
    source:
      'issue 14: /etc/group lines up to 1 MiB (moby/sys/user v0.4.1), /etc/passwd up to 64 KiB',
    passwd: 'app:x:1654:1654::/home/app:/bin/sh\n',
    group: `app:x:1654:\nbig:x:2000:${'m,'.repeat(40_000)}app\nhuge:x:3000:${'m'.repeat(1024 * 1024)}\n`,
    rows: [
      // The 80 KB line is read; the 1 MiB one fails the lookup (v0.4.0 would read it).
      {
        ref: 'app',
        expected: { error: 'unable to find groups for spec app: bufio.Scanner: token too long' },
      },
      // So does the uid of a passwd entry with a name (its groups are looked up)…
      {
        ref: '1654',
        expected: { error: 'unable to find groups for spec app: bufio.Scanner: token too long' },
      },
      // …but a uid without entry and without group part does not read /etc/group at all.
      { ref: '2000', expected: ids(2000, 0) },
    ],
  },
  {
    id: 'group-long-line',
    source: 'issue 14: a 66 KB /etc/group line, within the 1 MiB limit',
    passwd: 'app:x:1654:1654::/home/app:/bin/sh\n',
    group: `app:x:1654:\nbig:x:2000:${'m,'.repeat(33_000)}app\n`,
    rows: [{ ref: 'app', expected: ids(1654, 1654, 2000) }],
  },
];

export interface KubeletRow {
  desc: string;
  source: string;
  /** The image's Config.User. */
  user: string;
  securityContext: { runAsNonRoot?: boolean; runAsUser?: number } | null;
  /** The kubelet's message without its "(pod: …, container: …)" tail; null: it starts the container. */
  error: string | null;
}

const K8S =
  'kubernetes/kubernetes (030880a5dc5449403c6d1f0aa146a7dc21d6c6dc), pkg/kubelet/kuberuntime/security_context_others_test.go, TestVerifyRunAsNonRoot';
const GET_IMAGE_USER =
  'kubernetes/kubernetes, pkg/kubelet/kuberuntime/kuberuntime_manager_test.go, TestGetImageUser';
const CONTAINERD =
  'containerd/containerd (04d0bebd182db81da50065200644c743565ad034), internal/cri/server/images/image_status_test.go, TestGetUserFromImage';
const CRIO =
  'cri-o/cri-o (f954a17e505f8931e91004403b5f5eac71ab6085), server/image_status_test.go and server/image_list_test.go (User "10" and "me")';

const ROOT = 'container has runAsNonRoot and image will run as root';
const RUN_AS_ROOT = "container's runAsUser breaks non-root policy";
const nonNumeric = (name: string) =>
  `container has runAsNonRoot and image has non-numeric user (${name}), cannot verify user is non-root`;
const invalid = (uid: string) =>
  `container has runAsNonRoot and image has an invalid user id (${uid}). (Must be 1-(2147483647))`;
const NON_ROOT = { runAsNonRoot: true };

export const KUBELET_ROWS: KubeletRow[] = [
  {
    desc: 'Pass if SecurityContext is not set',
    source: K8S,
    user: '0',
    securityContext: null,
    error: null,
  },
  {
    desc: 'Pass if RunAsUser is non-root and RunAsNonRoot is true',
    source: K8S,
    // The row passes neither a uid nor a name: an image with no user (runAsUser decides first).
    user: '',
    securityContext: { runAsNonRoot: true, runAsUser: 1000 },
    error: null,
  },
  {
    desc: 'Pass if RunAsNonRoot is not set',
    source: K8S,
    user: '0',
    securityContext: { runAsUser: 0 },
    error: null,
  },
  {
    desc: 'Pass if RunAsNonRoot is false (image user is root)',
    source: K8S,
    user: '0',
    securityContext: { runAsNonRoot: false },
    error: null,
  },
  {
    desc: 'Pass if RunAsNonRoot is false (RunAsUser is root)',
    source: K8S,
    user: '0',
    securityContext: { runAsNonRoot: false, runAsUser: 0 },
    error: null,
  },
  {
    desc: "Fail if container's RunAsUser is root and RunAsNonRoot is true",
    source: K8S,
    user: '0',
    securityContext: { runAsNonRoot: true, runAsUser: 0 },
    error: RUN_AS_ROOT,
  },
  {
    desc: "Fail if image's user is root and RunAsNonRoot is true",
    source: K8S,
    user: '0',
    securityContext: NON_ROOT,
    error: ROOT,
  },
  {
    desc: "Fail if image's username is set and RunAsNonRoot is true",
    source: K8S,
    user: 'test',
    securityContext: NON_ROOT,
    error: nonNumeric('test'),
  },
  {
    desc: "Pass if image's user is non-root and RunAsNonRoot is true",
    source: K8S,
    user: '1000',
    securityContext: NON_ROOT,
    error: null,
  },
  {
    desc: "Fail if image's user is invalid and RunAsNonRoot is true",
    source: K8S,
    user: '2147483648',
    securityContext: NON_ROOT,
    error: invalid('2147483648'),
  },
  {
    desc: "Fail if image's user is negative and RunAsNonRoot is true",
    source: K8S,
    user: '-1000',
    securityContext: NON_ROOT,
    error: invalid('-1000'),
  },
  {
    desc: "Pass if image's user is math.MaxInt32 and RunAsNonRoot is true",
    source: K8S,
    user: '2147483647',
    securityContext: NON_ROOT,
    error: null,
  },
  {
    desc: 'image without username and uid should return (new(int64), "", nil)',
    source: GET_IMAGE_USER,
    user: '',
    securityContext: NON_ROOT,
    error: ROOT,
  },
  {
    desc: 'image with username and no uid should return ((*int64)nil, imageStatus.Username, nil)',
    source: GET_IMAGE_USER,
    user: 'test',
    securityContext: NON_ROOT,
    error: nonNumeric('test'),
  },
  // What the CRI runtimes report (uid or name) decides the kubelet's verdict.
  { desc: 'no gid', source: CONTAINERD, user: '0', securityContext: NON_ROOT, error: ROOT },
  { desc: 'uid/gid', source: CONTAINERD, user: '0:1', securityContext: NON_ROOT, error: ROOT },
  { desc: 'empty user', source: CONTAINERD, user: '', securityContext: NON_ROOT, error: ROOT },
  {
    desc: 'multiple separators',
    source: CONTAINERD,
    user: '1:2:3',
    securityContext: NON_ROOT,
    error: null,
  },
  {
    desc: 'root username',
    source: CONTAINERD,
    user: 'root:root',
    securityContext: NON_ROOT,
    error: nonNumeric('root'),
  },
  {
    desc: 'username',
    source: CONTAINERD,
    user: 'test:test',
    securityContext: NON_ROOT,
    error: nonNumeric('test'),
  },
  { desc: 'numeric User "10"', source: CRIO, user: '10', securityContext: NON_ROOT, error: null },
  {
    desc: 'named User "me"',
    source: CRIO,
    user: 'me',
    securityContext: NON_ROOT,
    error: nonNumeric('me'),
  },
  // Issue 14, item 3: the kubelet prints the int64 exactly.
  {
    desc: 'image user 9223372036854775807 (int64 maximum), quoted exactly',
    source: 'issue 14 (IsValidUserID on the int64 that ParseInt gives)',
    user: '9223372036854775807',
    securityContext: NON_ROOT,
    error: invalid('9223372036854775807'),
  },
];

/** /etc/passwd for the kubelet rows' images: every name they use exists, so the probe can run. */
export const KUBELET_PASSWD = `root:x:0:0:root:/root:/bin/sh
test:x:1000:1000::/home/test:/bin/sh
me:x:1001:1001::/home/me:/bin/sh
`;
export const KUBELET_GROUP = `root:x:0:
test:x:1000:
me:x:1001:
`;
