import { describeCounts, describeUser, locationText, shortId } from './describe.js';
import type { Report } from './types.js';

/** Strips terminal control characters: image content must not drive the reader's terminal. */
function safe(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '?');
}

/** The report for a person at a terminal: the verdict first, then each finding with its fix. */
export function renderText(report: Report): string {
  const lines: string[] = [];
  const verdict = report.verdict === 'pass' ? 'PASS' : 'FAIL';
  lines.push(`${verdict}  ${safe(report.image.ref)}: ${describeCounts(report)}`);
  lines.push(
    `  image       ${safe(report.image.ref)} (${shortId(report.image.id)}, ${safe(report.image.platform)})`,
  );
  lines.push(`  user        ${safe(describeUser(report))}`);
  if (report.dockerfile) {
    const { path, finalStage } = report.dockerfile;
    lines.push(
      `  dockerfile  ${safe(path)} (final stage${finalStage.name ? ` "${safe(finalStage.name)}"` : ''} FROM ${safe(finalStage.base)}, line ${finalStage.line})`,
    );
  }
  lines.push(`  policy      preset ${report.policy.preset}, fail on ${report.policy.failOn}`);

  for (const finding of report.findings) {
    lines.push('');
    lines.push(
      `${finding.severity.padEnd(8)}${finding.rule} ${finding.name}  ${safe(locationText(finding.location))}`,
    );
    lines.push(`  ${safe(finding.message)}`);
    if (finding.fix) lines.push(`  fix: ${safe(finding.fix.summary)}`);
  }
  if (report.skipped.length > 0) {
    lines.push('');
    for (const skip of report.skipped) lines.push(`skipped ${skip.rule}: ${safe(skip.reason)}`);
  }
  if (report.notes.length > 0) {
    lines.push('');
    for (const note of report.notes) lines.push(`note: ${safe(note)}`);
  }
  return `${lines.join('\n')}\n`;
}
