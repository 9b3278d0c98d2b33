import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/policy/types.js';
import { distinctDiffs } from '../../src/report/describe.js';
import type { Report } from '../../src/report/types.js';

const finding = (rule: string, diff: string | null): Finding => ({
  rule,
  name: rule,
  severity: 'error',
  message: rule,
  location: null,
  fix: { summary: 'fix', diff },
});

describe('fix diffs shown once', () => {
  it('groups findings that share a diff, in order, and skips findings without one', () => {
    const report = {
      findings: [
        finding('NR001', 'A'),
        finding('NR010', 'A'),
        finding('NR033', null),
        finding('NR050', 'B'),
      ],
    } as Report;
    expect(distinctDiffs(report)).toEqual([
      { diff: 'A', rules: ['NR001', 'NR010'] },
      { diff: 'B', rules: ['NR050'] },
    ]);
  });
});
