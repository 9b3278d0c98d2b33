import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CheckError } from '../../src/shared/errors.js';
import { parsePasswd, parseGroup, runtimeInt } from '../../src/facts/accounts.js';
import { MAX_UID, parseUserSpec } from '../../src/facts/user-spec.js';
import { kubeletRunAsNonRootError } from '../../src/kubernetes/kubelet.js';
import { parsePolicy } from '../../src/policy/parse.js';
import { RULES } from '../../src/policy/rules/index.js';
import { parseProbeOutput } from '../../src/probe/probe.js';
import {
  markdownCode,
  markdownProse,
  markdownText,
  showInvisible,
} from '../../src/report/escape.js';
import { probeOutput } from '../helpers/facts.js';

/**
 * Properties over many generated inputs (fast-check): what must hold for any
 * Config.User, any passwd or group file, any probe output, any policy file
 * and any untrusted text, not only the cases someone thought of.
 */

const RUNS = { numRuns: 2000 };
const decimal = fc
  .tuple(fc.constantFrom('', '+', '-'), fc.stringMatching(/^0{0,3}$/), fc.nat({ max: 2 ** 40 }))
  .map(([sign, zeros, value]) => ({
    text: `${sign}${zeros}${value}`,
    value: sign === '-' ? -value : value,
  }));
/** Text a user or group field may hold: anything but the separators. */
const field = fc
  .string({ unit: 'grapheme', maxLength: 12 })
  .filter((text) => !/[:\n\r]/.test(text));

describe('the user string, as the runtime parses it', () => {
  it('never throws, and is "no user" only when empty', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (raw) => {
        expect(parseUserSpec(raw).kind === 'none').toBe(raw === '');
      }),
      RUNS,
    );
  });

  it('reads any decimal (sign and leading zeros allowed) as that UID, and the group up to the next colon', () => {
    fc.assert(
      fc.property(decimal, fc.option(field), fc.option(field), ({ text, value }, group, rest) => {
        const raw = group === null ? text : `${text}:${group}${rest === null ? '' : `:${rest}`}`;
        const spec = parseUserSpec(raw);
        expect(spec).toMatchObject({ kind: 'uid', uid: BigInt(value) });
        const groupText = group ?? '';
        if (groupText === '') expect(spec.kind === 'uid' && spec.group).toBeNull();
        else expect(spec.kind === 'uid' && spec.group).not.toBeNull();
      }),
      RUNS,
    );
  });

  it('reads anything else before the colon as a name', () => {
    fc.assert(
      fc.property(
        field.filter((text) => text !== '' && !/^[+-]?\d+$/.test(text)),
        (name) => {
          expect(parseUserSpec(`${name}:x`)).toMatchObject({ kind: 'name', name });
        },
      ),
      RUNS,
    );
  });

  it('the kubelet replay admits only a numeric UID from 1 to 2147483647 (fails closed)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 24 }),
          decimal.map((d) => d.text),
          field,
        ),
        (raw) => {
          if (kubeletRunAsNonRootError(raw, { runAsNonRoot: true }) !== null) return;
          const spec = parseUserSpec(raw);
          expect(spec.kind).toBe('uid');
          if (spec.kind !== 'uid') return;
          expect(spec.userText).not.toBe('');
          expect(spec.uid).toBeGreaterThanOrEqual(1);
          expect(spec.uid).toBeLessThanOrEqual(MAX_UID);
        },
      ),
      RUNS,
    );
  });
});

describe('/etc/passwd and /etc/group, as runc reads them', () => {
  const entry = fc.record({ name: field, uid: fc.integer({ min: -5, max: 2 ** 32 }), home: field });

  it('never throws on any bytes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        parsePasswd(text);
        parseGroup(text);
      }),
      RUNS,
    );
  });

  it('gives back every well-formed entry, in order, with LF or CRLF endings', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 20 }), fc.boolean(), (entries, crlf) => {
        const named = entries.filter((e) => e.name.trim() !== '' && e.name === e.name.trim());
        const text = named
          .map((e) => `${e.name}:x:${e.uid}:${e.uid}::${e.home.trim()}:/bin/sh`)
          .join(crlf ? '\r\n' : '\n');
        const parsed = parsePasswd(text);
        expect(parsed.map((p) => [p.name, p.uid])).toEqual(
          named.map((e) => [e.name, BigInt(e.uid)]),
        );
      }),
      RUNS,
    );
  });

  it('reads a number field that is not a number as 0, as Go’s Atoi fails and the runtime uses 0', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 12 }).filter((text) => !/^[+-]?\d+$/.test(text)),
        (text) => {
          expect(runtimeInt(text)).toBe(0n);
        },
      ),
      RUNS,
    );
  });

  it('reads any decimal exactly within int64 and clamps beyond it, as Atoi does', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }), (value) => {
        const clamped =
          value > 9223372036854775807n
            ? 9223372036854775807n
            : value < -9223372036854775808n
              ? -9223372036854775808n
              : value;
        expect(runtimeInt(String(value))).toBe(clamped);
      }),
      RUNS,
    );
  });
});

describe('the probe output parser', () => {
  it('accepts the probe’s own document and refuses anything else with an Error naming where', () => {
    expect(parseProbeOutput(JSON.stringify(probeOutput()))).toEqual(probeOutput());
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.string()), (value) => {
        const text = typeof value === 'string' ? value : JSON.stringify(value);
        expect(() => parseProbeOutput(text)).toThrow(Error);
      }),
      RUNS,
    );
  });

  it('refuses a probe document with any one field replaced by a value of another shape', () => {
    const valid = probeOutput() as unknown as Record<string, unknown>;
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(valid)),
        fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.string())),
        (key, replacement) => {
          const shape = (value: unknown) =>
            Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
          // Another shape, not another value of the same one (userError is a string or null).
          fc.pre(shape(replacement) !== shape(valid[key]));
          fc.pre(
            !(key === 'userError' && (replacement === null || typeof replacement === 'string')),
          );
          const broken = { ...valid, [key]: replacement };
          expect(() => parseProbeOutput(JSON.stringify(broken))).toThrow(Error);
        },
      ),
      RUNS,
    );
  });
});

describe('the policy loader', () => {
  it('returns a policy or throws a CheckError that names the file, for any text', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 })),
        (text) => {
          try {
            parsePolicy(text, '.github/nonroot-guard.yml');
          } catch (error) {
            expect(error).toBeInstanceOf(CheckError);
            expect((error as CheckError).message).toMatch(
              /^\.github\/nonroot-guard\.yml(:\d+:\d+)?: /,
            );
          }
        },
      ),
      RUNS,
    );
  });

  it('reads back any valid rules mapping exactly', () => {
    const level = fc.constantFrom('off', 'error', 'warning', 'notice');
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...RULES.map((rule) => rule.id)), level),
        (rules) => {
          const yaml = Object.keys(rules).length
            ? `rules:\n${Object.entries(rules)
                .map(([id, value]) => `  ${id}: ${value}`)
                .join('\n')}\n`
            : 'preset: baseline\n';
          const loaded = parsePolicy(yaml, 'p.yml');
          expect(loaded.policy.rules).toEqual(rules);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the markdown escaper', () => {
  const untrusted = fc.string({ unit: 'binary', maxLength: 80 });
  /** What a reader sees: entities decoded, the invisible joiners gone. */
  const decode = (html: string) =>
    html
      .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
      .replaceAll('\u2060', '');

  it('keeps every character a reader should see, and nothing markdown, HTML or GitHub acts on', () => {
    fc.assert(
      fc.property(untrusted, (value) => {
        const escaped = markdownText(value);
        expect(escaped.replace(/&#\d+;/g, '')).not.toMatch(/[<>[\]()|`*_\\\r\n@#&]/);
        // Rendered, every @ and # is followed by an invisible joiner: no mention, no reference.
        const rendered = escaped.replace(/&#(\d+);/g, (_, code: string) =>
          String.fromCharCode(Number(code)),
        );
        expect(rendered).not.toMatch(/[@#](?!\u2060)/);
        // Invisible characters (bidi controls, separators, \p{Cf}) are shown as <U+XXXX>.
        expect(decode(escaped)).toBe(showInvisible(value).replace(/[\r\n\t]/g, ' '));
        expect(rendered.replaceAll('\u2060', '')).not.toMatch(/[\u2028\u2029\p{Cf}]/u);
      }),
      RUNS,
    );
  });

  it('code stays exact (no joiners; invisible characters shown) and closed', () => {
    fc.assert(
      fc.property(untrusted, (value) => {
        const code = markdownCode(value);
        expect(code.startsWith('<code>') && code.endsWith('</code>')).toBe(true);
        const inner = code.slice(6, -7);
        expect(inner).not.toMatch(/[<>`|\n]/);
        expect(inner.replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c)))).toBe(
          showInvisible(value).replace(/[\r\n\t]/g, ' '),
        );
      }),
      RUNS,
    );
  });

  it('prose opens no tag but <code>, and closes each one it opens', () => {
    fc.assert(
      fc.property(untrusted, (value) => {
        const prose = markdownProse(`Add \`${value}\` now`);
        const tags = prose.match(/<\/?[a-z]+>/g) ?? [];
        expect(tags.every((tag) => tag === '<code>' || tag === '</code>')).toBe(true);
        expect(tags.filter((tag) => tag === '<code>').length).toBe(
          tags.filter((tag) => tag === '</code>').length,
        );
        expect(prose.replace(/<\/?code>/g, '')).not.toMatch(/[<>]/);
      }),
      RUNS,
    );
  });
});
