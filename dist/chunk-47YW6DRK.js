import { createRequire as __nrgCreateRequire } from 'node:module'; const require = __nrgCreateRequire(import.meta.url);

// src/cli-flags.ts
import { parseArgs } from "node:util";
var FLAGS = {
  image: { type: "string" },
  context: { type: "string" },
  dockerfile: { type: "string" },
  target: { type: "string" },
  "build-arg": { type: "string", multiple: true },
  platform: { type: "string" },
  pull: { type: "boolean" },
  "build-command": { type: "string" },
  policy: { type: "string" },
  preset: { type: "string" },
  manifests: { type: "string", multiple: true },
  "manifest-image": { type: "string" },
  format: { type: "string" },
  output: { type: "string" },
  "fail-on": { type: "string" },
  probe: { type: "string" },
  version: { type: "boolean" },
  help: { type: "boolean", short: "h" }
};
function earlyRequest(argv) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: FLAGS });
  } catch {
    return null;
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1 || positionals[0] !== "check" || values.help || values.version) {
    return null;
  }
  const builds = Boolean(values.context || values["build-command"] || values.pull);
  return { existingImage: builds ? void 0 : values.image };
}

export {
  FLAGS,
  earlyRequest
};
