import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDockerfile } from '../../src/dockerfile/index.js';
import { permissionDiff } from '../../src/fixes/permissions.js';
import { rootRunDiff } from '../../src/fixes/root-run.js';
import { evaluate } from '../../src/policy/evaluate.js';
import type { PermissionSource } from '../../src/dockerfile/permission-source.js';
import type { Facts } from '../../src/facts/types.js';
import type { ProbeOutput } from '../../src/probe/schema.js';
import { makeFacts, probeOutput } from '../helpers/facts.js';

const work = mkdtempSync(join(tmpdir(), 'nonroot-guard-fixes-unit-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let cases = 0;
/** The Dockerfile after `git apply` of the diff: the diff is checked by git itself. */
function applied(text: string, diff: string | null | undefined): string {
  expect(diff).toEqual(expect.any(String));
  const dir = join(work, String(cases++));
  execFileSync('mkdir', ['-p', dir]);
  writeFileSync(join(dir, 'Dockerfile'), text);
  writeFileSync(join(dir, 'fix.diff'), diff!);
  execFileSync('git', ['apply', 'fix.diff'], { cwd: dir, stdio: 'pipe' });
  return readFileSync(join(dir, 'Dockerfile'), 'utf8');
}

const lines = (...text: string[]) => text.map((line) => `${line}\n`).join('');

type Tools = ProbeOutput['tools'];
const SHELL: Tools = [{ kind: 'shell', name: 'sh', path: '/bin/sh', resolved: '/bin/busybox' }];
const BASE_PASSWD = ['root:x:0:0:root:/root:/bin/sh', 'nobody:x:65534:65534::/:/bin/false'];
const BASE_GROUP = ['root:x:0:', 'nogroup:x:65534:'];

/** The probe as root, with these tools. */
function asRoot(tools: Tools = SHELL): ProbeOutput {
  const base = probeOutput();
  return probeOutput({
    identity: { ...base.identity, uid: 0, gid: 0, name: 'root', home: '/root' },
    tools,
  });
}

const DOTNET = { APP_UID: '1654', ASPNETCORE_HTTP_PORTS: '8080' };

function facts(options: Parameters<typeof makeFacts>[0]): Facts {
  return makeFacts(options);
}

function diffOf(input: Facts, rule: string): string | null | undefined {
  return evaluate(input, { preset: 'hardened', failOn: 'error', probe: 'optional' }).findings.find(
    (finding) => finding.rule === rule,
  )?.fix?.diff;
}

describe('switching to a non-root user (NR001, NR002, NR010)', () => {
  it('adds USER $APP_UID before ENTRYPOINT on a .NET base, the same diff for NR001 and NR010', () => {
    const dockerfile = lines('FROM dotnet', 'WORKDIR /app', 'COPY . .', 'ENTRYPOINT ["./app"]');
    const input = facts({
      user: '',
      env: DOTNET,
      baseEnv: DOTNET,
      dockerfile,
      runtime: asRoot(),
    });
    const diff = diffOf(input, 'NR001');
    expect(diff).toBe(
      [
        '--- a/Dockerfile',
        '+++ b/Dockerfile',
        '@@ -1,4 +1,5 @@',
        ' FROM dotnet',
        ' WORKDIR /app',
        ' COPY . .',
        '+USER $APP_UID',
        ' ENTRYPOINT ["./app"]',
        '',
      ].join('\n'),
    );
    expect(diffOf(input, 'NR010')).toBe(diff);
  });

  it('offers no diff while a declared port below 1024 would break, and says what else must change', () => {
    // nginx, a .NET 7 app on 80: the user changes, the port does not bind any more.
    const dockerfile = lines('FROM base', 'COPY app /app', 'EXPOSE 80', 'CMD ["/app/run"]');
    const input = facts({ user: '', dockerfile, runtime: asRoot(), exposedPorts: ['80/tcp'] });
    const policy = { preset: 'hardened', failOn: 'error', probe: 'optional' } as const;
    for (const rule of ['NR001', 'NR010']) {
      const fix = evaluate(input, policy).findings.find((finding) => finding.rule === rule)!.fix!;
      expect(fix.diff).toBeNull();
      expect(fix.summary).toMatch(
        /^Add `USER 1654` .* Not offered as a diff: the image declares port 80 \(EXPOSE 80\/tcp\), which uid 1654 cannot bind on a default Kubernetes node; have the app listen on 8080 and EXPOSE 8080 in the same change \(see NR050\)\.$/,
      );
    }
    // A port the policy allows (allow-ports: the cluster lets it bind) does not hold it back.
    const allowed = evaluate(input, {
      ...policy,
      allow: { writable: [], setid: [], ports: [80], incompleteWalk: [] },
    });
    expect(allowed.findings.find((finding) => finding.rule === 'NR001')!.fix!.diff).toEqual(
      expect.any(String),
    );
  });

  it('goes above the comment on the CMD, and after every RUN', () => {
    const dockerfile = lines(
      'FROM dotnet',
      'CMD ["/app/old"]',
      'RUN make',
      '',
      '# start the app',
      'CMD ["/app/run"]',
    );
    const input = facts({ user: '', env: DOTNET, baseEnv: DOTNET, dockerfile });
    expect(applied(dockerfile, diffOf(input, 'NR001'))).toBe(
      lines(
        'FROM dotnet',
        'CMD ["/app/old"]',
        'RUN make',
        '',
        'USER $APP_UID',
        '# start the app',
        'CMD ["/app/run"]',
      ),
    );
  });

  it('appends at the end of a file without a final newline when there is no ENTRYPOINT/CMD', () => {
    const dockerfile = 'FROM dotnet\nCOPY . /app';
    const input = facts({ user: '', env: DOTNET, baseEnv: DOTNET, dockerfile });
    expect(applied(dockerfile, diffOf(input, 'NR001'))).toBe(
      'FROM dotnet\nCOPY . /app\nUSER $APP_UID',
    );
  });

  it('replaces USER root when nothing after it needs root', () => {
    const dockerfile = lines(
      'FROM dotnet',
      'RUN make',
      'USER root',
      'COPY . /app',
      'CMD ["/app/run"]',
    );
    const input = facts({ user: 'root', env: DOTNET, baseEnv: DOTNET, dockerfile });
    expect(applied(dockerfile, diffOf(input, 'NR002'))).toBe(
      lines('FROM dotnet', 'RUN make', 'USER $APP_UID', 'COPY . /app', 'CMD ["/app/run"]'),
    );
  });

  it('keeps USER root when a RUN after it needs root, and switches after the last RUN', () => {
    const dockerfile = lines('FROM dotnet', 'USER root', 'RUN apt-get update', 'CMD ["/app/run"]');
    const input = facts({ user: 'root', env: DOTNET, baseEnv: DOTNET, dockerfile });
    expect(applied(dockerfile, diffOf(input, 'NR002'))).toBe(
      lines('FROM dotnet', 'USER root', 'RUN apt-get update', 'USER $APP_UID', 'CMD ["/app/run"]'),
    );
  });

  it('uses the number of an existing regular user when there is no APP_UID', () => {
    const dockerfile = lines('FROM base', 'USER 0', 'CMD ["/app/run"]');
    const input = facts({ user: '0', dockerfile });
    expect(applied(dockerfile, diffOf(input, 'NR002'))).toBe(
      lines('FROM base', 'USER 1654', 'CMD ["/app/run"]'),
    );
  });

  it('offers no $APP_UID where an ARG could shadow it or an ENV after the line sets it', () => {
    const shadowed = lines('FROM dotnet', 'ARG APP_UID', 'CMD ["/app/run"]');
    expect(
      diffOf(facts({ user: '', env: DOTNET, baseEnv: DOTNET, dockerfile: shadowed }), 'NR001'),
    ).toBeNull();
    const late = lines('FROM base', 'CMD ["/app/run"]', 'ENV APP_UID=1654');
    expect(diffOf(facts({ user: '', env: DOTNET, dockerfile: late }), 'NR001')).toBeNull();
    // Set before the line: fine.
    const early = lines('FROM base', 'ENV APP_UID=1654', 'CMD ["/app/run"]');
    expect(
      applied(early, diffOf(facts({ user: '', env: DOTNET, dockerfile: early }), 'NR001')),
    ).toBe(lines('FROM base', 'ENV APP_UID=1654', 'USER $APP_UID', 'CMD ["/app/run"]'));
  });

  it('adds the USER to the built stage (--target), not to the last one, past its blank lines', () => {
    const dockerfile = lines(
      'FROM base AS build',
      'USER 1654',
      'RUN make',
      '',
      'FROM base AS release',
      'COPY --from=build /out /app',
      '',
      '# tests',
      'FROM release AS test',
      'RUN make test',
    );
    const input = makeFacts({ user: '', dockerfile });
    // makeFacts builds the last stage; parse again for the release target.
    input.dockerfile = parseDockerfile(dockerfile, { path: 'Dockerfile', target: 'release' });
    expect(applied(dockerfile, diffOf(input, 'NR001'))).toBe(
      lines(
        'FROM base AS build',
        'USER 1654',
        'RUN make',
        '',
        'FROM base AS release',
        'COPY --from=build /out /app',
        'USER 1654',
        '',
        '# tests',
        'FROM release AS test',
        'RUN make test',
      ),
    );
  });

  it('adds to the final stage when the root USER is in the stage it is built FROM', () => {
    const dockerfile = lines('FROM base AS setup', 'USER root', 'FROM setup', 'CMD ["/app/run"]');
    const input = facts({ user: 'root', dockerfile });
    expect(applied(dockerfile, diffOf(input, 'NR002'))).toBe(
      lines('FROM base AS setup', 'USER root', 'FROM setup', 'USER 1654', 'CMD ["/app/run"]'),
    );
  });

  it('writes keywords in the case the file uses, and lines up with the neighbour', () => {
    const dockerfile = lines('from base', '  copy . /app', '  cmd ["/app/run"]');
    const input = facts({ user: '', dockerfile });
    expect(applied(dockerfile, diffOf(input, 'NR001'))).toBe(
      lines('from base', '  copy . /app', '  user 1654', '  cmd ["/app/run"]'),
    );
  });

  it('keeps CRLF line endings', () => {
    const dockerfile = 'FROM base\r\nCOPY . /app\r\nCMD ["/app/run"]\r\n';
    const input = facts({ user: '', dockerfile });
    expect(applied(dockerfile, diffOf(input, 'NR001'))).toBe(
      'FROM base\r\nCOPY . /app\r\nUSER 1654\r\nCMD ["/app/run"]\r\n',
    );
  });

  describe('creating a user when the image has none', () => {
    const dockerfile = lines('FROM busybox', 'COPY app /app/app', 'CMD ["/app/app"]');
    const created = lines(
      'FROM busybox',
      'COPY app /app/app',
      "RUN echo 'app:x:10001:10001::/home/app:/sbin/nologin' >> /etc/passwd \\",
      " && echo 'app:x:10001:' >> /etc/group \\",
      ' && mkdir -p /home/app && chown 10001:10001 /home/app',
      'USER 10001',
      'CMD ["/app/app"]',
    );
    const base = {
      user: '',
      dockerfile,
      passwd: BASE_PASSWD.join('\n'),
      group: BASE_GROUP.join('\n'),
    };

    it('with /bin/sh: writes the account lines and the home, then USER 10001', () => {
      expect(applied(dockerfile, diffOf(facts({ ...base, runtime: asRoot() }), 'NR001'))).toBe(
        created,
      );
    });

    it('after a USER root that stays (the RUN needs root)', () => {
      const withRoot = lines('FROM busybox', 'USER root', 'CMD ["/app/app"]');
      const input = facts({ ...base, user: 'root', dockerfile: withRoot, runtime: asRoot() });
      expect(applied(withRoot, diffOf(input, 'NR002'))).toContain(
        "USER root\nRUN echo 'app:x:10001:10001::/home/app:/sbin/nologin' >> /etc/passwd \\\n",
      );
    });

    it('with the escape character of the file', () => {
      const backtick = `# escape=\`\n${dockerfile}`;
      const input = facts({ ...base, dockerfile: backtick, runtime: asRoot() });
      expect(applied(backtick, diffOf(input, 'NR001'))).toContain(
        ">> /etc/passwd `\n && echo 'app:x:10001:' >> /etc/group `\n",
      );
    });

    it('without a shell: USER 10001:10001, which runs without a passwd entry and keeps group 0 away', () => {
      const input = facts({ ...base, runtime: asRoot([]) });
      expect(applied(dockerfile, diffOf(input, 'NR001'))).toBe(
        lines('FROM busybox', 'COPY app /app/app', 'USER 10001:10001', 'CMD ["/app/app"]'),
      );
    });

    it('by number alone when the name or group is taken, or RUN has another SHELL', () => {
      const taken = facts({
        ...base,
        group: [...BASE_GROUP, 'app:x:2000:'].join('\n'),
        runtime: asRoot(),
      });
      expect(applied(dockerfile, diffOf(taken, 'NR001'))).toContain('\nUSER 10001:10001\n');
      const shell = lines('FROM busybox', 'SHELL ["/bin/bash", "-c"]', 'CMD ["/app/app"]');
      const other = facts({ ...base, dockerfile: shell, runtime: asRoot() });
      expect(applied(shell, diffOf(other, 'NR001'))).toContain('\nUSER 10001:10001\n');
      const bash: Tools = [
        { kind: 'shell', name: 'bash', path: '/bin/bash', resolved: '/bin/bash' },
      ];
      expect(
        applied(dockerfile, diffOf(facts({ ...base, runtime: asRoot(bash) }), 'NR001')),
      ).toContain('\nUSER 10001:10001\n');
    });

    it('not at all without the probe: the image tools are unknown', () => {
      expect(diffOf(facts(base), 'NR001')).toBeNull();
    });
  });

  it('offers nothing when the Dockerfile USER is not the image user, or the path cannot be a diff header', () => {
    const dockerfile = lines('FROM base', 'USER 1000', 'CMD ["/app/run"]');
    expect(diffOf(facts({ user: '0', dockerfile }), 'NR002')).toBeNull();
    const input = facts({ user: '', dockerfile: lines('FROM base', 'CMD x') });
    input.dockerfile!.path = '../elsewhere/Dockerfile';
    expect(diffOf(input, 'NR001')).toBeNull();
    input.dockerfile!.path = '/abs/Dockerfile';
    expect(diffOf(input, 'NR001')).toBeNull();
    input.dockerfile!.path = 'a"b/Dockerfile';
    expect(diffOf(input, 'NR001')).toBeNull();
  });
});

describe('a named user as its number (NR003)', () => {
  it('USER app → USER 1654, keeping the layout of the line', () => {
    const dockerfile = lines('FROM base', 'USER   app', 'CMD ["/app/run"]');
    expect(applied(dockerfile, diffOf(facts({ user: 'app', dockerfile }), 'NR003'))).toBe(
      lines('FROM base', 'USER   1654', 'CMD ["/app/run"]'),
    );
  });

  it('USER app:app → USER $APP_UID:1654 when APP_UID is that uid', () => {
    const dockerfile = lines('FROM dotnet', 'USER app:app');
    const input = facts({ user: 'app:app', env: DOTNET, baseEnv: DOTNET, dockerfile });
    expect(applied(dockerfile, diffOf(input, 'NR003'))).toBe(
      lines('FROM dotnet', 'USER $APP_UID:1654'),
    );
  });

  it('in the stage the final one is built FROM', () => {
    const dockerfile = lines('FROM base AS app', 'USER app', 'FROM app', 'CMD ["/app/run"]');
    expect(applied(dockerfile, diffOf(facts({ user: 'app', dockerfile }), 'NR003'))).toBe(
      lines('FROM base AS app', 'USER 1654', 'FROM app', 'CMD ["/app/run"]'),
    );
  });

  it('not for a group the image lacks, nor when the uid belongs first to another name', () => {
    const dockerfile = lines('FROM base', 'USER app:ghosts');
    expect(diffOf(facts({ user: 'app:ghosts', dockerfile }), 'NR003')).toBeNull();
    const shared = lines('FROM base', 'USER app');
    const passwd = [
      'root:x:0:0::/root:/bin/sh',
      'web:x:1654:0::/:/bin/sh',
      'app:x:1654:1654::/:/bin/sh',
    ];
    expect(
      diffOf(facts({ user: 'app', dockerfile: shared, passwd: passwd.join('\n') }), 'NR003'),
    ).toBeNull();
  });

  it('not across a continuation line', () => {
    const dockerfile = lines('FROM base', 'USER \\', '  app');
    expect(diffOf(facts({ user: 'app', dockerfile }), 'NR003')).toBeNull();
  });
});

describe('port 80 → 8080 (NR050)', () => {
  const ports = (dockerfile: string, env: Record<string, string>, exposedPorts: string[] = []) => {
    const input = facts({ user: '1654', env, baseEnv: DOTNET, dockerfile, exposedPorts });
    return diffOf(input, 'NR050');
  };
  const withUser = (...text: string[]) => lines('FROM dotnet', ...text, 'USER 1654');

  it.each([
    ['EXPOSE 80', 'EXPOSE 8080'],
    ['EXPOSE 80/tcp 443', 'EXPOSE 8080/tcp 443'],
    ['EXPOSE 80 8080', 'EXPOSE 8080'],
  ])('%s → %s when the app listens on 8080', (before, after) => {
    const dockerfile = withUser(before);
    expect(applied(dockerfile, ports(dockerfile, DOTNET, ['80/tcp']))).toBe(withUser(after));
  });

  it('not for EXPOSE when nothing says the app listens on 8080, twice, or by a variable', () => {
    expect(ports(withUser('EXPOSE 80'), { ASPNETCORE_HTTP_PORTS: '5000' }, ['80/tcp'])).toBeNull();
    expect(ports(withUser('EXPOSE 80', 'EXPOSE 80'), DOTNET, ['80/tcp'])).toBeNull();
    expect(ports(withUser('ARG P=80', 'EXPOSE $P'), DOTNET, ['80/tcp'])).toBeNull();
  });

  it('ASPNETCORE_URLS=http://+:80 → ASPNETCORE_HTTP_PORTS=8080 on .NET 8+', () => {
    const dockerfile = withUser('ENV ASPNETCORE_URLS=http://+:80');
    const env = { ...DOTNET, ASPNETCORE_URLS: 'http://+:80' };
    expect(applied(dockerfile, ports(dockerfile, env))).toBe(
      withUser('ENV ASPNETCORE_HTTP_PORTS=8080'),
    );
    const legacy = withUser('ENV ASPNETCORE_URLS http://*:80');
    expect(applied(legacy, ports(legacy, { ...DOTNET, ASPNETCORE_URLS: 'http://*:80' }))).toBe(
      withUser('ENV ASPNETCORE_HTTP_PORTS=8080'),
    );
  });

  it('keeps ASPNETCORE_URLS and changes its port where ASPNETCORE_HTTP_PORTS may mean nothing', () => {
    // No .NET 8 base: ASPNETCORE_HTTP_PORTS is not read before .NET 8.
    const dockerfile = lines('FROM dotnet7', 'ENV ASPNETCORE_URLS="http://+:80" A=1', 'USER 1654');
    const input = facts({
      user: '1654',
      env: { ASPNETCORE_URLS: 'http://+:80', A: '1' },
      dockerfile,
    });
    expect(applied(dockerfile, diffOf(input, 'NR050'))).toBe(
      lines('FROM dotnet7', 'ENV ASPNETCORE_URLS="http://+:8080" A=1', 'USER 1654'),
    );
  });

  it.each([
    [
      'ENV ASPNETCORE_HTTP_PORTS=80',
      { ASPNETCORE_HTTP_PORTS: '80' },
      'ENV ASPNETCORE_HTTP_PORTS=8080',
    ],
    [
      'ENV ASPNETCORE_HTTP_PORTS=80;8081',
      { ASPNETCORE_HTTP_PORTS: '80;8081' },
      'ENV ASPNETCORE_HTTP_PORTS=8080;8081',
    ],
    ['ENV A=1 PORT=80', { A: '1', PORT: '80' }, 'ENV A=1 PORT=8080'],
    ["ENV PORT='80'", { PORT: '80' }, "ENV PORT='8080'"],
    ['ENV PORT 80', { PORT: '80' }, 'ENV PORT 8080'],
  ])('%s → %s', (before, env, after) => {
    const dockerfile = withUser(before);
    expect(applied(dockerfile, ports(dockerfile, { ...DOTNET, ...env }))).toBe(withUser(after));
  });

  it.each([
    ['ENV ASPNETCORE_HTTPS_PORTS=443', { ASPNETCORE_HTTPS_PORTS: '443' }],
    ['ENV ASPNETCORE_URLS=http://localhost:80', { ASPNETCORE_URLS: 'http://localhost:80' }],
    ['ENV PORT=$P', { PORT: '80' }],
    ['ENV PORT=21', { PORT: '21' }],
  ])('no diff for %s', (before, env) => {
    expect(ports(withUser(before), { ...DOTNET, ...env })).toBeNull();
  });
});

describe('undoing what made a path writable (NR020-NR022)', () => {
  const runtime = probeOutput();
  const chmodSource = (line: number, what: string): PermissionSource => ({
    location: { file: 'Dockerfile', line },
    what,
    kind: 'chmod',
  });
  const notOwned = { uid: 0, mode: 0o777 };
  const diffFor = (dockerfile: string, source: PermissionSource, entry = notOwned) =>
    permissionDiff(facts({ user: '1654', dockerfile, runtime }), source, ['/app'], entry);

  it.each<[string, string[], string[]]>([
    ['the only command: the RUN goes', ['RUN chmod 777 /app'], []],
    ['exec form', ['RUN ["chmod", "777", "/app"]'], []],
    ['the first of two', ['RUN chmod 777 /app && make'], ['RUN make']],
    ['the last of two', ['RUN make && chmod 777 /app'], ['RUN make']],
    ['in the middle', ['RUN a && chmod 777 /app && b'], ['RUN a && b']],
    [
      'the last, on its own continuation line',
      ['RUN mkdir -p /app \\', ' && chmod 777 /app'],
      ['RUN mkdir -p /app'],
    ],
    [
      'in the middle, on continuation lines',
      ['RUN a \\', '    && chmod 777 /app \\', '    && b'],
      ['RUN a \\', '    && b'],
    ],
    [
      'the first, with the next on a continuation line',
      ['RUN chmod 777 /app \\', ' && b "x y"'],
      ['RUN b "x y"'],
    ],
    ['with quoted operands', ['RUN echo \'a && b\' && chmod 777 "/app"'], ["RUN echo 'a && b'"]],
  ])('%s', (_name, run, after) => {
    const dockerfile = lines('FROM base', ...run, 'USER 1654');
    expect(applied(dockerfile, diffFor(dockerfile, chmodSource(2, 'RUN chmod 777')))).toBe(
      lines('FROM base', ...after, 'USER 1654'),
    );
  });

  it.each([
    ['a list with ;', 'RUN make; chmod 777 /app'],
    ['an ||', 'RUN make || chmod 777 /app'],
    ['a pipe', 'RUN yes | chmod 777 /app'],
    ['command substitution', 'RUN chmod 777 /app && echo $(id)'],
    ['more paths than the one', 'RUN chmod 777 /app /data'],
    ['a comment', 'RUN chmod 777 /app # open'],
    ['flags', 'RUN --network=none chmod 777 /app'],
    ['a here-document', 'RUN <<EOF\nchmod 777 /app\nEOF'],
    ['the same command twice', 'RUN chmod 777 /app && chmod 777 /app'],
  ])('not with %s', (_name, run) => {
    const dockerfile = lines('FROM base', run, 'USER 1654');
    expect(diffFor(dockerfile, chmodSource(2, 'RUN chmod 777'))).toBeNull();
  });

  it('removes chown -R from a RUN when the user owns the path and no write bit is shared', () => {
    const dockerfile = lines('FROM base', 'RUN make && chown -R app:app /app', 'USER 1654');
    const source: PermissionSource = {
      location: { file: 'Dockerfile', line: 2 },
      what: 'RUN chown -R app:app',
      kind: 'chown',
    };
    const owned = { uid: 1654, mode: 0o755 };
    expect(applied(dockerfile, diffFor(dockerfile, source, owned))).toBe(
      lines('FROM base', 'RUN make', 'USER 1654'),
    );
    // Group- or world-writable too: removing the chown would not be enough.
    expect(diffFor(dockerfile, source, { uid: 1654, mode: 0o775 })).toBeNull();
    // Not owned by the user: the chown is not why it is writable.
    expect(diffFor(dockerfile, source, notOwned)).toBeNull();
    // A chmod does not explain a path the user owns.
    expect(diffFor(dockerfile, chmodSource(2, 'RUN chmod 777'), owned)).toBeNull();
  });

  it('drops --chown from a COPY, not with --chmod beside it', () => {
    const dockerfile = lines(
      'FROM base',
      'COPY --from=build --chown=app:app /out /app',
      'USER 1654',
    );
    const source: PermissionSource = {
      location: { file: 'Dockerfile', line: 2 },
      what: 'COPY --chown=app:app',
      kind: 'copy-chown',
    };
    const owned = { uid: 1654, mode: 0o755 };
    expect(applied(dockerfile, diffFor(dockerfile, source, owned))).toBe(
      lines('FROM base', 'COPY --from=build /out /app', 'USER 1654'),
    );
    const both = lines('FROM base', 'COPY --chown=app --chmod=777 x /app', 'USER 1654');
    expect(diffFor(both, source, owned)).toBeNull();
    expect(diffFor(both, { ...source, kind: 'copy-chmod', what: 'COPY --chmod=777' })).toBeNull();
  });

  it('NR020 through the rule: the diff is on the finding', () => {
    const dockerfile = lines('FROM base', 'WORKDIR /app', 'RUN chmod 777 /app', 'USER 1654');
    const base = probeOutput();
    const writable = probeOutput({
      paths: base.paths.map((entry) =>
        entry.path === '/app' ? { ...entry, mode: 0o777, writable: true } : entry,
      ),
    });
    const input = facts({ user: '1654', dockerfile, runtime: writable });
    expect(applied(dockerfile, diffOf(input, 'NR020'))).toBe(
      lines('FROM base', 'WORKDIR /app', 'USER 1654'),
    );
  });

  it('NR022 only when one line made every listed directory writable', () => {
    const dockerfile = lines(
      'FROM base',
      'RUN mkdir /data /cache && chmod 777 /data && chmod 777 /cache',
      'USER 1654',
    );
    const dirs = (items: string[]) =>
      probeOutput({ writableDirs: { items, count: items.length, truncated: false } });
    const one = facts({ user: '1654', dockerfile, runtime: dirs(['/data', '/tmp']) });
    expect(applied(dockerfile, diffOf(one, 'NR022'))).toBe(
      lines('FROM base', 'RUN mkdir /data /cache && chmod 777 /cache', 'USER 1654'),
    );
    const two = facts({ user: '1654', dockerfile, runtime: dirs(['/data', '/cache']) });
    expect(diffOf(two, 'NR022')).toBeNull();
  });
});

describe('clearing setuid/setgid bits (NR030)', () => {
  const setid = (paths: string[], tools: Tools = SHELL) =>
    probeOutput({
      tools,
      setid: {
        items: paths.map((path) => ({ path, mode: 0o104755, uid: 0, gid: 0 })),
        count: paths.length,
        truncated: false,
      },
    });
  const nr030 = (dockerfile: string, user: string, runtime: ProbeOutput) =>
    diffOf(facts({ user, dockerfile, runtime }), 'NR030');

  it('switches to root right before the final USER, which switches back', () => {
    const dockerfile = lines('FROM base', 'RUN make', 'USER 1654', 'CMD ["/app/run"]');
    expect(applied(dockerfile, nr030(dockerfile, '1654', setid(['/bin/x', '/opt/a b'])))).toBe(
      lines(
        'FROM base',
        'RUN make',
        'USER 0',
        "RUN chmod u-s,g-s /bin/x '/opt/a b'",
        'USER 1654',
        'CMD ["/app/run"]',
      ),
    );
  });

  it('needs no USER 0 after an earlier USER root', () => {
    const dockerfile = lines('FROM base', 'USER root', 'RUN make', 'USER 1654');
    expect(applied(dockerfile, nr030(dockerfile, '1654', setid(['/bin/x'])))).toBe(
      lines('FROM base', 'USER root', 'RUN make', 'RUN chmod u-s,g-s /bin/x', 'USER 1654'),
    );
  });

  it('after the last build step, switching back to the image user, when the USER comes earlier', () => {
    const dockerfile = lines('FROM base', 'USER 1654', 'RUN make', 'CMD ["/app/run"]');
    expect(applied(dockerfile, nr030(dockerfile, '1654', setid(['/bin/x'])))).toBe(
      lines(
        'FROM base',
        'USER 1654',
        'RUN make',
        'USER 0',
        'RUN chmod u-s,g-s /bin/x',
        'USER 1654',
        'CMD ["/app/run"]',
      ),
    );
  });

  it('as root already: just the RUN', () => {
    const dockerfile = lines('FROM base', 'RUN make', 'CMD ["/app/run"]');
    expect(applied(dockerfile, nr030(dockerfile, '', setid(['/bin/x'])))).toBe(
      lines('FROM base', 'RUN make', 'RUN chmod u-s,g-s /bin/x', 'CMD ["/app/run"]'),
    );
  });

  it('not without /bin/sh, with another SHELL, or for names that cannot be given', () => {
    const dockerfile = lines('FROM base', 'USER 1654');
    expect(nr030(dockerfile, '1654', setid(['/bin/x'], []))).toBeNull();
    const shell = lines('FROM base', 'SHELL ["/bin/bash", "-c"]', 'USER 1654');
    expect(nr030(shell, '1654', setid(['/bin/x']))).toBeNull();
    expect(nr030(dockerfile, '1654', setid(['/bin/new\nline']))).toBeNull();
    expect(nr030(dockerfile, '1654', setid(['/bin/bad\uFFFDbyte']))).toBeNull();
    // More than the 32 one RUN line names (a Debian base's 11 are named: probe-rules.test.ts).
    const many = Array.from({ length: 33 }, (_, i) => `/bin/x${i}`);
    expect(nr030(dockerfile, '1654', setid(many))).toBeNull();
    expect(nr030(dockerfile, '1654', setid(many.slice(0, 32)))).not.toBeNull();
  });

  it('rootRunDiff needs the probe', () => {
    const input = facts({ user: '1654', dockerfile: lines('FROM base', 'USER 1654') });
    expect(rootRunDiff(input, 'chmod u-s,g-s /bin/x')).toBeNull();
  });
});
