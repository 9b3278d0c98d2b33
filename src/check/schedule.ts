import type { EngineInfo } from '../source/types.js';

/** How the check's first steps overlap: the engine's answer, the inputs and an early inspect. */

/**
 * The promise, marked as handled: a rejection is seen where it is awaited, and
 * is not reported as unhandled when an earlier error ends the check first.
 */
export function settledLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

/**
 * Both results. When both fail the engine's reason is the one given: with no
 * daemon (or the wrong kind) it is the cause of the other failure too.
 */
export async function engineFirst<T>(
  engine: Promise<EngineInfo>,
  work: Promise<T>,
): Promise<[EngineInfo, T]> {
  const [engineResult, workResult] = await Promise.allSettled([engine, work]);
  if (engineResult.status === 'rejected') throw engineResult.reason;
  if (workResult.status === 'rejected') throw workResult.reason;
  return [engineResult.value, workResult.value];
}
