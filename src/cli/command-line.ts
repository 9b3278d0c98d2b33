import { writeFileWhole } from '../shared/files.js';
import { parseArgs } from 'node:util';
import { check } from '../check/check.js';
import { CLI_FLAGS, FLAGS } from './flags.js';
import { CheckError, describeError } from '../shared/errors.js';
import { runBuildCommand } from '../source/build-command.js';
import { Docker } from '../source/docker/docker.js';
import { localEngineSocket } from '../source/docker/engine-api.js';
import { DockerSource } from '../source/docker/source.js';
import type { EarlyCalls } from '../source/docker/early-calls.js';
import { runCommand } from '../source/command.js';
import { checkEnvironment } from '../options/environment.js';
import { FLAG_OPTIONS, type Flag, type RawOptions } from '../options/options.js';
import { parseOptions } from '../options/parse.js';
import { renderJson } from '../report/json.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderSarif } from '../report/sarif.js';
import { renderText } from '../report/text.js';
import type { Report } from '../report/types.js';
import { nearest } from '../shared/suggest.js';
import { VERSION } from '../shared/version.js';

/**
 * The flags with their help: the option table's, with the CLI's own (what to
 * print and where) after the inputs of a check and before how to judge it.
 */
const HELP_FLAGS: Flag[] = [];
for (const { name, flag } of FLAG_OPTIONS) {
  if (name === 'fail-on') HELP_FLAGS.push(...CLI_FLAGS);
  HELP_FLAGS.push({ ...flag, name });
}

/** `[--image REF] [--build-arg K=V]...`, wrapped under the command as --help shows it. */
function synopsis(): string {
  const words = HELP_FLAGS.map((flag) => {
    const value = flag.choices ?? flag.value;
    return `[--${flag.name}${value ? ` ${value}` : ''}]${flag.multiple ? '...' : ''}`;
  });
  const first = '  nonroot-guard check ';
  const lines: string[] = [];
  let line = first;
  for (const word of words) {
    if (line.length + word.length > 86 && line.trim() !== 'nonroot-guard check') {
      lines.push(line.trimEnd());
      line = ' '.repeat(first.length);
    }
    line += `${word} `;
  }
  lines.push(line.trimEnd());
  return lines.join('\n');
}

/** `  --image REF          the image to check …`: each flag's help, aligned. */
function flagHelp(): string {
  const column = 23;
  return HELP_FLAGS.flatMap((flag) => {
    const head = `  --${flag.name}${flag.value ? ` ${flag.value}` : ''}`;
    const [first = '', ...rest] = flag.help;
    return [
      `${head.padEnd(column - 1)} ${first}`,
      ...rest.map((line) => `${' '.repeat(column)}${line}`),
    ];
  }).join('\n');
}

export const USAGE = `Usage:
${synopsis()}
  nonroot-guard --version | --help

Checks that a container image runs as non-root: its user, resolved as the
runtime and the Kubernetes kubelet resolve it, with each finding on the
Dockerfile line that causes it.

${flagHelp()}

Exit codes: 0 pass, 1 the policy failed, 2 a usage, input or tool error.`;

const FORMATS = ['text', 'json', 'markdown', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** Docker calls the entry point started while this code loaded (see flags.ts). */
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
    const raw: RawOptions = {};
    for (const { key, name } of FLAG_OPTIONS) raw[key] = values[name];
    const options = parseOptions(raw, '--');
    const report = await check(options, {
      source: new DockerSource(new Docker(runCommand, 'docker', io.early, localEngineSocket())),
      runBuildCommand,
      log: io.stderr,
      cwd: io.cwd,
      version: VERSION,
    });
    const rendered = render(report, format);
    const output = values['output'];
    if (typeof output === 'string') {
      await writeFileWhole(output, rendered, '--output');
      io.stderr(`${report.verdict.toUpperCase()}: report written to ${output}\n`);
    } else {
      io.stdout(rendered);
    }
    return report.verdict === 'pass' ? 0 : 1;
  } catch (error) {
    io.stderr(`nonroot-guard: ${describeError(error)}\n`);
    return 2;
  }
}
