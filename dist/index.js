import { createRequire as __nrgCreateRequire } from 'node:module'; const require = __nrgCreateRequire(import.meta.url);
import {
  earlyRequestFor,
  localEngineSocket,
  startEarlyCalls
} from "./chunk-Z4QXFZVL.js";
import "./chunk-LOBMMHTG.js";

// src/action/index.ts
function input(name) {
  return (process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
}
var early = process.platform === "linux" && !input("report-file") ? startEarlyCalls(
  earlyRequestFor({
    image: input("image"),
    context: input("context"),
    buildCommand: input("build-command"),
    pull: /^true$/i.test(input("pull"))
  }),
  void 0,
  localEngineSocket()
) : void 0;
await early?.underway();
var { run } = await import("./chunk-HTP7VTHJ.js");
await run(early);
early?.discard();
