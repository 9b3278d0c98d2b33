/**
 * Readers for COPY/ADD, RUN, WORKDIR, ENTRYPOINT and CMD: the text as
 * BuildKit's parser sees it (continuations joined, comment lines dropped,
 * JSON or shell form), turned into plain facts.
 */
import { posix } from 'node:path';
import { ModifiableInstruction, type Instruction } from 'dockerfile-ast';
import { permissionChanges, permissionChangesOfArgv } from './shell.js';
import type { Substitution } from './substitute.js';
import type {
  CommandInstruction,
  CopyInstruction,
  PermissionChange,
  RunInstruction,
  WorkdirInstruction,
} from './types.js';

type Scope = ReadonlyMap<string, string>;

/** What the readers need from the file: substitution and errors that carry the line. */
export interface Reader {
  readonly escape: string;
  expand(word: string, scope: Scope, ins: Instruction): Substitution;
  fail(ins: Instruction, problem: string, hint: string): never;
}

export function lineOf(ins: Instruction): number {
  return ins.getRange().start.line + 1;
}

function endLineOf(ins: Instruction): number {
  return ins.getRange().end.line + 1;
}

/**
 * The arguments after the flags, as BuildKit's parser reads them: continuation lines
 * joined without a newline, comment and blank lines inside the continuation dropped.
 * `body` is what follows the logical line: here-document lines, raw.
 */
export function logicalLine(ins: Instruction, escape: string): { text: string; body: string[] } {
  const raw = ins.getRawArgumentsContent();
  if (raw === null) return { text: '', body: [] };
  const lines = raw.split(/\r\n|\r|\n/);
  const continuation = new RegExp(`${escape.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}[ \\t]*$`);
  let text = '';
  let i = 0;
  for (let more = true; more && i < lines.length; i++) {
    const line = lines[i]!;
    if (i > 0 && /^\s*(?:#|$)/.test(line)) continue;
    more = continuation.test(line);
    text += line.replace(continuation, '');
  }
  return { text: text.trim(), body: lines.slice(i) };
}

/** BuildKit's parseJSON: the exec form, or null for the shell form (anything that is not a JSON array). */
function execForm(text: string, ins: Instruction, file: Reader): string[] | null {
  if (!text.startsWith('[')) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed)) return null;
  if (!parsed.every((s) => typeof s === 'string')) {
    file.fail(
      ins,
      'when using JSON array syntax, arrays must be comprised of strings only',
      'quote every element, e.g. ["/app/server", "--port", "8080"]',
    );
  }
  return parsed;
}

/** A here-document word as BuildKit recognises it: `<<EOF`, `<<-EOF`, `<<"EOF"`. */
const HEREDOC = /^\d*<<(-?)(?:(["'])(.+)\2|([^<"']+))$/;

export function readCopy(ins: Instruction, scope: Scope, file: Reader): CopyInstruction {
  const keyword = ins.getKeyword() === 'ADD' ? 'ADD' : 'COPY';
  const flags = new Map<string, string>();
  for (const flag of ins instanceof ModifiableInstruction ? ins.getFlags() : []) {
    const name = flag.getName();
    if (name !== 'chown' && name !== 'chmod' && name !== 'from') continue;
    const value = flag.getValue();
    if (value === null) {
      file.fail(ins, `--${name} needs a value`, `write --${name}=<value>`);
    }
    flags.set(name, file.expand(value, scope, ins).value);
  }
  const { text } = logicalLine(ins, file.escape);
  const exec = execForm(text, ins, file);
  const words = exec ?? text.split(/[\t\v\f\r ]+/).filter((w) => w !== '');
  // Here-documents are sources too, but inline content rather than paths.
  const paths = exec ? words : words.filter((w) => !HEREDOC.test(w));
  if (words.length < 2 || paths.length === 0) {
    file.fail(
      ins,
      `${keyword} needs at least one source and a destination`,
      `write ${keyword} <src>... <dest>`,
    );
  }
  const expanded = paths.map((w) => file.expand(w, scope, ins).value);
  return {
    line: lineOf(ins),
    keyword,
    chown: flags.get('chown') ?? null,
    chmod: flags.get('chmod') ?? null,
    from: flags.get('from') ?? null,
    sources: expanded.slice(0, -1),
    destination: expanded.at(-1)!,
  };
}

export function readRun(ins: Instruction, file: Reader): RunInstruction {
  const { text, body } = logicalLine(ins, file.escape);
  const exec = execForm(text, ins, file);
  const base = { line: lineOf(ins), endLine: endLineOf(ins) };
  if (exec) {
    return { ...base, command: exec.join(' '), permissionChanges: permissionChangesOfArgv(exec) };
  }
  const command = [text, ...body].join('\n');
  return {
    ...base,
    command,
    permissionChanges: runScript(text, body) ?? permissionChanges(command),
  };
}

/**
 * `RUN <<EOF` (or `RUN bash <<EOF`) runs the here-document as the script, so its body is
 * read as shell. Any other here-document is input to a command, which `permissionChanges`
 * skips by itself. Returns null when the body is not the script.
 */
function runScript(text: string, body: string[]): PermissionChange[] | null {
  const words = text.split(/\s+/);
  const marker = HEREDOC.exec(words.at(-1) ?? '');
  if (!marker) return null;
  const [program, ...options] = words.slice(0, -1);
  const shell =
    program === undefined ||
    (/^(?:\/\S*\/)?(?:ba|da|a|z|k)?sh$/.test(program) && options.every((o) => /^[-+]/.test(o)));
  if (!shell) return null;
  const delimiter = marker[3] ?? marker[4]!;
  const stripTabs = marker[1] === '-';
  const end = body.findIndex((l) => (stripTabs ? l.replace(/^\t+/, '') : l) === delimiter);
  const script = end < 0 ? body : body.slice(0, end);
  // A shebang for another interpreter (`#!/usr/bin/env python3`) makes it not shell.
  const shebang = program === undefined ? /^#!(.*)/.exec(script[0] ?? '') : null;
  if (shebang && !/\b(?:ba|da|a|z|k)?sh\b/.test(shebang[1]!)) return [];
  return permissionChanges(script.join('\n'));
}

/**
 * BuildKit's NormalizeWorkdir: an absolute path as given, a relative one joined to the
 * current directory and cleaned (Go's path.Join, so no trailing slash).
 */
export function resolveWorkdir(current: string, path: string): string {
  if (path.startsWith('/')) return path;
  const joined = posix.join('/', current, path);
  return joined.length > 1 ? joined.replace(/\/+$/, '') : joined;
}

export function readWorkdir(
  ins: Instruction,
  scope: Scope,
  current: string,
  file: Reader,
): WorkdirInstruction {
  const { text } = logicalLine(ins, file.escape);
  if (text === '') file.fail(ins, 'WORKDIR needs a path', 'write WORKDIR /path');
  return { line: lineOf(ins), path: resolveWorkdir(current, file.expand(text, scope, ins).value) };
}

export function readCommand(ins: Instruction, file: Reader): CommandInstruction {
  const { text } = logicalLine(ins, file.escape);
  const exec = execForm(text, ins, file);
  return { line: lineOf(ins), exec, shell: exec ? null : text };
}
