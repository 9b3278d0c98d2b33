import {
  describeCounts,
  describePolicy,
  describePolicyChanges,
  describeProbe,
  describeUser,
  distinctDiffs,
  locationText,
  shortId,
} from './describe.js';
import { markdownCode, markdownText } from './escape.js';
import { runtimeFactRows } from './runtime-facts.js';
import type { Report } from './types.js';

const SEVERITY_ICON = { error: '🔴 error', warning: '🟠 warning', notice: '🔵 notice' } as const;

/** The report as GitHub-flavoured markdown (job summary): verdict, facts, findings, fixes. */
export function renderMarkdown(report: Report): string {
  const out: string[] = [];
  const icon = report.verdict === 'pass' ? '✅' : '❌';
  out.push(
    `### ${icon} Non-root Guard: ${report.verdict} — ${markdownCode(report.image.ref)} (${describeCounts(report)})`,
    '',
    '| | |',
    '|---|---|',
    `| Image | ${markdownCode(report.image.ref)} ${markdownCode(shortId(report.image.id))} ${markdownText(report.image.platform)} |`,
    `| User | ${markdownCode(describeUser(report))} |`,
  );
  if (report.dockerfile) {
    out.push(
      `| Dockerfile | ${markdownCode(report.dockerfile.path)}, final stage FROM ${markdownCode(report.dockerfile.finalStage.base)} (line ${report.dockerfile.finalStage.line}) |`,
    );
  }
  out.push(`| Probe | ${markdownText(describeProbe(report))} |`);
  if (report.blocked) out.push(`| Blocked | ${markdownText(report.blocked)} |`);
  out.push(`| Policy | ${markdownText(describePolicy(report))} |`);
  for (const change of describePolicyChanges(report)) out.push(`| | ${markdownText(change)} |`);
  out.push('');

  if (report.findings.length > 0) {
    out.push('| Severity | Rule | Where | What |', '|---|---|---|---|');
    for (const finding of report.findings) {
      out.push(
        `| ${SEVERITY_ICON[finding.severity]} | ${finding.rule} ${finding.name} | ${markdownCode(locationText(finding.location))} | ${markdownText(finding.message)} |`,
      );
    }
    out.push('');
    const fixes = report.findings.filter((finding) => finding.fix);
    if (fixes.length > 0) {
      out.push('**How to fix**', '');
      for (const finding of fixes) {
        out.push(`- **${finding.rule}** ${markdownText(finding.fix!.summary)}`);
      }
      out.push('');
      for (const { diff, rules } of distinctDiffs(report)) {
        out.push(
          `<details><summary>${rules.join(', ')}: the change, as a diff (<code>git apply</code> accepts it)</summary>`,
          '',
          ...fenced(diff, 'diff'),
          '',
          '</details>',
          '',
        );
      }
    }
  }
  if (report.runtime) {
    out.push('<details><summary>Runtime facts (from the probe)</summary>', '');
    out.push('| Fact | Value | What it means |', '|---|---|---|');
    for (const row of runtimeFactRows(report.runtime)) {
      out.push(`| ${row.fact} | ${markdownText(row.value)} | ${row.meaning} |`);
    }
    out.push('', '</details>', '');
  }
  if (report.notes.length > 0 || report.skipped.length > 0) {
    out.push('<details><summary>Notes</summary>', '');
    for (const skip of report.skipped)
      out.push(`- skipped ${skip.rule}: ${markdownText(skip.reason)}`);
    for (const note of report.notes) out.push(`- ${markdownText(note)}`);
    out.push('', '</details>', '');
  }
  return out.join('\n');
}

/**
 * A fenced code block whose fence is longer than any backtick run inside, so
 * text from the pull request (a Dockerfile line of ```) cannot close it.
 */
export function fenced(content: string, language: string): string[] {
  const longest = Math.max(0, ...[...content.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [`${fence}${language}`, content.replace(/\n$/, ''), fence];
}
