import { parseArgs } from 'node:util';
import { earlyRequestFor, type EarlyRequest } from './image/early-calls.js';

/** The CLI's flags, for node:util's parseArgs. */
export const FLAGS = {
  image: { type: 'string' },
  context: { type: 'string' },
  dockerfile: { type: 'string' },
  target: { type: 'string' },
  'build-arg': { type: 'string', multiple: true },
  platform: { type: 'string' },
  pull: { type: 'boolean' },
  'build-command': { type: 'string' },
  policy: { type: 'string' },
  preset: { type: 'string' },
  manifests: { type: 'string', multiple: true },
  'manifest-image': { type: 'string' },
  format: { type: 'string' },
  output: { type: 'string' },
  'fail-on': { type: 'string' },
  probe: { type: 'string' },
  version: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

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
    image: values.image,
    context: values.context,
    buildCommand: values['build-command'],
    pull: values.pull,
  });
}
