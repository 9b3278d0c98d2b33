import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { effectivePolicy } from '../../src/policy/effective.js';
import { evaluate } from '../../src/policy/evaluate.js';
import { buildReport } from '../../src/report/build.js';
import { renderSarif } from '../../src/report/sarif.js';
import { RULES } from '../../src/policy/rules/index.js';
import { makeFacts } from '../helpers/facts.js';

function sarifFor(dockerfile: string | undefined, user: string): Log {
  const facts = makeFacts({ user, dockerfile, runtime: undefined });
  const policy = effectivePolicy(
    null,
    { preset: 'hardened', failOn: 'error', probe: 'optional' },
    '2026-11-22',
  );
  const report = buildReport(facts, evaluate(facts, policy), policy, '0.1.0', []);
  return JSON.parse(renderSarif(report)) as Log;
}

describe('SARIF 2.1.0 for code scanning', () => {
  const log = sarifFor('FROM base\nCOPY . /app\nUSER app:0\nCMD ["/app/run"]\n', 'app:0');
  const run = log.runs[0]!;

  it('describes every rule, with help and a security-severity', () => {
    expect(log.version).toBe('2.1.0');
    expect(run.tool.driver).toMatchObject({ name: 'nonroot-guard', version: '0.1.0' });
    expect(run.tool.driver.rules).toHaveLength(RULES.length);
    expect(run.tool.driver.rules![2]).toMatchObject({
      id: 'NR003',
      name: 'user-not-numeric',
      shortDescription: {
        text: 'The image user is a name, which Kubernetes runAsNonRoot cannot verify',
      },
      defaultConfiguration: { level: 'warning' },
      properties: { 'security-severity': '5.0' },
    });
    expect(run.tool.driver.rules!.find((rule) => rule.id === 'NR040')).toMatchObject({
      id: 'NR040',
      defaultConfiguration: { level: 'none' },
    });
    expect(run.automationDetails).toEqual({ id: 'nonroot-guard/example/app:pr-1/' });
  });

  it('gives each finding its rule, level, file, line and fix', () => {
    expect(run.results!.map((result) => [result.ruleId, result.ruleIndex, result.level])).toEqual([
      ['NR003', 2, 'error'],
      ['NR006', 5, 'error'],
    ]);
    expect(run.results![0]!.locations).toEqual([
      { physicalLocation: { artifactLocation: { uri: 'Dockerfile' }, region: { startLine: 3 } } },
    ]);
    expect(run.results![0]!.message.text).toMatch(
      /^USER app:0 is a name: .*\nFix: Use the number: `USER 1654:0`/s,
    );
  });

  it('keeps fingerprints stable when lines move, and distinct per finding', () => {
    const moved = sarifFor(
      'FROM base\n# a comment\nCOPY . /app\nUSER app:0\nCMD ["/app/run"]\n',
      'app:0',
    );
    const prints = (sarif: Log) =>
      sarif.runs[0]!.results!.map((result) => result.partialFingerprints!['nonrootGuard/v1']);
    expect(prints(moved)).toEqual(prints(log));
    expect(new Set(prints(log)).size).toBe(2);
    expect(moved.runs[0]!.results![0]!.locations![0]!.physicalLocation!.region!.startLine).toBe(4);
  });

  it('leaves out findings without a file location: code scanning cannot show them', () => {
    expect(sarifFor(undefined, 'app:0').runs[0]!.results).toEqual([]);
  });
});
