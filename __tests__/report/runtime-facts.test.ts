import { describe, expect, it } from 'vitest';
import { capabilityNames } from '../../src/facts/capabilities.js';
import { runtimeFactRows } from '../../src/report/runtime-facts.js';
import type { RuntimeReport } from '../../src/report/types.js';
import { probeOutput } from '../helpers/facts.js';

function runtimeReport(): RuntimeReport {
  const output = probeOutput({
    setid: {
      items: [{ path: '/usr/bin/passwd', mode: 0o4755, uid: 0, gid: 0 }],
      count: 1,
      truncated: false,
    },
    ports: [{ port: 80, protocol: 'tcp', bindable: false, error: 'EACCES' }],
  });
  const { identity, status } = output;
  return {
    ...identity,
    userError: null,
    accountFiles: { passwd: identity.passwd, group: identity.group },
    capabilities: {
      effective: capabilityNames(status.capEff),
      permitted: capabilityNames(status.capPrm),
      bounding: capabilityNames(status.capBnd),
      ambient: [],
    },
    noNewPrivs: true,
    seccomp: 'filter',
    paths: output.paths,
    writableDirs: output.writableDirs,
    setid: output.setid,
    fileCaps: output.fileCaps,
    tools: output.tools,
    ports: output.ports,
    walk: output.walk,
    probe: output.probe,
  };
}

describe('runtime facts in the report, each with what it means', () => {
  it('shows the value and the meaning of every fact', () => {
    const rows = Object.fromEntries(
      runtimeFactRows(runtimeReport()).map((row) => [row.fact, row.value]),
    );
    expect(rows).toEqual({
      identity: 'uid 1654, gid 1654, groups none, app',
      home: '/home/app',
      capabilities: 'effective none; permitted none',
      'writable checked paths': '/tmp, /home/app',
      'writable directories': '3: /home/app, /tmp, /var/tmp',
      'setuid/setgid files': '1: /usr/bin/passwd',
      'file capabilities': 'none',
      tools: 'none',
      ports: '80/tcp not bindable (EACCES)',
      walk: '100 entries in 3 ms; not scanned: none',
    });
    for (const row of runtimeFactRows(runtimeReport()))
      expect(row.meaning.length).toBeGreaterThan(10);
  });
});
