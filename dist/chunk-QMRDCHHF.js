import { createRequire as __nrgCreateRequire } from 'node:module'; const require = __nrgCreateRequire(import.meta.url);

// src/dockerfile/shell.ts
var SHELLS = /* @__PURE__ */ new Set(["sh", "bash", "ash", "dash", "zsh", "ksh", "mksh"]);
var PREFIXES = /* @__PURE__ */ new Set([
  "!",
  "{",
  "if",
  "then",
  "elif",
  "else",
  "while",
  "until",
  "do",
  "time"
]);
var ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
var MAX_DEPTH = 3;
function permissionChanges(script) {
  return fromScript(script, 0);
}
function permissionChangesOfArgv(argv) {
  return fromWords(argv, 0);
}
function splitCommands(script) {
  return new Lexer(script).run();
}
function fromScript(script, depth) {
  return splitCommands(script).flatMap((c) => c.complex ? [] : fromWords(c.words, depth));
}
function fromWords(all, depth) {
  let words = skipPrefixes(all);
  if (programOf(words[0]) === "sudo") {
    const rest = afterSudoOptions(words.slice(1));
    if (rest === null) return [];
    words = skipPrefixes(rest);
  }
  const program = programOf(words[0]);
  if (program === "chown" || program === "chmod") {
    const change = readChange(program, words.slice(1));
    return change ? [change] : [];
  }
  if (program !== void 0 && SHELLS.has(program) && depth < MAX_DEPTH) {
    const script = shellScript(words.slice(1));
    return script === null ? [] : fromScript(script, depth + 1);
  }
  return [];
}
function skipPrefixes(words) {
  let i = 0;
  while (i < words.length && (PREFIXES.has(words[i]) || ASSIGNMENT.test(words[i]))) i++;
  return words.slice(i);
}
function programOf(word) {
  if (word === void 0) return void 0;
  const base = word.slice(word.lastIndexOf("/") + 1);
  return word === base || word.startsWith("/") ? base : void 0;
}
var SUDO_SHORT_WITH_VALUE = /* @__PURE__ */ new Set(["u", "g", "C", "D", "h", "p", "r", "t", "T", "U", "R"]);
var SUDO_LONG_WITH_VALUE = /* @__PURE__ */ new Set([
  "--user",
  "--group",
  "--close-from",
  "--chdir",
  "--host",
  "--prompt",
  "--chroot",
  "--role",
  "--type",
  "--command-timeout",
  "--other-user"
]);
function afterSudoOptions(words) {
  let i = 0;
  while (i < words.length && words[i].startsWith("-")) {
    const word = words[i++];
    if (word === "--") break;
    if (word.startsWith("--")) {
      if (!word.includes("=") && SUDO_LONG_WITH_VALUE.has(word)) i++;
      continue;
    }
    for (let k = 1; k < word.length; k++) {
      if (!/[A-Za-z]/.test(word[k])) return null;
      if (SUDO_SHORT_WITH_VALUE.has(word[k])) {
        if (k === word.length - 1) i++;
        break;
      }
    }
  }
  return words.slice(i);
}
function shellScript(args) {
  let command = false;
  let i = 0;
  for (; i < args.length && /^[-+]/.test(args[i]); i++) {
    const option = args[i];
    if (option === "--") {
      i++;
      break;
    }
    if (/^[-+]o$/.test(option))
      i++;
    else if (/^-[A-Za-z]+$/.test(option) && option.includes("c")) command = true;
    else if (option.startsWith("--")) return null;
  }
  return command ? args[i] ?? null : null;
}
var CHOWN_SHORT = /^-[cfvhHLPR]+$/;
var CHMOD_SHORT = /^-[cfvR]+$/;
var CHMOD_DASH_MODE = /^-[-+=,ugoarwxXst0-7]+$/;
var QUIET_LONG = /* @__PURE__ */ new Set([
  "--changes",
  "--silent",
  "--quiet",
  "--verbose",
  "--preserve-root",
  "--no-preserve-root"
]);
var CHOWN_LONG = /* @__PURE__ */ new Set([...QUIET_LONG, "--dereference", "--no-dereference"]);
function readChange(program, args) {
  let recursive = false;
  let spec;
  const paths = [];
  let options = true;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!options || arg === "-" || !arg.startsWith("-")) {
      if (spec === void 0) spec = arg;
      else paths.push(arg);
      continue;
    }
    if (arg === "--") {
      options = false;
      continue;
    }
    if (arg.startsWith("--")) {
      const name = arg.split("=", 1)[0];
      if (name === "--recursive") recursive = true;
      else if (program === "chown" && name === "--from") {
        if (!arg.includes("=")) i++;
      } else if (!(program === "chown" ? CHOWN_LONG : QUIET_LONG).has(name)) {
        return null;
      }
      continue;
    }
    if ((program === "chown" ? CHOWN_SHORT : CHMOD_SHORT).test(arg)) {
      if (arg.includes("R")) recursive = true;
    } else if (program === "chmod" && spec === void 0 && CHMOD_DASH_MODE.test(arg)) {
      spec = arg;
    } else {
      return null;
    }
  }
  if (spec === void 0 || spec === "" || paths.length === 0) return null;
  return { program, recursive, spec, paths };
}
var Lexer = class {
  constructor(text) {
    this.text = text;
  }
  text;
  pos = 0;
  commands = [];
  words = [];
  complex = false;
  word = "";
  /** A word has started, so `""` still counts as a (empty) word. */
  inWord = false;
  /** The next word is the target of this redirection, not an argument. */
  redirect = null;
  /** Here-documents whose bodies start after the next newline. */
  heredocs = [];
  run() {
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos];
      const next = this.text[this.pos + 1];
      if (ch === " " || ch === "	" || ch === "\r") {
        this.endWord();
        this.pos++;
      } else if (ch === "\n") {
        this.endCommand();
        this.pos++;
        this.skipHeredocBodies();
      } else if (ch === "#" && !this.inWord) {
        const end = this.text.indexOf("\n", this.pos);
        this.pos = end < 0 ? this.text.length : end;
      } else if (ch === "\\") {
        if (next !== "\n" && next !== void 0) this.append(next);
        this.pos += 2;
      } else if (ch === "'") {
        this.singleQuoted();
      } else if (ch === '"') {
        this.doubleQuoted();
      } else if (ch === "`") {
        this.backticks();
      } else if (ch === "$") {
        this.dollar();
      } else if (ch === "&" && next === ">") {
        this.endWord();
        this.pos++;
        this.redirection();
      } else if (ch === "<" || ch === ">") {
        if (this.inWord && /^\d+$/.test(this.word)) this.resetWord();
        else this.endWord();
        this.redirection();
      } else if (";&|()".includes(ch)) {
        this.endCommand();
        const double = (ch === "&" || ch === "|" || ch === ";") && next === ch;
        this.pos += double || ch === "|" && next === "&" ? 2 : 1;
      } else {
        this.append(ch);
        this.pos++;
      }
    }
    this.endCommand();
    return this.commands;
  }
  append(text) {
    this.word += text;
    this.inWord = true;
  }
  resetWord() {
    this.word = "";
    this.inWord = false;
  }
  endWord() {
    if (!this.inWord) return;
    const word = this.word;
    this.resetWord();
    const redirect = this.redirect;
    this.redirect = null;
    if (redirect === null) this.words.push(word);
    else if (redirect.kind === "heredoc") {
      this.heredocs.push({ delimiter: word, stripTabs: redirect.stripTabs });
    }
  }
  endCommand() {
    this.endWord();
    this.redirect = null;
    if (this.words.length > 0) this.commands.push({ words: this.words, complex: this.complex });
    this.words = [];
    this.complex = false;
  }
  redirection() {
    const op = /^(?:<<<|<<-|<<|<>|<&|>>|>\||>&|<|>)/.exec(this.text.slice(this.pos))[0];
    this.pos += op.length;
    this.redirect = op === "<<" || op === "<<-" ? { kind: "heredoc", stripTabs: op === "<<-" } : { kind: "drop" };
  }
  skipHeredocBodies() {
    for (const { delimiter, stripTabs } of this.heredocs) {
      while (this.pos < this.text.length) {
        const end = this.text.indexOf("\n", this.pos);
        const stop = end < 0 ? this.text.length : end;
        let line = this.text.slice(this.pos, stop).replace(/\r$/, "");
        if (stripTabs) line = line.replace(/^\t+/, "");
        this.pos = Math.min(stop + 1, this.text.length);
        if (line === delimiter) break;
      }
    }
    this.heredocs = [];
  }
  singleQuoted() {
    const end = this.text.indexOf("'", this.pos + 1);
    if (end < 0) {
      this.unterminated();
      return;
    }
    this.append(this.text.slice(this.pos + 1, end));
    this.pos = end + 1;
  }
  doubleQuoted() {
    this.inWord = true;
    this.pos++;
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos];
      const next = this.text[this.pos + 1];
      if (ch === '"') {
        this.pos++;
        return;
      }
      if (ch === "$") this.dollar();
      else if (ch === "`") this.backticks();
      else if (ch === "\\" && next !== void 0 && '$`"\\\n'.includes(next)) {
        if (next !== "\n") this.append(next);
        this.pos += 2;
      } else {
        this.append(ch);
        this.pos++;
      }
    }
    this.unterminated();
  }
  /** An unclosed quote: the rest is one word we do not trust. */
  unterminated() {
    this.complex = true;
    this.append(this.text.slice(this.pos));
    this.pos = this.text.length;
  }
  /** `$(...)` and `$((...))` make the command complex; `${...}` and `$NAME` stay as written. */
  dollar() {
    const start = this.pos;
    const next = this.text[this.pos + 1];
    if (next === "(" || next === "{") {
      const end = this.skipBalanced(this.pos + 1, next, next === "(" ? ")" : "}");
      const raw = this.text.slice(start, end);
      if (next === "(" || raw.includes("$(") || raw.includes("`")) this.complex = true;
      this.append(raw);
      this.pos = end;
    } else {
      this.append("$");
      this.pos++;
    }
  }
  /** Index after the bracket matching the one at `at`, skipping quoted text; the end if unmatched. */
  skipBalanced(at, open, close) {
    let depth = 0;
    for (let i = at; i < this.text.length; i++) {
      const ch = this.text[i];
      if (ch === "\\") i++;
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
  closingQuote(at) {
    const quote = this.text[at];
    for (let i = at + 1; i < this.text.length; i++) {
      if (quote === '"' && this.text[i] === "\\") i++;
      else if (this.text[i] === quote) return i;
    }
    return -1;
  }
  /** Old-style command substitution: kept in the word, and the command is complex. */
  backticks() {
    this.complex = true;
    let end = this.text.length;
    for (let i = this.pos + 1; i < this.text.length; i++) {
      if (this.text[i] === "\\") i++;
      else if (this.text[i] === "`") {
        end = i + 1;
        break;
      }
    }
    this.append(this.text.slice(this.pos, end));
    this.pos = end;
  }
};

export {
  permissionChanges,
  permissionChangesOfArgv,
  splitCommands
};
