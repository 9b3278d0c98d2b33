import { createRequire as __nrgCreateRequire } from 'node:module'; const require = __nrgCreateRequire(import.meta.url);
import {
  startEarlyCalls
} from "./chunk-ROXXWN4T.js";
import "./chunk-LOBMMHTG.js";

// src/index.ts
function input(name) {
  return (process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
}
var builds = input("context") || input("build-command") || /^true$/i.test(input("pull"));
var early = process.platform === "linux" && !input("report-file") ? startEarlyCalls({ existingImage: builds ? void 0 : input("image") || void 0 }) : void 0;
var { run } = await import("./chunk-2EESBPRQ.js");
await run(early);
early?.discard();
