// `npm run demo`: builds the two example images offline and checks them with the
// committed CLI, showing one passing and one failing report. Needs Docker and
// /bin/busybox (Debian: apt-get install busybox-static); nothing is downloaded.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';

const examples = [
  { name: 'dotnet-style', expect: 0 },
  { name: 'forgot-user', expect: 1 },
];

function fail(message) {
  console.error(`demo: ${message}`);
  process.exit(2);
}

if (!existsSync('/bin/busybox')) fail('/bin/busybox is missing: apt-get install busybox-static');
try {
  execFileSync('docker', ['version', '--format', '{{.Server.Version}}'], { stdio: 'ignore' });
} catch {
  fail('no Docker daemon answers: start dockerd (or Docker Desktop) and retry');
}

let mismatches = 0;
for (const example of examples) {
  const dir = `examples/${example.name}`;
  copyFileSync('/bin/busybox', `${dir}/busybox`);
  const command = [
    'dist/cli.js',
    'check',
    '--context',
    dir,
    '--image',
    `nonroot-guard-demo/${example.name}:latest`,
  ];
  console.log(`\n$ nonroot-guard ${command.slice(1).join(' ')}\n`);
  // Build output goes to stderr; the report to stdout. Keep the demo focused on the report.
  const result = spawnSync(process.execPath, command, { stdio: ['ignore', 'inherit', 'pipe'] });
  if (result.status === 2) process.stderr.write(result.stderr);
  console.log(
    `(exit code ${result.status}: ${['pass', 'the policy failed', 'error'][result.status] ?? 'unexpected'})`,
  );
  if (result.status !== example.expect) mismatches++;
}
process.exit(mismatches === 0 ? 0 : 1);
