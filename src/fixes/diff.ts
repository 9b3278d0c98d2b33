/**
 * A unified diff from line edits: what `git apply` (and `patch -p1`)
 * accepts. The edits are known exactly, so no diff algorithm guesses at them;
 * this only lays them out with context, hunk headers, CRLF lines kept as they
 * are, and the end of a file without a final newline marked.
 */

/** Replace `count` lines starting at `start` (1-based) with `lines`; `count` 0 inserts before `start`. */
export interface LineEdit {
  /** First line replaced, or the line the new lines go before (the line count + 1 for the end). */
  start: number;
  /** How many lines are replaced: 0 for an insertion. */
  count: number;
  /** The new lines, without line endings. */
  lines: string[];
}

type Eol = '' | '\n' | '\r\n';

export interface SourceLine {
  text: string;
  eol: Eol;
}

type Op =
  | { kind: 'keep'; line: SourceLine }
  | { kind: 'del'; line: SourceLine }
  | { kind: 'add'; line: SourceLine };

const CONTEXT = 3;

/**
 * The file as lines with their endings, or null when it has a line ending this
 * module does not write diffs for (a lone CR).
 */
export function splitLines(text: string): SourceLine[] | null {
  if (/\r(?!\n)/.test(text)) return null;
  const lines: SourceLine[] = [];
  // dotAll: JavaScript's `.` stops at U+2028 and U+2029, which a hostile file can hold.
  const pattern = /(.*?)(\r\n|\n|$)/gsy;
  while (pattern.lastIndex < text.length) {
    const match = pattern.exec(text)!;
    lines.push({ text: match[1]!, eol: match[2] as Eol });
  }
  return lines;
}

/** The ending the file mostly uses: CRLF when most lines end so, else LF. */
function dominantEol(lines: readonly SourceLine[]): '\n' | '\r\n' {
  const crlf = lines.filter((line) => line.eol === '\r\n').length;
  const lf = lines.filter((line) => line.eol === '\n').length;
  return crlf > lf ? '\r\n' : '\n';
}

/**
 * The edits as keep/delete/add operations over the whole file, or null when
 * they overlap, fall outside the file, or add a line that holds a line break.
 */
function plan(lines: readonly SourceLine[], edits: readonly LineEdit[]): Op[] | null {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.count - b.count);
  const eol = dominantEol(lines);
  const ops: Op[] = [];
  let next = 1;
  for (const edit of sorted) {
    if (!Number.isInteger(edit.start) || !Number.isInteger(edit.count)) return null;
    if (edit.start < next || edit.count < 0 || edit.start + edit.count - 1 > lines.length) {
      return null;
    }
    if (edit.lines.some((text) => /[\r\n]/.test(text))) return null;
    for (; next < edit.start; next++) ops.push({ kind: 'keep', line: lines[next - 1]! });
    for (; next < edit.start + edit.count; next++)
      ops.push({ kind: 'del', line: lines[next - 1]! });
    for (const text of edit.lines) ops.push({ kind: 'add', line: { text, eol } });
  }
  for (; next <= lines.length; next++) ops.push({ kind: 'keep', line: lines[next - 1]! });
  return tidy(endOfFile(ops, lines, eol));
}

const sameLine = (a: SourceLine, b: SourceLine) => a.text === b.text && a.eol === b.eol;

/** A line deleted and added back unchanged at the edge of a change is context, not a change. */
function tidy(ops: Op[]): Op[] {
  const result: Op[] = [];
  for (let i = 0; i < ops.length;) {
    if (ops[i]!.kind === 'keep') {
      result.push(ops[i++]!);
      continue;
    }
    const dels: SourceLine[] = [];
    const adds: SourceLine[] = [];
    for (; i < ops.length && ops[i]!.kind !== 'keep'; i++) {
      (ops[i]!.kind === 'del' ? dels : adds).push(ops[i]!.line);
    }
    let head = 0;
    while (head < dels.length && head < adds.length && sameLine(dels[head]!, adds[head]!)) head++;
    let tail = 0;
    while (
      tail < dels.length - head &&
      tail < adds.length - head &&
      sameLine(dels.at(-1 - tail)!, adds.at(-1 - tail)!)
    ) {
      tail++;
    }
    for (const line of dels.slice(0, head)) result.push({ kind: 'keep', line });
    for (const line of dels.slice(head, dels.length - tail)) result.push({ kind: 'del', line });
    for (const line of adds.slice(head, adds.length - tail)) result.push({ kind: 'add', line });
    for (const line of dels.slice(dels.length - tail)) result.push({ kind: 'keep', line });
  }
  return result;
}

/**
 * Only the last line of a file may lack a line ending. When lines are added
 * after a last line that has none, that line gains one (so it is changed);
 * the file keeps ending the way it did.
 */
function endOfFile(ops: Op[], lines: readonly SourceLine[], eol: '\n' | '\r\n'): Op[] {
  const noFinalNewline = lines.length > 0 && lines.at(-1)!.eol === '';
  if (!noFinalNewline) return ops;
  const lastNew = ops.findLastIndex((op) => op.kind !== 'del');
  const result: Op[] = [];
  for (const [index, op] of ops.entries()) {
    if (op.kind === 'keep' && op.line.eol === '' && index !== lastNew) {
      result.push({ kind: 'del', line: op.line }, { kind: 'add', line: { ...op.line, eol } });
    } else if (op.kind === 'add' && index === lastNew) {
      result.push({ kind: 'add', line: { ...op.line, eol: '' } });
    } else {
      result.push(op);
    }
  }
  return result;
}

/** The text after the edits. Throws on edits that `unifiedDiff` would refuse. */
export function applyEdits(text: string, edits: readonly LineEdit[]): string {
  const lines = splitLines(text);
  const ops = lines && plan(lines, edits);
  if (!ops) throw new Error('the edits do not fit the text');
  return ops
    .filter((op) => op.kind !== 'del')
    .map((op) => op.line.text + op.line.eol)
    .join('');
}

function range(start: number, count: number): string {
  return count === 1 ? `${start}` : `${start},${count}`;
}

function render(prefix: string, line: SourceLine): string {
  const body = `${prefix}${line.text}${line.eol === '\r\n' ? '\r' : ''}\n`;
  return line.eol === '' ? `${body}\\ No newline at end of file\n` : body;
}

/** Characters a diff header can carry without quoting (git quotes the rest). */
const PLAIN_PATH = /^[A-Za-z0-9._+@,=~ /-]+$/;

/**
 * Whether `git apply` at the repository root takes a diff of this file as we
 * write it: repository-relative, inside the repository, no quoting needed.
 */
export function isDiffablePath(path: string): boolean {
  return PLAIN_PATH.test(path) && !path.startsWith('/') && !path.split('/').includes('..');
}

/**
 * A unified diff of the edits against `text`, for the file at `path`
 * (repository-relative, forward slashes), with three lines of context.
 * Null when the edits change nothing or do not fit the text.
 */
export function unifiedDiff(path: string, text: string, edits: readonly LineEdit[]): string | null {
  const lines = splitLines(text);
  const ops = lines && plan(lines, edits);
  if (!ops) return null;

  // Each op's line number on the old and the new side (the line it is, or the one before it).
  const oldNo: number[] = [];
  const newNo: number[] = [];
  let o = 0;
  let n = 0;
  for (const op of ops) {
    if (op.kind !== 'add') o++;
    if (op.kind !== 'del') n++;
    oldNo.push(o);
    newNo.push(n);
  }

  const changed = ops.flatMap((op, index) => (op.kind === 'keep' ? [] : [index]));
  if (changed.length === 0) return null;

  // Hunks: changes with their context, merged when the contexts touch.
  const hunks: { from: number; to: number }[] = [];
  for (const index of changed) {
    const from = Math.max(0, index - CONTEXT);
    const to = Math.min(ops.length - 1, index + CONTEXT);
    const last = hunks.at(-1);
    if (last && from <= last.to + 1) last.to = Math.max(last.to, to);
    else hunks.push({ from, to });
  }

  let out = `--- a/${path}\n+++ b/${path}\n`;
  for (const { from, to } of hunks) {
    const slice = ops.slice(from, to + 1);
    const oldCount = slice.filter((op) => op.kind !== 'add').length;
    const newCount = slice.filter((op) => op.kind !== 'del').length;
    // With no lines on a side, the start is the line before the hunk (0 at the top).
    const oldStart =
      oldCount === 0
        ? from === 0
          ? 0
          : oldNo[from - 1]!
        : oldNo[from + slice.findIndex((op) => op.kind !== 'add')]!;
    const newStart =
      newCount === 0
        ? from === 0
          ? 0
          : newNo[from - 1]!
        : newNo[from + slice.findIndex((op) => op.kind !== 'del')]!;
    out += `@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@\n`;
    for (const op of slice) {
      out += render(op.kind === 'keep' ? ' ' : op.kind === 'del' ? '-' : '+', op.line);
    }
  }
  return out;
}
