import { CheckError } from '../shared/errors.js';
import { isImageReference } from '../source/reference.js';
import {
  FAIL_ON,
  PRESETS,
  PROBE_MODES,
  type FailOn,
  type Preset,
  type ProbeMode,
} from '../policy/types.js';
import { COMMENT_MODES, type CommentMode, type RawOptions } from './options.js';
import { optionsSchema } from './schemas.js';

/** Validates raw options (from the CLI's flags or the action's inputs) into what a check uses. */

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
