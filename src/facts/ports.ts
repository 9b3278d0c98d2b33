import type { ImageFacts } from './image.js';

/** A port the image says it listens on, and where it says so. */
export interface DeclaredPort {
  port: number;
  protocol: 'tcp' | 'udp';
  /** `EXPOSE`, or the environment variable that declares it. */
  source: string;
  /** The declaration as written, e.g. `ASPNETCORE_URLS=http://+:80`. */
  declaration: string;
}

/** Variables that set the port a server listens on. ASPNETCORE_URLS overrides the *_PORTS pair. */
export const PORT_VARIABLES = [
  'ASPNETCORE_URLS',
  'ASPNETCORE_HTTP_PORTS',
  'ASPNETCORE_HTTPS_PORTS',
  'PORT',
] as const;

function portNumber(text: string): number | null {
  if (!/^\d{1,5}$/.test(text.trim())) return null;
  const port = Number(text.trim());
  return port >= 1 && port <= 65535 ? port : null;
}

/** `http://+:80;https://*:443;http://localhost` → 80, 443, 80 (a URL without a port uses its scheme's). */
export function portsFromUrls(value: string): number[] {
  const ports: number[] = [];
  for (const raw of value.split(';')) {
    const url = raw.trim();
    const match = /^(https?):\/\/(\[[^\]]*\]|[^/:]*)(?::([^/]*))?/i.exec(url);
    if (!match) continue;
    const explicit = match[3] === undefined ? null : portNumber(match[3]);
    if (match[3] !== undefined && explicit === null) continue;
    ports.push(explicit ?? (match[1]!.toLowerCase() === 'https' ? 443 : 80));
  }
  return ports;
}

function fromVariable(name: string, value: string): number[] {
  if (name === 'ASPNETCORE_URLS') return portsFromUrls(value);
  return value
    .split(';')
    .map(portNumber)
    .filter((port): port is number => port !== null);
}

/** Every port the image declares: its EXPOSE list and the port variables in its environment. */
export function declaredPorts(
  image: ImageFacts,
  extraVariables: readonly string[] = [],
): DeclaredPort[] {
  const ports: DeclaredPort[] = [];
  for (const exposed of image.exposedPorts) {
    const [number = '', protocol = 'tcp'] = exposed.split('/');
    const port = portNumber(number);
    if (port !== null && (protocol === 'tcp' || protocol === 'udp')) {
      ports.push({ port, protocol, source: 'EXPOSE', declaration: `EXPOSE ${exposed}` });
    }
  }
  const env = image.env;
  const urlsSet = env['ASPNETCORE_URLS'] !== undefined && env['ASPNETCORE_URLS'].trim() !== '';
  for (const name of [...PORT_VARIABLES, ...extraVariables]) {
    const value = env[name];
    if (value === undefined) continue;
    if (urlsSet && (name === 'ASPNETCORE_HTTP_PORTS' || name === 'ASPNETCORE_HTTPS_PORTS'))
      continue;
    for (const port of fromVariable(name, value)) {
      ports.push({ port, protocol: 'tcp', source: name, declaration: `${name}=${value}` });
    }
  }
  return ports;
}

/** One probe bind test per distinct port/protocol. */
export function portsToProbe(ports: readonly DeclaredPort[]): string[] {
  return [...new Set(ports.map((port) => `${port.port}/${port.protocol}`))];
}
