import * as z from 'zod/mini';
import '../shared/schema-locale.js';
import { FAIL_ON, PRESETS, PROBE_MODES } from '../policy/types.js';
import { COMMENT_MODES, type OptionKey } from './options.js';

/**
 * Each option's validation and default, by the keys of the option table
 * (options.ts): TypeScript refuses an option that is in one and not the other.
 */

/** Text, trimmed; empty means unset (an input left blank). */
const text = z.optional(
  z.pipe(
    z.string(),
    z.transform((value) => value.trim() || undefined),
  ),
);

const buildArg = z.string().check(
  z.refine((value) => /^[A-Za-z_][A-Za-z0-9_]*=/.test(value), {
    message: 'expected KEY=VALUE (e.g. APP_VERSION=1.2)',
  }),
);

/** `ID=…` with a secret's id as BuildKit takes it. */
function idValue(expected: string) {
  return z
    .string()
    .check(
      z.refine((value) => /^[A-Za-z0-9_.-]+=/.test(value), { message: `expected ${expected}` }),
    );
}

/** KEY=VALUE entries as a record; the first '=' splits, so the value may hold more. */
function splitPairs(entries: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    entries.map((entry): [string, string] => {
      const eq = entry.indexOf('=');
      return [entry.slice(0, eq), entry.slice(eq + 1)];
    }),
  );
}

/** One platform as Docker names them: `os/arch[/variant]`. */
const PLATFORM = /^[a-z0-9][a-z0-9._-]*\/[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)?$/;

/** Platforms, comma- or newline-separated as docker/build-push-action takes them; unset when empty. */
const platforms = z.optional(
  z
    .pipe(
      z.string(),
      z.transform((value) => {
        const list = value
          .split(/[,\n]/)
          .map((entry) => entry.trim())
          .filter((entry) => entry !== '');
        return list.length > 0 ? [...new Set(list)] : undefined;
      }),
    )
    .check(
      z.refine((list) => list === undefined || list.every((entry) => PLATFORM.test(entry)), {
        message: 'expected os/arch[/variant], comma-separated (e.g. linux/amd64,linux/arm64)',
      }),
    ),
);

const booleanText = z.union([
  z.boolean(),
  z.pipe(
    z.enum(['true', 'True', 'TRUE', 'false', 'False', 'FALSE', '']),
    z.transform((value) => value.toLowerCase() === 'true'),
  ),
]);

const SCHEMAS = {
  image: text,
  context: text,
  dockerfile: text,
  target: text,
  // KEY=VALUE lines in, a record out (the first '=' splits).
  'build-args': z.pipe(
    z._default(z.array(buildArg), []),
    z.transform((entries: string[]) => splitPairs(entries)),
  ),
  // ID=VALUE lines in, a record out; the values are secrets and are never logged.
  secrets: z.pipe(
    z._default(z.array(idValue('ID=VALUE (e.g. npm_token=…)')), []),
    z.transform((entries: string[]) => splitPairs(entries)),
  ),
  'secret-files': z.pipe(
    z._default(z.array(idValue('ID=PATH (e.g. npmrc=.npmrc)')), []),
    z.transform((entries: string[]) => splitPairs(entries)),
  ),
  // `default`, `default=PATH`, `ID=PATH[,PATH…]`: docker build's --ssh as it is.
  ssh: z._default(
    z.array(
      z.string().check(
        z.trim(),
        z.refine((value) => /^[A-Za-z0-9_.-]+(=.+)?$/.test(value), {
          message: 'expected default or ID=PATH (e.g. default=/run/ssh-agent.sock)',
        }),
      ),
    ),
    [],
  ),
  platform: platforms,
  pull: z._default(booleanText, false),
  'keep-image': z._default(booleanText, false),
  'build-command': text,
  policy: text,
  // No default here: unset means the policy file's preset, whose default is baseline.
  preset: z.optional(z.enum(PRESETS)),
  manifests: z._default(z.array(z.string().check(z.trim(), z.minLength(1))), []),
  'manifest-image': text,
  'fail-on': z._default(z.enum(FAIL_ON), 'error'),
  probe: z._default(z.enum(PROBE_MODES), 'required'),
  // The action's only: where to write SARIF (unset: a file in RUNNER_TEMP).
  'sarif-file': text,
  // The action's only: how the report reaches the pull request.
  comment: z._default(z.enum(COMMENT_MODES), 'auto'),
  'comment-id': text,
  suggestions: z._default(booleanText, true),
  'github-token': text,
  // Post this JSON report (another run's) instead of checking: the fork-safe recipe.
  'report-file': text,
  'pr-number': z.optional(
    z
      .pipe(
        z.union([z.number(), z.string().check(z.trim())]),
        z.transform((value) => (value === '' ? undefined : Number(value))),
      )
      .check(
        z.refine((value) => value === undefined || (Number.isSafeInteger(value) && value > 0), {
          message: 'expected a pull request number, e.g. 42',
        }),
      ),
  ),
} satisfies Record<OptionKey, z.ZodMiniType>;

/** The options schema: every option's validation and default. */
export const optionsSchema = z.strictObject(SCHEMAS);

/** The options as a check is given them: validated, defaults applied (kebab keys). */
export type ParsedOptions = z.output<typeof optionsSchema>;

/** Each option's default as the schema applies it, as the person writes it (for the generated docs). */
export function optionDefaults(): Record<string, unknown> {
  const defaultOf = (schema: z.ZodMiniType): unknown =>
    schema instanceof z.ZodMiniDefault
      ? schema.def.defaultValue
      : schema instanceof z.ZodMiniPipe
        ? defaultOf(schema.def.in as z.ZodMiniType)
        : undefined;
  return Object.fromEntries(
    Object.entries(optionsSchema.shape).map(([key, schema]) => [key, defaultOf(schema)]),
  );
}
