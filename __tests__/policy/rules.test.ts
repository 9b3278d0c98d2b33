import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/policy/evaluate.js';
import { RULES } from '../../src/policy/rules/index.js';
import { makeFacts, probeOutput } from '../helpers/facts.js';

const KUBELET_NAME = (name: string) =>
  `("container has runAsNonRoot and image has non-numeric user (${name}), cannot verify user is non-root")`;

function findings(user: string, extra: Parameters<typeof makeFacts>[0] = { user }) {
  const result = evaluate(makeFacts({ ...extra, user }), {
    preset: 'baseline',
    failOn: 'error',
    probe: 'optional',
  });
  return result.findings.map(({ rule, severity, message }) => ({ rule, severity, message }));
}

// Every user string the runtime and the kubelet treat differently, judged against an image whose
// /etc/passwd has root, daemon, toor (uid 0), app (1654) and nobody. Exact rules, exact messages.
describe('rules NR001-NR006 on Config.User', () => {
  it.each([
    [
      '',
      [
        {
          rule: 'NR001',
          severity: 'error',
          message:
            'the image sets no user: Config.User is empty, so the container runs as root (uid 0)',
        },
      ],
    ],
    [
      '0',
      [{ rule: 'NR002', severity: 'error', message: 'USER 0 → uid 0: the container runs as root' }],
    ],
    [
      '00',
      [
        {
          rule: 'NR002',
          severity: 'error',
          message: 'USER 00 → uid 0: the container runs as root',
        },
      ],
    ],
    [
      '0:1654',
      [
        {
          rule: 'NR002',
          severity: 'error',
          message: 'USER 0:1654 → uid 0: the container runs as root',
        },
      ],
    ],
    [
      ':1654',
      [
        {
          rule: 'NR002',
          severity: 'error',
          message: 'USER :1654 → uid 0: the container runs as root',
        },
      ],
    ],
    [
      'root',
      [
        {
          rule: 'NR002',
          severity: 'error',
          message: 'USER root → uid 0 in /etc/passwd (line 1): the container runs as root',
        },
      ],
    ],
    [
      'root:root',
      [
        {
          rule: 'NR002',
          severity: 'error',
          message: 'USER root:root → uid 0 in /etc/passwd (line 1): the container runs as root',
        },
      ],
    ],
    [
      'toor',
      [
        {
          rule: 'NR002',
          severity: 'error',
          message: 'USER toor → uid 0 in /etc/passwd (line 3): the container runs as root',
        },
      ],
    ],
    [
      'app',
      [
        {
          rule: 'NR003',
          severity: 'warning',
          message: `USER app is a name: Kubernetes runAsNonRoot cannot verify it and refuses the pod ${KUBELET_NAME('app')}`,
        },
      ],
    ],
    [
      'app:app',
      [
        {
          rule: 'NR003',
          severity: 'warning',
          message: `USER app:app is a name: Kubernetes runAsNonRoot cannot verify it and refuses the pod ${KUBELET_NAME('app')}`,
        },
      ],
    ],
    [
      'ghost',
      [
        {
          rule: 'NR004',
          severity: 'error',
          message:
            'USER ghost: no user "ghost" in the image\'s /etc/passwd, so the container cannot start ("unable to find user ghost: no matching entries in passwd file")',
        },
        {
          rule: 'NR003',
          severity: 'warning',
          message: `USER ghost is a name: Kubernetes runAsNonRoot cannot verify it and refuses the pod ${KUBELET_NAME('ghost')}`,
        },
      ],
    ],
    [
      'app:ghosts',
      [
        {
          rule: 'NR004',
          severity: 'error',
          message:
            'USER app:ghosts: no group "ghosts" in the image\'s /etc/group, so the container cannot start ("unable to find group ghosts: no matching entries in group file")',
        },
        {
          rule: 'NR003',
          severity: 'warning',
          message: `USER app:ghosts is a name: Kubernetes runAsNonRoot cannot verify it and refuses the pod ${KUBELET_NAME('app')}`,
        },
      ],
    ],
    ['1654', []],
    ['01654', []],
    ['1654:1654', []],
    ['1:2:3', []],
    [
      '1654:0',
      [{ rule: 'NR006', severity: 'notice', message: 'USER 1654:0 sets primary group 0 (root)' }],
    ],
    [
      '4242',
      [
        {
          rule: 'NR006',
          severity: 'notice',
          message:
            'USER 4242: uid 4242 has no entry in /etc/passwd, so its primary group is 0 (root)',
        },
      ],
    ],
    [
      '2147483648',
      [
        {
          rule: 'NR005',
          severity: 'error',
          message:
            'USER 2147483648: uid 2147483648 is outside 1-2147483647, so the runtime cannot start it and Kubernetes rejects the pod',
        },
      ],
    ],
    [
      '-1',
      [
        {
          rule: 'NR005',
          severity: 'error',
          message:
            'USER -1: uid -1 is outside 1-2147483647, so the runtime cannot start it and Kubernetes rejects the pod',
        },
      ],
    ],
    [
      '1654:-5',
      [
        {
          rule: 'NR005',
          severity: 'error',
          message: 'USER 1654:-5: gid -5 is outside 0-2147483647, so the runtime cannot start it',
        },
      ],
    ],
  ])('USER %j', (user, expected) => {
    expect(findings(user)).toEqual(expected);
  });
});

describe('facts the rules read from the image', () => {
  it('reports NR004 naming the missing /etc/passwd when the image has none', () => {
    expect(findings('app', { user: 'app', passwd: null })[0]).toEqual({
      rule: 'NR004',
      severity: 'error',
      message:
        'USER app: the image has no readable /etc/passwd to resolve the name, so the container cannot start ("unable to find user app: no matching entries in passwd file")',
    });
  });

  it('still calls USER root root when the image has no /etc/passwd', () => {
    expect(findings('root', { user: 'root', passwd: null }).map((f) => f.rule)).toEqual([
      'NR002',
      'NR004',
    ]);
  });

  it('reports a primary group 0 that comes from /etc/passwd', () => {
    const passwd = 'root:x:0:0::/root:/bin/sh\nweb:x:1000:0::/home/web:/bin/sh';
    expect(findings('1000', { user: '1000', passwd })).toEqual([
      {
        rule: 'NR006',
        severity: 'notice',
        message: 'USER 1000: web (uid 1000) has primary group 0 (root) in /etc/passwd (line 2)',
      },
    ]);
  });
});

describe('fixes', () => {
  const fixOf = (facts: Parameters<typeof makeFacts>[0], rule: string) =>
    evaluate(makeFacts(facts), {
      preset: 'hardened',
      failOn: 'error',
      probe: 'optional',
    }).findings.find((finding) => finding.rule === rule)?.fix?.summary;

  it('suggests USER $APP_UID when the image defines APP_UID', () => {
    expect(fixOf({ user: '', env: { APP_UID: '1654' } }, 'NR001')).toBe(
      'Add `USER $APP_UID` in the final stage, before ENTRYPOINT/CMD (the image defines APP_UID=1654). Use the number, not a name, so Kubernetes runAsNonRoot can verify it.',
    );
  });

  it('suggests the existing regular user by number when there is one', () => {
    expect(fixOf({ user: 'root' }, 'NR002')).toBe(
      'Replace it with `USER 1654` (the image already has user app (uid 1654)). Use the number, not a name, so Kubernetes runAsNonRoot can verify it.',
    );
  });

  it('says to create a user when the image has none', () => {
    expect(fixOf({ user: '', passwd: 'root:x:0:0::/root:/bin/sh' }, 'NR001')).toBe(
      'Create a user first, e.g. `RUN adduser -D -u 10001 app` (Alpine/BusyBox) or `RUN useradd --uid 10001 app` (Debian/Ubuntu), then use `USER 10001` in the final stage, before ENTRYPOINT/CMD (the image has no regular user yet). Use the number, not a name, so Kubernetes runAsNonRoot can verify it.',
    );
  });

  it('on a shell-less image, gives a numeric user and group, and the passwd line for a build stage', () => {
    const shellless = {
      user: '',
      passwd: 'root:x:0:0::/root:/sbin/nologin',
      runtime: probeOutput(),
    };
    expect(fixOf(shellless, 'NR001')).toBe(
      'Add `USER 10001:10001` in the final stage, before ENTRYPOINT/CMD: the image has no shell to create a user with, and a numeric uid needs no /etc/passwd entry; the explicit group avoids group 0. To give it a name and a HOME, add `app:x:10001:10001::/home/app:/sbin/nologin` to a copy of /etc/passwd (and `app:x:10001:` to /etc/group) in a build stage that has a shell, and COPY them and an app-owned /home/app into the final stage. Use the number, not a name, so Kubernetes runAsNonRoot can verify it.',
    );
  });

  it('replaces a name with its uid, as $APP_UID when that is the same number', () => {
    expect(fixOf({ user: 'app' }, 'NR003')).toBe(
      'Use the number: `USER 1654` (app is uid 1654 in /etc/passwd).',
    );
    expect(fixOf({ user: 'app:app', env: { APP_UID: '1654' } }, 'NR003')).toBe(
      'Use the number: `USER $APP_UID:1654` (app is uid 1654 in /etc/passwd).',
    );
  });
});

describe('locations', () => {
  it('points at the USER line, showing the variable and its value', () => {
    const facts = makeFacts({
      user: '1654:0',
      dockerfile: 'FROM base\nCOPY . /app\nUSER $APP_UID:0\nCMD ["/app/run"]\n',
      baseEnv: { APP_UID: '1654' },
    });
    const [finding] = evaluate(facts, {
      preset: 'baseline',
      failOn: 'error',
      probe: 'optional',
    }).findings;
    expect(finding).toMatchObject({
      rule: 'NR006',
      message: 'USER $APP_UID:0 (= 1654:0) sets primary group 0 (root)',
      location: { file: 'Dockerfile', line: 3 },
    });
  });

  it('points at the final FROM when no USER is written', () => {
    const facts = makeFacts({ user: '', dockerfile: 'FROM a AS build\nUSER 1\nFROM b\nCMD x\n' });
    const [finding] = evaluate(facts, {
      preset: 'baseline',
      failOn: 'error',
      probe: 'optional',
    }).findings;
    expect(finding).toMatchObject({
      rule: 'NR001',
      message:
        'no USER in the final stage or its base image (USER 1 on line 2 is in stage build, not in the final stage): Config.User is empty, so the container runs as root (uid 0)',
      location: { file: 'Dockerfile', line: 3 },
    });
  });
});

describe('the registry', () => {
  it('lists each rule once, in id order, with levels for every preset', () => {
    const ids = RULES.map((rule) => rule.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(RULES.map((rule) => rule.name)).size).toBe(RULES.length);
  });
});
