import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/policy/evaluate.js';
import type { ProbeOutput } from '../../src/probe/schema.js';
import { makeFacts, probeOutput } from '../helpers/facts.js';

const DOCKERFILE = [
  'FROM base', //                                  1
  'WORKDIR /app', //                               2
  'COPY --chown=app:app run /app/run', //          3
  'RUN chmod 777 /data && chmod u+s /usr/bin/x', // 4
  'EXPOSE 80', //                                  5
  'ENV ASPNETCORE_URLS=http://+:80', //            6
  'USER 1654', //                                  7
  'ENTRYPOINT ["/app/run"]', //                    8
].join('\n');

function findings(
  runtime: ProbeOutput,
  options: { user?: string; exposedPorts?: string[]; env?: Record<string, string> } = {},
) {
  const facts = makeFacts({
    user: options.user ?? '1654',
    dockerfile: DOCKERFILE,
    runtime,
    exposedPorts: options.exposedPorts,
    env: options.env,
  });
  return evaluate(facts, { preset: 'hardened', failOn: 'error', probe: 'required' }).findings.map(
    ({ rule, message, location }) => ({ rule, message, line: location?.line }),
  );
}

/** Each finding's rule, severity and message, under a preset. */
function judged(runtime: ProbeOutput, preset: 'baseline' | 'restricted' | 'hardened') {
  const facts = makeFacts({ user: '1654', dockerfile: DOCKERFILE, runtime });
  const result = evaluate(facts, { preset, failOn: 'error', probe: 'required' });
  return {
    verdict: result.verdict,
    findings: result.findings.map(({ rule, severity, message }) => ({ rule, severity, message })),
  };
}

const base = probeOutput();
const withPath = (path: string, change: Partial<ProbeOutput['paths'][number]>) =>
  probeOutput({
    paths: base.paths.map((entry) => (entry.path === path ? { ...entry, ...change } : entry)),
  });

describe('probe-based rules', () => {
  it('finds nothing in a clean non-root image', () => {
    expect(findings(base)).toEqual([]);
  });

  it('NR010 and NR033: the process is root with Docker default capabilities', () => {
    const runtime = probeOutput({
      identity: { ...base.identity, uid: 0, gid: 0, name: 'root', home: '/root' },
      status: { ...base.status, capEff: '00000000a80425fb', capPrm: '00000000a80425fb' },
    });
    expect(findings(runtime, { user: '0' }).filter((f) => f.rule >= 'NR010')).toEqual([
      {
        rule: 'NR010',
        message: "the probe, run as the image's user, got uid 0 (root): USER 0 gives uid 0",
        line: 7,
      },
      {
        rule: 'NR033',
        message:
          "uid 0 (root) holds capabilities under Docker's defaults: effective CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, SETGID and 8 more",
        line: 7,
      },
    ]);
  });

  it('NR020 points at the COPY --chown that made the executable writable', () => {
    const runtime = withPath('/app/run', { uid: 1654, gid: 1654, writable: true });
    expect(findings(runtime)).toEqual([
      {
        rule: 'NR020',
        message:
          '/app/run (owner 1654:1654, mode 0755) [exec] is writable by uid 1654 (app), after COPY --chown=app:app on line 3: the app can be modified at runtime',
        line: 3,
      },
    ]);
  });

  describe('NR020 on a WORKDIR that is a declared VOLUME (a data directory)', () => {
    // redis: WORKDIR /data, VOLUME /data owned by the app user; the server root-owned elsewhere.
    const data = (execWritable: boolean) =>
      probeOutput({
        paths: [
          ...base.paths.filter((entry) => !entry.path.startsWith('/app')),
          {
            ...base.paths.find((entry) => entry.path === '/app')!,
            path: '/data',
            roles: ['workdir'],
            uid: 1654,
            gid: 1654,
            writable: true,
          },
          {
            ...base.paths.find((entry) => entry.path === '/app')!,
            path: '/usr/local/bin',
            roles: ['exec-dir'],
          },
          {
            ...base.paths.find((entry) => entry.path === '/app/run')!,
            path: '/usr/local/bin/server',
            writable: execWritable,
            uid: execWritable ? 1654 : 0,
          },
        ],
      });
    const nr020 = (runtime: ProbeOutput, volumes: string[]) =>
      evaluate(makeFacts({ user: '1654', runtime, volumes }), {
        preset: 'baseline',
        failOn: 'error',
        probe: 'required',
      })
        .findings.filter((finding) => finding.rule === 'NR020')
        .map((finding) => finding.message);

    it('does not fire while the app itself is not writable', () => {
      expect(nr020(data(false), ['/data'])).toEqual([]);
      expect(nr020(data(false), ['/data/'])).toEqual([]);
      // As the probe reports it when it is given the VOLUME too (NR024's measurement).
      const measured = data(false);
      const paths = measured.paths.map((entry) =>
        entry.path === '/data'
          ? { ...entry, roles: ['workdir' as const, 'volume' as const] }
          : entry,
      );
      expect(nr020({ ...measured, paths }, ['/data'])).toEqual([]);
    });

    it('fires without the VOLUME, under a VOLUME of /, and when the executable is writable too', () => {
      expect(nr020(data(false), [])).toEqual([
        '/data (owner 1654:1654, mode 0755) [workdir] is writable by uid 1654 (app): the app can be modified at runtime',
      ]);
      expect(nr020(data(false), ['/'])).toHaveLength(1);
      expect(nr020(data(true), ['/data'])).toHaveLength(2);
    });
  });

  it('NR021 falls back to the final FROM when no line made a system directory writable', () => {
    const runtime = withPath('/etc', { mode: 0o777, writable: true });
    expect(findings(runtime)).toEqual([
      {
        rule: 'NR021',
        message:
          '/etc (owner 0:0, mode 0777) [etc] is writable by uid 1654 (app): system files can be replaced at runtime',
        line: 1,
      },
    ]);
  });

  it('NR022 lists writable directories beyond scratch space, HOME and VOLUMEs, on the chmod line', () => {
    const runtime = probeOutput({
      writableDirs: {
        items: ['/data', '/home/app', '/home/app/.cache', '/tmp', '/var/tmp/x', '/run/lock'],
        count: 6,
        truncated: false,
      },
    });
    expect(findings(runtime)).toEqual([
      {
        rule: 'NR022',
        message:
          'uid 1654 (app) can write 1 directory outside the scratch directories (/tmp, /var/tmp, /run/lock), HOME and VOLUMEs: /data',
        line: 4,
      },
    ]);
  });

  it('NR022 counts what the probe could not list', () => {
    const items = Array.from({ length: 12 }, (_, index) => `/srv/d${index}`);
    const runtime = probeOutput({ writableDirs: { items, count: 40, truncated: true } });
    expect(findings(runtime)[0]?.message).toBe(
      `uid 1654 (app) can write 40 directories outside the scratch directories (/tmp, /var/tmp, /run/lock), HOME and VOLUMEs: ${items.slice(0, 10).join(', ')} and 30 more`,
    );
  });

  it.each([
    [
      { type: 'missing' as const, mode: null, uid: null, gid: null },
      'HOME /home/app does not exist (its /etc/passwd entry sets it)',
    ],
    [
      { writable: false },
      'HOME /home/app is not writable by uid 1654 (app) (its /etc/passwd entry sets it)',
    ],
    [{ type: 'file' as const }, 'HOME /home/app is not a directory (file)'],
  ])('NR023 when HOME is %j', (change, message) => {
    expect(findings(withPath('/home/app', change))).toEqual([{ rule: 'NR023', message, line: 7 }]);
  });

  it("NR030 offers the diff that clears a Debian base's setuid and setgid files by name", () => {
    // debootstrap's minbase: 11 of them, from passwd, util-linux, login and shadow.
    const debian = [
      ['/usr/bin/chage', 0o2755],
      ['/usr/bin/chfn', 0o4755],
      ['/usr/bin/chsh', 0o4755],
      ['/usr/bin/expiry', 0o2755],
      ['/usr/bin/gpasswd', 0o4755],
      ['/usr/bin/mount', 0o4755],
      ['/usr/bin/newgrp', 0o4755],
      ['/usr/bin/passwd', 0o4755],
      ['/usr/bin/su', 0o4755],
      ['/usr/bin/umount', 0o4755],
      ['/usr/sbin/unix_chkpwd', 0o2755],
    ] as const;
    const items = debian.map(([path, mode]) => ({
      path,
      mode,
      uid: 0,
      gid: mode & 0o2000 ? 42 : 0,
    }));
    const runtime = probeOutput({
      setid: { items, count: items.length, truncated: false },
      tools: [{ kind: 'shell', name: 'sh', path: '/bin/sh', resolved: '/bin/dash' }],
    });
    const facts = makeFacts({ user: '1654', dockerfile: DOCKERFILE, runtime });
    const policy = { preset: 'restricted', failOn: 'error', probe: 'required' } as const;
    const fix = evaluate(facts, policy).findings.find((finding) => finding.rule === 'NR030')!.fix!;
    const command = `chmod u-s,g-s ${debian.map(([path]) => path).join(' ')}`;
    expect(fix.summary).toContain(`\`RUN ${command}\``);
    expect(fix.diff).toContain(`+USER 0\n+RUN ${command}\n USER 1654\n`);
  });

  describe('NR024 on a VOLUME the runtime user cannot write', () => {
    const dockerfile = [
      'FROM base',
      'RUN mkdir /data',
      'VOLUME ["/data", "/logs"]',
      'USER 1654',
    ].join('\n');
    const volumes = (dataWritable: boolean) =>
      probeOutput({
        paths: [
          ...base.paths,
          {
            ...base.paths.find((entry) => entry.path === '/app')!,
            path: '/data',
            roles: ['volume'],
            writable: dataWritable,
          },
          {
            ...base.paths.find((entry) => entry.path === '/app')!,
            path: '/logs',
            roles: ['volume'],
            uid: 1654,
            gid: 1654,
            writable: true,
          },
        ],
      });
    const nr024 = (runtime: ProbeOutput, preset: 'baseline' | 'hardened') =>
      evaluate(makeFacts({ user: '1654', dockerfile, runtime, volumes: ['/data', '/logs'] }), {
        preset,
        failOn: 'error',
        probe: 'required',
      }).findings.filter((finding) => finding.rule === 'NR024');

    it('fires on its VOLUME line, a warning in baseline and an error in hardened, with the chown that fixes it', () => {
      const [baseline] = nr024(volumes(false), 'baseline');
      expect(baseline).toMatchObject({
        severity: 'warning',
        message:
          'VOLUME /data (owner 0:0, mode 0755) is not writable by uid 1654 (app): the app cannot keep its data there',
        location: { file: 'Dockerfile', line: 3 },
      });
      expect(baseline!.fix!.summary).toBe(
        "Create /data owned by the user before its VOLUME line: `RUN mkdir -p /data && chown 1654:1654 /data` (the builder discards what a later step changes in a volume's directory).",
      );
      expect(nr024(volumes(false), 'hardened')[0]!.severity).toBe('error');
    });

    it('does not fire for a writable VOLUME, nor for root', () => {
      expect(nr024(volumes(true), 'hardened')).toEqual([]);
      const root = probeOutput({
        ...volumes(false),
        identity: { ...base.identity, uid: 0, gid: 0, name: 'root' },
      });
      expect(nr024(root, 'hardened')).toEqual([]);
    });
  });

  it('NR030 lists setuid and setgid files, on the chmod u+s line', () => {
    const runtime = probeOutput({
      setid: {
        items: [
          { path: '/usr/bin/x', mode: 0o4755, uid: 0, gid: 0 },
          { path: '/usr/bin/wall', mode: 0o2755, uid: 0, gid: 5 },
        ],
        count: 2,
        truncated: false,
      },
    });
    expect(findings(runtime)).toEqual([
      {
        rule: 'NR030',
        message:
          '2 setuid/setgid files: /usr/bin/x (setuid 0, mode 4755), /usr/bin/wall (setgid 5, mode 2755)',
        line: 4,
      },
    ]);
  });

  it('NR031, NR040 and NR041 name the tools and what they resolve to', () => {
    const runtime = probeOutput({
      tools: [
        { kind: 'shell', name: 'sh', path: '/bin/sh', resolved: '/bin/dash' },
        { kind: 'shell', name: 'bash', path: '/bin/bash', resolved: '/bin/bash' },
        {
          kind: 'package-manager',
          name: 'apt-get',
          path: '/usr/bin/apt-get',
          resolved: '/usr/bin/apt-get',
        },
        { kind: 'privilege', name: 'sudo', path: '/usr/bin/sudo', resolved: '/usr/bin/sudo' },
      ],
      setid: {
        items: [{ path: '/usr/bin/sudo', mode: 0o4755, uid: 0, gid: 0 }],
        count: 1,
        truncated: false,
      },
    });
    expect(findings(runtime).filter((finding) => finding.rule !== 'NR030')).toEqual([
      { rule: 'NR031', message: 'a user-switching tool is present: /usr/bin/sudo', line: 1 },
      { rule: 'NR040', message: 'a shell is present: /bin/sh → /bin/dash, /bin/bash', line: 1 },
      { rule: 'NR041', message: 'a package manager is present: /usr/bin/apt-get', line: 1 },
    ]);
  });

  describe('NR031 on a tool that cannot switch users (no setuid bit, no file capabilities)', () => {
    const su = {
      kind: 'privilege' as const,
      name: 'su',
      path: '/bin/su',
      resolved: '/bin/busybox',
    };
    const sudo = {
      kind: 'privilege' as const,
      name: 'sudo',
      path: '/usr/bin/sudo',
      resolved: '/usr/bin/sudo',
    };
    const setuidSudo = {
      items: [{ path: '/usr/bin/sudo', mode: 0o4755, uid: 0, gid: 0 }],
      count: 1,
      truncated: false,
    };

    it('is at most a notice, in every preset, and says why', () => {
      for (const preset of ['baseline', 'restricted', 'hardened'] as const) {
        expect(judged(probeOutput({ tools: [su] }), preset)).toEqual({
          verdict: 'pass',
          findings: [
            {
              rule: 'NR031',
              severity: 'notice',
              message:
                'a user-switching tool is present, but cannot switch users: /bin/su → /bin/busybox (neither a setuid bit nor file capabilities: only root could use it)',
            },
          ],
        });
      }
    });

    it('keeps its level for one that can: setuid, or file capabilities, named first', () => {
      const runtime = probeOutput({ tools: [su, sudo], setid: setuidSudo });
      expect(judged(runtime, 'restricted').findings).toContainEqual({
        rule: 'NR031',
        severity: 'error',
        message:
          'a user-switching tool is present: /usr/bin/sudo; also present, but unable to switch users: /bin/su → /bin/busybox',
      });
      const capable = probeOutput({
        tools: [su],
        fileCaps: {
          items: [{ path: '/bin/busybox', capability: '80' }],
          count: 1,
          truncated: false,
        },
      });
      expect(judged(capable, 'baseline').findings).toContainEqual({
        rule: 'NR031',
        severity: 'warning',
        message: 'a user-switching tool is present: /bin/su → /bin/busybox',
      });
    });

    it('keeps its level when the walk cannot tell (lists cut short, or its directory not scanned)', () => {
      const full = (runtime: ProbeOutput) =>
        judged(runtime, 'restricted').findings.find((finding) => finding.rule === 'NR031')
          ?.severity;
      const cut = { items: [], count: 300, truncated: true };
      expect(full(probeOutput({ tools: [su], setid: cut }))).toBe('error');
      expect(full(probeOutput({ tools: [su], fileCaps: cut }))).toBe('error');
      const unscanned = {
        items: [{ path: '/bin', reason: 'EACCES' }],
        count: 1,
        truncated: false,
      };
      expect(full(probeOutput({ tools: [su], walk: { ...base.walk, unscanned } }))).toBe('error');
      expect(full(probeOutput({ tools: [su], walk: { ...base.walk, truncated: true } }))).toBe(
        'error',
      );
    });
  });

  it.each(['/nonexistent', '/var/empty', '/dev/null'])(
    'NR023 is at most a notice for a deliberately absent home (%s)',
    (home) => {
      const runtime = probeOutput({
        identity: { ...base.identity, home },
        writableDirs: { items: ['/tmp'], count: 1, truncated: false },
        paths: [
          ...base.paths.filter((entry) => !entry.roles.includes('home')),
          {
            path: home,
            roles: ['home'],
            type: home === '/dev/null' ? 'other' : home === '/var/empty' ? 'dir' : 'missing',
            mode: home === '/nonexistent' ? null : 0o755,
            uid: home === '/nonexistent' ? null : 0,
            gid: home === '/nonexistent' ? null : 0,
            writable: false,
            error: null,
          },
        ],
      });
      for (const preset of ['baseline', 'restricted', 'hardened'] as const) {
        const { verdict, findings: found } = judged(runtime, preset);
        expect(verdict).toBe('pass');
        expect(found).toHaveLength(1);
        expect(found[0]).toMatchObject({ rule: 'NR023', severity: 'notice' });
        const facts = makeFacts({ user: '1654', dockerfile: DOCKERFILE, runtime });
        const policy = { preset, failOn: 'error', probe: 'required' } as const;
        expect(evaluate(facts, policy).findings[0]!.fix!.summary).toMatch(
          /^Nothing to do if the app writes nothing under HOME\. Otherwise create the home directory/,
        );
        expect(found[0]!.message).toMatch(
          new RegExp(
            `^HOME ${home} .*: a home that is absent on purpose, as system accounts have; what writes under HOME \\(caches, configuration\\) fails$`,
          ),
        );
      }
    },
  );

  it('NR031 suggests removing the tools it found, as root in the final stage', () => {
    const fixOf = (paths: string[]) => {
      const facts = makeFacts({
        user: '1654',
        dockerfile: DOCKERFILE,
        runtime: probeOutput({
          tools: [
            { kind: 'shell', name: 'sh', path: '/bin/sh', resolved: '/bin/busybox' },
            ...paths.map((path) => ({
              kind: 'privilege' as const,
              name: 'su',
              path,
              resolved: path,
            })),
          ],
        }),
      });
      const policy = { preset: 'hardened', failOn: 'error', probe: 'required' } as const;
      return evaluate(facts, policy).findings.find((finding) => finding.rule === 'NR031')!.fix!;
    };

    const plain = fixOf(['/bin/su', '/usr/bin/sudo']);
    expect(plain.summary).toBe(
      'Remove them in the final stage: `RUN rm -f /bin/su /usr/bin/sudo` (for a BusyBox applet this removes only the link), or build the final stage on a base without sudo, su or doas.',
    );
    // Before the final USER (line 7), which runs after every build step: root first, then back.
    expect(plain.diff).toContain('+USER 0\n+RUN rm -f /bin/su /usr/bin/sudo\n USER 1654\n');

    // A name with a space is quoted as one shell word.
    expect(fixOf(['/opt/my tools/su']).summary).toContain("`RUN rm -f '/opt/my tools/su'`");
    // A name the probe could not give as it is (invalid UTF-8) is not written into a command.
    const unreadable = fixOf(['/opt/\uFFFD/su']);
    expect(unreadable).toEqual({
      summary: 'Remove sudo, su and doas in the final stage, or build it on a base without them.',
      diff: null,
    });
  });

  it('NR032 decodes the permitted capabilities of a file', () => {
    const runtime = probeOutput({
      fileCaps: {
        items: [{ path: '/bin/ping', capability: '0100000200200000000000000000000000000000' }],
        count: 1,
        truncated: false,
      },
    });
    expect(findings(runtime)).toEqual([
      { rule: 'NR032', message: '1 file carries file capabilities: /bin/ping (NET_RAW)', line: 1 },
    ]);
  });

  it('NR050 on the EXPOSE and ENV lines that declare port 80, with the bind evidence', () => {
    const runtime = probeOutput({
      ports: [{ port: 80, protocol: 'tcp', bindable: false, error: 'EACCES' }],
    });
    const hits = findings(runtime, {
      exposedPorts: ['80/tcp'],
      env: { ASPNETCORE_URLS: 'http://+:80' },
    });
    expect(hits).toEqual([
      {
        rule: 'NR050',
        message:
          'EXPOSE 80/tcp: port 80 is below 1024, which uid 1654 cannot bind on a default Kubernetes node; the probe, as uid 1654, could not bind it (EACCES)',
        line: 5,
      },
      {
        rule: 'NR050',
        message:
          'ASPNETCORE_URLS=http://+:80: port 80 is below 1024, which uid 1654 cannot bind on a default Kubernetes node; the probe, as uid 1654, could not bind it (EACCES)',
        line: 6,
      },
    ]);
  });

  it('NR050 does not fire for 8080', () => {
    const runtime = probeOutput({
      ports: [{ port: 8080, protocol: 'tcp', bindable: true, error: null }],
    });
    expect(findings(runtime, { env: { ASPNETCORE_HTTP_PORTS: '8080' } })).toEqual([]);
  });

  it('NR050 is a notice for a root image: the port breaks once the user is non-root', () => {
    const root = probeOutput({
      identity: { ...base.identity, uid: 0, gid: 0, name: 'root' },
      ports: [{ port: 80, protocol: 'tcp', bindable: true, error: null }],
    });
    for (const preset of ['baseline', 'restricted', 'hardened'] as const) {
      const facts = makeFacts({
        user: '0',
        dockerfile: DOCKERFILE,
        runtime: root,
        exposedPorts: ['80/tcp'],
      });
      const found = evaluate(facts, { preset, failOn: 'error', probe: 'required' }).findings;
      expect(found.map((f) => f.rule)).toContain('NR010');
      expect(
        found
          .filter((f) => f.rule === 'NR050')
          .map(({ severity, message, location }) => ({
            severity,
            message,
            line: location?.line,
          })),
      ).toEqual([
        {
          severity: 'notice',
          message:
            'EXPOSE 80/tcp: port 80 is below 1024: it binds now because the image runs as root; once the user is non-root (the fix of NR001 or NR002), a default Kubernetes node refuses it',
          line: 5,
        },
      ]);
    }
  });
});

describe('when the probe cannot tell', () => {
  it('skips its rules with the reason, and a required probe blocks the verdict', () => {
    const facts = makeFacts({ user: '1654' });
    const required = evaluate(facts, { preset: 'baseline', failOn: 'error', probe: 'required' });
    expect(required.verdict).toBe('fail');
    expect(required.blocked).toBe(
      'the probe could not run, and the policy requires it: no probe in this unit test',
    );
    expect(required.skipped).toContainEqual({
      rule: 'NR010',
      reason: 'no probe in this unit test',
    });
    const optional = evaluate(facts, { preset: 'baseline', failOn: 'error', probe: 'optional' });
    expect(optional).toMatchObject({ verdict: 'pass', blocked: null });
  });

  it('blocks the verdict when a required probe could not become the user, whatever else holds', () => {
    // Nothing else fails here: only the probe's missing measurements can fail the check.
    const facts = {
      ...makeFacts({
        user: '1654',
        runtime: probeOutput({ userError: 'unable to find groups for spec app: token too long' }),
      }),
      probe: {
        status: 'user-error' as const,
        reason: "the container cannot start as the image's user: token too long",
      },
    };
    const required = evaluate(facts, { preset: 'baseline', failOn: 'error', probe: 'required' });
    expect(required.counts.error).toBe(0);
    expect(required.verdict).toBe('fail');
    expect(required.blocked).toBe(
      "the probe could not measure as the image's user, and the policy requires it: the container cannot start as the image's user: token too long",
    );
    const optional = evaluate(facts, { preset: 'baseline', failOn: 'error', probe: 'optional' });
    expect(optional.blocked).toBeNull();
  });

  it('skips the user-specific rules, not the filesystem ones, when the container cannot start as the user', () => {
    const facts = {
      ...makeFacts({
        user: 'ghost',
        runtime: probeOutput({
          userError: 'unable to find user ghost: no matching entries in passwd file',
        }),
      }),
      probe: {
        status: 'user-error' as const,
        reason: "the container cannot start as the image's user: unable to find user ghost",
      },
    };
    const result = evaluate(facts, { preset: 'hardened', failOn: 'error', probe: 'optional' });
    expect(result.blocked).toBeNull();
    expect(result.skipped.map((skip) => skip.rule)).toEqual([
      'NR010',
      'NR020',
      'NR021',
      'NR022',
      'NR023',
      'NR024',
      'NR033',
      'NR060',
      'NR061',
      'NR062',
    ]);
    expect(result.findings.map((finding) => finding.rule)).toEqual(['NR003', 'NR004']);
  });
});
