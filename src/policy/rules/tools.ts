import type { ProbeOutput } from '../../probe/schema.js';
import type { RuleHit } from '../types.js';
import type { Facts } from '../../facts/types.js';
import type { Fix } from '../../fixes/types.js';
import { fromLocation } from './locate.js';
import { listSome } from '../../facts/describe.js';
import { runtime } from './runtime-common.js';

type Tool = ProbeOutput['tools'][number];
type ToolKind = Tool['kind'];

/** The tools as the findings name them: `path → resolved` where a link leads elsewhere. */
export function shownTools(tools: readonly Tool[]): string {
  return listSome(
    tools.map((tool) =>
      tool.path === tool.resolved ? tool.path : `${tool.path} → ${tool.resolved}`,
    ),
  );
}

/**
 * One hit listing the tools of a kind the probe found, `path → resolved`; the fix is
 * a sentence, or made from the paths found.
 */
export function toolHit(
  facts: Facts,
  kind: ToolKind,
  what: string,
  fix: string | ((paths: string[]) => Fix),
): RuleHit[] {
  const tools = runtime(facts).tools.filter((tool) => tool.kind === kind);
  if (tools.length === 0) return [];
  return [
    {
      message: `${what}: ${shownTools(tools)}`,
      location: fromLocation(facts),
      fix:
        typeof fix === 'string'
          ? { summary: fix, diff: null }
          : fix(tools.map((tool) => tool.path)),
    },
  ];
}
