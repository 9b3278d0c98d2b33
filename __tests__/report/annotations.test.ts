import { describe, expect, it } from 'vitest';
import type { Severity } from '../../src/policy/types.js';
import { planAnnotations } from '../../src/report/annotations.js';
import type { Report } from '../../src/report/types.js';

function report(counts: Record<Severity, number>, verdict: 'pass' | 'fail'): Report {
  const findings: Report['findings'] = [];
  for (const severity of ['notice', 'warning', 'error'] as const) {
    for (let index = 0; index < counts[severity]; index++) {
      findings.push({
        rule: 'NR022',
        name: 'writable-outside-allowlist',
        severity,
        message: `${severity} ${index}`,
        location: { file: 'Dockerfile', line: index + 1 },
        fix: { summary: 'keep it read-only', diff: null },
        platforms: ['linux/amd64'],
      });
    }
  }
  return { verdict, findings, platforms: [] as Report['platforms'] } as Report;
}

describe('annotations', () => {
  it('puts each finding on its line, most severe first, with the rule id and title', () => {
    const [first, second] = planAnnotations(report({ error: 1, warning: 0, notice: 1 }, 'fail'));
    expect(first).toEqual({
      severity: 'error',
      title:
        "NR022 The runtime user can write directories beyond the scratch directories (/tmp, /var/tmp, /run/lock), HOME, VOLUMEs and the policy's allow-writable",
      message: 'error 0\nFix: keep it read-only',
      file: 'Dockerfile',
      line: 1,
    });
    expect(second?.severity).toBe('notice');
  });

  it("stays within GitHub's 10 per severity, keeping one error for the step's failure, and says what it left out", () => {
    const planned = planAnnotations(report({ error: 15, warning: 12, notice: 3 }, 'fail'));
    const count = (severity: Severity) => planned.filter((a) => a.severity === severity).length;
    expect([count('error'), count('warning'), count('notice')]).toEqual([9, 10, 4]);
    expect(planned.at(-1)).toEqual({
      severity: 'notice',
      title: 'Non-root Guard: more findings',
      message:
        '8 more findings are not shown as annotations (GitHub shows 10 per severity); the job summary and the JSON report list them all.',
    });
  });

  it('uses every slot when nothing is left out', () => {
    const planned = planAnnotations(report({ error: 0, warning: 10, notice: 10 }, 'pass'));
    expect(planned).toHaveLength(20);
    expect(planned.some((a) => a.title === 'Non-root Guard: more findings')).toBe(false);
  });
});
