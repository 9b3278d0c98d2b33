import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { earlyRequestFor, type EarlyRequest } from '../source/docker/early-calls.js';
import { FLAG_OPTIONS } from '../options/options.js';

/** The flags of the CLI itself, beside the check's options (options/options.ts). */
export const CLI_FLAGS = [
  {
    name: 'format',
    value: 'F',
    choices: 'text|json|markdown|sarif',
    help: ['text (default), json, markdown or sarif (SARIF 2.1.0,', 'for code scanning)'],
  },
  { name: 'output', value: 'FILE', help: ['write the report to FILE instead of stdout'] },
] as const;

/** The CLI's flags, for node:util's parseArgs: every option that has one, and the CLI's own. */
export const FLAGS: ParseArgsOptionsConfig = Object.fromEntries([
  ...FLAG_OPTIONS.map(({ name, flag }) => [
    name,
    { type: flag.value ? 'string' : 'boolean', ...(flag.multiple && { multiple: true }) },
  ]),
  ...CLI_FLAGS.map(({ name }) => [name, { type: 'string' }]),
  ['version', { type: 'boolean' }],
  ['help', { type: 'boolean', short: 'h' }],
]);

/** A flag's value as parseArgs gives it, when it is text. */
function textValue(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * What a check will ask docker first, read from argv before the rest of the
 * CLI is loaded; null for anything but a well-formed `check` (the full
 * parse then says what is wrong). The engine check is always first; the
 * image is inspected early only when it should exist already.
 */
export function earlyRequest(argv: string[]): EarlyRequest | null {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: FLAGS });
  } catch {
    return null;
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1 || positionals[0] !== 'check' || values.help || values.version) {
    return null;
  }
  return earlyRequestFor({
    image: textValue(values['image']),
    context: textValue(values['context']),
    buildCommand: textValue(values['build-command']),
    pull: values['pull'] === true,
  });
}
