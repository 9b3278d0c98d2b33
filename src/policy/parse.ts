import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { CheckError } from '../shared/errors.js';
import { didYouMean } from '../shared/suggest.js';
import { policyFileSchema, RULE_KEYS, type LoadedPolicy } from './config.js';

/**
 * Reads a policy file: YAML with every position kept, so that each error names
 * file, line and column. Its own module (and bundle chunk) because the YAML
 * parser is loaded only by checks that have a policy file.
 */

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
