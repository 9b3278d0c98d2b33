import { renderMarkdown, type MarkdownOptions } from './markdown.js';
import type { Report } from './types.js';

/** GitHub refuses a comment body longer than this many characters (422). */
export const COMMENT_LIMIT = 65_536;
/** GitHub shows no job summary larger than this many bytes (per step). */
export const SUMMARY_LIMIT = 1024 * 1024;

/**
 * The hidden first line that finds our comment again. The id is percent-encoded
 * so no id can end the HTML comment or look like another id; the report's own
 * text is entity-escaped, so nothing inside the body can forge it either.
 */
export function commentMarker(commentId: string): string {
  return `<!-- nonroot-guard:comment ${encodeURIComponent(commentId)} -->`;
}

export interface CommentContext {
  marker: string;
  /** The workflow run whose job summary holds the full report. */
  runUrl?: string;
  /** The commit the report is for, shown so a reviewer knows the comment is current. */
  sha?: string;
  lineUrl?: MarkdownOptions['lineUrl'];
}

/**
 * The sticky PR comment: the marker, then the report as in the job summary
 * with links to the lines, within GitHub's limit. When the full report is too
 * long, the short form (verdict, facts, as many findings as fit) links to the
 * job summary instead.
 */
export function renderComment(report: Report, context: CommentContext): string {
  const footer = commentFooter(context);
  const full = [context.marker, renderMarkdown(report, { lineUrl: context.lineUrl }), footer].join(
    '\n',
  );
  if (full.length <= COMMENT_LIMIT) return full;
  const where = context.runUrl ? `the [job summary](${context.runUrl})` : 'the job summary';
  const tooLong = `The full report (fixes as diffs, runtime facts) is ${full.length.toLocaleString('en')} characters, more than a comment holds: see ${where}.`;
  return fitFindings(
    report,
    (options) =>
      [
        context.marker,
        renderMarkdown(report, { ...options, lineUrl: context.lineUrl }),
        '',
        tooLong,
        footer,
      ].join('\n'),
    COMMENT_LIMIT,
    (text) => text.length,
  );
}

/** The job summary within GitHub's 1 MiB, in the short form when the full one is larger. */
export function renderSummary(report: Report): string {
  const full = renderMarkdown(report);
  const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
  if (bytes(full) <= SUMMARY_LIMIT) return full;
  const tooLong = `The full report is ${bytes(full).toLocaleString('en')} bytes, more than a job summary holds: it is in the JSON report (the \`report\` output).`;
  return fitFindings(
    report,
    (options) => [renderMarkdown(report, options), '', tooLong].join('\n'),
    SUMMARY_LIMIT,
    bytes,
  );
}

/** The short form with as many findings as fit in `limit` (by halving, then counting up). */
function fitFindings(
  report: Report,
  render: (options: MarkdownOptions) => string,
  limit: number,
  size: (text: string) => number,
): string {
  const attempt = (maxFindings: number) => render({ brief: true, maxFindings });
  let low = 0;
  let high = report.findings.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (size(attempt(middle)) <= limit) low = middle;
    else high = middle - 1;
  }
  return attempt(low);
}

function commentFooter(context: CommentContext): string {
  const parts = ['<sub>Non-root Guard'];
  if (context.sha) parts.push(` · checked ${context.sha.slice(0, 7)}`);
  if (context.runUrl) parts.push(` · [run](${context.runUrl})`);
  parts.push(' · this comment is updated on every run</sub>');
  return parts.join('');
}
