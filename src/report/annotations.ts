import { RULES } from '../policy/rules/index.js';
import type { Severity } from '../policy/types.js';
import type { Report } from './types.js';
import { findingPlatforms } from './describe.js';
import { showInvisible } from './escape.js';

export interface Annotation {
  severity: Severity;
  title: string;
  message: string;
  file?: string;
  line?: number;
}

const TITLES = new Map(RULES.map((rule) => [rule.id, rule.title]));

/** GitHub shows at most this many annotations of each severity per step. */
export const ANNOTATIONS_PER_SEVERITY = 10;

/**
 * One annotation per finding, most severe first, within GitHub's limits: an
 * error slot is kept for the step's own failure message, and when findings
 * are left out a notice says how many and where to read them all.
 */
export function planAnnotations(report: Report): Annotation[] {
  const room: Record<Severity, number> = {
    error: ANNOTATIONS_PER_SEVERITY - (report.verdict === 'fail' ? 1 : 0),
    warning: ANNOTATIONS_PER_SEVERITY,
    notice: ANNOTATIONS_PER_SEVERITY,
  };
  const order: Severity[] = ['error', 'warning', 'notice'];
  const sorted = [...report.findings].sort(
    (a, b) => order.indexOf(a.severity) - order.indexOf(b.severity),
  );
  const total = sorted.length;
  const overflow = order.some(
    (severity) => sorted.filter((finding) => finding.severity === severity).length > room[severity],
  );
  if (overflow) room.notice -= 1;
  const annotations: Annotation[] = [];
  for (const finding of sorted) {
    if (room[finding.severity] === 0) continue;
    room[finding.severity]--;
    annotations.push({
      severity: finding.severity,
      title: `${finding.rule} ${TITLES.get(finding.rule) ?? finding.name}`,
      // In the log as in the comment: no invisible character may reorder what a reviewer reads.
      message: showInvisible(
        `${onPlatforms(report, finding)}${finding.fix ? `${finding.message}\nFix: ${finding.fix.summary}` : finding.message}`,
      ),
      ...(finding.location ? { file: finding.location.file, line: finding.location.line } : {}),
    });
  }
  const left = total - annotations.length;
  if (left > 0) {
    annotations.push({
      severity: 'notice',
      title: 'Non-root Guard: more findings',
      message: `${left} more finding${left === 1 ? ' is' : 's are'} not shown as annotations (GitHub shows ${ANNOTATIONS_PER_SEVERITY} per severity); the job summary and the JSON report list them all.`,
    });
  }
  return annotations;
}

/** `On linux/arm64: ` before a finding of a report that covers several platforms. */
function onPlatforms(report: Report, finding: Report['findings'][number]): string {
  const platforms = findingPlatforms(report, finding);
  return platforms ? `On ${platforms}: ` : '';
}
