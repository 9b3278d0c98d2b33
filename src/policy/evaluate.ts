import { RULES } from './rules/index.js';
import type {
  Evaluation,
  FactKind,
  Facts,
  Finding,
  PolicySettings,
  Rule,
  Severity,
  Skipped,
} from './types.js';

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

function missingFacts(rule: Rule, facts: Facts): FactKind[] {
  const available: Record<FactKind, boolean> = {
    image: true,
    accounts: true,
    dockerfile: facts.dockerfile !== null,
  };
  return rule.needs.filter((kind) => !available[kind]);
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
  const findings: Finding[] = [];
  const skipped: Skipped[] = [];
  for (const rule of rules) {
    const level = rule.levels[policy.preset];
    if (level === 'off') continue;
    const missing = missingFacts(rule, facts);
    if (missing.length > 0) {
      skipped.push({
        rule: rule.id,
        reason: `needs ${missing.join(', ')} facts, which this check does not have`,
      });
      continue;
    }
    for (const hit of rule.evaluate(facts)) {
      findings.push({ rule: rule.id, name: rule.name, severity: level, ...hit });
    }
  }
  findings.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.rule.localeCompare(b.rule),
  );
  const counts: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  for (const finding of findings) counts[finding.severity]++;
  const failed =
    policy.failOn === 'error'
      ? counts.error > 0
      : policy.failOn === 'warning'
        ? counts.error + counts.warning > 0
        : false;
  return { verdict: failed ? 'fail' : 'pass', findings, skipped, counts };
}
