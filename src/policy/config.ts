import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import * as z from 'zod/mini';
import { CheckError } from '../errors.js';
import '../schema-locale.js';
import { didYouMean } from '../suggest.js';
import { RULES } from './rules/index.js';
import { PRESETS, SEVERITIES } from './types.js';

/**
 * The policy file (.github/nonroot-guard.yml): one zod schema holds every
 * key, default and check; schema/policy.schema.json is generated from it.
 */

export const RULE_KEYS = RULES.flatMap((rule) => [rule.id, rule.name]);
const LEVELS = ['off', ...SEVERITIES] as const;
const absolutePath = z
  .string()
  .check(z.regex(/^\//, 'expected an absolute path (starting with /)'));

export const policyFileSchema = z
  .strictObject({
    preset: z
      ._default(z.enum(PRESETS), 'baseline')
      .check(
        z.describe(
          'The preset that gives every rule its severity (see docs): baseline, restricted or hardened.',
        ),
      ),
    rules: z
      ._default(z.partialRecord(z.enum(RULE_KEYS), z.enum(LEVELS)), {})
      .check(z.describe('Per rule id or name: off, error, warning or notice, over the preset.')),
    'allow-writable': z
      ._default(z.array(absolutePath), [])
      .check(
        z.describe(
          'Globs of directories the user may write, beyond the scratch directories (/tmp, /var/tmp, /run/lock), HOME and VOLUMEs (NR022).',
        ),
      ),
    'allow-setid': z
      ._default(z.array(absolutePath), [])
      .check(z.describe('Globs of setuid/setgid files that are accepted (NR030).')),
    ports: z._default(
      z.strictObject({
        allow: z
          ._default(z.array(z.int().check(z.minimum(1), z.maximum(65535))), [])
          .check(
            z.describe(
              'Ports below 1024 that are accepted (NR050), e.g. where the pod is granted NET_BIND_SERVICE.',
            ),
          ),
        variables: z
          ._default(
            z.array(
              z
                .string()
                .check(
                  z.regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected an environment variable name'),
                ),
            ),
            [],
          )
          .check(z.describe('More environment variables that hold a port the app listens on.')),
      }),
      { allow: [], variables: [] },
    ),
    ignore: z._default(
      z.array(
        z.strictObject({
          rule: z.enum(RULE_KEYS).check(z.describe('The rule id or name to ignore.')),
          path: z
            .optional(z.string())
            .check(
              z.describe(
                'Only findings located in files matching this glob (a Dockerfile or manifest path).',
              ),
            ),
          reason: z
            .string()
            .check(
              z.trim(),
              z.minLength(1, 'say why this finding is accepted'),
              z.describe('Why it is accepted.'),
            ),
          expires: z
            .optional(z.iso.date())
            .check(
              z.describe(
                'YYYY-MM-DD: from this day on the ignore no longer applies, and the report says so.',
              ),
            ),
        }),
      ),
      [],
    ),
  })
  .check(z.describe('Non-root Guard policy'));

export type PolicyFile = z.output<typeof policyFileSchema>;

/** A policy file as loaded: its values, and whether it chose the preset itself. */
export interface LoadedPolicy {
  path: string;
  policy: PolicyFile;
  presetGiven: boolean;
}

/** The policy in force without a file: every default of the schema. */
export const DEFAULT_POLICY: PolicyFile = policyFileSchema.parse({});

export const DEFAULT_POLICY_PATH = '.github/nonroot-guard.yml';
const MAX_POLICY_BYTES = 1024 * 1024;

/** `file:line:column` of a node in the document, or of the document's start. */
function position(doc: Document, counter: LineCounter, path: readonly PropertyKey[], file: string) {
  let node: unknown = doc.getIn(path as unknown[], true);
  for (let depth = path.length; node === undefined && depth > 0; depth--) {
    node = doc.getIn(path.slice(0, depth - 1) as unknown[], true);
  }
  const range = (node as { range?: [number, number, number] } | undefined)?.range;
  const { line, col } = counter.linePos(range?.[0] ?? 0);
  return `${file}:${line}:${col}`;
}

function fail(where: string, message: string, hint: string): never {
  throw new CheckError('input', `${where}: ${message}`, hint);
}

const HINT = `The policy file is described in the README (Policy file); schema/policy.schema.json gives editors completion.`;

/** Unknown keys and rule ids get a "did you mean" before the schema speaks. */
function checkKeys(doc: Document, counter: LineCounter, file: string): void {
  const known: Record<string, readonly string[]> = {
    '': Object.keys(policyFileSchema.shape),
    ports: ['allow', 'variables'],
    rules: RULE_KEYS,
  };
  const check = (path: string[], keys: readonly string[], what: string) => {
    const node = doc.getIn(path, true);
    if (!isMap(node)) return;
    for (const pair of node.items) {
      const key = String((pair.key as { value?: unknown } | null)?.value ?? pair.key);
      if (keys.includes(key)) continue;

      const { line, col } = counter.linePos((pair.key as { range?: number[] }).range?.[0] ?? 0);
      fail(
        `${file}:${line}:${col}`,
        `unknown ${what} "${key}"${didYouMean(key, keys)}`,
        what === 'rule'
          ? `Use a rule id (NR001) or name (user-not-set); the list is in docs/rules.md.`
          : `Valid keys here: ${keys.join(', ')}.`,
      );
    }
  };
  check([], known['']!, 'key');
  check(['ports'], known['ports']!, 'key under ports');
  check(['rules'], known['rules']!, 'rule');
  const ignores = doc.getIn(['ignore'], true);
  if (isSeq(ignores)) {
    ignores.items.forEach((_, index) => {
      check(
        ['ignore', String(index)],
        ['rule', 'path', 'reason', 'expires'],
        'key in an ignore entry',
      );
      const rule = doc.getIn(['ignore', index, 'rule']);
      if (typeof rule === 'string' && !RULE_KEYS.includes(rule)) {
        fail(
          position(doc, counter, ['ignore', index, 'rule'], file),
          `unknown rule "${rule}"${didYouMean(rule, RULE_KEYS)}`,
          'Use a rule id (NR001) or name (user-not-set); the list is in docs/rules.md.',
        );
      }
    });
  }
}

/** Parses and validates a policy file's text; every error names file, line and column. */
export function parsePolicy(text: string, file: string): LoadedPolicy {
  if (Buffer.byteLength(text) > MAX_POLICY_BYTES) {
    fail(
      file,
      `the policy file is over ${MAX_POLICY_BYTES} bytes`,
      'A policy is a few lines of YAML; check the path.',
    );
  }
  // eslint-disable-next-line no-control-regex
  if (/\u0000|\ufffd/.test(text)) {
    fail(file, 'the policy file is not UTF-8 text', 'Check the path: it should be a YAML file.');
  }
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const syntax = doc.errors[0];
  if (syntax) {
    const { line, col } = counter.linePos(syntax.pos[0]);
    fail(`${file}:${line}:${col}`, `YAML syntax error: ${syntax.message.split('\n')[0]}`, HINT);
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (error) {
    // An alias without its anchor (`*x`), or aliases that expand too far: not a syntax error to the parser.
    fail(file, `YAML error: ${(error as Error).message.split('\n')[0]}`, HINT);
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    fail(`${file}:1:1`, 'expected a mapping of policy keys (preset, rules, …)', HINT);
  }
  checkKeys(doc, counter, file);
  const parsed = policyFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = position(doc, counter, issue.path, file);
    const at = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    fail(where, `${at}${issue.message}`, HINT);
  }
  return { path: file, policy: parsed.data, presetGiven: 'preset' in (raw as object) };
}
