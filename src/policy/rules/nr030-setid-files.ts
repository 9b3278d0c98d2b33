import { allowed } from '../allow.js';
import { rootRunDiff } from '../../fixes/root-run.js';
import type { Rule } from '../types.js';
import type { Facts } from '../../facts/types.js';
import type { Fix } from '../../fixes/types.js';
import { shellWord } from './common.js';
import { permissionSource } from '../../dockerfile/permission-source.js';
import { fromLocation } from './locate.js';
import { listSome } from '../../facts/describe.js';
import { octal, runtime } from './runtime-common.js';

export const nr030: Rule = {
  id: 'NR030',
  name: 'setid-files',
  title: 'The image contains setuid or setgid files',
  rationale:
    'A setuid-root binary is a ready-made path back to root for a non-root process (when no-new-privileges is not set). Application images do not need any; the probe scans the whole filesystem as root, including directories the user cannot read.',
  howToFix:
    'Remove setuid/setgid bits in the final stage (`RUN chmod u-s,g-s <files>`) or do not ship the files; list the ones you need in allow-setid.',
  examples: { failing: 'setuid-under-root', passing: 'user-1654' },
  levels: { baseline: 'warning', restricted: 'error', hardened: 'error' },
  needs: ['filesystem'],
  evaluate(facts, context) {
    const all = runtime(facts).setid;
    const items = all.items.filter((file) => !allowed(file.path, context.allow.setid));
    const count = all.count - (all.items.length - items.length);
    if (count === 0) return [];
    const setid = { ...all, items, count };
    const describe = (file: (typeof setid.items)[number]) => {
      const bits = [
        file.mode & 0o4000 ? `setuid ${file.uid}` : '',
        file.mode & 0o2000 ? `setgid ${file.gid}` : '',
      ]
        .filter(Boolean)
        .join(', ');
      return `${file.path} (${bits}, mode ${octal(file.mode)})`;
    };
    const source = facts.dockerfile
      ? setid.items
          .map((file) => permissionSource(facts.dockerfile!, file.path))
          .find((hit) => hit?.kind === 'chmod')
      : undefined;
    const noun = setid.count === 1 ? 'file' : 'files';
    return [
      {
        message: `${setid.count} setuid/setgid ${noun}: ${listSome(setid.items.map(describe), setid.count)}`,
        location: source?.location ?? fromLocation(facts),
        fix: fixFor(
          facts,
          setid.items.map((file) => file.path),
          setid.truncated,
        ),
      },
    ];
  },
};

/**
 * A RUN line that clears the bits: the files by name when that is safe, else every such file.
 * The diff only names files: a name the probe could not give as it is (invalid UTF-8 shows as
 * U+FFFD) would not match the file.
 */
/**
 * How many files the fix names in its one RUN line: a Debian base has 11 (passwd, util-linux,
 * login, shadow), Ubuntu's some more; past this the line is no longer one a reviewer reads.
 */
const MAX_NAMED_FILES = 32;

function fixFor(facts: Facts, paths: string[], truncated: boolean): Fix {
  const words = paths.map(shellWord);
  const byName =
    !truncated && paths.length <= MAX_NAMED_FILES && words.every((word) => word !== null);
  const command = byName
    ? `chmod u-s,g-s ${words.join(' ')}`
    : 'find / -xdev -type f -perm /6000 -exec chmod u-s,g-s {} +';
  return {
    summary: `Remove the bits in the final stage: \`RUN ${command}\`, or delete the files; list the ones you need in the policy (allow-setid).`,
    diff:
      byName && !paths.some((path) => path.includes('\uFFFD')) ? rootRunDiff(facts, command) : null,
  };
}
