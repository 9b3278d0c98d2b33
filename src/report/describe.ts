import type { Report } from './types.js';

/** One line on who the container runs as, e.g. `"app" → uid 1654, gid 1654 (app)`. */
export function describeUser(report: Report): string {
  const { config, uid, gid, name, startError } = report.user;
  const shown = `"${config}"`;
  if (uid === null) return `${shown} → the container cannot start: ${startError ?? 'unresolved'}`;
  const who = uid === 0 ? 'root' : name;
  return `${shown} → uid ${uid}, gid ${gid ?? '?'}${who ? ` (${who})` : ''}`;
}

export function describeCounts(report: Pick<Report, 'summary'>): string {
  const { error, warning, notice } = report.summary;
  const parts = [
    [error, 'error'],
    [warning, 'warning'],
    [notice, 'notice'],
  ]
    .filter(([count]) => (count as number) > 0)
    .map(([count, word]) => `${count} ${word}${count === 1 ? '' : 's'}`);
  return parts.length > 0 ? parts.join(', ') : 'no findings';
}

export function shortId(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12);
}

/**
 * The platforms a finding holds for, as a reader needs them: only when the report covers
 * several platforms (a single-platform report says its platform once, in the image line).
 */
export function findingPlatforms(
  report: Report,
  finding: Report['findings'][number],
): string | null {
  return report.platforms.length > 1 && finding.platforms.length > 0
    ? finding.platforms.join(', ')
    : null;
}

/** One platform's outcome in a line: `linux/arm64  FAIL  3 errors; uid 0 (root)`. */
export function describePlatform(entry: Report['platforms'][number]): {
  platform: string;
  verdict: string;
  detail: string;
} {
  if (entry.verdict === 'not-checked') {
    return { platform: entry.platform, verdict: 'not checked', detail: entry.reason ?? '' };
  }
  const counts = entry.summary ? describeCounts({ summary: entry.summary }) : 'no findings';
  const user = entry.user;
  const who =
    user && user.uid !== null
      ? `uid ${user.uid}${user.name ? ` (${user.name})` : ''}`
      : user?.startError
        ? 'cannot start as its user'
        : 'user unknown';
  const blocked = entry.reason ? `; ${entry.reason}` : '';
  return {
    platform: entry.platform,
    verdict: entry.verdict === 'pass' ? 'pass' : 'FAIL',
    detail: `${counts}; ${who}${blocked}`,
  };
}

export function locationText(location: { file: string; line: number } | null): string {
  return location ? `${location.file}:${location.line}` : 'image';
}

/** What the probe did, in one line. */
export function describeProbe(report: Report): string {
  const probe = report.probe;
  if (probe.status === 'failed') return `did not run: ${probe.reason}`;
  if (probe.status === 'user-error') return probe.reason;
  const runtime = report.runtime!;
  const who = runtime.name ? `uid ${runtime.uid} (${runtime.name})` : `uid ${runtime.uid}`;
  return `ran as ${who}, walked ${runtime.walk.entries} entries in ${runtime.walk.elapsedMs} ms${runtime.walk.truncated ? ' (incomplete)' : ''}; ${probe.elapsedMs} ms in all`;
}

/** The policy in force, in one line: preset and its source, fail-on, probe, the file. */
export function describePolicy(report: Report): string {
  const { preset, presetSource, file, failOn, probe } = report.policy;
  const source =
    presetSource === 'input'
      ? 'given as input'
      : presetSource === 'file'
        ? `from ${file}`
        : 'default';
  const fileNote = file && presetSource !== 'file' ? `; policy file ${file}` : '';
  return `preset ${preset} (${source}), fail on ${failOn}, probe ${probe}${fileNote}`;
}

/** Each override and ignore of the policy file, one line each. */
export function describePolicyChanges(report: Report): string[] {
  const lines = report.policy.overrides.map(
    (override) =>
      `override ${override.rule} ${override.name}: ${override.preset} → ${override.level}`,
  );
  for (const ignored of report.policy.ignored) {
    const where = ignored.path ? ` in ${ignored.path}` : '';
    const until = ignored.expires ? ` until ${ignored.expires}` : '';
    lines.push(
      `ignored ${ignored.count} ${ignored.rule} finding${ignored.count === 1 ? '' : 's'}${where}${until}: ${ignored.reason}`,
    );
  }
  return lines;
}

/** Rules grouped by a key (a diff, a fix, a reason), keys and rules in first-seen order, each rule once. */
function rulesBy(
  entries: Iterable<{ key: string | null | undefined; rule: string }>,
): { key: string; rules: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const { key, rule } of entries) {
    if (!key) continue;
    const rules = groups.get(key) ?? [];
    if (!rules.includes(rule)) rules.push(rule);
    groups.set(key, rules);
  }
  return [...groups].map(([key, rules]) => ({ key, rules }));
}

/** Each distinct fix diff once, with the rules whose findings share it (NR001 and NR010 often do). */
export function distinctDiffs(report: Report): { diff: string; rules: string[] }[] {
  return rulesBy(report.findings.map((f) => ({ key: f.fix?.diff, rule: f.rule }))).map(
    ({ key, rules }) => ({ diff: key, rules }),
  );
}

/** Each fix in words once, with the rules that share it. */
export function distinctFixes(report: Report): { summary: string; rules: string[] }[] {
  return rulesBy(report.findings.map((f) => ({ key: f.fix?.summary, rule: f.rule }))).map(
    ({ key, rules }) => ({ summary: key, rules }),
  );
}

/** Skipped rules grouped by their reason: "NR060, NR061, NR062" once for "no manifests given". */
export function skippedByReason(report: Report): { rules: string[]; reason: string }[] {
  return rulesBy(report.skipped.map((s) => ({ key: s.reason, rule: s.rule }))).map(
    ({ key, rules }) => ({ rules, reason: key }),
  );
}
