import * as z from 'zod/mini';
import '../shared/schema-locale.js';
import { RULES } from './rules/index.js';
import { PRESETS, SEVERITIES } from './types.js';

/**
 * The policy file (.github/nonroot-guard.yml): one zod schema holds every
 * key, default and check; schema/policy.schema.json is generated from it.
 * Reading a file (YAML, with positions) is ./parse.ts, loaded only when there is one.
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
    'allow-incomplete-walk': z
      ._default(z.array(absolutePath), [])
      .check(
        z.describe(
          'Globs of paths where an incomplete walk is accepted (NR034): a directory too deep, a path too long or a directory that could not be read there. A walk stopped as a whole (entry or time limit) is never accepted.',
        ),
      ),
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
