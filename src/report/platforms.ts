import { compareFindings } from '../policy/evaluate.js';
import type { Report } from './types.js';

type Finding = Report['findings'][number];

/** A platform of the image the check could not judge, and why. */
export interface PlatformNotChecked {
  platform: string;
  reason: string;
}

/**
 * One report for every platform judged. The first platform's report is the frame (its
 * image, user, probe and runtime stay the top-level facts, as a single-platform report
 * has them); a finding that holds for several platforms in the same words is one finding
 * naming them all; the check fails when any platform fails. Notes every platform shares
 * are said once, the others name their platform.
 */
export function combinePlatforms(
  reports: readonly Report[],
  notChecked: readonly PlatformNotChecked[],
  notes: readonly string[],
): Report {
  const [first] = reports;
  if (!first) throw new Error('combinePlatforms needs at least one report');
  const several = reports.length > 1;

  const findings: Finding[] = [];
  const byKey = new Map<string, Finding>();
  for (const report of reports) {
    for (const finding of report.findings) {
      const { platforms, ...rest } = finding;
      const key = JSON.stringify(rest);
      const seen = byKey.get(key);
      if (seen) {
        seen.platforms = [
          ...seen.platforms,
          ...platforms.filter((p) => !seen.platforms.includes(p)),
        ];
      } else {
        const copy = { ...finding, platforms: [...platforms] };
        byKey.set(key, copy);
        findings.push(copy);
      }
    }
  }
  // The evaluation's order (severity, then rule), stable across platforms.
  findings.sort(compareFindings);
  const summary = { error: 0, warning: 0, notice: 0 };
  for (const finding of findings) summary[finding.severity]++;

  const ignored = new Map<string, Report['policy']['ignored'][number]>();
  for (const entry of reports.flatMap((report) => report.policy.ignored)) {
    const key = JSON.stringify([entry.rule, entry.path, entry.reason, entry.expires]);
    const seen = ignored.get(key);
    if (seen) seen.count += entry.count;
    else ignored.set(key, { ...entry });
  }

  const skipped = new Map<string, Report['skipped'][number]>();
  for (const entry of reports.flatMap((report) => report.skipped)) {
    const key = JSON.stringify([entry.rule, entry.reason]);
    if (!skipped.has(key)) skipped.set(key, entry);
  }

  const blocked = reports.filter((report) => report.blocked);
  return {
    ...first,
    verdict: reports.some((report) => report.verdict === 'fail') ? 'fail' : 'pass',
    blocked:
      blocked.length === 0
        ? null
        : several
          ? blocked.map((report) => `${report.image.platform}: ${report.blocked}`).join('; ')
          : first.blocked,
    policy: { ...first.policy, ignored: [...ignored.values()] },
    summary,
    findings,
    skipped: [...skipped.values()],
    platforms: [
      ...reports.flatMap((report) => report.platforms),
      ...notChecked.map((entry) => ({
        platform: entry.platform,
        verdict: 'not-checked' as const,
        reason: entry.reason,
        manifest: null,
        summary: null,
        user: null,
        probe: null,
      })),
    ],
    notes: [
      ...platformNotes(reports, several),
      ...notChecked.map((entry) => `platform ${entry.platform} was not checked: ${entry.reason}`),
      ...notes,
    ],
  };
}

/** Each report's notes: said once when every platform has it, else with the platform named. */
function platformNotes(reports: readonly Report[], several: boolean): string[] {
  if (!several) return [...reports[0]!.notes];
  const everywhere = (note: string) => reports.every((report) => report.notes.includes(note));
  const out: string[] = [];
  for (const report of reports) {
    for (const note of report.notes) {
      const line = everywhere(note) ? note : `${report.image.platform}: ${note}`;
      if (!out.includes(line)) out.push(line);
    }
  }
  return out;
}
