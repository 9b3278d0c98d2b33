import type { DockerfileFacts } from '../dockerfile/types.js';
import type { Accounts } from '../image/accounts.js';
import type { ResolvedUser } from '../image/resolve-user.js';
import type { ImageFacts } from '../image/types.js';
import type { KubernetesFacts } from '../kubernetes/types.js';
import type { ProbeOutput } from '../probe/schema.js';
import type { Allowances } from './allow.js';
import type { IgnoreEntry } from './effective.js';
import type { DeclaredPort } from './ports.js';

export const PRESETS = ['baseline', 'restricted', 'hardened'] as const;
export type Preset = (typeof PRESETS)[number];

export const SEVERITIES = ['error', 'warning', 'notice'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type RuleLevel = Severity | 'off';

export const FAIL_ON = ['error', 'warning', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export const PROBE_MODES = ['required', 'optional'] as const;
export type ProbeMode = (typeof PROBE_MODES)[number];

/** What became of the in-container probe. */
export type ProbeStatus =
  | { status: 'ok'; elapsedMs: number }
  /** The probe could not run or its output could not be read: nothing it would show is known. */
  | { status: 'failed'; reason: string }
  /** The probe ran but could not become the image's user: the container cannot start. */
  | { status: 'user-error'; reason: string };

/** Everything the rules judge: plain data gathered by the edges. */
export interface Facts {
  image: ImageFacts;
  accounts: Accounts;
  /** `image.user` resolved against the image's own account files. */
  user: ResolvedUser;
  dockerfile: DockerfileFacts | null;
  /** Ports the image declares (EXPOSE and the port variables). */
  ports: DeclaredPort[];
  /** The probe's facts from inside the image, or null when it did not run. */
  runtime: ProbeOutput | null;
  probe: ProbeStatus;
  /** What the policy file allows (paths the user may write, accepted setid files and ports). */
  allow: Allowances;
  /** The manifests' containers that run this image, or null when no manifests were given. */
  kubernetes: KubernetesFacts | null;
}

/**
 * The kinds of facts a rule can need; a rule whose facts are missing is
 * reported as skipped, with the reason. `filesystem` is the probe's walk (as
 * root); `runtime-user` is what the probe measured as the image's user.
 */
export type FactKind =
  'image' | 'accounts' | 'dockerfile' | 'filesystem' | 'runtime-user' | 'manifests';

export interface Location {
  /** Path relative to the repository (as given by the user). */
  file: string;
  line: number;
}

export interface Fix {
  /** One or two sentences a person can act on; code in backticks. */
  summary: string;
  /** A unified diff against the real file, when one is right. */
  diff: string | null;
}

/** What a rule reports; the policy then gives it a severity. */
export interface RuleHit {
  message: string;
  location: Location | null;
  fix: Fix | null;
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
  evaluate(facts: Facts): RuleHit[];
}

export interface Finding extends RuleHit {
  rule: string;
  name: string;
  severity: Severity;
}

export interface Skipped {
  rule: string;
  reason: string;
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
