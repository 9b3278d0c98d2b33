#!/usr/bin/env node
import { earlyRequest } from './flags.js';
import { startEarlyCalls } from '../source/docker/early-calls.js';
import { localEngineSocket } from '../source/docker/engine-api.js';

const argv = process.argv.slice(2);
// Docker answers the check's first questions while Node loads the check itself.
const request = earlyRequest(argv);
const early = request ? startEarlyCalls(request, undefined, localEngineSocket()) : undefined;
await early?.underway();
const { runCli } = await import('./command-line.js');

process.exitCode = await runCli(argv, {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  early,
});
early?.discard();
