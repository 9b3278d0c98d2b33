import type { ProbeOutput } from '../../probe/schema.js';
import type { Facts } from '../types.js';

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

/** `a, b, c and 4 more`. */
export function listSome(items: readonly string[], total = items.length, shown = 5): string {
  const head = items.slice(0, shown);
  const more = total - head.length;
  return more > 0 ? `${head.join(', ')} and ${more} more` : head.join(', ');
}

/** `uid 1654 (app)`. */
export function whoRuns(output: ProbeOutput): string {
  const { uid, name } = output.identity;
  return name ? `uid ${uid} (${name})` : `uid ${uid}`;
}
