import type { Allowances } from './allow.js';
import { DEFAULT_POLICY, type LoadedPolicy } from './config.js';
import { RULES } from './rules/index.js';
import type { FailOn, IgnoreEntry, Preset, ProbeMode, RuleLevel } from './types.js';

export interface Override {
  rule: string;
  name: string;
  /** The preset's level for the rule, and the level the policy file gives it. */
  preset: RuleLevel;
  level: RuleLevel;
}

/** The policy in force: the preset, the file's overrides, ignores and allowances, fail-on. */
export interface EffectivePolicy {
  preset: Preset;
  /** Where the preset came from: the action input / CLI flag, the policy file, or the default. */
  presetSource: 'input' | 'file' | 'default';
  /** The policy file read, or null. */
  file: string | null;
  failOn: FailOn;
  probe: ProbeMode;
  levels: Record<string, RuleLevel>;
  overrides: Override[];
  ignores: IgnoreEntry[];
  allow: Allowances;
  /** More environment variables that hold a port. */
  portVariables: string[];
}

const byKey = new Map(
  RULES.flatMap((rule) => [[rule.id, rule] as const, [rule.name, rule] as const]),
);

/**
 * Combines the inputs and the policy file, predictably: the preset given as
 * an input or flag wins over the file's, which wins over `baseline`; the
 * file's per-rule levels then apply over whichever preset that is.
 */
export function effectivePolicy(
  file: LoadedPolicy | null,
  inputs: { preset?: Preset; failOn: FailOn; probe: ProbeMode },
  today: string,
): EffectivePolicy {
  const policy = file?.policy ?? DEFAULT_POLICY;
  const preset = inputs.preset ?? policy.preset;
  const presetSource = inputs.preset ? 'input' : file?.presetGiven ? 'file' : 'default';
  const levels: Record<string, RuleLevel> = {};
  for (const rule of RULES) levels[rule.id] = rule.levels[preset];
  const overrides: Override[] = [];
  for (const [key, level] of Object.entries(policy.rules)) {
    const rule = byKey.get(key);
    if (!rule || level === undefined) continue;
    levels[rule.id] = level;
    overrides.push({ rule: rule.id, name: rule.name, preset: rule.levels[preset], level });
  }
  return {
    preset,
    presetSource,
    file: file?.path ?? null,
    failOn: inputs.failOn,
    probe: inputs.probe,
    levels,
    overrides,
    ignores: policy.ignore.map((entry) => ({
      rule: byKey.get(entry.rule)!.id,
      path: entry.path ?? null,
      reason: entry.reason,
      expires: entry.expires ?? null,
      expired: entry.expires !== undefined && entry.expires <= today,
    })),
    allow: {
      writable: policy['allow-writable'],
      setid: policy['allow-setid'],
      incompleteWalk: policy['allow-incomplete-walk'],
      ports: policy.ports.allow,
    },
    portVariables: policy.ports.variables,
  };
}
