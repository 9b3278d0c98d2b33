#!/usr/bin/env node
import { createRequire as __nrgCreateRequire } from 'node:module'; const require = __nrgCreateRequire(import.meta.url);
import {
  earlyRequest,
  localEngineSocket,
  startEarlyCalls
} from "./chunk-5J2HYNK7.js";
import "./chunk-LOBMMHTG.js";

// src/cli/cli.ts
var argv = process.argv.slice(2);
var request = earlyRequest(argv);
var early = request ? startEarlyCalls(request, void 0, localEngineSocket()) : void 0;
await early?.underway();
var { runCli } = await import("./chunk-4FE4BRFB.js");
process.exitCode = await runCli(argv, {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  early
});
early?.discard();
