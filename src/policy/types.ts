import type { Facts, FactKind } from '../facts/types.js';
import type { Location } from '../facts/location.js';
import type { Fix } from '../fixes/types.js';
import type { Allowances } from './allow.js';

export const PRESETS = ['baseline', 'restricted', 'hardened'] as const;
export type Preset = (typeof PRESETS)[number];

export const SEVERITIES = ['error', 'warning', 'notice'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type RuleLevel = Severity | 'off';

export const FAIL_ON = ['error', 'warning', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export const PROBE_MODES = ['required', 'optional'] as const;
export type ProbeMode = (typeof PROBE_MODES)[number];

/** What a rule reports; the policy then gives it a severity. */
export interface RuleHit {
  message: string;
  location: Location | null;
  fix: Fix | null;
  /**
   * The highest severity this hit may have, whatever the rule's level: for what the rule
   * looks for, found in a form that can do little harm (an su that cannot switch users).
   */
  atMost?: Severity;
}

export interface Rule {
  id: string;
  name: string;
  /** A short sentence: the problem, not the fix. */
  title: string;
  /** Why this matters, for the docs and SARIF help. */
  rationale: string;
  /** The fix in general terms, for the docs (each finding carries its own, exact fix). */
  howToFix: string;
  /** Fixture images (fixtures/images/<name>) on which the rule fires and does not: the docs' examples, executed by the tests. */
  examples: { failing: string; passing: string };
  levels: Record<Preset, RuleLevel>;
  needs: FactKind[];
  evaluate(facts: Facts, context: RuleContext): RuleHit[];
}

/**
 * What a rule may know of the policy besides the facts: the allowances of the
 * policy file (paths the user may write, accepted setid files and ports, where
 * the walk may stop). Levels, ignores and fail-on apply after the rules ran.
 */
export interface RuleContext {
  allow: Allowances;
}

export interface Finding extends Omit<RuleHit, 'atMost'> {
  rule: string;
  name: string;
  severity: Severity;
}

export interface Skipped {
  rule: string;
  reason: string;
}

export interface IgnoreEntry {
  rule: string;
  path: string | null;
  reason: string;
  expires: string | null;
  /** The expiry date has passed: the ignore no longer applies, and the report says so. */
  expired: boolean;
}

export interface PolicySettings {
  preset: Preset;
  failOn: FailOn;
  /** `required`: a probe that could not run fails the check; `optional`: its rules are skipped. */
  probe: ProbeMode;
  /** Each rule's level by id, when a policy file overrides the preset's. */
  levels?: Record<string, RuleLevel>;
  /** Findings the policy file accepts, with a reason. */
  ignores?: IgnoreEntry[];
  /** What the policy file allows; none when unset. */
  allow?: Allowances;
}

/** Findings an ignore entry removed. */
export interface Ignored {
  rule: string;
  path: string | null;
  reason: string;
  expires: string | null;
  count: number;
}

export interface Evaluation {
  verdict: 'pass' | 'fail';
  /** Why the verdict is fail although no finding says so (e.g. a required probe that could not run). */
  blocked: string | null;
  findings: Finding[];
  /** Findings removed by an ignore entry of the policy, with its reason. */
  ignored: Ignored[];
  skipped: Skipped[];
  counts: Record<Severity, number>;
}
