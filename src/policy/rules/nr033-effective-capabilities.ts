import type { Rule } from '../types.js';
import { capabilityNames } from '../../facts/capabilities.js';
import { userLocation } from './common.js';
import { listSome } from '../../facts/describe.js';
import { runtime, whoRuns } from './runtime-common.js';

export const nr033: Rule = {
  id: 'NR033',
  name: 'effective-capabilities',
  title: 'The runtime user holds effective or permitted capabilities',
  rationale:
    "Capabilities are root's powers in pieces. Under Docker's defaults a non-root process has none; a root process has about fourteen, CHOWN and DAC_OVERRIDE among them.",
  howToFix:
    'Run as a non-root user; in Kubernetes also drop all capabilities (securityContext.capabilities.drop: [ALL]).',
  examples: { failing: 'root-by-default', passing: 'user-1654' },
  levels: { baseline: 'error', restricted: 'error', hardened: 'error' },
  needs: ['runtime-user'],
  evaluate(facts) {
    const output = runtime(facts);
    const { capEff, capPrm, capAmb } = output.status;
    const effective = capabilityNames(capEff);
    const permitted = capabilityNames(capPrm);
    const ambient = capabilityNames(capAmb);
    if (effective.length + permitted.length + ambient.length === 0) return [];
    const parts = [
      effective.length > 0 ? `effective ${listSome(effective, effective.length, 6)}` : '',
      permitted.length > 0 && capPrm !== capEff
        ? `permitted ${listSome(permitted, permitted.length, 6)}`
        : '',
      ambient.length > 0 ? `ambient ${listSome(ambient, ambient.length, 6)}` : '',
    ].filter(Boolean);
    return [
      {
        message: `${whoRuns(output)} holds capabilities under Docker's defaults: ${parts.join('; ')}`,
        location: userLocation(facts),
        fix: {
          summary:
            'Run as a non-root user (a numeric USER), which clears them; in Kubernetes also drop them all (securityContext.capabilities.drop: [ALL]).',
          diff: null,
        },
      },
    ];
  },
};
