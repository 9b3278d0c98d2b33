import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../src/kubernetes/manifests.js';
import type { KubernetesFacts } from '../../src/kubernetes/types.js';
import { evaluate } from '../../src/policy/evaluate.js';
import { makeFacts, probeOutput } from '../helpers/facts.js';

const FILE = 'deploy/app.yaml';
const IMAGE = 'ghcr.io/octo-org/app:pr';
const ROOT = 'container has runAsNonRoot and image will run as root';
const nonNumeric = (name: string) =>
  `container has runAsNonRoot and image has non-numeric user (${name}), cannot verify user is non-root`;
const invalid = (uid: string) =>
  `container has runAsNonRoot and image has an invalid user id (${uid}). (Must be 1-(2147483647))`;

/** The manifest as the rules see it: parsed by the real parser, every container matched. */
function kubernetes(yaml: string): KubernetesFacts {
  return {
    files: [FILE],
    sources: { [FILE]: yaml },
    containers: parseManifests(yaml, FILE).filter((c) => c.image.value === IMAGE),
    otherImages: [],
  };
}

function deployment(options: { pod?: string[]; container?: string[]; extra?: string[] } = {}) {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    'spec:',
    '  template:',
    '    spec:',
    ...(options.pod ?? []).map((line) => `      ${line}`),
    '      containers:',
    '        - name: web',
    `          image: ${IMAGE}`,
    ...(options.container ?? []).map((line) => `          ${line}`),
    ...(options.extra ?? []),
    '',
  ].join('\n');
}

const RESTRICTED = [
  'securityContext:',
  '  allowPrivilegeEscalation: false',
  '  capabilities:',
  '    drop: [ALL]',
  '  seccompProfile:',
  '    type: RuntimeDefault',
];

function findings(user: string, yaml: string, runtime = probeOutput()) {
  const facts = makeFacts({ user, runtime, kubernetes: kubernetes(yaml) });
  return evaluate(facts, { preset: 'hardened', failOn: 'error', probe: 'required' }).findings;
}

describe('NR060: the kubelet decision table, through a Deployment with pod-level runAsNonRoot: true', () => {
  const yaml = deployment({ pod: ['securityContext:', '  runAsNonRoot: true'] });
  it.each([
    ['', ROOT],
    ['0', ROOT],
    ['00', ROOT],
    ['0:0', ROOT],
    ['0:1654', ROOT],
    ['root', nonNumeric('root')],
    ['root:root', nonNumeric('root')],
    ['app', nonNumeric('app')],
    ['app:app', nonNumeric('app')],
    ['1654', null],
    ['01654', null],
    ['1654:1654', null],
    ['1654:0', null],
    ['1:2:3', null],
    ['2147483648', invalid('2147483648')],
    ['-1000', invalid('-1000')],
  ])('Config.User %j → %s', (user, error) => {
    const nr060 = findings(user, yaml).filter((finding) => finding.rule === 'NR060');
    if (error === null) {
      expect(nr060).toEqual([]);
      return;
    }
    expect(nr060).toHaveLength(1);
    expect(nr060[0]!.message).toContain(`the kubelet refuses to start it ("${error}")`);
    expect(nr060[0]!.message).toMatch(
      /^Deployment\/web, container web: .*, so the pod sits in CreateContainerConfigError: runAsNonRoot: true \(line 9\)/,
    );
    expect(nr060[0]!.location).toEqual({ file: FILE, line: 9 });
  });
});

describe('NR060: where the settings are', () => {
  it('the container’s runAsNonRoot wins over the pod’s', () => {
    const off = deployment({
      pod: ['securityContext:', '  runAsNonRoot: true'],
      container: ['securityContext:', '  runAsNonRoot: false'],
    });
    expect(findings('app', off).filter((f) => f.rule === 'NR060')).toEqual([]);
    const on = deployment({
      pod: ['securityContext:', '  runAsNonRoot: false'],
      container: ['securityContext:', '  runAsNonRoot: true'],
    });
    const [hit] = findings('app', on).filter((f) => f.rule === 'NR060');
    expect(hit!.location).toEqual({ file: FILE, line: 14 });
  });

  it('runAsUser replaces a named image user: the pod starts', () => {
    const yaml = deployment({
      container: ['securityContext:', '  runAsNonRoot: true', '  runAsUser: 1654'],
    });
    expect(findings('app', yaml).filter((f) => f.rule === 'NR060')).toEqual([]);
  });

  it("runAsUser: 0 breaks the policy, on its line, with the image's uid as the fix", () => {
    const yaml = deployment({
      container: ['securityContext:', '  runAsNonRoot: true', '  runAsUser: 0'],
    });
    const [hit] = findings('1654', yaml).filter((f) => f.rule === 'NR060');
    expect(hit).toMatchObject({
      message:
        'Deployment/web, container web: the kubelet refuses to start it ("container\'s runAsUser breaks non-root policy"), so the pod sits in CreateContainerConfigError: runAsUser: 0 (line 13)',
      location: { file: FILE, line: 13 },
    });
    expect(hit!.fix!.diff).toContain('-            runAsUser: 0\n+            runAsUser: 1654\n');
  });

  it('without runAsNonRoot nothing is refused', () => {
    expect(findings('', deployment()).filter((f) => f.rule === 'NR060')).toEqual([]);
  });

  it('with hostUsers: false the kubelet still checks runAsNonRoot (only admission relaxes)', () => {
    const yaml = deployment({
      pod: ['hostUsers: false', 'securityContext:', '  runAsNonRoot: true'],
    });
    expect(findings('app', yaml).filter((f) => f.rule === 'NR060')).toHaveLength(1);
  });

  it('a named user mapping to a non-root uid gets the numeric USER as its fix, else runAsUser', () => {
    const yaml = deployment({ pod: ['securityContext:', '  runAsNonRoot: true'] });
    const [hit] = findings('app', yaml).filter((f) => f.rule === 'NR060');
    expect(hit!.fix!.summary).toBe(
      "Use the number in the Dockerfile: `USER 1654` (app is uid 1654 in the image's /etc/passwd); or set `securityContext.runAsUser: 1654` in this container.",
    );
    // No Dockerfile in this test: the manifest patch is the diff.
    expect(hit!.fix!.diff).toBe(
      [
        `--- a/${FILE}`,
        `+++ b/${FILE}`,
        '@@ -10,3 +10,5 @@',
        '       containers:',
        '         - name: web',
        `           image: ${IMAGE}`,
        '+          securityContext:',
        '+            runAsUser: 1654',
        '',
      ].join('\n'),
    );
  });
});

describe('NR061: the restricted profile, field by field', () => {
  const messages = (user: string, yaml: string) =>
    findings(user, yaml)
      .filter((f) => f.rule === 'NR061')
      .map(
        (f) => `${f.location!.line} ${f.message.replace('Deployment/web, container web: ', '')}`,
      );

  it('a fully restricted container has no gap', () => {
    const yaml = deployment({
      pod: ['securityContext:', '  runAsNonRoot: true'],
      container: RESTRICTED,
    });
    expect(messages('1654', yaml)).toEqual([]);
  });

  it('one finding per missing field, all sharing one patch that adds them together', () => {
    const yaml = deployment();
    expect(messages('1654', yaml)).toEqual([
      '9 runAsNonRoot is not set to true, in the container or the pod (Pod Security Standards "restricted")',
      '9 allowPrivilegeEscalation is not set to false (Pod Security Standards "restricted")',
      '9 capabilities.drop does not include ALL (Pod Security Standards "restricted")',
      '9 no seccompProfile, in the container or the pod (Pod Security Standards "restricted")',
    ]);
    const diffs = new Set(
      findings('1654', yaml)
        .filter((f) => f.rule === 'NR061')
        .map((f) => f.fix!.diff),
    );
    expect([...diffs]).toEqual([
      [
        `--- a/${FILE}`,
        `+++ b/${FILE}`,
        '@@ -8,3 +8,10 @@',
        '       containers:',
        '         - name: web',
        `           image: ${IMAGE}`,
        '+          securityContext:',
        '+            runAsNonRoot: true',
        '+            allowPrivilegeEscalation: false',
        '+            capabilities:',
        '+              drop: [ALL]',
        '+            seccompProfile:',
        '+              type: RuntimeDefault',
        '',
      ].join('\n'),
    ]);
  });

  it('wrong values are named on their lines', () => {
    const yaml = deployment({
      pod: ['securityContext:', '  runAsNonRoot: false', '  runAsUser: 0'],
      container: [
        'securityContext:',
        '  allowPrivilegeEscalation: true',
        '  capabilities:',
        '    drop: [NET_RAW]',
        '    add: [NET_BIND_SERVICE, SYS_ADMIN]',
        '  seccompProfile:',
        '    type: Unconfined',
      ],
      extra: [
        '      volumes:',
        '        - name: host',
        '          hostPath:',
        '            path: /var/run',
      ],
    });
    expect(messages('1654', yaml)).toEqual([
      '9 runAsNonRoot is false (Pod Security Standards "restricted")',
      '10 runAsUser is 0 (root) (Pod Security Standards "restricted")',
      '15 allowPrivilegeEscalation is true (Pod Security Standards "restricted")',
      '17 capabilities.drop is [NET_RAW], without ALL (Pod Security Standards "restricted")',
      '18 capabilities.add has SYS_ADMIN; only NET_BIND_SERVICE may be added back (Pod Security Standards "restricted")',
      '20 seccompProfile.type is Unconfined (Pod Security Standards "restricted")',
      '22 volume host is a hostPath volume, which the profile does not allow (Pod Security Standards "restricted")',
    ]);
  });

  it('hostUsers: false exempts runAsNonRoot and runAsUser, as Pod Security Admission does', () => {
    const yaml = deployment({ pod: ['hostUsers: false'], container: RESTRICTED });
    expect(messages('', yaml)).toEqual([]);
  });
});

describe('NR062: runAsUser replacing the image user', () => {
  const owned = probeOutput();
  it("fires when the image's user owns HOME and the manifest runs another uid", () => {
    const home = owned.paths.find((path) => path.roles.includes('home'))!;
    home.uid = 1654;
    const yaml = deployment({ container: ['securityContext:', '  runAsUser: 2000'] });
    const [hit] = findings('1654', yaml, owned).filter((f) => f.rule === 'NR062');
    expect(hit).toMatchObject({
      message: `Deployment/web, container web: runAsUser: 2000 (line 12) replaces the image's user, uid 1654 (app), who owns ${home.path}: the app may fail to read or write them`,
      location: { file: FILE, line: 12 },
    });
  });

  it('does not fire for the same uid', () => {
    const yaml = deployment({ container: ['securityContext:', '  runAsUser: 1654'] });
    expect(findings('1654', yaml, owned).filter((f) => f.rule === 'NR062')).toEqual([]);
  });
});

describe('NR050: containerPort below 1024', () => {
  it('is a finding on its line for a non-root container', () => {
    const yaml = deployment({ container: ['ports:', '  - containerPort: 80'] });
    const hits = findings('1654', yaml).filter((f) => f.rule === 'NR050');
    expect(hits).toEqual([
      expect.objectContaining({
        message:
          'Deployment/web, container web: containerPort: 80: port 80 is below 1024, which uid 1654 cannot bind on a default Kubernetes node',
        location: { file: FILE, line: 12 },
      }),
    ]);
  });
});
