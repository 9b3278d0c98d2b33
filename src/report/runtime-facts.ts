import { listSome } from '../facts/describe.js';
import type { RuntimeReport } from './types.js';

export interface RuntimeFactRow {
  fact: string;
  value: string;
  meaning: string;
}

const none = (items: readonly string[]) => (items.length > 0 ? items.join(', ') : 'none');

function counted(list: { count: number }, shown: string[]) {
  return list.count === 0 ? 'none' : `${list.count}: ${listSome(shown, list.count, shown.length)}`;
}

/** The probe's facts as rows of fact, value and what it means, for a reader of the report. */
export function runtimeFactRows(runtime: RuntimeReport): RuntimeFactRow[] {
  const writablePaths = runtime.paths.filter((path) => path.writable).map((path) => path.path);
  return [
    {
      fact: 'identity',
      value: `uid ${runtime.uid}, gid ${runtime.gid}, groups ${none(runtime.groups.map(String))}${runtime.name ? `, ${runtime.name}` : ''}`,
      meaning: 'who the process is once the runtime applied the image user',
    },
    {
      fact: 'home',
      value: runtime.home ?? 'unknown',
      meaning: 'what HOME will be (/ without a passwd entry)',
    },
    {
      fact: 'capabilities',
      value: `effective ${none(runtime.capabilities.effective)}; permitted ${none(runtime.capabilities.permitted)}`,
      meaning: "root's powers the process holds under Docker's defaults",
    },
    {
      fact: 'writable checked paths',
      value: none(writablePaths),
      meaning:
        'of /, /bin, /sbin, /usr, /lib, /etc, /tmp, HOME, WORKDIR and the executable: what the user can modify',
    },
    {
      fact: 'writable directories',
      value: counted(runtime.writableDirs, runtime.writableDirs.items.slice(0, 10)),
      meaning: 'every directory in the image the user can create files in',
    },
    {
      fact: 'setuid/setgid files',
      value: counted(
        runtime.setid,
        runtime.setid.items.slice(0, 10).map((item) => item.path),
      ),
      meaning: "files that run with their owner's or group's rights, anywhere in the image",
    },
    {
      fact: 'file capabilities',
      value: counted(
        runtime.fileCaps,
        runtime.fileCaps.items.slice(0, 10).map((item) => item.path),
      ),
      meaning: 'files that grant capabilities to whoever runs them',
    },
    {
      fact: 'tools',
      value: none(runtime.tools.map((tool) => `${tool.kind} ${tool.path}`)),
      meaning: 'shells, package managers and sudo/su/doas present',
    },
    {
      fact: 'ports',
      value: none(
        runtime.ports.map(
          (port) =>
            `${port.port}/${port.protocol} ${port.bindable ? 'bindable' : `not bindable (${port.error})`}`,
        ),
      ),
      meaning:
        "declared ports, bound as the user with a Kubernetes node's unprivileged port start (1024)",
    },
    {
      fact: 'walk',
      value: `${runtime.walk.entries} entries in ${runtime.walk.elapsedMs} ms${runtime.walk.truncated ? ', incomplete' : ''}; not scanned: ${counted(
        runtime.walk.unscanned,
        runtime.walk.unscanned.items.slice(0, 5).map((item) => `${item.path} (${item.reason})`),
      )}`,
      meaning: 'how much of the filesystem the probe saw, and what it could not',
    },
  ];
}
