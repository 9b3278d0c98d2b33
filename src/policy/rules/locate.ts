import type { DeclaredPort } from '../../facts/ports.js';
import type { Facts } from '../../facts/types.js';
import type { Location } from '../../facts/location.js';

/** The final stage's FROM: where to point when no single line is to blame. */
export function fromLocation(facts: Facts): Location | null {
  const dockerfile = facts.dockerfile;
  return dockerfile ? { file: dockerfile.path, line: dockerfile.finalStage.line } : null;
}

/** The EXPOSE or ENV line that declares a port, in the built stages; the last one wins. */
export function portLocation(facts: Facts, port: DeclaredPort): Location | null {
  const dockerfile = facts.dockerfile;
  if (!dockerfile) return null;
  let line: number | null = null;
  for (const stage of dockerfile.chain) {
    if (port.source === 'EXPOSE') {
      for (const expose of stage.exposes) {
        if (expose.ports.includes(`${port.port}/${port.protocol}`)) line = expose.line;
      }
    } else {
      for (const env of stage.envs) if (env.name === port.source) line = env.line;
    }
  }
  return { file: dockerfile.path, line: line ?? dockerfile.finalStage.line };
}
