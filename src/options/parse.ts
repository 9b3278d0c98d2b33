import { CheckError } from '../shared/errors.js';
import { isImageReference } from '../source/reference.js';
import { FAIL_ON, PRESETS, PROBE_MODES } from '../policy/types.js';
import { COMMENT_MODES, type RawOptions } from './options.js';
import { optionsSchema, type ParsedOptions } from './schemas.js';

/** Validates raw options (from the CLI's flags or the action's inputs) into what a check uses. */

/** `build-command` → `buildCommand`. */
type CamelCase<Key extends string> = Key extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : Key;

/**
 * What a check is given: the option table's options, validated, one field per
 * option named after it (schemas.ts has each one's type, default and meaning;
 * options.ts its help). Adding an option touches those two and its use only.
 */
export type CheckOptions = {
  [Key in keyof ParsedOptions as CamelCase<Key & string>]: ParsedOptions[Key];
};

/** The options the pull-request publishing reads. */
export type PublishOptions = Pick<
  CheckOptions,
  'comment' | 'commentId' | 'suggestions' | 'githubToken' | 'prNumber'
>;

const camelCase = (key: string) =>
  key.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

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
  return Object.fromEntries(
    Object.entries(options).map(([key, value]) => [camelCase(key), value]),
  ) as CheckOptions;
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
