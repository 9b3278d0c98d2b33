/**
 * Every option of a check, once, in the order --help shows them: its CLI
 * flag with the help text, and whether the action has it as an input. Its
 * validation and default are in schemas.ts, by the same keys. The CLI's
 * flags and --help, and the action's input reading are derived from here;
 * action.yml's inputs and the README are checked against it
 * (__tests__/docs.test.ts). Keys are the contract's names: `fail-on` is the
 * input `fail-on` and the flag `--fail-on`. No zod here: the CLI's entry
 * reads its flags with this table before anything else is loaded.
 */

export const COMMENT_MODES = ['auto', 'always', 'off'] as const;
export type CommentMode = (typeof COMMENT_MODES)[number];

export interface Flag {
  /** The flag's name when it is not the key's (`--build-arg` for `build-args`). */
  readonly name?: string;
  /** What the value is in --help (`REF`); none for a boolean flag. */
  readonly value?: string;
  /** The value in the usage line when it is a choice (`error|warning|never`). */
  readonly choices?: string;
  readonly multiple?: boolean;
  /** --help's lines for it, wrapped by hand. */
  readonly help: readonly string[];
}

export interface OptionSurfaces {
  /** The CLI's flag; none when only the action has the option. */
  readonly flag?: Flag;
  /** The action's input: `list` reads one value per line. */
  readonly input?: { readonly list?: boolean };
}

export const OPTIONS = {
  image: {
    flag: {
      value: 'REF',
      help: [
        'the image to check (pulled when missing; built and tagged',
        'REF with --context; produced by --build-command)',
      ],
    },
    input: {},
  },
  context: { flag: { value: 'DIR', help: ['build the image from DIR first'] }, input: {} },
  dockerfile: {
    flag: {
      value: 'PATH',
      help: [
        'the Dockerfile (default DIR/Dockerfile); with --image alone,',
        'map findings to its lines without building',
      ],
    },
    input: {},
  },
  target: { flag: { value: 'STAGE', help: ['build (and judge) this stage'] }, input: {} },
  'build-args': {
    flag: {
      name: 'build-arg',
      value: 'K=V',
      multiple: true,
      help: ['a build argument (repeatable)'],
    },
    input: { list: true },
  },
  secrets: {
    flag: {
      name: 'secret',
      value: 'ID=VALUE',
      multiple: true,
      help: [
        'a build secret for RUN --mount=type=secret,id=ID (repeatable;',
        'other users of this machine can see argv: prefer --secret-file)',
      ],
    },
    input: { list: true },
  },
  'secret-files': {
    flag: {
      name: 'secret-file',
      value: 'ID=PATH',
      multiple: true,
      help: ['a build secret read from the file PATH (repeatable)'],
    },
    input: { list: true },
  },
  ssh: {
    flag: {
      value: 'SPEC',
      multiple: true,
      help: [
        'an SSH agent socket or keys for RUN --mount=type=ssh: `default`,',
        'or ID=PATH (repeatable)',
      ],
    },
    input: { list: true },
  },
  platform: {
    flag: {
      value: 'P',
      help: [
        'the platforms to build, pull and check, comma-separated (e.g.',
        'linux/amd64,linux/arm64); default: every platform the image has',
      ],
    },
    input: {},
  },
  pull: { flag: { help: ['always pull (the image, or the base image of a build)'] }, input: {} },
  'keep-image': {
    flag: {
      help: [
        'keep the image a --context build without --image made (tagged',
        'nonroot-guard-check:…); by default it is removed after the check',
      ],
    },
    input: {},
  },
  'build-command': {
    flag: {
      value: 'CMD',
      help: [
        'a command that produces --image (e.g. dotnet publish',
        '-t:PublishContainer); run without a shell',
      ],
    },
    input: {},
  },
  policy: {
    flag: {
      value: 'FILE',
      help: [
        'a policy file (default: .github/nonroot-guard.yml when it',
        'exists); see the README\'s "Policy file"',
      ],
    },
    input: {},
  },
  preset: {
    flag: {
      value: 'NAME',
      help: [
        'baseline, restricted or hardened; overrides the policy',
        "file's preset (default baseline)",
      ],
    },
    input: {},
  },
  manifests: {
    flag: {
      value: 'GLOB',
      multiple: true,
      help: [
        'Kubernetes manifests that run the image (repeatable):',
        "predicts the kubelet's runAsNonRoot refusal and checks",
        'the "restricted" Pod Security Standard',
      ],
    },
    input: { list: true },
  },
  'manifest-image': {
    flag: {
      value: 'REF',
      help: [
        'the image as the manifests name it (default: --image);',
        'without a tag, any tag of that repository',
      ],
    },
    input: {},
  },
  'fail-on': {
    flag: {
      value: 'LEVEL',
      choices: 'error|warning|never',
      help: ['error (default), warning or never'],
    },
    input: {},
  },
  probe: {
    flag: {
      value: 'MODE',
      choices: 'required|optional',
      help: [
        'required (default): a probe that cannot run fails the',
        'check; optional: its rules are skipped, with the reason',
      ],
    },
    input: {},
  },
  // The action's only: where to write SARIF (unset: a file in RUNNER_TEMP).
  'sarif-file': { input: {} },
  // The action's only: how the report reaches the pull request.
  comment: { input: {} },
  'comment-id': { input: {} },
  suggestions: { input: {} },
  // action.yml gives `${{ github.token }}`: only an expression there can read it.
  'github-token': { input: {} },
  // Post this JSON report (another run's) instead of checking: the fork-safe recipe.
  'report-file': { input: {} },
  'pr-number': { input: {} },
} as const satisfies Record<string, OptionSurfaces>;

export type OptionKey = keyof typeof OPTIONS;

/** Inputs or flags as they arrive, before validation. */
export type RawOptions = Partial<Record<OptionKey, unknown>>;

const entries = Object.entries(OPTIONS) as [OptionKey, OptionSurfaces][];

/** The options that are CLI flags, in the table's order, with their flag names. */
export const FLAG_OPTIONS: readonly { key: OptionKey; name: string; flag: Flag }[] =
  entries.flatMap(([key, option]) =>
    option.flag ? [{ key, name: option.flag.name ?? key, flag: option.flag }] : [],
  );

/** The options that are action inputs, in the table's order. */
export const INPUT_OPTIONS: readonly { key: OptionKey; list: boolean }[] = entries.flatMap(
  ([key, option]) => (option.input ? [{ key, list: option.input.list === true }] : []),
);
