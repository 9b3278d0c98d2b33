/**
 * Diffs that move a declared port 80 to 8080 (NR050): the .NET 8 move.
 * Only port 80: it has one conventional unprivileged twin, 8080; any other
 * privileged port needs a choice a person makes.
 */
import type { DeclaredPort } from '../facts/ports.js';
import type { Facts } from '../facts/types.js';
import type { LineEdit } from './diff.js';
import { dockerfileSource, type DockerfileSource } from './source.js';

const FROM = 80;
const TO = 8080;

/** Set by the base image: in the image's ENV, and no ENV of the built stages sets it. */
function fromBase(facts: Facts, source: DockerfileSource, name: string): boolean {
  return (
    facts.image.env[name] !== undefined &&
    source.dockerfile.chain.every((stage) => stage.envs.every((env) => env.name !== name))
  );
}

/** The image's ENV says the app listens on 8080: changing EXPOSE then tells the truth. */
function listensOnTarget(facts: Facts): boolean {
  const env = facts.image.env;
  if ((env['ASPNETCORE_URLS'] ?? '').trim() !== '') return false;
  const httpPorts = (env['ASPNETCORE_HTTP_PORTS'] ?? '').split(';').map((port) => port.trim());
  return httpPorts.includes(String(TO)) || env['PORT']?.trim() === String(TO);
}

function exposeEdit(facts: Facts, source: DockerfileSource): LineEdit | null {
  if (!listensOnTarget(facts)) return null;
  const declaring = source.dockerfile.chain.flatMap((stage) =>
    stage.exposes.filter((expose) => expose.ports.includes(`${FROM}/tcp`)),
  );
  // Another EXPOSE 80 would stay; a variable may hold it.
  if (declaring.length !== 1) return null;
  const line = declaring[0]!.line;
  const instruction = source.instruction(line, 'EXPOSE');
  if (!instruction || instruction.args.includes('$')) return null;
  const words = instruction.args.split(/\s+/);
  const target = new RegExp(`^${TO}(?:/tcp)?$`, 'i');
  const from = new RegExp(`^${FROM}(/tcp)?$`, 'i');
  if (!words.some((word) => from.test(word))) return null;
  const kept = words.some((word) => target.test(word))
    ? words.filter((word) => !from.test(word))
    : words.map((word) => word.replace(from, `${TO}$1`));
  return { start: line, count: 1, lines: [`${instruction.head}${kept.join(' ')}`] };
}

interface Assignment {
  /** Where `NAME=value` (or the value of `ENV NAME value`) sits in the arguments. */
  start: number;
  end: number;
  quote: string;
  value: string;
  /** The only variable the ENV sets. */
  alone: boolean;
  legacy: boolean;
}

/** `NAME=value` in the arguments of an ENV, when they read plainly: no escapes or variables. */
function findAssignment(args: string, name: string): Assignment | null {
  // `ENV NAME value`: the first word has no `=`, and the value is the rest of the line.
  const legacy = /^([A-Za-z_][A-Za-z0-9_]*)(\s+)(.*)$/.exec(args);
  if (legacy) {
    const value = legacy[3]!;
    if (legacy[1] !== name || /["'\\$`]/.test(value)) return null;
    const start = legacy[1]!.length + legacy[2]!.length;
    return { start, end: args.length, quote: '', value, alone: true, legacy: true };
  }
  const pair = /([A-Za-z_][A-Za-z0-9_]*)=("[^"\\$`]*"|'[^'\\]*'|[^\s"'\\$`]*)(?=\s|$)/y;
  const found: Assignment[] = [];
  let count = 0;
  let at = 0;
  while (at < args.length) {
    pair.lastIndex = at;
    const match = pair.exec(args);
    if (!match) return null;
    count++;
    const raw = match[2]!;
    const quote = /^["']/.test(raw) ? raw[0]! : '';
    if (match[1] === name) {
      found.push({
        start: match.index,
        end: match.index + match[0].length,
        quote,
        value: quote ? raw.slice(1, -1) : raw,
        alone: false,
        legacy: false,
      });
    }
    at = pair.lastIndex;
    const space = /\s*/y;
    space.lastIndex = at;
    space.exec(args);
    at = space.lastIndex;
  }
  if (found.length !== 1) return null;
  return { ...found[0]!, alone: count === 1 };
}

function newValue(name: string, value: string): string | null {
  if (name === 'PORT') return value === String(FROM) ? String(TO) : null;
  if (name === 'ASPNETCORE_HTTP_PORTS') {
    if (!/^\d+(?:;\d+)*$/.test(value)) return null;
    const ports = value.split(';');
    if (!ports.includes(String(FROM))) return null;
    const next = ports.includes(String(TO))
      ? ports.filter((port) => port !== String(FROM))
      : ports.map((port) => (port === String(FROM) ? String(TO) : port));
    return next.join(';');
  }
  if (name === 'ASPNETCORE_URLS') {
    const url = /^(http:\/\/[+*]):80(\/?)$/i.exec(value);
    return url ? `${url[1]}:${TO}${url[2]}` : null;
  }
  return null;
}

function envEdit(facts: Facts, source: DockerfileSource, declared: DeclaredPort): LineEdit | null {
  const name = declared.source;
  const setting = source.dockerfile.chain.flatMap((stage) =>
    stage.envs.filter((env) => env.name === name),
  );
  const last = setting.at(-1);
  if (!last) return null;
  const instruction = source.instruction(last.line, 'ENV');
  if (!instruction) return null;
  const assignment = findAssignment(instruction.args, name);
  if (!assignment || assignment.value !== last.value) return null;

  // .NET 8+ (the base sets APP_UID or ASPNETCORE_HTTP_PORTS) reads ASPNETCORE_HTTP_PORTS; older
  // versions do not, so there the URL keeps its form and only its port changes.
  const dotnet8 =
    fromBase(facts, source, 'APP_UID') || fromBase(facts, source, 'ASPNETCORE_HTTP_PORTS');
  if (
    name === 'ASPNETCORE_URLS' &&
    dotnet8 &&
    assignment.alone &&
    setting.length === 1 &&
    newValue(name, assignment.value) !== null
  ) {
    return {
      start: last.line,
      count: 1,
      lines: [`${instruction.head}ASPNETCORE_HTTP_PORTS=${TO}`],
    };
  }
  const value = newValue(name, assignment.value);
  if (value === null) return null;
  const { args } = instruction;
  const written = assignment.legacy
    ? value
    : `${name}=${assignment.quote}${value}${assignment.quote}`;
  const replaced = args.slice(0, assignment.start) + written + args.slice(assignment.end);
  return { start: last.line, count: 1, lines: [`${instruction.head}${replaced}`] };
}

/** The diff that moves a declared port 80 to 8080, where that is the whole change. */
export function portDiff(facts: Facts, declared: DeclaredPort): string | null {
  if (declared.port !== FROM || declared.protocol !== 'tcp') return null;
  const source = dockerfileSource(facts);
  if (!source) return null;
  const edit =
    declared.source === 'EXPOSE' ? exposeEdit(facts, source) : envEdit(facts, source, declared);
  return edit ? source.diff([edit]) : null;
}
