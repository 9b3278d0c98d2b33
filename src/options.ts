import * as z from 'zod/mini';
import { CheckError } from './errors.js';
import { isImageReference } from './image/reference.js';
import './schema-locale.js';
import {
  FAIL_ON,
  PRESETS,
  PROBE_MODES,
  type FailOn,
  type Preset,
  type ProbeMode,
} from './policy/types.js';

/**
 * The one place that holds every option's default and validation, for the
 * action's inputs and the CLI's flags alike. Keys are the contract's names
 * (`fail-on` is the input `fail-on` and the flag `--fail-on`).
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

const booleanText = z.union([
  z.boolean(),
  z.pipe(
    z.enum(['true', 'True', 'TRUE', 'false', 'False', 'FALSE', '']),
    z.transform((value) => value.toLowerCase() === 'true'),
  ),
]);

export const COMMENT_MODES = ['auto', 'always', 'off'] as const;
export type CommentMode = (typeof COMMENT_MODES)[number];

export const optionsSchema = z.strictObject({
  image: text,
  context: text,
  dockerfile: text,
  target: text,
  'build-args': z._default(z.array(buildArg), []),
  platform: text,
  pull: z._default(booleanText, false),
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
  // action.yml gives `${{ github.token }}`: only an expression there can read it.
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
});

/** Each option's default as the schema applies it (for the generated docs). */
export function optionDefaults(): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(optionsSchema.shape).map(([key, schema]) => [
      key,
      schema instanceof z.ZodMiniDefault ? schema.def.defaultValue : undefined,
    ]),
  );
}

/** Inputs or flags as they arrive, before validation. */
export type RawOptions = Partial<Record<keyof z.input<typeof optionsSchema>, unknown>>;

export interface CheckOptions {
  image?: string;
  /** Build context; with build-command, the directory the command runs in. */
  context?: string;
  dockerfile?: string;
  target?: string;
  buildArgs: Record<string, string>;
  platform?: string;
  pull: boolean;
  buildCommand?: string;
  /** A policy file; without one, .github/nonroot-guard.yml is read when it exists. */
  policy?: string;
  /** Overrides the policy file's preset when given. */
  preset?: Preset;
  failOn: FailOn;
  /** Whether a probe that cannot run fails the check (required) or only skips its rules. */
  probe: ProbeMode;
  /** Globs of Kubernetes manifests (relative to the repository) to cross-check. */
  manifests: string[];
  /** The image as the manifests name it; unset: the checked image's reference. */
  manifestImage?: string;
  /** The action's: where to write SARIF (unset: a file in RUNNER_TEMP). */
  sarifFile?: string;
  /** The action's: post this JSON report (another run's) instead of checking an image. */
  reportFile?: string;
  /** The action's: the sticky comment and review suggestions on the pull request. */
  github: PublishOptions;
}

export interface PublishOptions {
  /** auto: on pull requests, when there is something to say or a comment to update. */
  comment: CommentMode;
  /** Tells the comments of several images (a matrix) apart; unset: derived from the image. */
  commentId?: string;
  suggestions: boolean;
  token?: string;
  /** The pull request to report on when the event has none (workflow_run). */
  prNumber?: number;
}

/** An option as the person gave it: the flag `--image`, or the input `input "image"`. */
function optionName(key: string, flagPrefix: '--' | ''): string {
  return flagPrefix === '--' ? `--${key}` : `input "${key}"`;
}

/** Validates raw inputs/flags; `flagPrefix` is `--` for the CLI and `` for the action. */
export function parseOptions(raw: RawOptions, flagPrefix: '--' | ''): CheckOptions {
  const result = optionsSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const key = String(issue.path[0] ?? '');
    const name = optionName(key, flagPrefix);
    throw new CheckError('usage', `${name}: ${issue.message}`, usageHint(key));
  }
  const options = result.data;
  if (options['report-file']) {
    const checking = (['image', 'context', 'dockerfile', 'build-command'] as const).find(
      (key) => options[key],
    );
    if (checking) {
      throw new CheckError(
        'usage',
        `input "report-file" posts a report and checks nothing; it cannot go with "${checking}"`,
        'Use report-file in the workflow that posts (workflow_run), and image/context in the one that checks.',
      );
    }
  } else if (!options.image && !options.context && !options['build-command']) {
    throw new CheckError(
      'usage',
      'nothing to check: give an image, a build context, or both',
      flagPrefix === '--'
        ? 'Use --image REF to check an existing image, or --context DIR to build one.'
        : 'Set the input "image" to check an existing image, or "context" to build one.',
    );
  }
  if (options.image && !isImageReference(options.image)) {
    throw new CheckError(
      'usage',
      `${optionName('image', flagPrefix)}: ${JSON.stringify(options.image)} is not an image reference`,
      'Give an image name such as app:1.0 or ghcr.io/org/app:pr-42 (lowercase, no spaces), or an image id.',
    );
  }
  if (options['build-command'] && !options.image) {
    throw new CheckError(
      'usage',
      `${flagPrefix}build-command needs ${flagPrefix}image: the name of the image the command produces`,
      'Name the image your command tags, e.g. image: myapp:pr (and -p:ContainerRepository=myapp for dotnet publish).',
    );
  }
  return {
    image: options.image,
    context: options.context,
    dockerfile: options.dockerfile,
    target: options.target,
    buildArgs: Object.fromEntries(
      options['build-args'].map((entry) => {
        const eq = entry.indexOf('=');
        return [entry.slice(0, eq), entry.slice(eq + 1)];
      }),
    ),
    platform: options.platform,
    pull: options.pull,
    buildCommand: options['build-command'],
    policy: options.policy,
    preset: options.preset,
    manifests: options.manifests,
    manifestImage: options['manifest-image'],
    failOn: options['fail-on'],
    probe: options.probe,
    sarifFile: options['sarif-file'],
    reportFile: options['report-file'],
    github: {
      comment: options.comment,
      commentId: options['comment-id'],
      suggestions: options.suggestions,
      token: options['github-token'],
      prNumber: options['pr-number'],
    },
  };
}

function usageHint(key: string): string | undefined {
  switch (key) {
    case 'preset':
      return `Use one of: ${PRESETS.join(', ')}.`;
    case 'fail-on':
      return `Use one of: ${FAIL_ON.join(', ')}.`;
    case 'probe':
      return `Use one of: ${PROBE_MODES.join(', ')}.`;
    case 'comment':
      return `Use one of: ${COMMENT_MODES.join(', ')}.`;
    case 'pull':
    case 'suggestions':
      return 'Use true or false.';
    case 'pr-number':
      return 'Give the number only, e.g. pr-number: ${{ steps.pr.outputs.number }}.';
    case 'build-args':
      return 'Give one KEY=VALUE per line (action) or per --build-arg flag (CLI).';
    default:
      return undefined;
  }
}
