import {
  describeCounts,
  describePolicy,
  describePolicyChanges,
  describePlatform,
  describeProbe,
  distinctDiffs,
  distinctFixes,
  findingPlatforms,
  shortId,
  skippedByReason,
} from './describe.js';
import { markdownCode, markdownProse, markdownText, showInvisible } from './escape.js';
import { runtimeFactRows } from './runtime-facts.js';
import type { Report } from './types.js';

const SEVERITY_ICON = { error: '🔴 error', warning: '🟠 warning', notice: '🔵 notice' } as const;

export interface MarkdownOptions {
  /** A link to a file's line as the reviewer sees it (the PR's head commit), or none. */
  lineUrl?: (file: string, line: number) => string;
  /** Leave out the fix diffs, runtime facts and notes (the short form when the full one is too long). */
  brief?: boolean;
  /** Show at most this many findings in the table (the rest are counted). */
  maxFindings?: number;
}

/** The report as GitHub-flavoured markdown (job summary and PR comment): verdict, facts, findings, fixes. */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const out: string[] = [];
  const icon = report.verdict === 'pass' ? '✅' : '❌';
  out.push(
    `### ${icon} Non-root Guard: ${report.verdict} — ${markdownCode(report.image.ref)} (${describeCounts(report)})`,
    '',
    // The image is the table's header row: GitHub draws an empty header as a blank band.
    `| Image | ${markdownCode(report.image.ref)} ${markdownCode(shortId(report.image.id))} ${markdownText(report.image.platform)} |`,
    '|---|---|',
    `| User | ${userCell(report, options)} |`,
  );
  if (report.dockerfile) {
    out.push(
      `| Dockerfile | ${where(report.dockerfile.path, report.dockerfile.finalStage.line, options)}, final stage FROM ${markdownCode(report.dockerfile.finalStage.base)} |`,
    );
  }
  if (report.platforms.length > 1) {
    const rows = report.platforms.map((entry) => {
      const { platform, verdict, detail } = describePlatform(entry);
      const icon = entry.verdict === 'pass' ? '✅' : entry.verdict === 'fail' ? '❌' : '⚪';
      return `${icon} ${markdownCode(platform)} ${markdownText(verdict)}: ${markdownText(detail)}`;
    });
    out.push(`| Platforms | ${rows.join('<br>')} |`);
  }
  out.push(`| Probe | ${markdownText(describeProbe(report))} |`);
  if (report.blocked) out.push(`| Blocked | ${markdownText(report.blocked)} |`);
  out.push(`| Policy | ${markdownText(describePolicy(report))} |`);
  for (const change of describePolicyChanges(report)) out.push(`| | ${markdownText(change)} |`);
  out.push('');

  if (report.findings.length > 0) {
    const shown = report.findings.slice(0, options.maxFindings ?? report.findings.length);
    out.push('| Severity | Rule | Where | What |', '|---|---|---|---|');
    for (const finding of shown) {
      const location = finding.location
        ? where(finding.location.file, finding.location.line, options, report.dockerfile?.path)
        : 'image';
      const platforms = findingPlatforms(report, finding);
      const on = platforms ? `<br><sub>${markdownText(platforms)}</sub>` : '';
      out.push(
        `| ${SEVERITY_ICON[finding.severity]} | ${finding.rule}<br><sub>${finding.name}</sub> | ${location}${on} | ${markdownProse(finding.message)} |`,
      );
    }
    const hidden = report.findings.length - shown.length;
    if (hidden > 0) out.push(`| | | | …and ${hidden} more |`);
    out.push('');
    if (!options.brief) out.push(...fixSection(report));
  }
  if (options.brief) return out.join('\n');
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
    for (const { rules, reason } of skippedByReason(report))
      out.push(`- skipped ${rules.join(', ')}: ${markdownText(reason)}`);
    for (const note of report.notes) out.push(`- ${markdownText(note)}`);
    out.push('', '</details>', '');
  }
  return out.join('\n');
}

/**
 * Who the container runs as, and where that is set: `USER $APP_UID` (line 19)
 * → uid 1654 (app), or "not set" → uid 0 (root).
 */
function userCell(report: Report, options: MarkdownOptions): string {
  const { uid, gid, name, startError } = report.user;
  const set = report.dockerfile?.user;
  const source = set
    ? `${markdownCode(`USER ${set.raw}`)} (${where(report.dockerfile!.path, set.line, options, report.dockerfile!.path)})`
    : report.user.config === ''
      ? 'not set'
      : `${markdownCode(report.user.config)} (from the base image)`;
  if (uid === null) {
    return `${source} → the container cannot start: ${markdownCode(startError ?? 'unresolved')}`;
  }
  const who = uid === 0 ? 'root' : name;
  return `${source} → uid ${uid}, gid ${gid ?? '?'}${who ? ` (${markdownText(who)})` : ''}`;
}

/**
 * `file:line` as code, linked to the line when a link is known; `line N` alone
 * when the file is the report's Dockerfile, already named above.
 */
function where(file: string, line: number, options: MarkdownOptions, known?: string): string {
  const text = file === known ? `line ${line}` : markdownCode(`${file}:${line}`);
  return options.lineUrl
    ? `<a href="${escapeAttribute(options.lineUrl(file, line))}">${text}</a>`
    : text;
}

function escapeAttribute(url: string): string {
  return url.replace(/[&"<>]/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Each fix in words once (rules that share one are listed together), then each distinct diff, collapsed. */
function fixSection(report: Report): string[] {
  const fixes = distinctFixes(report);
  if (fixes.length === 0) return [];
  const out = ['**How to fix**', ''];
  for (const { summary, rules } of fixes) {
    out.push(`- **${rules.join(', ')}** ${markdownProse(summary)}`);
  }
  out.push('');
  const diffs = distinctDiffs(report);
  for (const { diff, rules } of diffs) {
    // A single fix is the point of the report: shown open. Several stay folded.
    out.push(
      `<details${diffs.length === 1 ? ' open' : ''}><summary>${rules.join(', ')}: the change, as a diff (<code>git apply</code> accepts it)</summary>`,
      '',
      ...fenced(diff, 'diff'),
      '',
      '</details>',
      '',
    );
  }
  return out;
}

/**
 * A fenced code block whose fence is longer than any backtick run inside, so
 * text from the pull request (a Dockerfile line of ```) cannot close it.
 */
export function fenced(raw: string, language: string): string[] {
  // A code block shows text as it is, bidi controls included (Trojan Source): show them instead.
  const content = showInvisible(raw);
  const longest = Math.max(0, ...[...content.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [`${fence}${language}`, content.replace(/\n$/, ''), fence];
}
