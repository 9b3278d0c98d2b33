import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { gatherFacts, type CheckEnvironment, type GatheredFacts } from '../../src/check/check.js';
import { onlyVariant } from '../helpers/gathered.js';
import { HAS_BUILDX } from '../helpers/engines.js';
import { runBuildCommand } from '../../src/source/build-command.js';
import { DockerSource } from '../../src/source/docker/source.js';
import { parseOptions } from '../../src/options/parse.js';
import { evaluate } from '../../src/policy/evaluate.js';
import { RULES } from '../../src/policy/rules/index.js';
import { PRESETS, type Preset, type Severity } from '../../src/policy/types.js';
import { FIXTURES, REPO_ROOT } from '../helpers/docker.js';
import { probeWithLimits } from '../helpers/lowered-probe.js';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Expected {
  description: string;
  user: string;
  mustFire: {
    rule: string;
    line: number;
    /** Relative to the case directory (a manifest); default its Dockerfile. */
    file?: string;
    message?: string;
    messageStartsWith?: string;
    /** Its severity under the hardened preset, where the rule's level would be higher. */
    severity?: Severity;
  }[];
  mustNotFire: string[];
  verdict: Record<Preset, 'pass' | 'fail'>;
  /** What becomes of the probe: `ok` unless the container cannot start as the image's user. */
  probe?: 'ok' | 'user-error';
  /**
   * The probe's limits, lowered (probe.c's -D values), for a case about what the walk does
   * at a limit that no image can reach cheaply: the probe is built with them for this case.
   */
  probeLimits?: Record<string, number>;
  /**
   * What differs when BuildKit builds the case (the second engine), with why: the image
   * itself differs between the builders, and the check judges the image.
   */
  buildkit?: { why: string } & Partial<Pick<Expected, 'mustFire' | 'mustNotFire' | 'verdict'>>;
}

/** Whether this engine's `docker build` is BuildKit (buildx), as the check's own builds are. */
const BUILDKIT = HAS_BUILDX;

const IMAGES = join(FIXTURES, 'images');

const cases = readdirSync(IMAGES).sort();

const env: CheckEnvironment = {
  source: new DockerSource(),
  runBuildCommand,
  log: () => {},
  cwd: REPO_ROOT,
  version: 'test',
};

// Each fixture is built by the check itself (the action's `context` path) on the real engine,
// probed in one container start, then judged under every preset.
describe.skipIf(!inject('docker'))('fixture images', () => {
  it('has a fixture for every case the foundation promises', () => {
    expect(cases.length).toBeGreaterThanOrEqual(11);
  });

  describe.each(cases)('%s', (name) => {
    const written = JSON.parse(
      readFileSync(join(IMAGES, name, 'expected.json'), 'utf8'),
    ) as Expected;
    const expected: Expected = BUILDKIT ? { ...written, ...written.buildkit } : written;
    let gathered: GatheredFacts;

    beforeAll(async () => {
      // A case with manifests/ is deployed by them: the Kubernetes cross-check runs too.
      const manifests = existsSync(join(IMAGES, name, 'manifests'))
        ? [`fixtures/images/${name}/manifests/*.yaml`]
        : [];
      const options = parseOptions(
        {
          image: `nonroot-guard-fixture/case-${name}:test`,
          context: `fixtures/images/${name}`,
          manifests,
        },
        '--',
      );
      const probeBinary = expected.probeLimits && (await probeWithLimits(expected.probeLimits));
      gathered = await gatherFacts(options, { ...env, probeBinary });
    });

    it('names every rule as must or must not fire', () => {
      // A rule may fire several times (NR061 once per missing field): each is named once.
      const named = [...new Set(expected.mustFire.map((hit) => hit.rule)), ...expected.mustNotFire];
      expect(named.sort()).toEqual(RULES.map((rule) => rule.id).sort());
    });

    it(`builds an image whose user is ${JSON.stringify(expected.user)}`, () => {
      expect(onlyVariant(gathered).facts.image.user).toBe(expected.user);
    });

    it('fires exactly the expected rules, on the expected lines, with the expected messages', () => {
      const { findings } = evaluate(onlyVariant(gathered).facts, {
        preset: 'hardened',
        failOn: 'error',
        probe: 'optional',
      });
      for (const hit of expected.mustFire) {
        expect(findings).toContainEqual(
          expect.objectContaining({
            rule: hit.rule,
            message:
              hit.message ?? expect.stringMatching(`^${escapeRegExp(hit.messageStartsWith!)}`),
            location: {
              file: `fixtures/images/${name}/${hit.file ?? 'Dockerfile'}`,
              line: hit.line,
            },
            ...(hit.severity ? { severity: hit.severity } : {}),
          }),
        );
      }
      const fired = new Set(findings.map((finding) => finding.rule));
      for (const rule of expected.mustNotFire) expect(fired.has(rule), rule).toBe(false);
    });

    it(`runs the probe, which ends ${expected.probe ?? 'ok'}`, () => {
      expect(onlyVariant(gathered).facts.probe.status).toBe(expected.probe ?? 'ok');
    });

    it.each(PRESETS)('gives the expected verdict under the %s preset', (preset) => {
      const { verdict } = evaluate(onlyVariant(gathered).facts, {
        preset,
        failOn: 'error',
        probe: 'optional',
      });
      expect(verdict).toBe(expected.verdict[preset]);
    });
  });
});
