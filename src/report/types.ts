import type { ImageFacts } from '../image/types.js';
import type { FailOn, Finding, Preset, Severity, Skipped } from '../policy/types.js';

/**
 * The JSON report: a contract (schemaVersion 1). Fields are only ever added.
 * `dockerfile` and `runtime` are null when there is none; so are a finding's
 * `location` and `fix`.
 */
export interface Report {
  schemaVersion: 1;
  tool: { name: 'nonroot-guard'; version: string };
  verdict: 'pass' | 'fail';
  /** The image facts exactly as normalised from `docker inspect`. */
  image: ImageFacts;
  dockerfile: {
    path: string;
    finalStage: { name: string | null; line: number; base: string };
    /** The USER instruction that sets the image's user, or null when the base image decides. */
    user: { line: number; raw: string; value: string } | null;
  } | null;
  /** Facts from the in-container probe; null until the probe runs. */
  runtime: null;
  /** The image user as the runtime resolves it from the image's own /etc/passwd and /etc/group. */
  user: {
    config: string;
    uid: number | null;
    gid: number | null;
    name: string | null;
    home: string | null;
  };
  policy: { preset: Preset; failOn: FailOn };
  summary: Record<Severity, number>;
  findings: Finding[];
  skipped: Skipped[];
  /** Things a person should know that are not findings (e.g. a Dockerfile that disagrees with the image). */
  notes: string[];
}
