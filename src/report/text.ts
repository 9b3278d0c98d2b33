import {
  describeCounts,
  describePolicy,
  describePolicyChanges,
  describeProbe,
  describePlatform,
  describeUser,
  distinctDiffs,
  findingPlatforms,
  locationText,
  shortId,
  skippedByReason,
} from './describe.js';
import type { Report } from './types.js';
import { INVISIBLE_CHARACTERS } from './escape.js';

// Control characters, and the invisible characters the markdown shows too (bidirectional
// controls, line and paragraph separators, format characters).
const UNSAFE = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f${INVISIBLE_CHARACTERS}]`, 'gu');

/**
 * Makes image-controlled text inert on a terminal: control characters become
 * visible escapes (a file name cannot break a line or send an escape
 * sequence), and bidirectional overrides cannot reorder what is shown.
 */
export function safe(value: string): string {
  return value.replace(UNSAFE, (char) => {
    if (char === '\n') return '\\n';
    if (char === '\t') return '\\t';
    if (char === '\r') return '\\r';
    const code = char.codePointAt(0)!;
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });
}

/** The report for a person at a terminal: the verdict first, then each finding with its fix. */
export function renderText(report: Report): string {
  const lines: string[] = [];
  const verdict = report.verdict === 'pass' ? 'PASS' : 'FAIL';
  lines.push(`${verdict}  ${safe(report.image.ref)}: ${describeCounts(report)}`);
  if (report.blocked) lines.push(`  blocked     ${safe(report.blocked)}`);
  lines.push(
    `  image       ${safe(report.image.ref)} (${shortId(report.image.id)}, ${safe(report.image.platform)})`,
  );
  if (report.platforms.length > 1) {
    const width = Math.max(...report.platforms.map((entry) => entry.platform.length));
    report.platforms.forEach((entry, index) => {
      const { platform, verdict, detail } = describePlatform(entry);
      lines.push(
        `  ${index === 0 ? 'platforms ' : '          '}  ${safe(platform.padEnd(width))}  ${verdict}  ${safe(detail)}`,
      );
    });
  }
  lines.push(`  user        ${safe(describeUser(report))}`);
  if (report.dockerfile) {
    const { path, finalStage } = report.dockerfile;
    lines.push(
      `  dockerfile  ${safe(path)} (final stage${finalStage.name ? ` "${safe(finalStage.name)}"` : ''} FROM ${safe(finalStage.base)}, line ${finalStage.line})`,
    );
  }
  lines.push(`  probe       ${safe(describeProbe(report))}`);
  lines.push(`  policy      ${safe(describePolicy(report))}`);
  for (const change of describePolicyChanges(report)) lines.push(`              ${safe(change)}`);

  const diffs = distinctDiffs(report);
  const shown = new Set<string>();
  for (const finding of report.findings) {
    lines.push('');
    const platforms = findingPlatforms(report, finding);
    lines.push(
      `${finding.severity.padEnd(8)}${finding.rule} ${finding.name}  ${safe(locationText(finding.location))}${platforms ? `  [${safe(platforms)}]` : ''}`,
    );
    lines.push(`  ${safe(finding.message)}`);
    if (finding.fix) lines.push(`  fix: ${safe(finding.fix.summary)}`);
    const diff = finding.fix?.diff;
    if (diff && shown.has(diff)) {
      const first = diffs.find((group) => group.diff === diff)!.rules[0];
      lines.push(`    (the same change as ${first} above)`);
    } else if (diff) {
      shown.add(diff);
      for (const line of diff.replace(/\n$/, '').split('\n')) lines.push(`    ${safe(line)}`);
    }
  }
  if (report.skipped.length > 0) {
    lines.push('');
    for (const { rules, reason } of skippedByReason(report)) {
      lines.push(`skipped ${rules.join(', ')}: ${safe(reason)}`);
    }
  }
  if (report.notes.length > 0) {
    lines.push('');
    for (const note of report.notes) lines.push(`note: ${safe(note)}`);
  }
  return `${lines.join('\n')}\n`;
}
