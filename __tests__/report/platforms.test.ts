import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { effectivePolicy } from '../../src/policy/effective.js';
import { evaluate } from '../../src/policy/evaluate.js';
import { planAnnotations } from '../../src/report/annotations.js';
import { buildReport } from '../../src/report/build.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { combinePlatforms } from '../../src/report/platforms.js';
import { renderSarif } from '../../src/report/sarif.js';
import { parseReport } from '../../src/report/schema.js';
import { renderText } from '../../src/report/text.js';
import type { Report } from '../../src/report/types.js';
import { makeFacts } from '../helpers/facts.js';

/** One report for every platform of a multi-platform image, from each platform's own. */

const DOCKERFILE = 'FROM base\nCOPY . /app\nUSER 1654\nCMD ["/app/run"]\n';
const policy = effectivePolicy(
  null,
  { preset: 'baseline', failOn: 'error', probe: 'optional' },
  '2026-12-07',
);

function platformReport(platform: string, user: string, notes: string[]): Report {
  const facts = makeFacts({ user, dockerfile: DOCKERFILE, runtime: undefined });
  facts.image = { ...facts.image, platform };
  return buildReport(
    facts,
    evaluate(facts, policy),
    policy,
    '0.1.0',
    notes,
    `sha256:${platform.length}`,
  );
}

describe('a report over several platforms', () => {
  const amd64 = platformReport('linux/amd64', '1654', ['said by both', 'only amd64']);
  const arm64 = platformReport('linux/arm64', '', ['said by both']);
  const report = combinePlatforms(
    [amd64, arm64],
    [{ platform: 'linux/s390x', reason: 'its layers are not here' }],
    ['about the whole check'],
  );

  it('fails when any platform fails, and lists each with its verdict', () => {
    expect(amd64.verdict).toBe('pass');
    expect(arm64.verdict).toBe('fail');
    expect(report.verdict).toBe('fail');
    expect(
      report.platforms.map((entry) => [entry.platform, entry.verdict, entry.user?.uid ?? null]),
    ).toEqual([
      ['linux/amd64', 'pass', 1654],
      ['linux/arm64', 'fail', 0],
      ['linux/s390x', 'not-checked', null],
    ]);
    expect(report.platforms[2]).toMatchObject({ reason: 'its layers are not here', summary: null });
    // The frame is the first platform's: its image and user are the top-level facts.
    expect(report.image.platform).toBe('linux/amd64');
    expect(report.user.uid).toBe(1654);
  });

  it('names the platforms of each finding, once for a finding several platforms share', () => {
    const byRule = new Map<string, string[][]>();
    for (const finding of report.findings) {
      byRule.set(finding.rule, [...(byRule.get(finding.rule) ?? []), finding.platforms]);
    }
    expect(byRule.get('NR001')).toEqual([['linux/arm64']]);
    // Both run the same Dockerfile and have the same findings about it: one row, two platforms.
    const shared = arm64.findings.filter((finding) =>
      amd64.findings.some(
        (other) => other.rule === finding.rule && other.message === finding.message,
      ),
    );
    for (const finding of shared) {
      expect(byRule.get(finding.rule)).toContainEqual(['linux/amd64', 'linux/arm64']);
    }
    const total = amd64.findings.length + arm64.findings.length - shared.length;
    expect(report.findings).toHaveLength(total);
    expect(report.summary.error).toBe(report.findings.filter((f) => f.severity === 'error').length);
  });

  it("says shared notes once, the others with their platform, then the check's own", () => {
    expect(report.notes).toEqual([
      'said by both',
      'linux/amd64: only amd64',
      'platform linux/s390x was not checked: its layers are not here',
      'about the whole check',
    ]);
  });

  it('shows the platforms in the text, the comment, the annotations and SARIF', () => {
    const text = renderText(report);
    expect(text).toContain('  platforms   linux/amd64  pass  ');
    expect(text).toContain('              linux/arm64  FAIL  ');
    expect(text).toContain('              linux/s390x  not checked  its layers are not here');
    expect(text).toMatch(/^error {3}NR001 user-not-set {2}Dockerfile:\d+ {2}\[linux\/arm64\]$/m);

    const markdown = renderMarkdown(report);
    expect(markdown).toMatch(
      /^\| Platforms \| ✅ <code>linux\/amd64<\/code> pass: .*<br>❌ <code>linux\/arm64<\/code> FAIL: .*<br>⚪ <code>linux\/s390x<\/code> not checked: /m,
    );
    expect(markdown).toMatch(
      /\| NR001<br><sub>user-not-set<\/sub> \| .*<br><sub>linux\/arm64<\/sub> \|/,
    );

    const nr001 = planAnnotations(report).find((annotation) =>
      annotation.title.startsWith('NR001'),
    );
    expect(nr001?.message).toMatch(/^On linux\/arm64: /);

    const sarif = JSON.parse(renderSarif(report)) as Log;
    const result = sarif.runs[0]!.results!.find((entry) => entry.ruleId === 'NR001')!;
    expect(result.message.text).toMatch(/^On linux\/arm64: /);
    expect(result.properties).toEqual({ platforms: ['linux/arm64'] });
  });

  it('leaves a single-platform report as it was: no platform names on its findings', () => {
    const single = combinePlatforms([arm64], [], []);
    expect(single.platforms).toHaveLength(1);
    expect(renderText(single)).not.toContain('[linux/arm64]');
    expect(renderText(single)).not.toContain('platforms');
    const sarif = JSON.parse(renderSarif(single)) as Log;
    expect(sarif.runs[0]!.results!.every((result) => result.properties === undefined)).toBe(true);
  });

  it('is read back by the fork-safe schema, and so is a report from before platforms', () => {
    const read = parseReport(JSON.parse(JSON.stringify(report)));
    expect('report' in read && read.report.platforms).toEqual(report.platforms);
    const older = JSON.parse(JSON.stringify(amd64)) as Partial<Report> & Pick<Report, 'findings'>;
    delete older.platforms;
    for (const finding of older.findings) delete (finding as Partial<typeof finding>).platforms;
    const old = parseReport(older);
    expect('report' in old && old.report.platforms).toEqual([]);
    expect('report' in old && old.report.findings.every((f) => f.platforms.length === 0)).toBe(
      true,
    );
    const hostile = parseReport({
      ...JSON.parse(JSON.stringify(report)),
      platforms: [{ ...report.platforms[0], verdict: 'maybe' }],
    });
    expect(hostile).toMatchObject({ problem: expect.stringMatching(/^platforms\.0\.verdict: /) });
  });
});
