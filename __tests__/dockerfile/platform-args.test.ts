import { describe, expect, it } from 'vitest';
import { parseDockerfile, type ParseOptions } from '../../src/dockerfile/index.js';

/**
 * BuildKit's automatic platform ARGs (docs.docker.com, "Automatic platform ARGs in the
 * global scope"): TARGETPLATFORM, TARGETOS, TARGETARCH, TARGETVARIANT and BUILDPLATFORM,
 * BUILDOS, BUILDARCH, BUILDVARIANT are defined in the global scope, so FROM lines see
 * them; a stage sees one only after `ARG NAME` without a value.
 */
const parse = (lines: string[], options: Partial<ParseOptions> = {}) =>
  parseDockerfile(lines.join('\n'), {
    path: 'Dockerfile',
    platforms: { target: 'linux/arm64', build: 'linux/amd64' },
    ...options,
  });

describe("BuildKit's automatic platform ARGs", () => {
  const perArch = [
    'FROM scratch AS final-amd64', // 1
    'USER 1654', //                   2
    'FROM scratch AS final-arm64', // 3
    'USER root', //                   4
    'FROM final-${TARGETARCH}', //    5
  ];

  it('pick the stage of the target platform in a FROM line', () => {
    const facts = parse(perArch);
    expect(facts.finalStage.base).toBe('final-arm64');
    expect(facts.finalStage.baseStage).toBe(1);
    expect(facts.effectiveUser).toMatchObject({ line: 4, value: 'root' });
    const amd64 = parse(perArch, { platforms: { target: 'linux/amd64', build: 'linux/amd64' } });
    expect(amd64.effectiveUser).toMatchObject({ line: 2, value: '1654' });
  });

  it('resolve FROM --platform=$BUILDPLATFORM, and reach a stage through ARG without a value', () => {
    const facts = parse([
      'FROM --platform=$BUILDPLATFORM golang AS build', //  1
      'ARG TARGETOS TARGETARCH TARGETVARIANT', //           2
      'RUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build', //  3
      'FROM scratch', //                                    4
      'ARG TARGETPLATFORM', //                              5
      'USER app-${TARGETARCH}-${TARGETPLATFORM}', //        6
    ]);
    expect(facts.stages[0]!.platform).toBe('linux/amd64');
    expect(facts.stages[0]!.args.map(({ name, value }) => [name, value])).toEqual([
      ['TARGETOS', 'linux'],
      ['TARGETARCH', 'arm64'],
      ['TARGETVARIANT', ''],
    ]);
    // Only TARGETPLATFORM was declared in the last stage: TARGETARCH is empty there.
    expect(facts.effectiveUser).toMatchObject({ line: 6, value: 'app--linux/arm64' });
  });

  it('carry the variant of the target platform', () => {
    const facts = parse(
      ['FROM scratch', 'ARG TARGETVARIANT TARGETARCH', 'USER $TARGETARCH$TARGETVARIANT'],
      {
        platforms: { target: 'linux/arm/v7', build: 'linux/amd64' },
      },
    );
    expect(facts.effectiveUser).toMatchObject({ value: 'armv7' });
  });

  it('yield to a build arg of the same name, as BuildKit lets it', () => {
    const facts = parse(perArch, { buildArgs: { TARGETARCH: 'amd64' } });
    expect(facts.finalStage.base).toBe('final-amd64');
  });

  it('are not there when the builder does not set them (the legacy builder)', () => {
    const facts = parse(['FROM scratch', 'ARG TARGETARCH', 'USER app-$TARGETARCH'], {
      platforms: undefined,
    });
    expect(facts.effectiveUser).toMatchObject({ value: 'app-' });
  });
});
