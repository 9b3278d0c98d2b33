import { describe, expect, it } from 'vitest';
import { parseDockerfile, type ParseOptions } from '../../src/dockerfile/index.js';
import type { PermissionChange } from '../../src/dockerfile/types.js';
import { CheckError } from '../../src/shared/errors.js';

const PATH = 'app/Dockerfile';

/** One array entry per line, so a test's line numbers can be read off its source. */
function parse(lines: string[], options: Partial<ParseOptions> = {}) {
  return parseDockerfile(lines.join('\n'), { path: PATH, ...options });
}

function chown(spec: string, paths: string[], recursive = false): PermissionChange {
  return { program: 'chown', recursive, spec, paths };
}

function chmod(spec: string, paths: string[], recursive = false): PermissionChange {
  return { program: 'chmod', recursive, spec, paths };
}

describe('COPY and ADD', () => {
  const none = { keyword: 'COPY', chown: null, chmod: null, from: null };
  it.each<[string, string[], Partial<ParseOptions>, object]>([
    [
      '--chown',
      ['FROM alpine', 'COPY --chown=app:app . /app'],
      {},
      {
        keyword: 'COPY',
        chown: 'app:app',
        chmod: null,
        from: null,
        sources: ['.'],
        destination: '/app',
      },
    ],
    [
      '--chown from base image ENV',
      ['FROM dotnet', 'COPY --chown=$APP_UID:$APP_UID bin/ /app/'],
      { baseEnv: { APP_UID: '1654' } },
      { ...none, chown: '1654:1654', sources: ['bin/'], destination: '/app/' },
    ],
    [
      'ADD --chmod',
      ['FROM alpine', 'ARG MODE=0755', 'ADD --chmod=$MODE https://x.test/tool /usr/local/bin/tool'],
      {},
      {
        ...none,
        keyword: 'ADD',
        chmod: '0755',
        sources: ['https://x.test/tool'],
        destination: '/usr/local/bin/tool',
      },
    ],
    [
      'JSON form keeps spaces',
      ['FROM alpine', 'ENV D=/dst', 'COPY ["a b", "$D/c", "/dst/"]'],
      {},
      { ...none, sources: ['a b', '/dst/c'], destination: '/dst/' },
    ],
    [
      '--from a stage',
      ['FROM golang AS build', 'FROM alpine', 'COPY --from=build /out /app'],
      {},
      { ...none, from: 'build', sources: ['/out'], destination: '/app' },
    ],
    [
      'several sources, other flags ignored, continuation',
      ['FROM alpine', 'COPY --link --chmod=644 \\', '    a b \\', '    /etc/'],
      {},
      { ...none, chmod: '644', sources: ['a', 'b'], destination: '/etc/' },
    ],
    [
      'a here-document is not a source',
      ['FROM alpine', 'COPY <<EOF /etc/motd', 'hello', 'EOF'],
      {},
      { ...none, sources: [], destination: '/etc/motd' },
    ],
    [
      'substituted sources and destination, quotes removed',
      ['FROM alpine', 'ARG SRC=dist', 'WORKDIR /w', 'COPY "$SRC" ${DEST:-/srv}'],
      {},
      { ...none, sources: ['dist'], destination: '/srv' },
    ],
  ])('%s', (_, lines, options, expected) => {
    const copies = parse(lines, options).finalStage.copies;
    expect(copies).toEqual([
      { line: lines.findIndex((l) => /^(COPY|ADD)/.test(l)) + 1, ...expected },
    ]);
  });

  it('records every COPY and ADD of each stage, in order', () => {
    const facts = parse([
      'FROM golang AS build', // 1
      'COPY go.mod ./', //       2
      'FROM alpine', //          3
      'ADD a.tgz /', //          4
      'copy b /b', //            5
    ]);
    expect(facts.stages.map((s) => s.copies.map((c) => [c.line, c.keyword]))).toEqual([
      [[2, 'COPY']],
      [
        [4, 'ADD'],
        [5, 'COPY'],
      ],
    ]);
  });

  it.each<[string, string[], RegExp]>([
    ['one argument', ['FROM a', 'COPY onlyone'], /line 2: COPY needs at least one source/],
    ['flag without a value', ['FROM a', 'COPY --chown a b'], /line 2: --chown needs a value/],
    ['non-string JSON', ['FROM a', 'ADD ["a", 1]'], /line 2: when using JSON array syntax/],
  ])('rejects %s', (_, lines, message) => {
    expect(() => parse(lines)).toThrow(CheckError);
    expect(() => parse(lines)).toThrow(message);
  });
});

describe('RUN', () => {
  it.each<[string, string[], string, PermissionChange[]]>([
    [
      'chown -R and chmod joined by &&',
      ['RUN chown -R app /app && chmod 777 /data'],
      'chown -R app /app && chmod 777 /data',
      [chown('app', ['/app'], true), chmod('777', ['/data'])],
    ],
    [
      'setuid',
      ['RUN chmod u+s /usr/bin/x'],
      'chmod u+s /usr/bin/x',
      [chmod('u+s', ['/usr/bin/x'])],
    ],
    [
      'set -eux; then --recursive with two paths',
      ['RUN set -eux; chown --recursive 1654:1654 /app /home/app'],
      'set -eux; chown --recursive 1654:1654 /app /home/app',
      [chown('1654:1654', ['/app', '/home/app'], true)],
    ],
    ['exec form', ['RUN ["chmod","4755","/x"]'], 'chmod 4755 /x', [chmod('4755', ['/x'])]],
    ['no chown or chmod', ['RUN apk add --no-cache curl'], 'apk add --no-cache curl', []],
    [
      '&& inside quotes does not split',
      ['RUN echo "chmod 777 / && chown root /" && chmod 755 /app'],
      'echo "chmod 777 / && chown root /" && chmod 755 /app',
      [chmod('755', ['/app'])],
    ],
    [
      'sudo, full path, flags, redirection and pipes',
      ['RUN sudo -u root /bin/chown -hv --from=root app:app /srv 2>/dev/null | tee log || true'],
      'sudo -u root /bin/chown -hv --from=root app:app /srv 2>/dev/null | tee log || true',
      [chown('app:app', ['/srv'])],
    ],
    [
      'variables and globs stay as written, quotes are removed',
      ['RUN chown "$APP_USER:$APP_USER" \'/my dir\' /app/* ${HOME}'],
      'chown "$APP_USER:$APP_USER" \'/my dir\' /app/* ${HOME}',
      [chown('$APP_USER:$APP_USER', ['/my dir', '/app/*', '${HOME}'])],
    ],
    [
      'command substitution is skipped',
      ['RUN chown $(id -u):`id -g` /app; chmod -R a+w /tmp/x'],
      'chown $(id -u):`id -g` /app; chmod -R a+w /tmp/x',
      [chmod('a+w', ['/tmp/x'], true)],
    ],
    [
      'sh -c is followed',
      ["RUN /bin/sh -ec 'chmod g=u /etc/passwd'"],
      "/bin/sh -ec 'chmod g=u /etc/passwd'",
      [chmod('g=u', ['/etc/passwd'])],
    ],
    [
      'RUN <<EOF runs the body as the script',
      ['RUN <<EOF', 'set -e', 'chown -R app /app', 'EOF'],
      '<<EOF\nset -e\nchown -R app /app\nEOF',
      [chown('app', ['/app'], true)],
    ],
    [
      'a here-document fed to a command is data',
      ['RUN cat <<EOF > /etc/x && chmod 600 /etc/x', 'chmod 777 /', 'EOF'],
      'cat <<EOF > /etc/x && chmod 600 /etc/x\nchmod 777 /\nEOF',
      [chmod('600', ['/etc/x'])],
    ],
  ])('%s', (_, runLines, command, permissionChanges) => {
    const [run] = parse(['FROM alpine', ...runLines]).finalStage.runs;
    expect(run).toEqual({ line: 2, endLine: 1 + runLines.length, command, permissionChanges });
  });

  it('a multi-line RUN: continuations joined, comment lines dropped, endLine is the last line', () => {
    const lines = [
      'FROM alpine', //                                       1
      'RUN --mount=type=cache,target=/var/cache/apk \\', //   2
      '    apk add curl && \\', //                            3
      '    # give the app its files', //                      4
      '    chown -R app:app /app \\', //                      5
      '', //                                                  6
      '      /data', //                                       7
      'USER app', //                                          8
    ];
    expect(parse(lines).finalStage.runs).toEqual([
      {
        line: 2,
        endLine: 7,
        command: 'apk add curl &&     chown -R app:app /app       /data',
        permissionChanges: [chown('app:app', ['/app', '/data'], true)],
      },
    ]);
  });

  it('the escape directive changes the continuation character', () => {
    const lines = ['# escape=`', 'FROM windows', 'RUN icacls C:\\app `', '    /grant Users:F'];
    expect(parse(lines).finalStage.runs).toEqual([
      { line: 3, endLine: 4, command: 'icacls C:\\app     /grant Users:F', permissionChanges: [] },
    ]);
  });

  it.each([
    'chown',
    'chown app',
    'chmod --reference=/a /b',
    'chown --unknown app /a',
    'chmod 755 "unterminated',
    'chown app /a $(',
    'echo ${',
    "sh -c 'chown app /a",
    'sudo',
    'sudo -u',
    ')) ;; && || | &',
    'chmod -R',
    'if [ -d /a ]; then chown app /a; fi',
  ])('never throws on odd shell: %j', (script) => {
    expect(() => parse(['FROM alpine', `RUN ${script}`])).not.toThrow();
  });

  it('reads commands after shell keywords', () => {
    const [run] = parse(['FROM a', 'RUN if [ -d /a ]; then chown app /a; else chmod -w /b; fi'])
      .finalStage.runs;
    expect(run!.permissionChanges).toEqual([chown('app', ['/a']), chmod('-w', ['/b'])]);
  });
});

describe('WORKDIR', () => {
  it('resolves relative paths against the previous WORKDIR, after substitution', () => {
    const facts = parse([
      'FROM alpine', //            1
      'WORKDIR app', //            2
      'ENV SUB=src', //            3
      'WORKDIR $SUB/', //          4
      'WORKDIR ../lib', //         5
      'WORKDIR /opt/x/', //        6
      'WORKDIR "with space"', //   7
    ]);
    expect(facts.finalStage.workdirs).toEqual([
      { line: 2, path: '/app' },
      { line: 4, path: '/app/src' },
      { line: 5, path: '/app/lib' },
      { line: 6, path: '/opt/x/' },
      { line: 7, path: '/opt/x/with space' },
    ]);
    expect(facts.finalWorkdir).toBe('/opt/x/with space');
  });

  it('a stage FROM an earlier stage continues from its WORKDIR; an image stage starts at /', () => {
    const facts = parse([
      'FROM alpine AS base', // 1
      'WORKDIR /srv', //        2
      'FROM base AS app', //    3
      'WORKDIR app', //         4
      'FROM alpine', //         5
      'WORKDIR app', //         6
    ]);
    expect(facts.stages.map((s) => s.workdirs)).toEqual([
      [{ line: 2, path: '/srv' }],
      [{ line: 4, path: '/srv/app' }],
      [{ line: 6, path: '/app' }],
    ]);
    expect(facts.finalWorkdir).toBe('/app');
    expect(parse(['FROM alpine AS base', 'WORKDIR /srv', 'FROM base'], {}).finalWorkdir).toBe(
      '/srv',
    );
    expect(
      parse(['FROM alpine AS base', 'WORKDIR /srv', 'FROM base'], { target: 'base' }),
    ).toMatchObject({ finalWorkdir: '/srv' });
  });

  it("finalWorkdir is '' when the chain sets none", () => {
    expect(parse(['FROM golang AS build', 'WORKDIR /src', 'FROM alpine']).finalWorkdir).toBe('');
  });

  it('WORKDIR without a path is rejected', () => {
    expect(() => parse(['FROM a', 'WORKDIR'])).toThrow(/line 2: WORKDIR needs a path/);
  });
});

describe('ENTRYPOINT and CMD', () => {
  it.each<[string, string, { exec: string[] | null; shell: string | null }]>([
    ['CMD', 'CMD ["dotnet", "app.dll"]', { exec: ['dotnet', 'app.dll'], shell: null }],
    ['CMD', 'CMD []', { exec: [], shell: null }],
    [
      'CMD',
      'CMD node  server.js --port $PORT  ',
      { exec: null, shell: 'node  server.js --port $PORT' },
    ],
    ['CMD', 'CMD [not json', { exec: null, shell: '[not json' }],
    ['ENTRYPOINT', 'ENTRYPOINT ["/tini", "--"]', { exec: ['/tini', '--'], shell: null }],
    [
      'ENTRYPOINT',
      'ENTRYPOINT exec java \\\n  -jar /app.jar',
      { exec: null, shell: 'exec java   -jar /app.jar' },
    ],
  ])('%s: %j', (key, line, form) => {
    const stage = parse(['FROM alpine', line]).finalStage;
    expect(stage[key === 'CMD' ? 'cmd' : 'entrypoint']).toEqual({ line: 2, ...form });
    expect(stage[key === 'CMD' ? 'entrypoint' : 'cmd']).toBeNull();
  });

  it('the last one of the stage wins; none gives null', () => {
    const facts = parse([
      'FROM alpine AS a', //      1
      'CMD ["a"]', //             2
      'ENTRYPOINT ["x"]', //      3
      'CMD b', //                 4
      'FROM a', //                5
    ]);
    expect(facts.stages[0]).toMatchObject({
      cmd: { line: 4, exec: null, shell: 'b' },
      entrypoint: { line: 3, exec: ['x'], shell: null },
    });
    expect(facts.finalStage).toMatchObject({ cmd: null, entrypoint: null });
  });
});
