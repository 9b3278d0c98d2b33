import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { BenchResults } from '../src/docs/performance.js';
import type { HostileCase } from '../src/docs/reliability.js';
import { generatedFiles, generatedSections, updateReadme } from '../src/docs/readme.js';
import { INPUT_OPTIONS } from '../src/options/options.js';
import { optionsSchema } from '../src/options/schemas.js';
import { RULES } from '../src/policy/rules/index.js';
import { REPO_ROOT } from './helpers/docker.js';

const actionYml = readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8');
const readFixture = (name: string) =>
  readFileSync(join(REPO_ROOT, 'fixtures/images', name, 'Dockerfile'), 'utf8');
const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
const hostileCases = JSON.parse(
  readFileSync(join(REPO_ROOT, 'fixtures/hostile/cases.json'), 'utf8'),
) as HostileCase[];
const benchResults = JSON.parse(
  readFileSync(join(REPO_ROOT, 'bench/results.json'), 'utf8'),
) as BenchResults;

describe('generated documentation', () => {
  it('README.md matches action.yml, the options schema, the rules, the corpus and the bench (run npm run docs)', () => {
    expect(updateReadme(readme, generatedSections(actionYml, hostileCases, benchResults))).toBe(
      readme,
    );
  });

  it.each(Object.entries(generatedFiles(readFixture)))(
    '%s matches its source (run npm run docs)',
    (path, content) => {
      expect(readFileSync(join(REPO_ROOT, path), 'utf8')).toBe(content);
    },
  );

  it('action.yml runs on node24 and keeps no defaults: they live in the options schema', () => {
    const action = parse(actionYml) as {
      runs: { using: string; main: string };
      inputs: Record<string, { default?: unknown }>;
    };
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    for (const [name, input] of Object.entries(action.inputs)) {
      // Only an expression in action.yml can read the job's token.
      if (name === 'github-token') expect(input.default).toBe('${{ github.token }}');
      else expect(input.default, name).toBeUndefined();
      expect(Object.keys(optionsSchema.shape), name).toContain(name);
    }
    // Every input of the option table is in action.yml, and nothing else is.
    expect(Object.keys(action.inputs).sort()).toEqual(INPUT_OPTIONS.map(({ key }) => key).sort());
  });

  it('fails loudly when a generated block is missing', () => {
    expect(() => updateReadme('# nothing here\n', { rules: 'x' })).toThrow(
      'README.md has no <!-- generated:rules --> block',
    );
  });
});

// The docs' examples are fixture images; the fixture tests build and check each one. Here: each
// rule's failing example is one its expected.json says it fires on, the passing one says it does not.
describe('rule examples', () => {
  it.each(RULES.map((rule) => [rule.id, rule] as const))(
    '%s has a failing and a passing example',
    (_, rule) => {
      const expected = (name: string) =>
        JSON.parse(
          readFileSync(join(REPO_ROOT, 'fixtures/images', name, 'expected.json'), 'utf8'),
        ) as {
          mustFire: { rule: string }[];
          mustNotFire: string[];
        };
      expect(expected(rule.examples.failing).mustFire.map((hit) => hit.rule)).toContain(rule.id);
      expect(expected(rule.examples.passing).mustNotFire).toContain(rule.id);
      expect(rule.howToFix.length).toBeGreaterThan(20);
    },
  );
});

/** Every step that runs this action, anywhere in a parsed YAML document. */
function actionSteps(node: unknown): { uses: string; with?: Record<string, unknown> }[] {
  if (Array.isArray(node)) return node.flatMap(actionSteps);
  if (typeof node !== 'object' || node === null) return [];
  const record = node as Record<string, unknown>;
  const own =
    typeof record['uses'] === 'string' && /^(\.\/|OWNER\/nonroot-guard@)/.test(record['uses'])
      ? [record as { uses: string; with?: Record<string, unknown> }]
      : [];
  return [...own, ...Object.values(record).flatMap(actionSteps)];
}

describe('workflows that use the action', () => {
  const inputs = Object.keys((parse(actionYml) as { inputs: object }).inputs);
  const readmeBlocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1]!);
  const workflows = ['ci.yml'].map((name) =>
    readFileSync(join(REPO_ROOT, '.github/workflows', name), 'utf8'),
  );

  it.each([
    ...readmeBlocks.map((block, index) => [`README yaml block ${index + 1}`, block] as const),
    ...workflows.map((text) => ['.github/workflows/ci.yml', text] as const),
  ])('%s parses and passes only real inputs', (_name, text) => {
    for (const step of actionSteps(parse(text))) {
      for (const key of Object.keys(step.with ?? {})) expect(inputs, step.uses).toContain(key);
    }
  });

  it('the README shows the action with a .NET app, a generic Dockerfile and the fork-safe pair', () => {
    const steps = readmeBlocks.flatMap((block) => actionSteps(parse(block)));
    expect(steps.some((step) => step.with?.['context'] === 'src/MyApp')).toBe(true);
    expect(steps.some((step) => step.with?.['dockerfile'] === 'Dockerfile')).toBe(true);
    expect(steps.some((step) => step.with?.['report-file'] && step.with['pr-number'])).toBe(true);
  });

  it('the self-test job runs the action from the repository itself', () => {
    const steps = actionSteps(parse(workflows[0]!));
    expect(steps.map((step) => step.uses)).toEqual(['./', './']);
  });
});
