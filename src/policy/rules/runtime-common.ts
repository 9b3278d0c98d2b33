import type { ProbeOutput } from '../../probe/schema.js';
import type { Facts } from '../../facts/types.js';

export type CheckedPath = ProbeOutput['paths'][number];

/** The probe's facts; only call from rules that declare they need them. */
export function runtime(facts: Facts): ProbeOutput {
  if (!facts.runtime) throw new Error('a probe rule ran without the probe facts it declared');
  return facts.runtime;
}

export function octal(mode: number | null): string {
  return mode === null ? '?' : mode.toString(8).padStart(4, '0');
}

/** `/app (owner 1654:1654, mode 0755)`: the evidence for a path. */
export function describePath(entry: CheckedPath): string {
  return `${entry.path} (owner ${entry.uid ?? '?'}:${entry.gid ?? '?'}, mode ${octal(entry.mode)})`;
}

/** `uid 1654 (app)`. */
export function whoRuns(output: ProbeOutput): string {
  const { uid, name } = output.identity;
  return name ? `uid ${uid} (${name})` : `uid ${uid}`;
}
