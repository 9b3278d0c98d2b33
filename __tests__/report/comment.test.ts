import { describe, expect, it } from 'vitest';
import { effectivePolicy } from '../../src/policy/effective.js';
import { evaluate } from '../../src/policy/evaluate.js';
import { buildReport } from '../../src/report/build.js';
import {
  COMMENT_LIMIT,
  SUMMARY_LIMIT,
  commentMarker,
  renderComment,
  renderSummary,
} from '../../src/report/comment.js';
import { parseReport } from '../../src/report/schema.js';
import type { Report } from '../../src/report/types.js';
import { makeFacts, probeOutput } from '../helpers/facts.js';

const RUN = 'https://github.com/octo-org/octo-app/actions/runs/42';
const SHA = '0123456789abcdef0123456789abcdef01234567';

function rootReport(): Report {
  const facts = makeFacts({
    user: '',
    dockerfile: 'FROM base\nCOPY app /app\nCMD ["/app/run"]\n',
    runtime: probeOutput({
      identity: {
        switched: true,
        uid: 0,
        gid: 0,
        groups: [0],
        name: 'root',
        home: '/root',
        passwd: 'ok',
        group: 'ok',
        passwdResolved: '/etc/passwd',
        groupResolved: '/etc/group',
      },
    }),
  });
  const policy = effectivePolicy(
    null,
    { preset: 'baseline', failOn: 'error', probe: 'required' },
    '2026-11-22',
  );
  return buildReport(facts, evaluate(facts, policy), policy, '0.1.0', []);
}

/** The report with its first finding repeated until it is far too long for a comment. */
function hugeReport(copies: number, messageLength: number): Report {
  const report = rootReport();
  const first = report.findings[0]!;
  report.findings = Array.from({ length: copies }, (_, index) => ({
    ...first,
    message: `${index} ${'x'.repeat(messageLength)}`,
  }));
  return report;
}

describe('the hidden marker', () => {
  it('is percent-encoded, so no comment-id can end it or pose as another', () => {
    expect(commentMarker('api')).toBe('<!-- nonroot-guard:comment api -->');
    expect(commentMarker('x --> <b>y</b>')).toBe(
      '<!-- nonroot-guard:comment x%20--%3E%20%3Cb%3Ey%3C%2Fb%3E -->',
    );
  });
});

describe('the sticky comment', () => {
  it('starts with the marker, then the verdict, and links each finding to its line', () => {
    const body = renderComment(rootReport(), {
      marker: commentMarker('api'),
      runUrl: RUN,
      sha: SHA,
      lineUrl: (file, line) => `https://github.com/octo-org/octo-app/blob/${SHA}/${file}#L${line}`,
    });
    const lines = body.split('\n');
    expect(lines[0]).toBe('<!-- nonroot-guard:comment api -->');
    expect(lines[1]).toMatch(/^### ❌ Non-root Guard: fail — <code>/);
    expect(body).toContain(
      `| 🔴 error | NR001<br><sub>user-not-set</sub> | <a href="https://github.com/octo-org/octo-app/blob/${SHA}/Dockerfile#L1">line 1</a> |`,
    );
    expect(body).toContain(
      `| Dockerfile | <a href="https://github.com/octo-org/octo-app/blob/${SHA}/Dockerfile#L1"><code>Dockerfile&#58;1</code></a>, final stage FROM <code>base</code> |`,
    );
    expect(lines.at(-1)).toBe(
      `<sub>Non-root Guard · checked 0123456 · [run](${RUN}) · this comment is updated on every run</sub>`,
    );
    expect(body.match(/nonroot-guard:comment/g)).toHaveLength(1);
  });

  it('falls back to a short form that links the job summary when the full one is too long', () => {
    const report = hugeReport(400, 300);
    const body = renderComment(report, { marker: commentMarker('api'), runUrl: RUN });
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(body.startsWith('<!-- nonroot-guard:comment api -->\n### ❌')).toBe(true);
    expect(body).toMatch(
      /The full report \(fixes as diffs, runtime facts\) is [\d,]+ characters, more than a comment holds: see the \[job summary\]\(https:\/\/github\.com\/octo-org\/octo-app\/actions\/runs\/42\)\./,
    );
    const shown = body.match(/^\| 🔴 error \| NR001/gm)!.length;
    expect(body).toContain('| User | not set → uid 0, gid 0 (root) |');
    expect(shown).toBeGreaterThan(100);
    expect(body).toContain(`| | | | …and ${400 - shown} more |`);
    expect(body).not.toContain('<details>');
  });

  it('says where the user is set, linked to its line', () => {
    const facts = makeFacts({
      user: 'app',
      dockerfile: 'FROM base\nCOPY app /app\nUSER app\nCMD ["/app/run"]\n',
      runtime: probeOutput(),
    });
    const policy = effectivePolicy(
      null,
      { preset: 'baseline', failOn: 'error', probe: 'required' },
      '2026-11-22',
    );
    const report = buildReport(facts, evaluate(facts, policy), policy, '0.1.0', []);
    const body = renderComment(report, {
      marker: commentMarker('api'),
      lineUrl: (file, line) => `https://x.test/${file}#L${line}`,
    });
    expect(body).toContain(
      '| User | <code>USER app</code> (<a href="https://x.test/Dockerfile#L3">line 3</a>) → uid 1654, gid 1654 (app) |',
    );
  });

  it('keeps a short report whole', () => {
    const body = renderComment(rootReport(), { marker: commentMarker('api') });
    expect(body).toContain('<details><summary>Runtime facts (from the probe)</summary>');
    expect(body).not.toContain('more than a comment holds');
  });
});

describe('a report read back (report-file)', () => {
  it('is the report the check wrote, field for field', () => {
    const report = rootReport();
    const result = parseReport(JSON.parse(JSON.stringify(report)));
    expect(result).toEqual({ report });
  });

  it('reads a report of an earlier version, without the fields added since (user.groups, user.startError)', () => {
    const older = JSON.parse(JSON.stringify(rootReport()));
    delete older.user.groups;
    delete older.user.startError;
    delete older.policy.allow.incompleteWalk;
    const result = parseReport(older);
    expect(result).toMatchObject({
      report: {
        user: { groups: null, startError: null },
        policy: { allow: { incompleteWalk: [] } },
      },
    });
  });

  it.each([
    [{ schemaVersion: 2 }, 'schemaVersion: Invalid input: expected 1'],
    ['<b>', '(the document): Invalid input: expected object, received string'],
  ])('refuses %j', (value, problem) => {
    expect(parseReport(value)).toEqual({ problem });
  });

  it('refuses a rule id or severity that would be rendered unescaped', () => {
    const report = JSON.parse(JSON.stringify(rootReport()));
    report.findings[0].rule = 'NR001 <img src=x onerror=alert(1)>';
    expect(parseReport(report)).toEqual({
      problem: 'findings.0.rule: Invalid string: must match pattern /^NR\\d{3}$/',
    });
  });
});

describe('the job summary', () => {
  it('stays within 1 MiB, in the short form when the full one is larger', () => {
    const summary = renderSummary(hugeReport(2000, 1000));
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(SUMMARY_LIMIT);
    expect(summary).toMatch(/The full report is [\d,]+ bytes, more than a job summary holds/);
  });
});
