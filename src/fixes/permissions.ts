/**
 * Diffs that undo the line that made a path writable (NR020, NR021, NR022):
 * `--chown` dropped from a COPY/ADD, or the chown/chmod taken out of a RUN.
 */
import { permissionChanges, permissionChangesOfArgv, splitCommands } from '../dockerfile/shell.js';
import type { PermissionChange, RunInstruction } from '../dockerfile/types.js';
import { covers, type PermissionSource } from '../dockerfile/permission-source.js';
import type { Facts } from '../facts/types.js';
import type { LineEdit } from './diff.js';
import { dockerfileSource, type DockerfileSource } from './source.js';

/** What the probe saw of the writable path, when it checked one (NR020, NR021). */
export interface WritablePath {
  uid: number | null;
  mode: number | null;
}

/** `RUN chmod -R 777`, as `permissionSource` describes a change. */
function described(change: PermissionChange): string {
  return `RUN ${change.program} ${change.recursive ? '-R ' : ''}${change.spec}`;
}

/**
 * The source is the whole reason: a chown when the user owns the path and no
 * group/other write bit is set, a chmod when the user does not own it.
 */
function sourceExplains(facts: Facts, source: PermissionSource, entry: WritablePath): boolean {
  const uid = facts.runtime?.identity.uid;
  if (uid === undefined || entry.uid === null) return false;
  switch (source.kind) {
    case 'copy-chown':
    case 'chown':
      return entry.uid === uid && entry.mode !== null && (entry.mode & 0o022) === 0;
    case 'chmod':
      return entry.uid !== uid;
    case 'copy-chmod':
      return false;
  }
}

function dropChown(source: DockerfileSource, line: number): LineEdit | null {
  const copy = source.dockerfile.chain
    .flatMap((stage) => stage.copies)
    .find((candidate) => candidate.line === line);
  // With --chmod as well, the mode may still let the user write.
  if (!copy || copy.chown === null || copy.chmod !== null) return null;
  const text = source.text(line) ?? '';
  if (!/^\s*(?:COPY|ADD)\s/i.test(text)) return null;
  const flags = [...text.matchAll(/\s--chown=\S+(?=\s)/g)];
  if (flags.length !== 1) return null;
  const flag = flags[0]!;
  const edited = text.slice(0, flag.index) + text.slice(flag.index + flag[0].length);
  return { start: line, count: 1, lines: [edited] };
}

/**
 * Offsets of the `&&` that join the commands of a shell-form RUN, or null
 * when it holds anything else at the top level (`;`, `||`, pipes, subshells,
 * command substitution, comments, here-documents): then the text is not
 * edited.
 */
function andSeparators(body: string): number[] | null {
  const separators: number[] = [];
  let quote: string | null = null;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quote === "'") {
      if (c === "'") quote = null;
    } else if (quote === '"') {
      if (c === '\\') i++;
      else if (c === '"') quote = null;
      else if (c === '`' || (c === '$' && body[i + 1] === '(')) return null;
    } else if (c === '\\') {
      i++;
    } else if (c === "'" || c === '"') {
      quote = c;
    } else if (c === '&') {
      if (body[i + 1] !== '&') return null;
      separators.push(i);
      i++;
    } else if (';|()`#<\n'.includes(c) || (c === '$' && body[i + 1] === '(')) {
      return null;
    }
  }
  return quote === null ? separators : null;
}

/** The command as the shell reads it: continuations joined. */
function logical(text: string): string {
  return text.replace(/\\\n/g, '').trim();
}

const LEADING = /^(?:[ \t]|\\\n)*/;
const TRAILING = /(?:[ \t]|\\\n)*$/;

function same(a: readonly PermissionChange[], b: readonly PermissionChange[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The RUN without the one command that is `change`: the whole RUN when it is
 * the only command, else that command and its `&&`.
 */
function removeCommand(
  source: DockerfileSource,
  run: RunInstruction,
  change: PermissionChange,
): LineEdit | null {
  if (source.escape !== '\\') return null;
  const count = run.endLine - run.line + 1;
  const texts: string[] = [];
  for (let line = run.line; line <= run.endLine; line++) {
    const text = source.text(line);
    if (text === undefined) return null;
    texts.push(text);
  }
  const raw = texts.join('\n');
  // Flags (`--mount`) are left alone: the RUN is not edited.
  const head = /^\s*RUN[ \t]+(?!-)/i.exec(raw);
  if (!head) return null;
  const body = raw.slice(head[0].length);
  const remove: LineEdit = { start: run.line, count, lines: [] };

  if (body.startsWith('[')) {
    let argv: unknown;
    try {
      argv = JSON.parse(body);
    } catch {
      return null;
    }
    if (!Array.isArray(argv) || !argv.every((word) => typeof word === 'string')) return null;
    const program = (argv[0] ?? '').slice((argv[0] ?? '').lastIndexOf('/') + 1);
    return program === change.program && same(permissionChangesOfArgv(argv), [change])
      ? remove
      : null;
  }

  const separators = andSeparators(body);
  if (!separators) return null;
  const bounds = [-2, ...separators];
  const segments = bounds.map((at, index) => ({
    start: at + 2,
    end: separators[index] ?? body.length,
  }));
  const matching = segments.flatMap((segment, index) => {
    const command = logical(body.slice(segment.start, segment.end));
    const simple = splitCommands(command);
    return simple.length === 1 && !simple[0]!.complex && same(permissionChanges(command), [change])
      ? [index]
      : [];
  });
  if (matching.length !== 1) return null;
  const index = matching[0]!;
  if (segments.length === 1) return remove;

  const contentStart = (segment: { start: number; end: number }) =>
    segment.start + LEADING.exec(body.slice(segment.start, segment.end))![0].length;
  const contentEnd = (segment: { start: number; end: number }) =>
    segment.end - TRAILING.exec(body.slice(segment.start, segment.end))![0].length;
  const [from, to] =
    index === 0
      ? [contentStart(segments[0]!), contentStart(segments[1]!)]
      : [contentEnd(segments[index - 1]!), contentEnd(segments[index]!)];
  const edited = body.slice(0, from) + body.slice(to);

  // What is left must be the same RUN, less exactly that command.
  const rest = [...run.permissionChanges];
  rest.splice(
    rest.findIndex((candidate) => same([candidate], [change])),
    1,
  );
  if (!same(permissionChanges(logical(edited)), rest)) return null;
  return { start: run.line, count, lines: (head[0] + edited).split('\n') };
}

function removeRunChange(
  source: DockerfileSource,
  line: number,
  what: string,
  program: 'chown' | 'chmod',
  paths: readonly string[],
): LineEdit | null {
  const run = source.dockerfile.chain
    .flatMap((stage) => stage.runs)
    .find((candidate) => candidate.line === line);
  if (!run) return null;
  // The change that reaches the path (a relative operand depends on WORKDIR: it may).
  const reaches = (change: PermissionChange) =>
    change.paths.some(
      (operand) =>
        !operand.startsWith('/') ||
        paths.some((path) => path === operand || (change.recursive && covers(operand, path))),
    );
  const changes = run.permissionChanges.filter(
    (change) => change.program === program && described(change) === what && reaches(change),
  );
  // One command, about one path: taking it out changes nothing else.
  if (changes.length !== 1 || changes[0]!.paths.length !== 1) return null;
  return removeCommand(source, run, changes[0]!);
}

/**
 * The diff that undoes `source` (from `permissionSource`), which made `paths`
 * writable. With `entry`, only when the probe's owner and mode show that line
 * is why the path is writable.
 */
export function permissionDiff(
  facts: Facts,
  source: PermissionSource,
  paths: readonly string[],
  entry?: WritablePath,
): string | null {
  const dockerfile = dockerfileSource(facts);
  if (!dockerfile) return null;
  if (entry && !sourceExplains(facts, source, entry)) return null;
  const line = source.location.line;
  let edit: LineEdit | null;
  switch (source.kind) {
    case 'copy-chown':
      edit = dropChown(dockerfile, line);
      break;
    case 'chown':
    case 'chmod':
      edit = removeRunChange(dockerfile, line, source.what, source.kind, paths);
      break;
    case 'copy-chmod':
      // The mode would come from the build context, which the facts do not show.
      edit = null;
      break;
  }
  return edit ? dockerfile.diff([edit]) : null;
}
