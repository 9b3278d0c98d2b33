import { writeFileWhole } from './files.js';
import { parseArgs } from 'node:util';
import { check } from './check.js';
import { FLAGS } from './cli-flags.js';
import { CheckError, describeError } from './errors.js';
import { runBuildCommand } from './image/build-command.js';
import { Docker } from './image/docker.js';
import type { EarlyCalls } from './image/early-calls.js';
import { runCommand } from './image/command.js';
import { checkEnvironment } from './environment.js';
import { parseOptions } from './options.js';
import { renderJson } from './report/json.js';
import { renderMarkdown } from './report/markdown.js';
import { renderSarif } from './report/sarif.js';
import { renderText } from './report/text.js';
import type { Report } from './report/types.js';
import { nearest } from './suggest.js';
import { VERSION } from './version.js';

export const USAGE = `Usage:
  nonroot-guard check [--image REF] [--context DIR] [--dockerfile PATH]
                      [--target STAGE] [--build-arg K=V]... [--platform P] [--pull]
                      [--build-command CMD] [--policy FILE] [--preset NAME]
                      [--manifests GLOB]... [--manifest-image REF]
                      [--format text|json|markdown|sarif]
                      [--output FILE] [--fail-on error|warning|never]
                      [--probe required|optional]
  nonroot-guard --version | --help

Checks that a container image runs as non-root: its user, resolved as the
runtime and the Kubernetes kubelet resolve it, with each finding on the
Dockerfile line that causes it.

  --image REF          the image to check (pulled when missing; built and tagged
                       REF with --context; produced by --build-command)
  --context DIR        build the image from DIR first
  --dockerfile PATH    the Dockerfile (default DIR/Dockerfile); with --image alone,
                       map findings to its lines without building
  --target STAGE       build (and judge) this stage
  --build-arg K=V      a build argument (repeatable)
  --platform P         e.g. linux/amd64, for the build or the pull
  --pull               always pull (the image, or the base image of a build)
  --build-command CMD  a command that produces --image (e.g. dotnet publish
                       -t:PublishContainer); run without a shell
  --policy FILE        a policy file (default: .github/nonroot-guard.yml when it
                       exists); see the README's "Policy file"
  --preset NAME        baseline, restricted or hardened; overrides the policy
                       file's preset (default baseline)
  --manifests GLOB     Kubernetes manifests that run the image (repeatable):
                       predicts the kubelet's runAsNonRoot refusal and checks
                       the "restricted" Pod Security Standard
  --manifest-image REF the image as the manifests name it (default: --image);
                       without a tag, any tag of that repository
  --format F           text (default), json, markdown or sarif (SARIF 2.1.0,
                       for code scanning)
  --output FILE        write the report to FILE instead of stdout
  --fail-on LEVEL      error (default), warning or never
  --probe MODE         required (default): a probe that cannot run fails the
                       check; optional: its rules are skipped, with the reason

Exit codes: 0 pass, 1 the policy failed, 2 a usage, input or tool error.`;

const FORMATS = ['text', 'json', 'markdown', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** Docker calls the entry point started while this code loaded (see cli-flags.ts). */
  early?: EarlyCalls;
}

function render(report: Report, format: Format): string {
  switch (format) {
    case 'json':
      return renderJson(report);
    case 'markdown':
      return renderMarkdown(report);
    case 'sarif':
      return renderSarif(report);
    default:
      return renderText(report);
  }
}

function parseCommandLine(argv: string[]) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, options: FLAGS });
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const flag = /'([^']+)'/.exec(message)?.[1] ?? '';
      const guess = nearest(flag.replace(/^-+/, ''), Object.keys(FLAGS));
      throw new CheckError(
        'usage',
        `unknown flag ${flag}${guess ? ` (did you mean --${guess}?)` : ''}`,
        'Run nonroot-guard --help for the flags.',
      );
    }
    throw new CheckError('usage', message, 'Run nonroot-guard --help for the flags.');
  }
}

/** Runs the CLI and returns its exit code: 0 pass, 1 policy failed, 2 error. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseCommandLine(argv);
    if (values.help) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    if (values.version) {
      io.stdout(`nonroot-guard ${VERSION}\n`);
      return 0;
    }
    if (positionals[0] !== 'check' || positionals.length > 1) {
      throw new CheckError(
        'usage',
        positionals.length === 0
          ? 'missing command: check'
          : `unknown command or extra argument: ${positionals.join(' ')}`,
        'Run nonroot-guard check --image REF, or nonroot-guard --help.',
      );
    }
    checkEnvironment();
    const format = (values.format ?? 'text') as Format;
    if (!FORMATS.includes(format)) {
      throw new CheckError(
        'usage',
        `--format: unknown format "${values.format}"`,
        'Use text, json, markdown or sarif.',
      );
    }
    const options = parseOptions(
      {
        image: values.image,
        context: values.context,
        dockerfile: values.dockerfile,
        target: values.target,
        'build-args': values['build-arg'],
        platform: values.platform,
        pull: values.pull,
        'build-command': values['build-command'],
        policy: values.policy,
        preset: values.preset,
        manifests: values.manifests,
        'manifest-image': values['manifest-image'],
        'fail-on': values['fail-on'],
        probe: values.probe,
      },
      '--',
    );
    const report = await check(options, {
      docker: new Docker(runCommand, 'docker', io.early),
      runBuildCommand,
      log: io.stderr,
      cwd: io.cwd,
      version: VERSION,
    });
    const rendered = render(report, format);
    if (values.output) {
      await writeFileWhole(values.output, rendered, '--output');
      io.stderr(`${report.verdict.toUpperCase()}: report written to ${values.output}\n`);
    } else {
      io.stdout(rendered);
    }
    return report.verdict === 'pass' ? 0 : 1;
  } catch (error) {
    io.stderr(`nonroot-guard: ${describeError(error)}\n`);
    return 2;
  }
}
