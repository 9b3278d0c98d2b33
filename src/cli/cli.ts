#!/usr/bin/env node
import { earlyRequest } from './flags.js';
import { startEarlyCalls } from '../source/docker/early-calls.js';
import { localEngineSocket } from '../source/docker/engine-api.js';

const argv = process.argv.slice(2);
// Docker answers the check's first questions while Node loads the check itself.
const request = earlyRequest(argv);
const early = request ? startEarlyCalls(request, undefined, localEngineSocket()) : undefined;
// One turn of the event loop first, so that the requests' connections are made and their
// bytes written before loading the rest holds the thread: the engine answers meanwhile.
if (early) await new Promise((resolve) => setImmediate(resolve));
const { runCli } = await import('./command-line.js');

process.exitCode = await runCli(argv, {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  early,
});
early?.discard();
