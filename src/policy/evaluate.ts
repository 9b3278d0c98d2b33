import { posix } from 'node:path';
import { NO_ALLOWANCES } from './allow.js';
import { RULES } from './rules/index.js';
import type {
  Evaluation,
  Finding,
  IgnoreEntry,
  Ignored,
  PolicySettings,
  Rule,
  RuleContext,
  Severity,
  Skipped,
} from './types.js';
import type { FactKind, Facts } from '../facts/types.js';

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

/** The order findings are reported in: most severe first, then by rule. */
export function compareFindings(
  a: { severity: Severity; rule: string },
  b: { severity: Severity; rule: string },
): number {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.rule.localeCompare(b.rule);
}

/** Why a kind of fact is missing, or null when the rules can have it. */
function unavailable(kind: FactKind, facts: Facts): string | null {
  const probe = facts.probe;
  switch (kind) {
    case 'image':
    case 'accounts':
      return null;
    case 'dockerfile':
      return facts.dockerfile ? null : 'no Dockerfile was given';
    case 'filesystem':
      return probe.status === 'failed' ? probe.reason : null;
    case 'runtime-user':
      return probe.status === 'ok' ? null : probe.reason;
    case 'manifests':
      return manifestsUnavailable(facts);
  }
}

function manifestsUnavailable({ kubernetes }: Facts): string | null {
  if (!kubernetes) return 'no manifests given';
  if (kubernetes.containers.length > 0) return null;
  const files = `${kubernetes.files.length} manifest file${kubernetes.files.length === 1 ? '' : 's'}`;
  const others = kubernetes.otherImages.length
    ? ` (they run ${[...new Set(kubernetes.otherImages)].slice(0, 5).join(', ')})`
    : '';
  return `no container in ${files} runs this image${others}: set manifest-image to the image as the manifests name it`;
}

/**
 * Runs every rule, then applies the policy once: the preset's level for each
 * rule, then `failOn` for the verdict. Rules never see the policy.
 */
export function evaluate(
  facts: Facts,
  policy: PolicySettings,
  rules: readonly Rule[] = RULES,
): Evaluation {
  const raised: Finding[] = [];
  const context: RuleContext = { allow: policy.allow ?? NO_ALLOWANCES };
  const skipped: Skipped[] = [];
  for (const rule of rules) {
    const level = policy.levels?.[rule.id] ?? rule.levels[policy.preset];
    if (level === 'off') continue;
    const reason = rule.needs.map((kind) => unavailable(kind, facts)).find((why) => why);
    if (reason) {
      skipped.push({ rule: rule.id, reason });
      continue;
    }
    for (const { atMost, ...hit } of rule.evaluate(facts, context)) {
      // A hit that can do little harm as found is held below the rule's level, never above it.
      const severity = atMost && SEVERITY_ORDER[atMost] > SEVERITY_ORDER[level] ? atMost : level;
      raised.push({ rule: rule.id, name: rule.name, severity, ...hit });
    }
  }
  // Ignores apply once, after every rule ran; then the counts and fail-on decide.
  const { kept: findings, ignored } = applyIgnores(raised, policy.ignores ?? []);
  findings.sort(compareFindings);
  const counts: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  for (const finding of findings) counts[finding.severity]++;
  const failed =
    policy.failOn === 'error'
      ? counts.error > 0
      : policy.failOn === 'warning'
        ? counts.error + counts.warning > 0
        : false;
  // Fail closed: without the probe's measurements, "no findings" proves nothing, whatever
  // kept it from measuring (it could not run, or could not become the image's user).
  const blocked =
    facts.probe.status !== 'ok' && policy.probe === 'required'
      ? facts.probe.status === 'failed'
        ? `the probe could not run, and the policy requires it: ${facts.probe.reason}`
        : `the probe could not measure as the image's user, and the policy requires it: ${facts.probe.reason}`
      : null;
  return {
    verdict: failed || blocked ? 'fail' : 'pass',
    blocked,
    findings,
    ignored,
    skipped,
    counts,
  };
}

/** An ignore matches a finding of its rule, located in a file its `path` glob matches (if any). */
function matches(entry: IgnoreEntry, finding: Finding): boolean {
  if (entry.expired || entry.rule !== finding.rule) return false;
  if (entry.path === null) return true;
  return finding.location !== null && posix.matchesGlob(finding.location.file, entry.path);
}

function applyIgnores(findings: Finding[], ignores: readonly IgnoreEntry[]) {
  const ignored = new Map<IgnoreEntry, number>();
  const kept = findings.filter((finding) => {
    const entry = ignores.find((candidate) => matches(candidate, finding));
    if (!entry) return true;
    ignored.set(entry, (ignored.get(entry) ?? 0) + 1);
    return false;
  });
  return {
    kept,
    ignored: [...ignored].map(([entry, count]): Ignored => ({
      rule: entry.rule,
      path: entry.path,
      reason: entry.reason,
      expires: entry.expires,
      count,
    })),
  };
}
