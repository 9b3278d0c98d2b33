/**
 * The builder's word expansion (BuildKit's shell lexer `ProcessWord`), so a
 * value we report is the value the image gets. Quotes and escapes are
 * processed too, because the builder does that to ENV, ARG and USER words.
 */

/** Variables visible to an instruction. A missing name is unset, which differs from set-but-empty. */
export type Variables = ReadonlyMap<string, string> | Readonly<Record<string, string>>;

export interface Substitution {
  value: string;
  /** Names that were needed but unset, expanded as empty (first use order, no duplicates). */
  unresolved: string[];
}

/** A syntax error the builder would also reject, e.g. `${A` or `${A!x}`. */
export class SubstitutionError extends Error {
  override readonly name = 'SubstitutionError';
}

export function substitute(word: string, vars: Variables, escapeChar = '\\'): Substitution {
  const get =
    vars instanceof Map
      ? (name: string) => vars.get(name)
      : (name: string) =>
          Object.hasOwn(vars, name) ? (vars as Record<string, string>)[name] : undefined;
  const expander = new Expander(word, escapeChar, get);
  const value = expander.expand();
  return { value, unresolved: [...expander.unresolved] };
}

// Digits, a single special parameter, or an identifier: what BuildKit reads as a name after `$`.
const NAME = /^(?:\p{Nd}+|[@*#?$!-]|[\p{L}_][\p{L}\p{Nd}_]*)/u;

class Expander {
  private pos = 0;
  unresolved = new Set<string>();

  constructor(
    private readonly text: string,
    private readonly escape: string,
    private readonly get: (name: string) => string | undefined,
  ) {}

  /** Reads up to `stop` (consumed) or the end; `rawEscapes` keeps escape characters for patterns. */
  expand(stop?: string, rawEscapes = false): string {
    let out = '';
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos]!;
      if (ch === stop) {
        this.pos++;
        return out;
      }
      if (ch === "'") out += this.singleQuoted();
      else if (ch === '"') out += this.doubleQuoted();
      else if (ch === '$') out += this.dollar();
      else {
        this.pos++;
        if (ch !== this.escape) out += ch;
        else {
          if (rawEscapes) out += ch;
          if (this.pos < this.text.length) out += this.text[this.pos++];
        }
      }
    }
    if (stop !== undefined) throw new SubstitutionError(`syntax error: missing '${stop}'`);
    return out;
  }

  private singleQuoted(): string {
    const end = this.text.indexOf("'", this.pos + 1);
    if (end < 0)
      throw new SubstitutionError('unexpected end of text looking for a matching single quote');
    const out = this.text.slice(this.pos + 1, end);
    this.pos = end + 1;
    return out;
  }

  private doubleQuoted(): string {
    this.pos++;
    let out = '';
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos]!;
      if (ch === '"') {
        this.pos++;
        return out;
      }
      if (ch === '$') {
        out += this.dollar();
        continue;
      }
      this.pos++;
      const next = this.text[this.pos];
      // Inside double quotes only these can be escaped; any other escape character stays.
      if (ch === this.escape && (next === '"' || next === '$' || next === this.escape)) {
        out += next;
        this.pos++;
      } else out += ch;
    }
    throw new SubstitutionError('unexpected end of text looking for a matching double quote');
  }

  private name(): string {
    const name = NAME.exec(this.text.slice(this.pos))?.[0] ?? '';
    this.pos += name.length;
    return name;
  }

  private lookup(name: string): string {
    const value = this.get(name);
    if (value === undefined) this.unresolved.add(name);
    return value ?? '';
  }

  private dollar(): string {
    this.pos++;
    if (this.text[this.pos] !== '{') {
      const name = this.name();
      return name === '' ? '$' : this.lookup(name);
    }
    this.pos++;
    const first = this.text[this.pos];
    if (first === undefined) throw new SubstitutionError("syntax error: missing '}'");
    if (first === '{' || first === '}' || first === ':') {
      throw new SubstitutionError('syntax error: bad substitution');
    }
    const name = this.name();
    const op = this.text[this.pos++];
    if (op === '}') return this.lookup(name);
    if (op === ':') {
      const modifier = this.text[this.pos++];
      if (modifier === '-' || modifier === '+' || modifier === '?') {
        return this.conditional(name, modifier, true);
      }
      throw new SubstitutionError(`unsupported modifier (:${modifier ?? ''}) in substitution`);
    }
    if (op === '-' || op === '+' || op === '?') return this.conditional(name, op, false);
    if (op === '#' || op === '%') return this.trim(name, op);
    if (op === '/') return this.replace(name);
    if (op === undefined) throw new SubstitutionError("syntax error: missing '}'");
    throw new SubstitutionError(`unsupported modifier (${op}) in substitution`);
  }

  /** `-`, `+`, `?` with `:` meaning "empty counts as unset". */
  private conditional(name: string, op: '-' | '+' | '?', emptyIsUnset: boolean): string {
    const before = new Set(this.unresolved);
    const word = this.expand('}');
    const value = this.get(name);
    const unset = value === undefined || (emptyIsUnset && value === '');
    const usesWord = op === '-' ? unset : op === '+' ? !unset : false;
    // A default that is not used cannot leave anything unresolved.
    if (!usesWord) this.unresolved = before;
    if (op === '-') return unset ? word : value;
    if (op === '+') return unset ? '' : word;
    // The builder fails on `${A?}` when A is unset; here it is more likely a value we were not told.
    if (unset) this.unresolved.add(name);
    return value ?? '';
  }

  private trim(name: string, op: '#' | '%'): string {
    let pattern = this.expand('}', true);
    const longest = pattern.startsWith(op);
    if (longest) pattern = pattern.slice(1);
    const value = this.lookup(name);
    const re = new RegExp(`^${this.glob(pattern, false)}$`, 'u');
    const cuts = [...Array(value.length + 1).keys()];
    // For `#` a cut is a prefix length; for `%` it is where the suffix starts.
    if (op === '#' ? longest : !longest) cuts.reverse();
    for (const cut of cuts) {
      if (op === '#' && re.test(value.slice(0, cut))) return value.slice(cut);
      if (op === '%' && re.test(value.slice(cut))) return value.slice(0, cut);
    }
    return value;
  }

  private replace(name: string): string {
    const all = this.text[this.pos] === '/';
    if (all) this.pos++;
    const pattern = this.expand('/', true);
    const replacement = this.expand('}', true);
    const value = this.lookup(name);
    if (pattern === '') return value;
    // Like the shell, a replacement takes the longest match.
    const re = new RegExp(this.glob(pattern, true), all ? 'gu' : 'u');
    return value.replace(re, () => replacement);
  }

  /** A shell pattern (`*`, `?`, `[...]`, escapes) as RegExp source. */
  private glob(pattern: string, greedy: boolean): string {
    let source = '';
    for (let i = 0; i < pattern.length; i++) {
      const ch = pattern[i]!;
      const close = pattern.indexOf(']', i + 2);
      if (ch === this.escape && i + 1 < pattern.length) source += quote(pattern[++i]!);
      else if (ch === '*') source += greedy ? '[\\s\\S]*' : '[\\s\\S]*?';
      else if (ch === '?') source += '[\\s\\S]';
      else if (ch === '[' && close > 0) {
        const set = pattern.slice(i + 1, close).replace(/^!/, '^');
        source += `[${set.replaceAll('\\', '\\\\')}]`;
        i = close;
      } else source += quote(ch);
    }
    return source;
  }
}

function quote(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
