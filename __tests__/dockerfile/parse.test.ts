import { describe, expect, it } from 'vitest';
import { parseDockerfile, type ParseOptions } from '../../src/dockerfile/index.js';
import { CheckError } from '../../src/shared/errors.js';

const PATH = 'app/Dockerfile';

/** One array entry per line, so a test's line numbers can be read off its source. */
function parse(lines: string[], options: Partial<ParseOptions> = {}) {
  return parseDockerfile(lines.join('\n'), { path: PATH, ...options });
}

function parseError(lines: string[], options: Partial<ParseOptions> = {}): CheckError {
  try {
    parse(lines, options);
  } catch (error) {
    if (error instanceof CheckError) return error;
    throw error;
  }
  throw new Error('expected a CheckError');
}

describe('USER values after substitution', () => {
  it.each<[string, string[], Partial<ParseOptions>, string, string[]]>([
    [
      'base image ENV',
      ['FROM dotnet', 'USER $APP_UID'],
      { baseEnv: { APP_UID: '1654' } },
      '1654',
      [],
    ],
    ['unknown variable', ['FROM dotnet', 'USER $APP_UID'], {}, '', ['APP_UID']],
    [
      'default unused',
      ['FROM dotnet', 'USER ${APP_UID:-1000}'],
      { baseEnv: { APP_UID: '1654' } },
      '1654',
      [],
    ],
    ['default used', ['FROM dotnet', 'USER ${APP_UID:-1000}'], {}, '1000', []],
    ['ARG default', ['FROM alpine', 'ARG UID=1000', 'USER $UID'], {}, '1000', []],
    [
      // Two ARGs, as Docker 20.10's builder and BuildKit read it (not ARG UID with default "GID").
      'ARG of two names',
      ['FROM alpine', 'ARG UID GID', 'USER $UID:$GID'],
      { buildArgs: { UID: '1654', GID: '1655' } },
      '1654:1655',
      [],
    ],
    [
      'ARG of names and defaults',
      ['FROM alpine', 'ARG UID GID=1655', 'USER $UID:$GID'],
      { buildArgs: { UID: '1654' } },
      '1654:1655',
      [],
    ],
    [
      'build arg overrides ARG default',
      ['FROM alpine', 'ARG UID=1000', 'USER $UID'],
      { buildArgs: { UID: '2000' } },
      '2000',
      [],
    ],
    [
      'build arg without ARG is ignored',
      ['FROM alpine', 'USER $UID'],
      { buildArgs: { UID: '2000' } },
      '',
      ['UID'],
    ],
    [
      'global ARG is not visible in a stage',
      ['ARG UID=1000', 'FROM alpine', 'USER $UID'],
      {},
      '',
      ['UID'],
    ],
    [
      'global ARG redeclared in the stage',
      ['ARG UID=1000', 'FROM alpine', 'ARG UID', 'USER $UID'],
      {},
      '1000',
      [],
    ],
    [
      'redeclared global takes the build arg',
      ['ARG UID=1000', 'FROM alpine', 'ARG UID', 'USER $UID'],
      { buildArgs: { UID: '7' } },
      '7',
      [],
    ],
    [
      'ENV wins over an earlier ARG',
      ['FROM alpine', 'ARG UID=1', 'ENV UID=2', 'USER $UID'],
      {},
      '2',
      [],
    ],
    // BuildKit puts ARG values in the same environment, so the later one wins (dispatchArg → AddEnv).
    [
      'an ARG with a value shadows an earlier ENV',
      ['FROM alpine', 'ENV UID=2', 'ARG UID=1', 'USER $UID'],
      {},
      '1',
      [],
    ],
    [
      'an ARG without a value does not',
      ['FROM alpine', 'ENV UID=2', 'ARG UID', 'USER $UID'],
      {},
      '2',
      [],
    ],
    ['escaped dollar', ['FROM alpine', 'USER \\$UID'], {}, '$UID', []],
    ['quotes are removed', ['FROM alpine', 'USER "app:app"'], {}, 'app:app', []],
    [
      'escape directive backtick',
      ['# escape=`', 'FROM alpine', 'ENV U=app', 'USER `$U:$U'],
      {},
      '$U:app',
      [],
    ],
  ])('%s', (_, lines, options, value, unresolved) => {
    const user = parse(lines, options).effectiveUser;
    expect(user).toMatchObject({
      line: lines.length,
      raw: lines.at(-1)!.slice(5),
      value,
      unresolved,
    });
  });

  it('ENV is in scope only after its instruction', () => {
    const facts = parse(['FROM alpine', 'USER $UID', 'ENV UID=2']);
    expect(facts.effectiveUser).toMatchObject({ line: 2, value: '', unresolved: ['UID'] });
  });
});

describe('stages and the FROM chain', () => {
  const multiStage = [
    'FROM golang:1.22 AS Build', // 1
    'USER builder', //              2
    'FROM scratch', //              3
    'COPY --from=build /app /app', // 4
  ];

  it('a global ARG sets the base image, and a build arg overrides it', () => {
    const lines = ['ARG BASE=alpine:3.20', 'FROM $BASE'];
    expect(parse(lines).rootBase).toBe('alpine:3.20');
    expect(parse(lines, { buildArgs: { BASE: 'debian' } }).rootBase).toBe('debian');
  });

  it('ENV flows through FROM <stage>, after the base image ENV', () => {
    const facts = parse(
      [
        'FROM alpine AS build',
        'ENV APP_USER=app PATH=/app/bin',
        'FROM build AS final',
        'USER $APP_USER',
      ],
      { baseEnv: { PATH: '/usr/bin', HOME: '/root' } },
    );
    expect(facts.chain.map((s) => s.name)).toEqual(['build', 'final']);
    expect(facts.effectiveUser?.value).toBe('app');
    expect(facts.env).toEqual({ PATH: '/app/bin', HOME: '/root', APP_USER: 'app' });
  });

  it('ARGs flow to a child stage too (BuildKit)', () => {
    const facts = parse(['FROM alpine AS base', 'ARG UID=1000', 'FROM base', 'USER $UID']);
    expect(facts.effectiveUser?.value).toBe('1000');
    expect(facts.env).toEqual({});
  });

  it('an unrelated stage does not see the ENV of another', () => {
    const facts = parse(['FROM alpine AS a', 'ENV U=app', 'FROM alpine', 'USER $U']);
    expect(facts.effectiveUser).toMatchObject({ value: '', unresolved: ['U'] });
  });

  it('base ENV applies to stages on the root image only', () => {
    const facts = parse(['FROM golang AS build', 'USER $APP_UID', 'FROM dotnet', 'USER $APP_UID'], {
      baseEnv: { APP_UID: '1654' },
    });
    expect(facts.stages.map((s) => s.users[0]?.value)).toEqual(['', '1654']);
  });

  it('a USER in a builder stage does not reach a FROM scratch final stage', () => {
    const facts = parse(multiStage);
    expect(facts.finalStage.index).toBe(1);
    expect(facts.chain).toEqual([facts.finalStage]);
    expect(facts.rootBase).toBe('scratch');
    expect(facts.effectiveUser).toBeNull();
  });

  it('a final stage FROM a stage with USER gets that line', () => {
    const facts = parse(['FROM alpine AS base', 'USER 10001', 'FROM base', 'COPY app /app']);
    expect(facts.effectiveUser).toMatchObject({ line: 2, value: '10001' });
    expect(facts.rootBase).toBe('alpine');
  });

  it('the last USER along the chain wins', () => {
    const facts = parse([
      'FROM alpine AS base',
      'USER 10001',
      'FROM base',
      'USER root',
      'USER app',
    ]);
    expect(facts.effectiveUser).toMatchObject({ line: 5, value: 'app' });
  });

  it.each([
    ['build', 0, 'builder'],
    ['BUILD', 0, 'builder'],
    [undefined, 1, null],
  ])('target %s selects stage %i', (target, index, user) => {
    const facts = parse(multiStage, { target });
    expect(facts.finalStage.index).toBe(index);
    expect(facts.effectiveUser?.value ?? null).toBe(user);
  });

  it('records names lower-cased, bases, lines and platforms', () => {
    const facts = parse([
      'ARG ARCH=arm64', //                                  1
      'FROM --platform=$BUILDPLATFORM golang AS Build', //  2
      'RUN go build', //                                    3
      '', //                                                4
      'FROM --platform=linux/$ARCH build AS app', //        5
      'FROM app AS app', //                                 6  (a stage cannot be its own base)
    ]);
    expect(
      facts.stages.map(({ name, base, baseStage, line, endLine, platform }) => ({
        name,
        base,
        baseStage,
        line,
        endLine,
        platform,
      })),
    ).toEqual([
      // BUILDPLATFORM comes from the builder, so the flag stays as written.
      {
        name: 'build',
        base: 'golang',
        baseStage: null,
        line: 2,
        endLine: 4,
        platform: '$BUILDPLATFORM',
      },
      { name: 'app', base: 'build', baseStage: 0, line: 5, endLine: 5, platform: 'linux/arm64' },
      { name: 'app', base: 'app', baseStage: 1, line: 6, endLine: 6, platform: null },
    ]);
  });

  it('a later stage name is an image to FROM lines before it', () => {
    const facts = parse(['FROM app', 'FROM alpine AS app']);
    expect(facts.stages[0]).toMatchObject({ base: 'app', baseStage: null });
  });
});

describe('ENV, ARG and EXPOSE facts', () => {
  it('ENV values in one instruction all see the environment from before it', () => {
    const facts = parse(['FROM alpine', 'ENV a=1 b=$a', 'ENV c=$a'], { baseEnv: { a: '0' } });
    expect(facts.finalStage.envs).toEqual([
      { line: 2, name: 'a', value: '1' },
      { line: 2, name: 'b', value: '0' },
      { line: 3, name: 'c', value: '1' },
    ]);
  });

  it.each([
    ['ENV A="x y"', 'x y'],
    ["ENV A='$HOME'", '$HOME'],
    ['ENV A=a\\ b', 'a b'],
    ['ENV A some "quoted" words', 'some quoted words'], // legacy form: the rest of the line
    ['ENV A=${HOME:-/root}/bin', '/root/bin'],
  ])('%s → %j', (line, value) => {
    expect(parse(['FROM alpine', line]).env).toEqual({ A: value });
  });

  it.each<[string, string[], Record<string, string>, object[]]>([
    ['default', ['ARG A=1'], {}, [{ name: 'A', defaultValue: '1', value: '1' }]],
    ['no default', ['ARG A'], {}, [{ name: 'A', defaultValue: null, value: null }]],
    ['build arg', ['ARG A=1'], { A: '2' }, [{ name: 'A', defaultValue: '1', value: '2' }]],
    ['empty default', ['ARG A='], {}, [{ name: 'A', defaultValue: '', value: '' }]],
    // Unlike ENV, names in one ARG are evaluated one after another.
    [
      'several in one ARG',
      ['ARG A=1 B=$A'],
      {},
      [
        { name: 'A', value: '1' },
        { name: 'B', defaultValue: '1', value: '1' },
      ],
    ],
    ['redeclared global', ['ARG G'], {}, [{ name: 'G', defaultValue: null, value: 'g' }]],
  ])('ARG: %s', (_, stageLines, buildArgs, args) => {
    const facts = parse(['ARG G=g', 'FROM alpine', ...stageLines], { buildArgs });
    expect(facts.finalStage.args).toMatchObject(args);
  });

  it('EXPOSE ports are substituted and normalised to port/protocol', () => {
    const facts = parse([
      'FROM alpine',
      'ENV PORTS="8080 9090/UDP"',
      'EXPOSE 80 53/UDP 8000-8010 $PORTS',
    ]);
    expect(facts.finalStage.exposes).toEqual([
      {
        line: 3,
        raw: '80 53/UDP 8000-8010 $PORTS',
        ports: ['80/tcp', '53/udp', '8000-8010/tcp', '8080/tcp', '9090/udp'],
      },
    ]);
  });
});

describe('line numbers are the lines in the file', () => {
  it.each([
    ['continuation lines', ['FROM alpine', 'RUN apk add \\', '    curl \\', '    jq', 'USER app']],
    [
      'a comment inside a continuation',
      ['FROM alpine', 'RUN a && \\', '    # why', '    b', 'USER app'],
    ],
    [
      'a heredoc mentioning USER',
      ['FROM alpine', 'RUN <<EOF', 'set -e', 'USER root', 'EOF', 'USER app'],
    ],
    ['a COPY heredoc', ['FROM alpine', 'COPY <<-EOT /etc/x', '\tUSER root', '\tEOT', 'USER app']],
    [
      'directives, comments, blanks',
      ['# syntax=docker/dockerfile:1', '', '# a comment', 'FROM alpine', '', 'USER app'],
    ],
    ['backtick continuation', ['# escape=`', 'FROM windows', 'RUN dir `', '    c:\\', 'USER app']],
  ])('%s', (_, lines) => {
    const facts = parse(lines);
    expect(facts.finalStage.users).toEqual([
      { line: lines.length, raw: 'app', value: 'app', unresolved: [] },
    ]);
    expect(facts.finalStage.endLine).toBe(lines.length);
  });
});

describe('Dockerfiles the builder rejects', () => {
  it.each<[string, string[], Partial<ParseOptions>, RegExp, RegExp]>([
    [
      'empty file',
      [''],
      {},
      /^no FROM instruction in Dockerfile app\/Dockerfile$/,
      /start the Dockerfile with FROM <image>/,
    ],
    ['only comments and ARGs', ['# hi', 'ARG A=1'], {}, /^no FROM instruction/, /FROM <image>/],
    [
      'RUN before FROM',
      ['ARG A', 'RUN true', 'FROM alpine'],
      {},
      /line 2: RUN comes before the first FROM/,
      /only ARG/,
    ],
    [
      'unknown instruction',
      ['FORM alpine'],
      {},
      /app\/Dockerfile, line 1: unknown instruction "FORM"/,
      /did you mean FROM\?/,
    ],
    [
      'unknown target',
      ['FROM a AS build', 'FROM b AS Final'],
      { target: 'x' },
      /^target stage "x" not found in Dockerfile app\/Dockerfile$/,
      /build, final/,
    ],
    [
      'unknown target, no names',
      ['FROM a'],
      { target: 'x' },
      /target stage "x" not found/,
      /names no stages/,
    ],
    [
      'empty base image',
      ['ARG BASE', 'FROM $BASE'],
      {},
      /line 2: the base image "\$BASE" is empty/,
      /build arg/,
    ],
    [
      'bad substitution',
      ['FROM a', 'USER ${UID'],
      {},
      /line 2: syntax error: missing '}'/,
      /variable reference/,
    ],
    ['ENV without a value', ['FROM a', 'ENV A'], {}, /line 2: ENV A has no value/, /NAME=value/],
    ['USER without a user', ['FROM a', 'USER'], {}, /line 2: USER needs a user/, /USER </],
    ['FROM with extra words', ['FROM a b'], {}, /line 1: FROM takes an image/, /AS <name>/],
  ])('%s', (_, lines, options, message, hint) => {
    const error = parseError(lines, options);
    expect(error.kind).toBe('input');
    expect(error.message).toMatch(message);
    expect(error.hint).toMatch(hint);
  });
});

describe('VOLUME', () => {
  it('reads both forms, with variables, one path per JSON element', () => {
    const facts = parse([
      'FROM alpine', //                          1
      'ENV DATA=/var/lib/app LOGS="/a /b"', //   2
      'VOLUME $DATA /cache', //                   3
      'VOLUME ["/with space", "$DATA/x"]', //     4
      'VOLUME $LOGS', //                          5
    ]);
    expect(facts.finalStage.volumes).toEqual([
      { line: 3, paths: ['/var/lib/app', '/cache'] },
      { line: 4, paths: ['/with space', '/var/lib/app/x'] },
      { line: 5, paths: ['/a', '/b'] },
    ]);
  });
});
