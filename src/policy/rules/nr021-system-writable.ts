import type { Rule } from '../types.js';
import { SYSTEM_ROLES, writableHits, writablePaths } from './writable.js';

export const nr021: Rule = {
  id: 'NR021',
  name: 'system-writable',
  title: 'The runtime user can write a system directory: /, /bin, /sbin, /usr, /lib or /etc',
  rationale:
    'A non-root user who can write system directories can plant binaries, libraries or configuration that root or other processes later trust: the point of running as non-root is lost.',
  howToFix:
    'Do not chown or chmod system directories; they stay owned by root and not writable by others.',
  examples: { failing: 'system-writable-etc', passing: 'user-1654' },
  levels: { baseline: 'error', restricted: 'error', hardened: 'error' },
  needs: ['runtime-user'],
  evaluate(facts) {
    const entries = writablePaths(facts, SYSTEM_ROLES);
    return writableHits(facts, entries, 'system files can be replaced at runtime');
  },
};
