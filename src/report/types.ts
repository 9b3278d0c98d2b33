import type { ImageFacts } from '../image/types.js';
import type { Override } from '../policy/effective.js';
import type {
  FailOn,
  Finding,
  Ignored,
  Preset,
  ProbeMode,
  Severity,
  Skipped,
} from '../policy/types.js';
import type { ProbeStatus } from '../facts/types.js';
import type { ProbeOutput } from '../probe/schema.js';

/** The probe's facts as the report shows them (see README, "What the probe measures"). */
export interface RuntimeReport {
  uid: number;
  gid: number;
  groups: number[];
  name: string | null;
  home: string | null;
  /** The probe started as root (to see the whole filesystem) and became the image's user. */
  switched: boolean;
  userError: string | null;
  accountFiles: { passwd: string; group: string };
  capabilities: { effective: string[]; permitted: string[]; bounding: string[]; ambient: string[] };
  noNewPrivs: boolean;
  seccomp: 'disabled' | 'strict' | 'filter';
  paths: ProbeOutput['paths'];
  writableDirs: ProbeOutput['writableDirs'];
  setid: ProbeOutput['setid'];
  fileCaps: ProbeOutput['fileCaps'];
  tools: ProbeOutput['tools'];
  ports: ProbeOutput['ports'];
  walk: ProbeOutput['walk'];
  probe: ProbeOutput['probe'];
}

/**
 * The JSON report: a contract (schemaVersion 1). Fields are only ever added.
 * `dockerfile` and `runtime` are null when there is none; so are a finding's
 * `location` and `fix`.
 */
export interface Report {
  schemaVersion: 1;
  tool: { name: 'nonroot-guard'; version: string };
  verdict: 'pass' | 'fail';
  /** Why the verdict is fail although no finding says so (a required probe that could not run), or null. */
  blocked: string | null;
  /** The image facts exactly as normalised from `docker inspect`. */
  image: ImageFacts;
  dockerfile: {
    path: string;
    finalStage: { name: string | null; line: number; base: string };
    /** The USER instruction that sets the image's user, or null when the base image decides. */
    user: { line: number; raw: string; value: string } | null;
  } | null;
  /** What became of the in-container probe: ok, failed (with the reason) or user-error. */
  probe: ProbeStatus;
  /** Facts the probe measured inside the image as its user; null when it could not run. */
  runtime: RuntimeReport | null;
  /** The image user as the runtime resolves it from the image's own /etc/passwd and /etc/group. */
  user: {
    config: string;
    uid: number | null;
    gid: number | null;
    /** The groups the process has (the primary one too), sorted; null when it cannot start. */
    groups: number[] | null;
    name: string | null;
    home: string | null;
    /** Why the runtime refuses to start the container as this user, in its words; else null. */
    startError: string | null;
  };
  /** The policy in force and where each part came from. */
  policy: {
    preset: Preset;
    presetSource: 'input' | 'file' | 'default';
    file: string | null;
    failOn: FailOn;
    probe: ProbeMode;
    /** Rules whose level the policy file changed from the preset's. */
    overrides: Override[];
    /** Findings an ignore entry removed, with its reason. */
    ignored: Ignored[];
    allow: { writable: string[]; setid: string[]; ports: number[]; portVariables: string[] };
  };
  summary: Record<Severity, number>;
  findings: Finding[];
  skipped: Skipped[];
  /** Things a person should know that are not findings (e.g. a Dockerfile that disagrees with the image). */
  notes: string[];
}
