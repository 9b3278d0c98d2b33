#!/usr/bin/env node
import { createRequire as __nrgCreateRequire } from 'node:module'; const require = __nrgCreateRequire(import.meta.url);
import {
  earlyRequest,
  localEngineSocket,
  startEarlyCalls
} from "./chunk-EEPMBJKC.js";
import "./chunk-LOBMMHTG.js";

// src/cli/cli.ts
var argv = process.argv.slice(2);
var request = earlyRequest(argv);
var early = request ? startEarlyCalls(request, void 0, localEngineSocket()) : void 0;
if (early) await new Promise((resolve) => setImmediate(resolve));
var { runCli } = await import("./chunk-IOCDDBAH.js");
process.exitCode = await runCli(argv, {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  early
});
early?.discard();
