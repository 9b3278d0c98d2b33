import { allowed } from '../allow.js';
import type { Rule } from '../types.js';
import { fromLocation } from './locate.js';
import { listSome } from '../../facts/describe.js';
import { runtime } from './runtime-common.js';

/** Stops of the whole walk: what comes after is unknown, wherever it is, so no path can accept them. */
const WHOLE_WALK = /^(entry limit|time limit|writable check time limit)/;
/** Not a gap: past its create tests the writable check takes access()'s word, and says so. */
const NOT_A_GAP = /^writable check: after \d+ create tests/;

export const nr034: Rule = {
  id: 'NR034',
  name: 'walk-incomplete',
  title: "The probe's walk stopped at a limit, so some files were not judged",
  rationale:
    'Every file-system rule (setuid files, file capabilities, writable directories) judges what the walk saw. A walk that stopped at a limit (depth, path length, entries, time, a directory it could not read) may have missed the one setuid-root binary an image hides 3,000 directories deep, so an incomplete walk never passes.',
  howToFix:
    'Flatten or remove what the walk could not reach (the message says where and why). Where a deep or unreadable tree is expected and harmless, accept it for that path in the policy file (allow-incomplete-walk); a walk stopped by its entry or time limit cannot be accepted.',
  examples: { failing: 'walk-past-limit', passing: 'user-1654' },
  levels: { baseline: 'error', restricted: 'error', hardened: 'error' },
  needs: ['filesystem'],
  evaluate(facts, context) {
    const { walk } = runtime(facts);
    const gaps = walk.unscanned.items.filter((item) => !NOT_A_GAP.test(item.reason));
    const open = gaps.filter(
      (item) => WHOLE_WALK.test(item.reason) || !allowed(item.path, context.allow.incompleteWalk),
    );
    const hidden = walk.unscanned.count - walk.unscanned.items.length;
    if (open.length === 0 && hidden === 0 && !(walk.truncated && gaps.length === 0)) return [];
    const described = open.map((item) => `${item.path} (${item.reason})`);
    const total = open.length + hidden;
    const what =
      total > 0
        ? `${total} place${total === 1 ? '' : 's'} not walked: ${listSome(described, total)}`
        : 'the walk stopped at a limit';
    return [
      {
        message: `the walk of the image is incomplete after ${walk.entries} entries, so files there were not judged: ${what}`,
        location: fromLocation(facts),
        fix: {
          summary:
            'Remove or flatten what the walk could not reach; to accept a deep or unreadable tree that is expected, list its path under `allow-incomplete-walk` in the policy file.',
          diff: null,
        },
      },
    ];
  },
};
