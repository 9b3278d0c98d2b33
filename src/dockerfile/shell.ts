/**
 * Finds `chown` and `chmod` in a RUN command. This is not a shell: it splits
 * the text into simple commands the way `sh` would (quotes, escapes, `&&`,
 * `||`, `;`, `|`, newlines, redirections, here-documents) and reads the ones
 * that are plainly a chown or chmod. Anything it cannot read with confidence
 * is left out, and it never throws.
 */
import type { PermissionChange } from './types.js';

/** Words of one simple command after quote removal; `complex` when it holds `$(...)` or backticks. */
export interface SimpleCommand {
  words: string[];
  complex: boolean;
}

const SHELLS: ReadonlySet<string> = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh']);
/** Words that can come before a command without being its program. */
const PREFIXES: ReadonlySet<string> = new Set([
  '!',
  '{',
  'if',
  'then',
  'elif',
  'else',
  'while',
  'until',
  'do',
  'time',
]);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
/** How deep `sh -c '...'` is followed. */
const MAX_DEPTH = 3;

/** chown/chmod commands in a shell script (a shell-form RUN, or the body of a RUN <<EOF). */
export function permissionChanges(script: string): PermissionChange[] {
  return fromScript(script, 0);
}

/** chown/chmod in an exec-form RUN: the array is the command, no shell in between. */
export function permissionChangesOfArgv(argv: readonly string[]): PermissionChange[] {
  return fromWords(argv, 0);
}

export function splitCommands(script: string): SimpleCommand[] {
  return new Lexer(script).run();
}

function fromScript(script: string, depth: number): PermissionChange[] {
  return splitCommands(script).flatMap((c) => (c.complex ? [] : fromWords(c.words, depth)));
}

function fromWords(all: readonly string[], depth: number): PermissionChange[] {
  let words = skipPrefixes(all);
  if (programOf(words[0]) === 'sudo') {
    const rest = afterSudoOptions(words.slice(1));
    if (rest === null) return [];
    words = skipPrefixes(rest);
  }
  const program = programOf(words[0]);
  if (program === 'chown' || program === 'chmod') {
    const change = readChange(program, words.slice(1));
    return change ? [change] : [];
  }
  if (program !== undefined && SHELLS.has(program) && depth < MAX_DEPTH) {
    const script = shellScript(words.slice(1));
    return script === null ? [] : fromScript(script, depth + 1);
  }
  return [];
}

function skipPrefixes(words: readonly string[]): readonly string[] {
  let i = 0;
  while (i < words.length && (PREFIXES.has(words[i]!) || ASSIGNMENT.test(words[i]!))) i++;
  return words.slice(i);
}

/** `chown`, `/bin/chown`, `/usr/bin/chown` → `chown`; a relative path like `./chown` is not the system tool. */
function programOf(word: string | undefined): string | undefined {
  if (word === undefined) return undefined;
  const base = word.slice(word.lastIndexOf('/') + 1);
  return word === base || word.startsWith('/') ? base : undefined;
}

const SUDO_SHORT_WITH_VALUE = new Set(['u', 'g', 'C', 'D', 'h', 'p', 'r', 't', 'T', 'U', 'R']);
const SUDO_LONG_WITH_VALUE = new Set([
  '--user',
  '--group',
  '--close-from',
  '--chdir',
  '--host',
  '--prompt',
  '--chroot',
  '--role',
  '--type',
  '--command-timeout',
  '--other-user',
]);

/** The command after `sudo [options]`, or null when the options cannot be read. */
function afterSudoOptions(words: readonly string[]): readonly string[] | null {
  let i = 0;
  while (i < words.length && words[i]!.startsWith('-')) {
    const word = words[i++]!;
    if (word === '--') break;
    if (word.startsWith('--')) {
      if (!word.includes('=') && SUDO_LONG_WITH_VALUE.has(word)) i++;
      continue;
    }
    for (let k = 1; k < word.length; k++) {
      if (!/[A-Za-z]/.test(word[k]!)) return null;
      if (SUDO_SHORT_WITH_VALUE.has(word[k]!)) {
        // `-u app` or `-uapp`: the rest of the word, or the next word, is the value.
        if (k === word.length - 1) i++;
        break;
      }
    }
  }
  return words.slice(i);
}

/** The script of `sh [options] -c 'script'`, or null when this is not that shape. */
function shellScript(args: readonly string[]): string | null {
  let command = false;
  let i = 0;
  for (; i < args.length && /^[-+]/.test(args[i]!); i++) {
    const option = args[i]!;
    if (option === '--') {
      i++;
      break;
    }
    if (/^[-+]o$/.test(option))
      i++; // `-o pipefail`
    else if (/^-[A-Za-z]+$/.test(option) && option.includes('c')) command = true;
    else if (option.startsWith('--')) return null;
  }
  return command ? (args[i] ?? null) : null;
}

const CHOWN_SHORT = /^-[cfvhHLPR]+$/;
const CHMOD_SHORT = /^-[cfvR]+$/;
/** A symbolic mode that starts with `-`, e.g. `chmod -w file`. */
const CHMOD_DASH_MODE = /^-[-+=,ugoarwxXst0-7]+$/;
const QUIET_LONG = new Set([
  '--changes',
  '--silent',
  '--quiet',
  '--verbose',
  '--preserve-root',
  '--no-preserve-root',
]);
const CHOWN_LONG = new Set([...QUIET_LONG, '--dereference', '--no-dereference']);

function readChange(program: 'chown' | 'chmod', args: readonly string[]): PermissionChange | null {
  let recursive = false;
  let spec: string | undefined;
  const paths: string[] = [];
  let options = true;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!options || arg === '-' || !arg.startsWith('-')) {
      if (spec === undefined) spec = arg;
      else paths.push(arg);
      continue;
    }
    if (arg === '--') {
      options = false;
      continue;
    }
    if (arg.startsWith('--')) {
      const name = arg.split('=', 1)[0]!;
      if (name === '--recursive') recursive = true;
      else if (program === 'chown' && name === '--from') {
        if (!arg.includes('=')) i++;
      } else if (!(program === 'chown' ? CHOWN_LONG : QUIET_LONG).has(name)) {
        // `--reference` takes the spec from a file; anything unknown is a guess we do not make.
        return null;
      }
      continue;
    }
    if ((program === 'chown' ? CHOWN_SHORT : CHMOD_SHORT).test(arg)) {
      if (arg.includes('R')) recursive = true;
    } else if (program === 'chmod' && spec === undefined && CHMOD_DASH_MODE.test(arg)) {
      spec = arg;
    } else {
      return null;
    }
  }
  if (spec === undefined || spec === '' || paths.length === 0) return null;
  return { program, recursive, spec, paths };
}

type Redirect = { kind: 'drop' } | { kind: 'heredoc'; stripTabs: boolean };

/** Splits shell text into simple commands, with POSIX quote removal on each word. */
class Lexer {
  private pos = 0;
  private readonly commands: SimpleCommand[] = [];
  private words: string[] = [];
  private complex = false;
  private word = '';
  /** A word has started, so `""` still counts as a (empty) word. */
  private inWord = false;
  /** The next word is the target of this redirection, not an argument. */
  private redirect: Redirect | null = null;
  /** Here-documents whose bodies start after the next newline. */
  private heredocs: { delimiter: string; stripTabs: boolean }[] = [];

  constructor(private readonly text: string) {}

  run(): SimpleCommand[] {
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos]!;
      const next = this.text[this.pos + 1];
      if (ch === ' ' || ch === '\t' || ch === '\r') {
        this.endWord();
        this.pos++;
      } else if (ch === '\n') {
        this.endCommand();
        this.pos++;
        this.skipHeredocBodies();
      } else if (ch === '#' && !this.inWord) {
        const end = this.text.indexOf('\n', this.pos);
        this.pos = end < 0 ? this.text.length : end;
      } else if (ch === '\\') {
        // Backslash-newline joins lines; any other escaped character is literal.
        if (next !== '\n' && next !== undefined) this.append(next);
        this.pos += 2;
      } else if (ch === "'") {
        this.singleQuoted();
      } else if (ch === '"') {
        this.doubleQuoted();
      } else if (ch === '`') {
        this.backticks();
      } else if (ch === '$') {
        this.dollar();
      } else if (ch === '&' && next === '>') {
        this.endWord();
        this.pos++;
        this.redirection();
      } else if (ch === '<' || ch === '>') {
        // `2>/dev/null`: digits right before the operator name a file descriptor.
        if (this.inWord && /^\d+$/.test(this.word)) this.resetWord();
        else this.endWord();
        this.redirection();
      } else if (';&|()'.includes(ch)) {
        this.endCommand();
        const double = (ch === '&' || ch === '|' || ch === ';') && next === ch;
        this.pos += double || (ch === '|' && next === '&') ? 2 : 1;
      } else {
        this.append(ch);
        this.pos++;
      }
    }
    this.endCommand();
    return this.commands;
  }

  private append(text: string): void {
    this.word += text;
    this.inWord = true;
  }

  private resetWord(): void {
    this.word = '';
    this.inWord = false;
  }

  private endWord(): void {
    if (!this.inWord) return;
    const word = this.word;
    this.resetWord();
    const redirect = this.redirect;
    this.redirect = null;
    if (redirect === null) this.words.push(word);
    else if (redirect.kind === 'heredoc') {
      this.heredocs.push({ delimiter: word, stripTabs: redirect.stripTabs });
    }
  }

  private endCommand(): void {
    this.endWord();
    this.redirect = null;
    if (this.words.length > 0) this.commands.push({ words: this.words, complex: this.complex });
    this.words = [];
    this.complex = false;
  }

  private redirection(): void {
    const op = /^(?:<<<|<<-|<<|<>|<&|>>|>\||>&|<|>)/.exec(this.text.slice(this.pos))![0];
    this.pos += op.length;
    this.redirect =
      op === '<<' || op === '<<-' ? { kind: 'heredoc', stripTabs: op === '<<-' } : { kind: 'drop' };
  }

  private skipHeredocBodies(): void {
    for (const { delimiter, stripTabs } of this.heredocs) {
      while (this.pos < this.text.length) {
        const end = this.text.indexOf('\n', this.pos);
        const stop = end < 0 ? this.text.length : end;
        let line = this.text.slice(this.pos, stop).replace(/\r$/, '');
        if (stripTabs) line = line.replace(/^\t+/, '');
        this.pos = Math.min(stop + 1, this.text.length);
        if (line === delimiter) break;
      }
    }
    this.heredocs = [];
  }

  private singleQuoted(): void {
    const end = this.text.indexOf("'", this.pos + 1);
    if (end < 0) {
      this.unterminated();
      return;
    }
    this.append(this.text.slice(this.pos + 1, end));
    this.pos = end + 1;
  }

  private doubleQuoted(): void {
    this.inWord = true;
    this.pos++;
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos]!;
      const next = this.text[this.pos + 1];
      if (ch === '"') {
        this.pos++;
        return;
      }
      if (ch === '$') this.dollar();
      else if (ch === '`') this.backticks();
      else if (ch === '\\' && next !== undefined && '$`"\\\n'.includes(next)) {
        if (next !== '\n') this.append(next);
        this.pos += 2;
      } else {
        this.append(ch);
        this.pos++;
      }
    }
    this.unterminated();
  }

  /** An unclosed quote: the rest is one word we do not trust. */
  private unterminated(): void {
    this.complex = true;
    this.append(this.text.slice(this.pos));
    this.pos = this.text.length;
  }

  /** `$(...)` and `$((...))` make the command complex; `${...}` and `$NAME` stay as written. */
  private dollar(): void {
    const start = this.pos;
    const next = this.text[this.pos + 1];
    if (next === '(' || next === '{') {
      const end = this.skipBalanced(this.pos + 1, next, next === '(' ? ')' : '}');
      const raw = this.text.slice(start, end);
      if (next === '(' || raw.includes('$(') || raw.includes('`')) this.complex = true;
      this.append(raw);
      this.pos = end;
    } else {
      this.append('$');
      this.pos++;
    }
  }

  /** Index after the bracket matching the one at `at`, skipping quoted text; the end if unmatched. */
  private skipBalanced(at: number, open: string, close: string): number {
    let depth = 0;
    for (let i = at; i < this.text.length; i++) {
      const ch = this.text[i];
      if (ch === '\\') i++;
      else if (ch === "'" || ch === '"') {
        const end = this.closingQuote(i);
        if (end < 0) break;
        i = end;
      } else if (ch === open) depth++;
      else if (ch === close && --depth === 0) return i + 1;
    }
    this.complex = true;
    return this.text.length;
  }

  /** Index of the quote closing the one at `at`, or -1. */
  private closingQuote(at: number): number {
    const quote = this.text[at];
    for (let i = at + 1; i < this.text.length; i++) {
      if (quote === '"' && this.text[i] === '\\') i++;
      else if (this.text[i] === quote) return i;
    }
    return -1;
  }

  /** Old-style command substitution: kept in the word, and the command is complex. */
  private backticks(): void {
    this.complex = true;
    let end = this.text.length;
    for (let i = this.pos + 1; i < this.text.length; i++) {
      if (this.text[i] === '\\') i++;
      else if (this.text[i] === '`') {
        end = i + 1;
        break;
      }
    }
    this.append(this.text.slice(this.pos, end));
    this.pos = end;
  }
}
