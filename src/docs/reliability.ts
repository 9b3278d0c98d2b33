/**
 * The hostile corpus (fixtures/hostile/cases.json): every hostile image and
 * bad input the tests run, with the outcome they must have. The end-to-end
 * test runs each case; the README's "Reliability" section is generated from
 * the same list, so its totals are the tests' own.
 */

export interface HostileCase {
  id: string;
  /**
   * image: built from fixtures/hostile/<id>; daemon: an image that attacks the Docker daemon
   * itself, made and checked only on a private, memory-capped daemon; input: a bad option or
   * environment; github: a failing API.
   */
  group: 'image' | 'daemon' | 'input' | 'github';
  /** What the case is, for a person. */
  what: string;
  /** The CLI's arguments (`check …`), or the action's inputs when `action` is set. */
  args?: string[];
  action?: Record<string, string>;
  /** A preparation the test knows by name (a build argument, a fake platform, an API fault, …). */
  setup?: string;
  /**
   * Run through a copy of the bundles whose probe has these of probe.c's limits lowered (its
   * -D values): for a limit that no image can reach cheaply.
   */
  probeLimits?: Record<string, number>;
  expect: {
    exit: 0 | 1 | 2;
    /** The report's verdict when there is one. */
    verdict?: 'pass' | 'fail';
    /** Rules that must be among the findings. */
    rules?: string[];
    /** Text the output must contain (stdout for reports, stderr or the step's error otherwise). */
    says: string;
  };
  /** The case must end within this many seconds: nothing hangs. */
  boundSeconds: number;
}

const GROUP_TITLE: Record<HostileCase['group'], string> = {
  image: 'Hostile images',
  daemon: 'Images that attack the Docker daemon (on a private daemon in a memory-capped cgroup)',
  input: 'Bad inputs and environments',
  github: 'A failing GitHub API',
};

/** Table text: no pipe, newline or HTML can break the table or hide the rest of the README. */
function cell(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/\n/g, ' ');
}

/** What the tool prints, as code: a code span is shown as it is, with a fence no backtick run closes. */
function code(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence} ${text.replace(/\|/g, '\\|')} ${fence}`;
}

/** The README section: totals by outcome, then every case with its outcome and what it says. */
export function reliabilitySection(cases: readonly HostileCase[]): string {
  const count = (exit: 0 | 1 | 2) => cases.filter((c) => c.expect.exit === exit).length;
  const longest = Math.max(...cases.map((c) => c.boundSeconds));
  const out = [
    `${cases.length} cases, each run end to end by \`__tests__/e2e/hostile-corpus.test.ts\` with its outcome asserted: ` +
      `${count(0)} end with exit 0 (the check passes), ${count(1)} with exit 1 (the check fails), ` +
      `${count(2)} with exit 2 (an error that names the cause and what to do); ` +
      `none crashes, prints a stack trace or runs past its bound (${longest} s at most). ` +
      'A case passes only where passing is right: the image or input is odd but not wrong.',
  ];
  for (const group of ['image', 'daemon', 'input', 'github'] as const) {
    const rows = cases.filter((c) => c.group === group);
    if (rows.length === 0) continue;
    out.push('', `**${GROUP_TITLE[group]}** (${rows.length})`, '', '| case | outcome | says |', '|---|---|---|');
    for (const c of rows) {
      const verdict = c.expect.verdict ? `, verdict ${c.expect.verdict}` : '';
      const rules = c.expect.rules?.length ? `, ${c.expect.rules.join(', ')}` : '';
      out.push(`| ${cell(c.what)} | exit ${c.expect.exit}${verdict}${rules} | ${code(c.expect.says)} |`);
    }
  }
  return out.join('\n');
}
