import { createRequire as __nrgCreateRequire } from 'node:module'; const require = __nrgCreateRequire(import.meta.url);
import {
  API_PATHS,
  API_TIMEOUT_MS,
  BoundedBuffer,
  CommandNotFoundError,
  apiRequest,
  engineCall,
  engineMessage,
  imageStoreCall,
  inspectCall,
  lastLines,
  localEngineSocket,
  makesTheImage,
  runCommand
} from "./chunk-Z4QXFZVL.js";
import "./chunk-QDHUKUM5.js";
import {
  DEFAULT_POLICY,
  DEFAULT_POLICY_PATH,
  FAIL_ON,
  NO_ALLOWANCES,
  PRESETS,
  PROBE_MODES,
  RULES,
  _default,
  _enum,
  _gte,
  _lte,
  _maxLength,
  _minLength,
  _nonnegative,
  _positive,
  _regex,
  _trim,
  array,
  boolean,
  capabilityNames,
  config,
  describeUserInstruction,
  discriminatedUnion,
  en_default,
  execUser,
  int,
  literal,
  nullable,
  nullish,
  number,
  object,
  olderEngineNotes,
  optional,
  parseUserSpec,
  pipe,
  record,
  refine,
  strictObject,
  string,
  transform,
  union,
  unknown
} from "./chunk-ZCF56DUI.js";
import {
  parseAccounts
} from "./chunk-GCD4YOJZ.js";
import "./chunk-QMRDCHHF.js";
import {
  INVISIBLE_CHARACTERS,
  PROBE_TIMEOUT,
  PROBE_TRANSFER,
  checkEnvironment,
  describeCounts,
  describePlatform,
  describePolicy,
  describePolicyChanges,
  describeProbe,
  describeUser,
  distinctDiffs,
  environmentValue,
  findingPlatforms,
  locationText,
  parseRepository,
  pullRequestOf,
  renderSummary,
  shortId,
  showInvisible,
  skippedByReason
} from "./chunk-OA3AVLRU.js";
import "./chunk-DJT7TGJJ.js";
import {
  CheckError,
  describeError
} from "./chunk-ACNRZZWL.js";
import "./chunk-LOBMMHTG.js";

// node_modules/@actions/core/lib/command.js
import * as os from "os";

// node_modules/@actions/core/lib/utils.js
function toCommandValue(input) {
  if (input === null || input === void 0) {
    return "";
  } else if (typeof input === "string" || input instanceof String) {
    return input;
  }
  return JSON.stringify(input);
}
function toCommandProperties(annotationProperties) {
  if (!Object.keys(annotationProperties).length) {
    return {};
  }
  return {
    title: annotationProperties.title,
    file: annotationProperties.file,
    line: annotationProperties.startLine,
    endLine: annotationProperties.endLine,
    col: annotationProperties.startColumn,
    endColumn: annotationProperties.endColumn
  };
}

// node_modules/@actions/core/lib/command.js
function issueCommand(command, properties, message) {
  const cmd = new Command(command, properties, message);
  process.stdout.write(cmd.toString() + os.EOL);
}
function issue(name, message = "") {
  issueCommand(name, {}, message);
}
var CMD_STRING = "::";
var Command = class {
  constructor(command, properties, message) {
    if (!command) {
      command = "missing.command";
    }
    this.command = command;
    this.properties = properties;
    this.message = message;
  }
  toString() {
    let cmdStr = CMD_STRING + this.command;
    if (this.properties && Object.keys(this.properties).length > 0) {
      cmdStr += " ";
      let first = true;
      for (const key in this.properties) {
        if (this.properties.hasOwnProperty(key)) {
          const val = this.properties[key];
          if (val) {
            if (first) {
              first = false;
            } else {
              cmdStr += ",";
            }
            cmdStr += `${key}=${escapeProperty(val)}`;
          }
        }
      }
    }
    cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
    return cmdStr;
  }
};
function escapeData(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// node_modules/@actions/core/lib/file-command.js
import * as crypto from "crypto";
import * as fs from "fs";
import * as os2 from "os";
function issueFileCommand(command, message) {
  const filePath = process.env[`GITHUB_${command}`];
  if (!filePath) {
    throw new Error(`Unable to find environment variable for file command ${command}`);
  }
  if (!fs.existsSync(filePath)) {
    throw new Error(`Missing file at path: ${filePath}`);
  }
  fs.appendFileSync(filePath, `${toCommandValue(message)}${os2.EOL}`, {
    encoding: "utf8"
  });
}
function prepareKeyValueMessage(key, value) {
  const delimiter = `ghadelimiter_${crypto.randomUUID()}`;
  const convertedValue = toCommandValue(value);
  if (key.includes(delimiter)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  }
  if (convertedValue.includes(delimiter)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  }
  return `${key}<<${delimiter}${os2.EOL}${convertedValue}${os2.EOL}${delimiter}`;
}

// node_modules/@actions/core/lib/core.js
import * as os4 from "os";

// node_modules/@actions/core/lib/summary.js
import { EOL as EOL3 } from "os";
import { constants, promises } from "fs";
var __awaiter = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve5) {
      resolve5(value);
    });
  }
  return new (P || (P = Promise))(function(resolve5, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve5(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var { access, appendFile, writeFile } = promises;
var SUMMARY_ENV_VAR = "GITHUB_STEP_SUMMARY";
var Summary = class {
  constructor() {
    this._buffer = "";
  }
  /**
   * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
   * Also checks r/w permissions.
   *
   * @returns step summary file path
   */
  filePath() {
    return __awaiter(this, void 0, void 0, function* () {
      if (this._filePath) {
        return this._filePath;
      }
      const pathFromEnv = process.env[SUMMARY_ENV_VAR];
      if (!pathFromEnv) {
        throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
      }
      try {
        yield access(pathFromEnv, constants.R_OK | constants.W_OK);
      } catch (_a) {
        throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
      }
      this._filePath = pathFromEnv;
      return this._filePath;
    });
  }
  /**
   * Wraps content in an HTML tag, adding any HTML attributes
   *
   * @param {string} tag HTML tag to wrap
   * @param {string | null} content content within the tag
   * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
   *
   * @returns {string} content wrapped in HTML element
   */
  wrap(tag, content, attrs = {}) {
    const htmlAttrs = Object.entries(attrs).map(([key, value]) => ` ${key}="${value}"`).join("");
    if (!content) {
      return `<${tag}${htmlAttrs}>`;
    }
    return `<${tag}${htmlAttrs}>${content}</${tag}>`;
  }
  /**
   * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
   *
   * @param {SummaryWriteOptions} [options] (optional) options for write operation
   *
   * @returns {Promise<Summary>} summary instance
   */
  write(options) {
    return __awaiter(this, void 0, void 0, function* () {
      const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
      const filePath = yield this.filePath();
      const writeFunc = overwrite ? writeFile : appendFile;
      yield writeFunc(filePath, this._buffer, { encoding: "utf8" });
      return this.emptyBuffer();
    });
  }
  /**
   * Clears the summary buffer and wipes the summary file
   *
   * @returns {Summary} summary instance
   */
  clear() {
    return __awaiter(this, void 0, void 0, function* () {
      return this.emptyBuffer().write({ overwrite: true });
    });
  }
  /**
   * Returns the current summary buffer as a string
   *
   * @returns {string} string of summary buffer
   */
  stringify() {
    return this._buffer;
  }
  /**
   * If the summary buffer is empty
   *
   * @returns {boolen} true if the buffer is empty
   */
  isEmptyBuffer() {
    return this._buffer.length === 0;
  }
  /**
   * Resets the summary buffer without writing to summary file
   *
   * @returns {Summary} summary instance
   */
  emptyBuffer() {
    this._buffer = "";
    return this;
  }
  /**
   * Adds raw text to the summary buffer
   *
   * @param {string} text content to add
   * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
   *
   * @returns {Summary} summary instance
   */
  addRaw(text4, addEOL = false) {
    this._buffer += text4;
    return addEOL ? this.addEOL() : this;
  }
  /**
   * Adds the operating system-specific end-of-line marker to the buffer
   *
   * @returns {Summary} summary instance
   */
  addEOL() {
    return this.addRaw(EOL3);
  }
  /**
   * Adds an HTML codeblock to the summary buffer
   *
   * @param {string} code content to render within fenced code block
   * @param {string} lang (optional) language to syntax highlight code
   *
   * @returns {Summary} summary instance
   */
  addCodeBlock(code, lang) {
    const attrs = Object.assign({}, lang && { lang });
    const element = this.wrap("pre", this.wrap("code", code), attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML list to the summary buffer
   *
   * @param {string[]} items list of items to render
   * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
   *
   * @returns {Summary} summary instance
   */
  addList(items, ordered = false) {
    const tag = ordered ? "ol" : "ul";
    const listItems = items.map((item) => this.wrap("li", item)).join("");
    const element = this.wrap(tag, listItems);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML table to the summary buffer
   *
   * @param {SummaryTableCell[]} rows table rows
   *
   * @returns {Summary} summary instance
   */
  addTable(rows) {
    const tableBody = rows.map((row) => {
      const cells = row.map((cell) => {
        if (typeof cell === "string") {
          return this.wrap("td", cell);
        }
        const { header, data, colspan, rowspan } = cell;
        const tag = header ? "th" : "td";
        const attrs = Object.assign(Object.assign({}, colspan && { colspan }), rowspan && { rowspan });
        return this.wrap(tag, data, attrs);
      }).join("");
      return this.wrap("tr", cells);
    }).join("");
    const element = this.wrap("table", tableBody);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds a collapsable HTML details element to the summary buffer
   *
   * @param {string} label text for the closed state
   * @param {string} content collapsable content
   *
   * @returns {Summary} summary instance
   */
  addDetails(label, content) {
    const element = this.wrap("details", this.wrap("summary", label) + content);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML image tag to the summary buffer
   *
   * @param {string} src path to the image you to embed
   * @param {string} alt text description of the image
   * @param {SummaryImageOptions} options (optional) addition image attributes
   *
   * @returns {Summary} summary instance
   */
  addImage(src, alt, options) {
    const { width, height } = options || {};
    const attrs = Object.assign(Object.assign({}, width && { width }), height && { height });
    const element = this.wrap("img", null, Object.assign({ src, alt }, attrs));
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML section heading element
   *
   * @param {string} text heading text
   * @param {number | string} [level=1] (optional) the heading level, default: 1
   *
   * @returns {Summary} summary instance
   */
  addHeading(text4, level2) {
    const tag = `h${level2}`;
    const allowedTag = ["h1", "h2", "h3", "h4", "h5", "h6"].includes(tag) ? tag : "h1";
    const element = this.wrap(allowedTag, text4);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML thematic break (<hr>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addSeparator() {
    const element = this.wrap("hr", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML line break (<br>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addBreak() {
    const element = this.wrap("br", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML blockquote to the summary buffer
   *
   * @param {string} text quote text
   * @param {string} cite (optional) citation url
   *
   * @returns {Summary} summary instance
   */
  addQuote(text4, cite) {
    const attrs = Object.assign({}, cite && { cite });
    const element = this.wrap("blockquote", text4, attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML anchor tag to the summary buffer
   *
   * @param {string} text link text/content
   * @param {string} href hyperlink
   *
   * @returns {Summary} summary instance
   */
  addLink(text4, href) {
    const element = this.wrap("a", text4, { href });
    return this.addRaw(element).addEOL();
  }
};
var _summary = new Summary();
var summary = _summary;

// node_modules/@actions/core/lib/platform.js
import os3 from "os";
var platform = os3.platform();
var arch = os3.arch();

// node_modules/@actions/core/lib/core.js
var __awaiter2 = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve5) {
      resolve5(value);
    });
  }
  return new (P || (P = Promise))(function(resolve5, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve5(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var ExitCode;
(function(ExitCode2) {
  ExitCode2[ExitCode2["Success"] = 0] = "Success";
  ExitCode2[ExitCode2["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
function setSecret(secret) {
  issueCommand("add-mask", {}, secret);
}
function getInput(name, options) {
  const val = process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] || "";
  if (options && options.required && !val) {
    throw new Error(`Input required and not supplied: ${name}`);
  }
  if (options && options.trimWhitespace === false) {
    return val;
  }
  return val.trim();
}
function getMultilineInput(name, options) {
  const inputs = getInput(name, options).split("\n").filter((x) => x !== "");
  if (options && options.trimWhitespace === false) {
    return inputs;
  }
  return inputs.map((input) => input.trim());
}
function setOutput(name, value) {
  const filePath = process.env["GITHUB_OUTPUT"] || "";
  if (filePath) {
    return issueFileCommand("OUTPUT", prepareKeyValueMessage(name, value));
  }
  process.stdout.write(os4.EOL);
  issueCommand("set-output", { name }, toCommandValue(value));
}
function setFailed(message) {
  process.exitCode = ExitCode.Failure;
  error(message);
}
function error(message, properties = {}) {
  issueCommand("error", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function warning(message, properties = {}) {
  issueCommand("warning", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function notice(message, properties = {}) {
  issueCommand("notice", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function info(message) {
  process.stdout.write(message + os4.EOL);
}
function startGroup(name) {
  issue("group", name);
}
function endGroup() {
  issue("endgroup");
}
function group(name, fn) {
  return __awaiter2(this, void 0, void 0, function* () {
    startGroup(name);
    let result;
    try {
      result = yield fn();
    } finally {
      endGroup();
    }
    return result;
  });
}

// src/action/main.ts
import { readFileSync } from "node:fs";
import { mkdir, writeFile as writeFile3 } from "node:fs/promises";

// src/shared/files.ts
import { constants as constants2 } from "node:fs";
import { lstat, open, rename, rm, stat } from "node:fs/promises";
var INPUT_FILE_LIMIT = 16 * 1024 * 1024;
function kindOf(stats) {
  if (stats.isFIFO()) return "a FIFO";
  if (stats.isDirectory()) return "a directory";
  if (stats.isCharacterDevice()) return "a character device";
  if (stats.isBlockDevice()) return "a block device";
  if (stats.isSocket()) return "a socket";
  return "not a regular file";
}
var MissingFileError = class extends Error {
  constructor(path2) {
    super(`${path2}: no such file`);
    this.path = path2;
  }
  path;
};
async function readInputFile(path2, what, maxBytes, hint) {
  let handle;
  try {
    handle = await open(path2, constants2.O_RDONLY | constants2.O_NONBLOCK | constants2.O_NOCTTY);
  } catch (error2) {
    const code = error2.code;
    if (code === "ENOENT") throw new MissingFileError(path2);
    throw new CheckError("input", `cannot read ${what}: ${code ?? error2.message}`, hint);
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) {
      throw new CheckError("input", `${what} is ${kindOf(stats)}, not a regular file`, hint);
    }
    if (stats.size > maxBytes) {
      throw new CheckError(
        "input",
        `${what} is ${stats.size} bytes, over the ${maxBytes}-byte limit`,
        hint
      );
    }
    const buffer = Buffer.alloc(Math.min(stats.size, maxBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) {
      throw new CheckError(
        "input",
        `${what} grew past the ${maxBytes}-byte limit while it was read`,
        hint
      );
    }
    return buffer.subarray(0, length).toString("utf8");
  } finally {
    await handle.close();
  }
}

// src/action/main.ts
import { dirname, join as join3, resolve as resolve4 } from "node:path";

// src/source/acquire.ts
import { randomBytes } from "node:crypto";

// src/facts/platform.ts
function isPlatform(imagePlatform, asked) {
  return `${imagePlatform}/`.startsWith(`${asked}/`);
}

// src/source/acquire.ts
function uniqueLocalTag() {
  return `nonroot-guard-check:${Date.now().toString(36)}-${randomBytes(4).toString("hex")}`;
}
async function acquireImage(request, env, localImage) {
  const { source } = env;
  const inGroup = env.group ?? ((title, work) => {
    env.log(`${title}
`);
    return work();
  });
  if (request.from === "build-command") {
    const { command, image } = request;
    const result = await inGroup(
      `Running the build command: ${command}`,
      () => env.runBuildCommand(command, request.directory, env.log)
    );
    if (result.exitCode !== 0) {
      throw new CheckError(
        "image",
        `the build command failed (exit code ${result.exitCode}): ${command}`,
        "Fix the build; the command must succeed when run by hand in the same directory.",
        `last lines of its output:
${lastLines(result.output, 25)}`
      );
    }
    const facts2 = await source.inspect(image);
    if (!facts2) {
      throw new CheckError(
        "image",
        `the build command succeeded but image ${image} does not exist`,
        "Make the command tag the image you named (for dotnet publish: -p:ContainerRepository and -p:ContainerImageTag), or correct the image input."
      );
    }
    return facts2;
  }
  if (request.from === "build") {
    const { tag } = request.build;
    await inGroup(
      `Building ${tag} from ${request.shownContext}`,
      () => source.build({ ...request.build, onOutput: env.log })
    );
    const facts2 = await source.inspect(tag);
    if (!facts2)
      throw new CheckError(
        "image",
        `docker build succeeded but ${tag} is not in the local image store`,
        "Retry; if it persists, check the builder (a remote buildx builder needs --load)."
      );
    return facts2;
  }
  const { image: ref, platform: platform2 } = request;
  if (request.pull) {
    env.log(`Pulling ${ref}
`);
    await source.pull(ref, platform2);
  } else {
    const local = await (localImage ?? source.inspect(ref));
    if (local) return forPlatform(source, local, platform2);
    env.log(`${ref} is not present locally; pulling it
`);
    await pullMissing(source, ref, platform2);
  }
  const facts = await source.inspect(ref);
  if (!facts)
    throw new CheckError(
      "image",
      `pulled ${ref} but it is not in the local image store`,
      "Retry the check."
    );
  return forPlatform(source, facts, platform2);
}
async function forPlatform(source, facts, platform2) {
  if (!platform2 || isPlatform(facts.platform, platform2)) return facts;
  return await source.inspectPlatform(facts, platform2) ?? facts;
}
async function pullMissing(source, ref, platform2) {
  try {
    await source.pull(ref, platform2);
  } catch (error2) {
    if (!(error2 instanceof CheckError)) throw error2;
    throw new CheckError(
      error2.kind,
      `image ${ref} is not present locally and could not be pulled: ${error2.message}`,
      `${error2.hint ?? ""} If an earlier step builds it, check the tag it uses; to build it in this step, give a build context (input "context", flag --context).`.trim(),
      error2.details
    );
  }
}

// src/check/image-request.ts
import { resolve } from "node:path";
function imageRequest(options, cwd) {
  if (options.buildCommand) {
    return {
      from: "build-command",
      command: options.buildCommand,
      directory: resolve(cwd, options.context ?? "."),
      image: options.image
    };
  }
  if (options.context) {
    return {
      from: "build",
      shownContext: options.context,
      build: {
        context: resolve(cwd, options.context),
        dockerfile: options.dockerfile && resolve(cwd, options.dockerfile),
        target: options.target,
        buildArgs: options.buildArgs,
        // Several platforms build one multi-platform image (BuildKit with the containerd store).
        platform: options.platform?.join(","),
        pull: options.pull,
        secrets: options.secrets,
        secretFiles: Object.fromEntries(
          Object.entries(options.secretFiles).map(([id, path2]) => [id, resolve(cwd, path2)])
        ),
        ssh: options.ssh,
        tag: options.image ?? uniqueLocalTag()
      }
    };
  }
  return {
    from: "existing",
    image: options.image,
    pull: options.pull,
    // The first platform asked for; the others are pulled by digest once the image is here.
    platform: options.platform?.[0]
  };
}

// src/check/inputs.ts
import { isAbsolute, join, relative, resolve as resolve2, sep } from "node:path";
async function readPolicy(options, cwd) {
  const path2 = resolve2(cwd, options.policy ?? DEFAULT_POLICY_PATH);
  const shown = options.policy ?? DEFAULT_POLICY_PATH;
  const hint = "Check the policy path; it is relative to the repository root.";
  let text4;
  try {
    text4 = await readInputFile(path2, `the policy file ${shown}`, INPUT_FILE_LIMIT, hint);
  } catch (error2) {
    if (!(error2 instanceof MissingFileError)) throw error2;
    if (!options.policy) return null;
    throw new CheckError("input", `cannot read the policy file ${shown}: no such file`, hint);
  }
  const { parsePolicy } = await import("./chunk-7E5W3WZ5.js");
  return parsePolicy(text4, displayPath(cwd, path2));
}
function displayPath(cwd, path2) {
  const rel = relative(cwd, path2);
  return isAbsolute(rel) || rel.startsWith("..") ? path2 : rel.split(sep).join("/");
}
async function readDockerfile(options, cwd) {
  const given = options.dockerfile;
  if (!given && !options.context) return null;
  const path2 = given ? resolve2(cwd, given) : join(resolve2(cwd, options.context), "Dockerfile");
  const hint = given ? "Check the dockerfile path; it is relative to the working directory (the repository root in a workflow)." : "Put a Dockerfile in the build context or name it with the dockerfile input (--dockerfile).";
  let text4;
  try {
    text4 = await readInputFile(path2, `the Dockerfile ${path2}`, INPUT_FILE_LIMIT, hint);
  } catch (error2) {
    if (!(error2 instanceof MissingFileError)) throw error2;
    if (!given && options.buildCommand) return null;
    throw new CheckError("input", `cannot read the Dockerfile ${path2}: no such file`, hint);
  }
  return { displayPath: displayPath(cwd, path2), text: text4 };
}

// src/check/schedule.ts
function settledLater(promise) {
  promise.catch(() => {
  });
  return promise;
}
async function engineFirst(engine, work) {
  const [engineResult, workResult] = await Promise.allSettled([engine, work]);
  if (engineResult.status === "rejected") throw engineResult.reason;
  if (workResult.status === "rejected") throw workResult.reason;
  return [engineResult.value, workResult.value];
}

// src/facts/resolve-user.ts
function resolveUser(configUser, accounts) {
  const spec = parseUserSpec(configUser);
  const outcome = execUser(configUser, accounts);
  const olderEngines = olderEngineNotes(configUser, accounts, outcome);
  if (!outcome.ok) {
    return {
      spec,
      uid: null,
      gid: null,
      groups: null,
      gidSource: null,
      entry: outcome.entry,
      groupEntry: null,
      startError: outcome.error,
      startErrorKind: outcome.kind,
      unknownUser: outcome.kind === "unknown-user" ? outcome.error : null,
      unknownGroup: outcome.kind === "unknown-group" ? outcome.error : null,
      olderEngines
    };
  }
  const hasGroupPart = spec.kind !== "none" && spec.group !== null;
  const entry = outcome.entry ?? accounts.passwd?.find((candidate) => candidate.uid === BigInt(outcome.uid)) ?? null;
  const groupEntry = outcome.groupEntry ?? accounts.group?.find((candidate) => candidate.gid === BigInt(outcome.gid)) ?? null;
  return {
    spec,
    uid: outcome.uid,
    gid: outcome.gid,
    groups: outcome.groups,
    gidSource: hasGroupPart ? "user-spec" : outcome.entry ? "passwd" : "no-passwd-entry",
    entry,
    groupEntry,
    startError: null,
    startErrorKind: null,
    unknownUser: null,
    unknownGroup: null,
    olderEngines
  };
}

// src/kubernetes/read.ts
import { glob } from "node:fs/promises";
import { isAbsolute as isAbsolute2, relative as relative2, resolve as resolve3, sep as sep2 } from "node:path";

// src/source/reference.ts
var DEFAULT_REGISTRY = "docker.io";
var LEGACY_DEFAULT_REGISTRY = "index.docker.io";
var OFFICIAL_NAMESPACE = "library/";
var MAX_REPOSITORY_LENGTH = 255;
var PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
var REPOSITORY = new RegExp(`^${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
var DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
var REGISTRY = new RegExp(
  `^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?$`
);
var TAG = /^\w[\w.-]{0,127}$/;
var DIGEST_HEX_LENGTHS = /* @__PURE__ */ new Map([
  ["sha256", 64],
  ["sha384", 96],
  ["sha512", 128]
]);
var IMAGE_ID = /^[a-f0-9]{64}$/;
function isDigest(digest) {
  const [algorithm, hex2, ...rest] = digest.split(":");
  const length = DIGEST_HEX_LENGTHS.get(algorithm ?? "");
  return rest.length === 0 && length !== void 0 && new RegExp(`^[a-f0-9]{${length}}$`).test(hex2 ?? "");
}
function splitRegistry(name) {
  const slash = name.indexOf("/");
  let registry = DEFAULT_REGISTRY;
  let repository = name;
  if (slash !== -1) {
    const first = name.slice(0, slash);
    if (first === "localhost" || /[.:]/.test(first) || first.toLowerCase() !== first) {
      registry = first === LEGACY_DEFAULT_REGISTRY ? DEFAULT_REGISTRY : first;
      repository = name.slice(slash + 1);
    }
  }
  if (registry === DEFAULT_REGISTRY && !repository.includes("/")) {
    repository = OFFICIAL_NAMESPACE + repository;
  }
  return { registry, repository };
}
function parseImageRef(ref) {
  if (IMAGE_ID.test(ref)) return null;
  const at = ref.indexOf("@");
  const named = at === -1 ? ref : ref.slice(0, at);
  const digest = at === -1 ? null : ref.slice(at + 1);
  const colon = named.lastIndexOf(":");
  const hasTag = colon > named.lastIndexOf("/");
  const name = hasTag ? named.slice(0, colon) : named;
  const tag = hasTag ? named.slice(colon + 1) : null;
  const { registry, repository } = splitRegistry(name);
  if (!REGISTRY.test(registry) || !REPOSITORY.test(repository)) return null;
  if (repository.length > MAX_REPOSITORY_LENGTH) return null;
  if (tag !== null && !TAG.test(tag)) return null;
  if (digest !== null && !isDigest(digest)) return null;
  return { registry, repository, tag: tag ?? (digest === null ? "latest" : null), digest };
}
function isImageReference(text4) {
  return parseImageRef(text4) !== null || IMAGE_ID.test(text4) || /^sha256:[a-f0-9]{64}$/.test(text4);
}
function sameRepository(a, b) {
  return a.registry === b.registry && a.repository === b.repository;
}
function imageMatches(containerImage, checked) {
  const container = parseImageRef(containerImage);
  if (!container) return false;
  const parseAll = (refs2) => refs2.flatMap((ref) => parseImageRef(ref) ?? []).filter((ref) => sameRepository(ref, container));
  if (parseAll(checked.anyTagOf ?? []).length > 0) return true;
  const refs = parseAll(checked.refs);
  if (container.digest !== null) {
    return [...refs, ...parseAll(checked.digests)].some((ref) => ref.digest === container.digest);
  }
  return refs.some((ref) => ref.tag !== null && ref.tag === container.tag);
}

// src/kubernetes/read.ts
var MAX_GLOB_VISITS = 1e5;
var MAX_MANIFEST_FILES = 1e3;
var GLOB_HINT = "Narrow the glob to the manifests' own folder, relative to the repository root, e.g. deploy/**/*.yaml.";
var MANIFEST_LIMIT = 16 * 1024 * 1024;
async function readManifests(globs, manifestImage, cwd) {
  if (globs.length === 0) return null;
  const namedAs = manifestImage ? manifestImagePattern(manifestImage) : null;
  const files = await expandGlobs(globs, cwd);
  const { parseManifests } = await import("./chunk-HLPSJRNE.js");
  const sources = {};
  const containers = [];
  for (const file of files) {
    const text4 = await readInputFile(
      resolve3(cwd, file),
      `the manifest ${file}`,
      MANIFEST_LIMIT,
      "Point manifests at the workload files themselves."
    );
    sources[file] = text4;
    containers.push(...parseManifests(text4, file));
  }
  return { files, sources, containers, namedAs };
}
function kubernetesFacts(manifests, image) {
  const checked = manifests.namedAs ?? { refs: [image.ref], digests: image.repoDigests };
  const facts = {
    files: manifests.files,
    sources: manifests.sources,
    containers: [],
    otherImages: []
  };
  for (const container of manifests.containers) {
    if (imageMatches(container.image.value, checked)) facts.containers.push(container);
    else facts.otherImages.push(container.image.value);
  }
  return facts;
}
function manifestImagePattern(manifestImage) {
  if (!parseImageRef(manifestImage)) {
    throw new CheckError(
      "usage",
      `manifest-image: "${manifestImage}" is not an image reference`,
      "Write it as the manifests do, e.g. ghcr.io/org/app:1.2, or ghcr.io/org/app for any tag."
    );
  }
  const tagless = !/[:@][^/]*$/.test(manifestImage);
  return tagless ? { refs: [], digests: [], anyTagOf: [manifestImage] } : { refs: [manifestImage], digests: [] };
}
async function expandGlobs(globs, cwd) {
  const found = /* @__PURE__ */ new Set();
  for (const pattern of globs) {
    let matched = 0;
    let visited = 0;
    let stopped = false;
    const exclude = () => stopped ||= ++visited > MAX_GLOB_VISITS;
    for await (const entry of glob(pattern, { cwd, withFileTypes: true, exclude })) {
      if (!entry.isFile()) continue;
      if (matched >= MAX_MANIFEST_FILES) {
        throw new CheckError(
          "usage",
          `manifests: "${pattern}" matches more than ${MAX_MANIFEST_FILES} files`,
          GLOB_HINT
        );
      }
      const absolute = resolve3(entry.parentPath, entry.name);
      const shown = relative2(cwd, absolute).split(sep2).join("/");
      found.add(isAbsolute2(pattern) && shown.startsWith("..") ? absolute : shown);
      matched++;
    }
    if (stopped) {
      throw new CheckError(
        "usage",
        `manifests: "${pattern}" made the search look at more than ${MAX_GLOB_VISITS} entries`,
        GLOB_HINT
      );
    }
    if (matched === 0) {
      throw new CheckError(
        "usage",
        `manifests: "${pattern}" matches no file`,
        "Give paths or globs relative to the repository root, e.g. deploy/*.yaml or k8s/**/*.yml."
      );
    }
  }
  return [...found].sort();
}

// src/policy/evaluate.ts
import { posix } from "node:path";
var SEVERITY_ORDER = { error: 0, warning: 1, notice: 2 };
function compareFindings(a, b) {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.rule.localeCompare(b.rule);
}
function unavailable(kind, facts) {
  const probe2 = facts.probe;
  switch (kind) {
    case "image":
    case "accounts":
      return null;
    case "dockerfile":
      return facts.dockerfile ? null : "no Dockerfile was given";
    case "filesystem":
      return probe2.status === "failed" ? probe2.reason : null;
    case "runtime-user":
      return probe2.status === "ok" ? null : probe2.reason;
    case "manifests":
      return manifestsUnavailable(facts);
  }
}
function manifestsUnavailable({ kubernetes }) {
  if (!kubernetes) return "no manifests given";
  if (kubernetes.containers.length > 0) return null;
  const files = `${kubernetes.files.length} manifest file${kubernetes.files.length === 1 ? "" : "s"}`;
  const others = kubernetes.otherImages.length ? ` (they run ${[...new Set(kubernetes.otherImages)].slice(0, 5).join(", ")})` : "";
  return `no container in ${files} runs this image${others}: set manifest-image to the image as the manifests name it`;
}
function evaluate(facts, policy, rules = RULES) {
  const raised = [];
  const context = { allow: policy.allow ?? NO_ALLOWANCES };
  const skipped = [];
  for (const rule of rules) {
    const level2 = policy.levels?.[rule.id] ?? rule.levels[policy.preset];
    if (level2 === "off") continue;
    const reason = rule.needs.map((kind) => unavailable(kind, facts)).find((why) => why);
    if (reason) {
      skipped.push({ rule: rule.id, reason });
      continue;
    }
    for (const { atMost, ...hit } of rule.evaluate(facts, context)) {
      const severity2 = atMost && SEVERITY_ORDER[atMost] > SEVERITY_ORDER[level2] ? atMost : level2;
      raised.push({ rule: rule.id, name: rule.name, severity: severity2, ...hit });
    }
  }
  const { kept: findings, ignored } = applyIgnores(raised, policy.ignores ?? []);
  findings.sort(compareFindings);
  const counts2 = { error: 0, warning: 0, notice: 0 };
  for (const finding2 of findings) counts2[finding2.severity]++;
  const failed = policy.failOn === "error" ? counts2.error > 0 : policy.failOn === "warning" ? counts2.error + counts2.warning > 0 : false;
  const blocked = facts.probe.status !== "ok" && policy.probe === "required" ? facts.probe.status === "failed" ? `the probe could not run, and the policy requires it: ${facts.probe.reason}` : `the probe could not measure as the image's user, and the policy requires it: ${facts.probe.reason}` : null;
  return {
    verdict: failed || blocked ? "fail" : "pass",
    blocked,
    findings,
    ignored,
    skipped,
    counts: counts2
  };
}
function matches(entry, finding2) {
  if (entry.expired || entry.rule !== finding2.rule) return false;
  if (entry.path === null) return true;
  return finding2.location !== null && posix.matchesGlob(finding2.location.file, entry.path);
}
function applyIgnores(findings, ignores) {
  const ignored = /* @__PURE__ */ new Map();
  const kept = findings.filter((finding2) => {
    const entry = ignores.find((candidate) => matches(candidate, finding2));
    if (!entry) return true;
    ignored.set(entry, (ignored.get(entry) ?? 0) + 1);
    return false;
  });
  return {
    kept,
    ignored: [...ignored].map(([entry, count2]) => ({
      rule: entry.rule,
      path: entry.path,
      reason: entry.reason,
      expires: entry.expires,
      count: count2
    }))
  };
}

// src/policy/effective.ts
var byKey = new Map(
  RULES.flatMap((rule) => [[rule.id, rule], [rule.name, rule]])
);
function effectivePolicy(file, inputs, today) {
  const policy = file?.policy ?? DEFAULT_POLICY;
  const preset = inputs.preset ?? policy.preset;
  const presetSource = inputs.preset ? "input" : file?.presetGiven ? "file" : "default";
  const levels = {};
  for (const rule of RULES) levels[rule.id] = rule.levels[preset];
  const overrides = [];
  for (const [key, level2] of Object.entries(policy.rules)) {
    const rule = byKey.get(key);
    if (!rule || level2 === void 0) continue;
    levels[rule.id] = level2;
    overrides.push({ rule: rule.id, name: rule.name, preset: rule.levels[preset], level: level2 });
  }
  return {
    preset,
    presetSource,
    file: file?.path ?? null,
    failOn: inputs.failOn,
    probe: inputs.probe,
    levels,
    overrides,
    ignores: policy.ignore.map((entry) => ({
      rule: byKey.get(entry.rule).id,
      path: entry.path ?? null,
      reason: entry.reason,
      expires: entry.expires ?? null,
      expired: entry.expires !== void 0 && entry.expires <= today
    })),
    allow: {
      writable: policy["allow-writable"],
      setid: policy["allow-setid"],
      incompleteWalk: policy["allow-incomplete-walk"],
      ports: policy.ports.allow
    },
    portVariables: policy.ports.variables
  };
}

// src/facts/ports.ts
var PORT_VARIABLES = [
  "ASPNETCORE_URLS",
  "ASPNETCORE_HTTP_PORTS",
  "ASPNETCORE_HTTPS_PORTS",
  "PORT"
];
function portNumber(text4) {
  if (!/^\d{1,5}$/.test(text4.trim())) return null;
  const port = Number(text4.trim());
  return port >= 1 && port <= 65535 ? port : null;
}
function portsFromUrls(value) {
  const ports = [];
  for (const raw of value.split(";")) {
    const url = raw.trim();
    const match = /^(https?):\/\/(\[[^\]]*\]|[^/:]*)(?::([^/]*))?/i.exec(url);
    if (!match) continue;
    const explicit = match[3] === void 0 ? null : portNumber(match[3]);
    if (match[3] !== void 0 && explicit === null) continue;
    ports.push(explicit ?? (match[1].toLowerCase() === "https" ? 443 : 80));
  }
  return ports;
}
function fromVariable(name, value) {
  if (name === "ASPNETCORE_URLS") return portsFromUrls(value);
  return value.split(";").map(portNumber).filter((port) => port !== null);
}
function declaredPorts(image, extraVariables = []) {
  const ports = [];
  for (const exposed of image.exposedPorts) {
    const [number2 = "", protocol = "tcp"] = exposed.split("/");
    const port = portNumber(number2);
    if (port !== null && (protocol === "tcp" || protocol === "udp")) {
      ports.push({ port, protocol, source: "EXPOSE", declaration: `EXPOSE ${exposed}` });
    }
  }
  const env = image.env;
  const urlsSet = env["ASPNETCORE_URLS"] !== void 0 && env["ASPNETCORE_URLS"].trim() !== "";
  for (const name of [...PORT_VARIABLES, ...extraVariables]) {
    const value = env[name];
    if (value === void 0) continue;
    if (urlsSet && (name === "ASPNETCORE_HTTP_PORTS" || name === "ASPNETCORE_HTTPS_PORTS"))
      continue;
    for (const port of fromVariable(name, value)) {
      ports.push({ port, protocol: "tcp", source: name, declaration: `${name}=${value}` });
    }
  }
  return ports;
}
function portsToProbe(ports) {
  return [...new Set(ports.map((port) => `${port.port}/${port.protocol}`))];
}

// src/report/build.ts
function buildReport(facts, evaluation, policy, version, notes, manifest = null) {
  const { image, user, dockerfile } = facts;
  const userReport = {
    config: image.user,
    uid: user.uid,
    gid: user.gid,
    groups: user.groups,
    name: user.entry?.name ?? null,
    home: user.entry?.home ?? (user.uid !== null ? "/" : null),
    startError: user.startError
  };
  return {
    schemaVersion: 1,
    tool: { name: "nonroot-guard", version },
    verdict: evaluation.verdict,
    blocked: evaluation.blocked,
    image,
    dockerfile: dockerfile && {
      path: dockerfile.path,
      finalStage: {
        name: dockerfile.finalStage.name,
        line: dockerfile.finalStage.line,
        base: dockerfile.finalStage.base
      },
      user: dockerfile.effectiveUser && {
        line: dockerfile.effectiveUser.line,
        raw: dockerfile.effectiveUser.raw,
        value: dockerfile.effectiveUser.value
      }
    },
    probe: facts.probe,
    runtime: facts.runtime && runtimeReport(facts.runtime),
    user: userReport,
    policy: {
      preset: policy.preset,
      presetSource: policy.presetSource,
      file: policy.file,
      failOn: policy.failOn,
      probe: policy.probe,
      overrides: policy.overrides,
      ignored: evaluation.ignored,
      allow: { ...policy.allow, portVariables: policy.portVariables }
    },
    summary: evaluation.counts,
    findings: evaluation.findings.map((finding2) => ({ ...finding2, platforms: [image.platform] })),
    skipped: evaluation.skipped,
    platforms: [
      {
        platform: image.platform,
        verdict: evaluation.verdict,
        reason: evaluation.blocked,
        manifest,
        summary: evaluation.counts,
        user: userReport,
        probe: facts.probe
      }
    ],
    notes
  };
}
function runtimeReport(output) {
  const { identity, status, ...rest } = output;
  return {
    uid: identity.uid,
    gid: identity.gid,
    groups: identity.groups,
    name: identity.name,
    home: identity.home,
    switched: identity.switched,
    userError: output.userError,
    accountFiles: { passwd: identity.passwd, group: identity.group },
    capabilities: {
      effective: capabilityNames(status.capEff),
      permitted: capabilityNames(status.capPrm),
      bounding: capabilityNames(status.capBnd),
      ambient: capabilityNames(status.capAmb)
    },
    noNewPrivs: status.noNewPrivs === 1,
    seccomp: ["disabled", "strict", "filter"][status.seccomp],
    paths: rest.paths,
    writableDirs: rest.writableDirs,
    setid: rest.setid,
    fileCaps: rest.fileCaps,
    tools: rest.tools,
    ports: rest.ports,
    walk: rest.walk,
    probe: rest.probe
  };
}

// src/report/platforms.ts
function combinePlatforms(reports, notChecked, notes) {
  const [first] = reports;
  if (!first) throw new Error("combinePlatforms needs at least one report");
  const several = reports.length > 1;
  const findings = [];
  const byKey2 = /* @__PURE__ */ new Map();
  for (const report of reports) {
    for (const finding2 of report.findings) {
      const { platforms: platforms2, ...rest } = finding2;
      const key = JSON.stringify(rest);
      const seen = byKey2.get(key);
      if (seen) {
        seen.platforms = [
          ...seen.platforms,
          ...platforms2.filter((p) => !seen.platforms.includes(p))
        ];
      } else {
        const copy = { ...finding2, platforms: [...platforms2] };
        byKey2.set(key, copy);
        findings.push(copy);
      }
    }
  }
  findings.sort(compareFindings);
  const summary2 = { error: 0, warning: 0, notice: 0 };
  for (const finding2 of findings) summary2[finding2.severity]++;
  const ignored = /* @__PURE__ */ new Map();
  for (const entry of reports.flatMap((report) => report.policy.ignored)) {
    const key = JSON.stringify([entry.rule, entry.path, entry.reason, entry.expires]);
    const seen = ignored.get(key);
    if (seen) seen.count += entry.count;
    else ignored.set(key, { ...entry });
  }
  const skipped = /* @__PURE__ */ new Map();
  for (const entry of reports.flatMap((report) => report.skipped)) {
    const key = JSON.stringify([entry.rule, entry.reason]);
    if (!skipped.has(key)) skipped.set(key, entry);
  }
  const blocked = reports.filter((report) => report.blocked);
  return {
    ...first,
    verdict: reports.some((report) => report.verdict === "fail") ? "fail" : "pass",
    blocked: blocked.length === 0 ? null : several ? blocked.map((report) => `${report.image.platform}: ${report.blocked}`).join("; ") : first.blocked,
    policy: { ...first.policy, ignored: [...ignored.values()] },
    summary: summary2,
    findings,
    skipped: [...skipped.values()],
    platforms: [
      ...reports.flatMap((report) => report.platforms),
      ...notChecked.map((entry) => ({
        platform: entry.platform,
        verdict: "not-checked",
        reason: entry.reason,
        manifest: null,
        summary: null,
        user: null,
        probe: null
      }))
    ],
    notes: [
      ...platformNotes(reports, several),
      ...notChecked.map((entry) => `platform ${entry.platform} was not checked: ${entry.reason}`),
      ...notes
    ]
  };
}
function platformNotes(reports, several) {
  if (!several) return [...reports[0].notes];
  const everywhere = (note) => reports.every((report) => report.notes.includes(note));
  const out = [];
  for (const report of reports) {
    for (const note of report.notes) {
      const line = everywhere(note) ? note : `${report.image.platform}: ${note}`;
      if (!out.includes(line)) out.push(line);
    }
  }
  return out;
}

// src/check/platforms.ts
var MAX_PLATFORMS = 16;
async function planPlatforms(image, requested, source, log) {
  const listing = await source.platforms(image);
  const notes = [];
  const notChecked = [];
  if (listing.kind !== "index" || listing.platforms.length === 0) {
    if (listing.kind === "unreadable") {
      notes.push(
        `the platforms of ${image.ref} could not be listed (${listing.reason}): only ${image.platform} was checked`
      );
    }
    if (listing.kind === "one-per-tag" && !requested && image.repoDigests.length > 0) {
      notes.push(
        `the classic image store keeps one platform of an image: ${image.platform} was checked; other platforms ${image.ref} has in its registry were not (name each with platform, or use the containerd image store, which keeps them all)`
      );
    }
    const variants2 = [{ image, manifest: null }];
    for (const platform2 of (requested ?? []).slice(1)) {
      if (isPlatform(image.platform, platform2)) continue;
      const variant = await source.inspectPlatform(image, platform2);
      if (variant) variants2.push({ image: variant, manifest: null });
      else
        notChecked.push({
          platform: platform2,
          reason: listing.kind === "one-per-tag" ? `the classic image store keeps one platform of ${image.ref}, and it is ${image.platform}` : `${image.ref} has no ${platform2} variant`
        });
    }
    return { variants: variants2, notChecked, notes };
  }
  if (listing.unusable.length > 0) {
    notes.push(
      `the image's index names platforms that are not platforms Docker can run, so they were not checked: ${listing.unusable.join(", ")}`
    );
  }
  const targets = requested ? requested.flatMap((platform2) => {
    const listed = listing.platforms.find((entry) => isPlatform(entry.platform, platform2));
    if (!listed)
      notChecked.push({ platform: platform2, reason: `${image.ref} has no ${platform2} variant` });
    return listed ? [{ ...listed, platform: platform2 }] : [];
  }) : listing.platforms;
  if (!requested && targets.length > MAX_PLATFORMS) {
    throw new CheckError(
      "image",
      `${image.ref} holds ${targets.length} platforms; more than ${MAX_PLATFORMS} are not checked by default`,
      "Name the platforms to check (input `platform`, CLI --platform, comma-separated)."
    );
  }
  const variants = [];
  for (const { platform: platform2, manifest } of targets) {
    if (isPlatform(image.platform, platform2)) {
      variants.push({ image, manifest });
      continue;
    }
    const variant = await source.inspectPlatform(image, platform2) ?? await pullVariant(image, platform2, source, log);
    if (typeof variant === "string") notChecked.push({ platform: platform2, reason: variant });
    else variants.push({ image: variant, manifest });
  }
  if (variants.length === 0) variants.push({ image, manifest: null });
  return { variants, notChecked, notes };
}
async function pullVariant(image, platform2, source, log) {
  const missing = `its ${platform2} layers are not in the local image store`;
  const byDigest = image.repoDigests.find((digest) => digest.endsWith(`@${image.id}`));
  if (!byDigest) return `${missing}, and the image names no registry to pull them from`;
  log(`Pulling the ${platform2} variant of ${image.ref} (${byDigest})
`);
  try {
    await source.pull(byDigest, platform2);
  } catch (error2) {
    if (!(error2 instanceof CheckError)) throw error2;
    return `${missing}, and pulling them failed: ${error2.message}`;
  }
  return await source.inspectPlatform(image, platform2) ?? `${missing}, even after pulling ${byDigest} for ${platform2}`;
}

// src/check/check.ts
async function check(options, env) {
  const { variants, notChecked, policy, notes } = await gatherFacts(options, env);
  for (const entry of policy.ignores.filter((ignore) => ignore.expired)) {
    notes.push(
      `the ignore of ${entry.rule}${entry.path ? ` for ${entry.path}` : ""} in ${policy.file} expired on ${entry.expires} and no longer applies (its reason was: ${entry.reason})`
    );
  }
  const reports = variants.map(
    ({ facts, manifest, notes: variantNotes }) => buildReport(facts, evaluate(facts, policy), policy, env.version, variantNotes, manifest)
  );
  return combinePlatforms(reports, notChecked, notes);
}
async function gatherFacts(options, env) {
  const request = imageRequest(options, env.cwd);
  const ownTag = request.from === "build" && !options.image && !options.keepImage ? request.build.tag : null;
  let gathered;
  try {
    gathered = await gatherFactsOf(request, options, env);
    return gathered;
  } finally {
    if (ownTag) {
      const failed = await env.source.removeImage(ownTag).catch((error2) => error2.message);
      if (failed && gathered) {
        gathered.notes.push(
          `the check's own tag ${ownTag} could not be removed (${failed}): remove it with \`docker image rm ${ownTag}\``
        );
      }
    }
  }
}
async function gatherFactsOf(request, options, env) {
  const engineCheck = settledLater(env.source.engine());
  const waitsForEngine = makesTheImage(options);
  const localImage = waitsForEngine ? void 0 : settledLater(env.source.inspect(options.image));
  const policy = effectivePolicy(
    await readPolicy(options, env.cwd),
    { preset: options.preset, failOn: options.failOn, probe: options.probe },
    env.today ?? (/* @__PURE__ */ new Date()).toISOString().slice(0, 10)
  );
  const requested = options.platform;
  const [engine, inputs] = await engineFirst(
    engineCheck,
    (async () => {
      if (waitsForEngine) await engineCheck;
      const dockerfileInput = await readDockerfile(options, env.cwd);
      const parseOptions2 = dockerfileInput && {
        path: dockerfileInput.displayPath,
        target: options.target,
        buildArgs: options.buildArgs,
        // Before the engine answers, this machine's platform stands in for the build's.
        platforms: {
          target: requested?.[0] ?? localPlatform(),
          build: localPlatform()
        }
      };
      const draft = dockerfileInput && parseOptions2 ? await parseDockerfile(dockerfileInput.text, parseOptions2) : null;
      const manifests = await readManifests(options.manifests, options.manifestImage, env.cwd);
      const image2 = waitsForEngine ? null : await acquireImage(request, env, localImage);
      return { dockerfileInput, parseOptions: parseOptions2, draft, manifests, image: image2 };
    })()
  );
  const shared = { ...inputs, engine, policy };
  const image = inputs.image ?? await acquireImage(request, env);
  const [listed, judged] = await Promise.allSettled([
    planPlatforms(image, requested, env.source, env.log),
    variantFacts(image, shared, options, env)
  ]);
  if (listed.status === "rejected") throw listed.reason;
  if (judged.status === "rejected") throw judged.reason;
  const [plan, acquired] = [listed.value, judged.value];
  const variants = [];
  for (const { image: variant, manifest } of plan.variants) {
    const gathered = variant === image ? acquired : await variantFacts(variant, shared, options, env, { namePlatform: true });
    variants.push({ ...gathered, manifest });
  }
  return { variants, notChecked: plan.notChecked, policy, notes: plan.notes };
}
async function variantFacts(image, shared, options, env, { namePlatform = false } = {}) {
  const { engine, dockerfileInput, parseOptions: parseOptions2, manifests, policy } = shared;
  const notes = [];
  const platformMet = options.platform ? options.platform.some((platform2) => isPlatform(image.platform, platform2)) : null;
  const platforms2 = { target: image.platform, build: `linux/${engine.arch}` };
  const draft = dockerfileInput && parseOptions2 ? parseOptions2.platforms?.target === platforms2.target && parseOptions2.platforms.build === platforms2.build ? shared.draft : await parseDockerfile(dockerfileInput.text, { ...parseOptions2, platforms: platforms2 }) : null;
  const ports = declaredPorts(image, policy.portVariables);
  const variant = platformMet || namePlatform ? image.platform : void 0;
  const [baseEnv, probe2] = await Promise.all([
    draft ? baseImageEnv(draft, image, env.source, notes) : void 0,
    env.source.runProbe({
      image,
      ports: portsToProbe(ports),
      engineArch: engine.arch,
      binary: env.probeBinary,
      platform: variant
    })
  ]);
  notes.push(...probe2.notes);
  const accountFiles = probe2.accountFiles ?? await env.source.readAccountFiles(image.ref, variant);
  const dockerfile = dockerfileInput && parseOptions2 && draft ? await parseDockerfile(dockerfileInput.text, { ...parseOptions2, baseEnv, platforms: platforms2 }) : null;
  if (dockerfile) notes.push(...compareUser(dockerfile, image));
  if (platformMet === false) {
    notes.push(
      `platform ${options.platform.join(", ")} was asked for but the image is ${image.platform}: the findings are about the ${image.platform} image`
    );
  }
  const imageArch = image.platform.split("/")[1];
  if (imageArch && imageArch !== engine.arch) {
    notes.push(
      `the image is ${image.platform} and the Docker engine linux/${engine.arch}: the probe ran as a linux/${engine.arch} binary, which uses nothing of the image's own, so the findings hold for the ${image.platform} image`
    );
  }
  const accounts = parseAccounts(accountFiles);
  notes.push(...accounts.notes);
  const user = resolveUser(image.user, accounts);
  notes.push(...user.olderEngines);
  return {
    facts: {
      image,
      accounts,
      user,
      dockerfile,
      ports,
      runtime: probe2.ok ? probe2.output : null,
      probe: probeStatus(probe2),
      kubernetes: manifests && kubernetesFacts(manifests, image)
    },
    notes
  };
}
function localPlatform() {
  const arch2 = { x64: "amd64", arm64: "arm64", arm: "arm", ia32: "386" }[process.arch];
  return `linux/${arch2 ?? process.arch}`;
}
async function parseDockerfile(text4, options) {
  const parser = await import("./chunk-6JA7OAEC.js");
  return parser.parseDockerfile(text4, options);
}
function probeStatus(probe2) {
  if (!probe2.ok) return { status: "failed", reason: probe2.reason };
  if (probe2.output.userError) {
    return {
      status: "user-error",
      reason: `the container cannot start as the image's user: ${probe2.output.userError}`
    };
  }
  return { status: "ok", elapsedMs: probe2.elapsedMs };
}
async function baseImageEnv(draft, image, source, notes) {
  if (draft.rootBase === "scratch") return {};
  const base = await source.inspect(draft.rootBase);
  if (base) return base.env;
  notes.push(
    `the base image ${draft.rootBase} is not available locally; the checked image's ENV stands in for it when resolving variables in the Dockerfile`
  );
  return image.env;
}
function compareUser(dockerfile, image) {
  const user = dockerfile.effectiveUser;
  if (user && user.value !== image.user) {
    return [
      `${dockerfile.path}:${user.line} sets ${describeUserInstruction(user)} but the image's user is "${image.user}": was the image built from this Dockerfile? Findings judge the image.`
    ];
  }
  return [];
}

// src/source/build-command.ts
var runBuildCommand = async (commandLine, cwd, onOutput) => {
  const { getExecOutput } = await import("./chunk-N57ZNRBB.js");
  try {
    const result = await getExecOutput(commandLine, [], {
      cwd,
      ignoreReturnCode: true,
      silent: true,
      listeners: {
        stdout: (data) => onOutput(data.toString()),
        stderr: (data) => onOutput(data.toString())
      }
    });
    return { exitCode: result.exitCode, output: `${result.stdout}
${result.stderr}` };
  } catch (error2) {
    throw new CheckError(
      "image",
      `the build command could not start: ${error2 instanceof Error ? error2.message : String(error2)}`,
      'Check the program name and the working directory (context). The command runs without a shell: wrap pipes or && in bash -c "\u2026".'
    );
  }
};

// src/source/docker/docker.ts
import { randomBytes as randomBytes3 } from "node:crypto";
import { mkdtemp, readFile, rm as rm2, stat as stat2, writeFile as writeFile2 } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join as join2 } from "node:path";

// src/source/docker/image-index.ts
var INDEX_TYPES = /* @__PURE__ */ new Set([
  "application/vnd.oci.image.index.v1+json",
  "application/vnd.docker.distribution.manifest.list.v2+json"
]);
var MANIFEST_TYPES = /* @__PURE__ */ new Set([
  "application/vnd.oci.image.manifest.v1+json",
  "application/vnd.docker.distribution.manifest.v2+json"
]);
var descriptor = object({
  mediaType: optional(string()),
  digest: string(),
  platform: optional(
    object({
      os: string(),
      architecture: string(),
      variant: optional(string())
    })
  ),
  annotations: optional(record(string(), string()))
});
var topLevel = object({
  mediaType: optional(string()),
  manifests: optional(array(descriptor)),
  layers: optional(array(unknown()))
});
var PLATFORM_PART = /^[a-z0-9][a-z0-9._-]{0,31}$/;
function platformsOfManifest(text4) {
  let json;
  try {
    json = JSON.parse(text4);
  } catch {
    return { kind: "unreadable", reason: "the image's manifest is not JSON" };
  }
  const parsed = topLevel.safeParse(json);
  if (!parsed.success) {
    return { kind: "unreadable", reason: "the image's manifest is not an OCI manifest or index" };
  }
  const { mediaType, manifests, layers } = parsed.data;
  const isIndex = mediaType ? INDEX_TYPES.has(mediaType) : manifests !== void 0;
  const isManifest = mediaType ? MANIFEST_TYPES.has(mediaType) : layers !== void 0;
  if (isManifest && !isIndex) return { kind: "single" };
  if (!isIndex || !manifests) {
    return {
      kind: "unreadable",
      reason: `the image's manifest has media type ${JSON.stringify(mediaType ?? null).slice(0, 100)}`
    };
  }
  const platforms2 = [];
  const unusable = [];
  for (const entry of manifests) {
    if (entry.annotations?.["vnd.docker.reference.type"] === "attestation-manifest") continue;
    const platform2 = entry.platform;
    if (!platform2 || platform2.os === "unknown" && platform2.architecture === "unknown") continue;
    const parts = [platform2.os, platform2.architecture, platform2.variant].filter(
      (part) => part !== void 0 && part !== ""
    );
    const name = parts.join("/");
    if (!parts.every((part) => PLATFORM_PART.test(part))) {
      unusable.push(JSON.stringify(name).slice(0, 80));
    } else if (!/^sha256:[a-f0-9]{64}$/.test(entry.digest)) {
      unusable.push(`${JSON.stringify(name)} (its digest is not sha256)`);
    } else if (!platforms2.some((known) => known.platform === name)) {
      platforms2.push({ platform: name, manifest: entry.digest });
    }
  }
  return { kind: "index", platforms: platforms2, unusable };
}
function platformsOfInspect(raw) {
  const parsed = inspectManifests.safeParse(raw);
  if (!parsed.success || !parsed.data.Descriptor || !parsed.data.Manifests) return null;
  const { Descriptor: top, Manifests: entries2 } = parsed.data;
  return platformsOfManifest(
    JSON.stringify({
      mediaType: top.mediaType,
      ...MANIFEST_TYPES.has(top.mediaType ?? "") ? { layers: [] } : {
        manifests: entries2.filter((entry) => entry.Kind === "image").map((e) => e.Descriptor)
      }
    })
  );
}
var inspectManifests = object({
  Descriptor: optional(object({ mediaType: optional(string()) })),
  Manifests: optional(
    nullable(array(object({ Kind: optional(string()), Descriptor: unknown() })))
  )
});

// src/source/docker/inspect.ts
var stringList = nullish(array(string()));
var stringSet = nullish(record(string(), unknown()));
var inspectSchema = object({
  Id: string(),
  RepoDigests: stringList,
  Os: nullish(string()),
  Architecture: nullish(string()),
  Variant: nullish(string()),
  Config: nullish(
    object({
      User: nullish(string()),
      WorkingDir: nullish(string()),
      Entrypoint: stringList,
      Cmd: stringList,
      Env: stringList,
      ExposedPorts: stringSet,
      Volumes: stringSet,
      Labels: nullish(record(string(), string()))
    })
  )
});
function parseEnvList(entries2) {
  const env = {};
  for (const entry of entries2) {
    const eq = entry.indexOf("=");
    if (eq <= 0) continue;
    env[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  return env;
}
function normaliseInspect(raw, ref) {
  const parsed = inspectSchema.safeParse(raw);
  if (!parsed.success) {
    throw new CheckError(
      "docker",
      `docker image inspect ${ref} returned data this tool does not understand: ${parsed.error.issues[0]?.message ?? "invalid"}`,
      "Check that the docker CLI and engine are working (`docker image inspect` by hand) and report this if they are."
    );
  }
  const image = parsed.data;
  const config2 = image.Config ?? {};
  const platform2 = [image.Os ?? "linux", image.Architecture ?? "unknown", image.Variant].filter((part) => part).join("/");
  return {
    ref,
    id: image.Id,
    repoDigests: image.RepoDigests ?? [],
    platform: platform2,
    user: config2.User ?? "",
    workdir: config2.WorkingDir ?? "",
    entrypoint: config2.Entrypoint ?? [],
    cmd: config2.Cmd ?? [],
    env: parseEnvList(config2.Env ?? []),
    exposedPorts: Object.keys(config2.ExposedPorts ?? {}).sort(),
    volumes: Object.keys(config2.Volumes ?? {}).sort(),
    labels: config2.Labels ?? {}
  };
}

// src/source/docker/container-spec.ts
var PROBE_LABEL = "org.nonroot-guard.probe";
var KUBERNETES_PORT_SYSCTL = { "net.ipv4.ip_unprivileged_port_start": "1024" };
function containerOptions(limits, entrypoint) {
  return [
    "--pull=never",
    "--no-healthcheck",
    "--network=none",
    "--user=0:0",
    "--security-opt=no-new-privileges",
    `--pids-limit=${limits.pids}`,
    `--memory=${limits.memory}`,
    `--memory-swap=${limits.memory}`,
    ...Object.entries(KUBERNETES_PORT_SYSCTL).map(([key, value]) => `--sysctl=${key}=${value}`),
    `--label=${PROBE_LABEL}=true`,
    `--entrypoint=${entrypoint}`
  ];
}
function createArgs(spec) {
  return [
    "--name",
    spec.name,
    ...containerOptions(spec.limits, spec.entrypoint),
    ...spec.mountSource ? [`--mount=type=bind,source=${spec.mountSource},target=${spec.entrypoint},readonly`] : [],
    ...spec.platform ? [`--platform=${spec.platform}`] : [],
    spec.image,
    ...spec.args
  ];
}
function createRequest(spec) {
  const query = new URLSearchParams({ name: spec.name });
  if (spec.platform) query.set("platform", spec.platform);
  const memory = memoryBytes(spec.limits.memory);
  return {
    path: `/containers/create?${query.toString()}`,
    body: {
      Image: spec.image,
      Entrypoint: [spec.entrypoint],
      Cmd: [...spec.args],
      User: "0:0",
      Labels: { [PROBE_LABEL]: "true" },
      Healthcheck: { Test: ["NONE"] },
      // As `docker create` without -d: the output can be attached to.
      AttachStdout: true,
      AttachStderr: true,
      HostConfig: {
        NetworkMode: "none",
        // The CLI's default, said: never restarted.
        RestartPolicy: { Name: "no" },
        SecurityOpt: ["no-new-privileges"],
        PidsLimit: spec.limits.pids,
        Memory: memory,
        MemorySwap: memory,
        Sysctls: KUBERNETES_PORT_SYSCTL,
        ...spec.mountSource ? {
          Mounts: [
            { Type: "bind", Source: spec.mountSource, Target: spec.entrypoint, ReadOnly: true }
          ]
        } : {}
      }
    }
  };
}
function memoryBytes(limit) {
  const match = /^(\d+)([bkmg]?)$/i.exec(limit);
  if (!match) throw new Error(`not a memory limit: ${limit}`);
  const power = ["b", "k", "m", "g"].indexOf((match[2] || "b").toLowerCase());
  return Number(match[1]) * 1024 ** power;
}

// src/source/docker/tar-entry.ts
var BLOCK = 512;
var TYPES = {
  "0": "file",
  "\0": "file",
  "7": "file",
  "1": "hardlink",
  "2": "symlink",
  "3": "char device",
  "4": "block device",
  "5": "directory",
  "6": "fifo"
};
var TarError = class extends Error {
};
function text(block, offset, length) {
  const field = block.subarray(offset, offset + length);
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? field.length : end).toString("utf8");
}
function tarNumber(field) {
  if (field.length > 0 && (field[0] & 128) !== 0) {
    if ((field[0] & 64) !== 0) throw new TarError("a negative number in a tar header");
    let value = BigInt(field[0] & 63);
    for (const byte of field.subarray(1)) value = value << 8n | BigInt(byte);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new TarError("a tar number out of range");
    return Number(value);
  }
  const digits = field.toString("latin1").replace(/[\0 ]+$/, "").replace(/^[\0 ]+/, "");
  if (digits === "") return 0;
  if (!/^[0-7]+$/.test(digits))
    throw new TarError(`a malformed tar number ${JSON.stringify(digits)}`);
  return parseInt(digits, 8);
}
function checksumOk(block) {
  let sum = 0;
  for (let index = 0; index < BLOCK; index++) {
    sum += index >= 148 && index < 156 ? 32 : block[index];
  }
  return tarNumber(block.subarray(148, 156)) === sum;
}
function paxRecords(body) {
  const records = /* @__PURE__ */ new Map();
  let offset = 0;
  while (offset < body.length) {
    const space = body.indexOf(32, offset);
    if (space === -1) break;
    const length = Number(body.subarray(offset, space).toString("latin1"));
    if (!Number.isSafeInteger(length) || length <= space - offset || offset + length > body.length) {
      throw new TarError("a malformed pax record");
    }
    const record2 = body.subarray(space + 1, offset + length - 1).toString("utf8");
    const equals = record2.indexOf("=");
    if (equals > 0) records.set(record2.slice(0, equals), record2.slice(equals + 1));
    offset += length;
  }
  return records;
}
var MAX_EXTENDED_BYTES = 1024 * 1024;
function firstTarEntry(data) {
  let offset = 0;
  let pax = /* @__PURE__ */ new Map();
  for (; ; ) {
    if (data.length < offset + BLOCK) return null;
    const block = data.subarray(offset, offset + BLOCK);
    if (block.every((byte) => byte === 0)) throw new TarError("an empty tar archive");
    if (!checksumOk(block)) throw new TarError("a tar header with a bad checksum");
    const flag = String.fromCharCode(block[156]);
    const size = tarNumber(block.subarray(124, 136));
    offset += BLOCK;
    if (flag === "x" || flag === "g" || flag === "L" || flag === "K") {
      if (offset + size > MAX_EXTENDED_BYTES) throw new TarError("tar extended headers over 1 MiB");
      const padded = Math.ceil(size / BLOCK) * BLOCK;
      if (data.length < offset + padded) return null;
      if (flag === "x")
        pax = new Map([...pax, ...paxRecords(data.subarray(offset, offset + size))]);
      if (flag === "L" && !pax.has("path"))
        pax = new Map([...pax, ["path", text(data, offset, size)]]);
      offset += padded;
      continue;
    }
    const prefix = text(block, 345, 155);
    const name = pax.get("path") ?? (prefix ? `${prefix}/${text(block, 0, 100)}` : text(block, 0, 100));
    const paxSize = pax.get("size");
    if (paxSize !== void 0 && !/^\d{1,15}$/.test(paxSize)) {
      throw new TarError("a malformed pax size");
    }
    return {
      header: {
        name,
        type: TYPES[flag] ?? "other",
        size: paxSize === void 0 ? size : Number(paxSize),
        linkName: pax.get("linkpath") ?? text(block, 157, 100)
      },
      contentOffset: offset
    };
  }
}

// src/source/docker/image-file.ts
var FirstFileReader = class {
  constructor(maxBytes) {
    this.maxBytes = maxBytes;
  }
  maxBytes;
  // The chunks are kept as they come and joined only to look for the header and once at
  // the end: joining at every chunk would copy a 64 MiB file some thousand times.
  chunks = [];
  received = 0;
  entry = null;
  /** The file, once the stream has said what it is. */
  outcome = null;
  /** Why the stream is not a tar archive, when it is not. */
  malformed = null;
  feed(chunk) {
    this.chunks.push(chunk);
    this.received += chunk.length;
    if (!this.entry) {
      try {
        this.entry = firstTarEntry(Buffer.concat(this.chunks));
      } catch (error2) {
        this.malformed = error2.message;
        return "enough";
      }
      if (!this.entry) return "more";
      if (this.entry.header.type !== "file") {
        this.outcome = { kind: "not-regular", type: this.entry.header.type };
        return "enough";
      }
      if (this.entry.header.size > this.maxBytes) {
        this.outcome = { kind: "too-large", size: this.entry.header.size };
        return "enough";
      }
    }
    const { header, contentOffset } = this.entry;
    if (this.received < contentOffset + header.size) return "more";
    const data = Buffer.concat(this.chunks);
    this.outcome = {
      kind: "file",
      text: data.subarray(contentOffset, contentOffset + header.size).toString("utf8")
    };
    return "enough";
  }
};

// src/source/docker/api-container.ts
var containerPath = (container) => `/containers/${encodeURIComponent(container)}`;
function daemonError(result) {
  if (!result.ok) return `cannot reach the Docker engine: ${result.message} (${result.code})`;
  return `Error response from daemon: ${engineMessage(result.response)}`;
}
var failure = (exitCode, stderr) => ({
  exitCode,
  stdout: "",
  stderr: `${stderr}
`,
  timedOut: false
});
async function postCreate(socket, request, name, timeoutMs) {
  const result = await apiRequest(socket, request.path, {
    method: "POST",
    json: request.body,
    timeoutMs
  });
  if (!result.ok && result.code === "ETIMEDOUT") return { ...failure(1, ""), timedOut: true };
  if (!result.ok || result.response.status !== 201) return failure(1, daemonError(result));
  return { exitCode: 0, stdout: `${name}
`, stderr: "", timedOut: false };
}
function createContainer(socket, spec, timeoutMs) {
  return postCreate(socket, createRequest(spec), spec.name, timeoutMs);
}
function createVariantContainer(socket, spec, timeoutMs) {
  const query = new URLSearchParams({ name: spec.name, platform: spec.platform });
  const body = {
    Image: spec.image,
    ...spec.cmd.length > 0 ? { Cmd: [...spec.cmd] } : {},
    HostConfig: { NetworkMode: "none" }
  };
  return postCreate(
    socket,
    { path: `/containers/create?${query.toString()}`, body },
    spec.name,
    timeoutMs
  );
}
async function containerConfig(socket, container, timeoutMs) {
  const result = await apiRequest(socket, `${containerPath(container)}/json`, { timeoutMs });
  if (!result.ok || result.response.status !== 200) return failure(1, daemonError(result));
  try {
    const { Config } = JSON.parse(result.response.body);
    return { exitCode: 0, stdout: JSON.stringify(Config ?? null), stderr: "", timedOut: false };
  } catch {
    return failure(1, `the engine's inspect of ${container} is not JSON`);
  }
}
var MODE_BITS = {
  dir: 31,
  symlink: 27,
  device: 26,
  namedPipe: 25,
  socket: 24,
  charDevice: 21,
  irregular: 19
};
var has = (mode, bit) => (mode >>> bit & 1) === 1;
async function statPath(socket, container, path2) {
  const result = await apiRequest(
    socket,
    `${containerPath(container)}/archive?${new URLSearchParams({ path: path2 }).toString()}`,
    { method: "HEAD", timeoutMs: 6e4 }
  );
  if (result.ok && result.response.status === 404) return null;
  if (!result.ok || result.response.status !== 200) return { unreadable: daemonError(result) };
  const header = result.response.headers["x-docker-container-path-stat"];
  try {
    const stat3 = JSON.parse(Buffer.from(String(header), "base64").toString("utf8"));
    if (typeof stat3.mode !== "number" || typeof stat3.size !== "number") throw new Error();
    return {
      mode: stat3.mode,
      size: stat3.size,
      linkTarget: typeof stat3.linkTarget === "string" ? stat3.linkTarget : ""
    };
  } catch {
    return { unreadable: `the engine's stat of ${path2} could not be read` };
  }
}
function typeOf(mode) {
  if (has(mode, MODE_BITS.dir)) return "directory";
  if (has(mode, MODE_BITS.symlink)) return "symlink";
  if (has(mode, MODE_BITS.namedPipe)) return "fifo";
  if (has(mode, MODE_BITS.socket)) return "socket";
  if (has(mode, MODE_BITS.device))
    return has(mode, MODE_BITS.charDevice) ? "char device" : "block device";
  if (has(mode, MODE_BITS.irregular)) return "other";
  return null;
}
async function readContainerFile(socket, container, path2, maxBytes, content = true) {
  let stat3 = await statPath(socket, container, path2);
  let target = path2;
  if (stat3 && !("unreadable" in stat3) && has(stat3.mode, MODE_BITS.symlink)) {
    target = stat3.linkTarget;
    stat3 = target ? await statPath(socket, container, target) : null;
  }
  if (stat3 === null) return { kind: "missing" };
  if ("unreadable" in stat3) return { kind: "unreadable", reason: stat3.unreadable };
  const type = typeOf(stat3.mode);
  if (type) return { kind: "not-regular", type };
  if (stat3.size > maxBytes) return { kind: "too-large", size: stat3.size };
  if (!content) return { kind: "regular", size: stat3.size };
  const reader = new FirstFileReader(maxBytes);
  const result = await apiRequest(
    socket,
    `${containerPath(container)}/archive?${new URLSearchParams({ path: target }).toString()}`,
    { timeoutMs: 6e4, readBody: (chunk) => reader.feed(chunk) }
  );
  if (reader.outcome) return reader.outcome;
  if (reader.malformed)
    return { kind: "unreadable", reason: `the archive gave ${reader.malformed}` };
  if (result.ok && result.response.status === 404) return { kind: "missing" };
  if (!result.ok || result.response.status !== 200) {
    return { kind: "unreadable", reason: daemonError(result) };
  }
  return { kind: "unreadable", reason: "the archive ended before the file was complete" };
}
var FRAME_HEADER_BYTES = 8;
function startAttached(socket, container, timeoutMs, maxOutputBytes) {
  const path2 = containerPath(container);
  const stdout = new BoundedBuffer(maxOutputBytes);
  const stderr = new BoundedBuffer(maxOutputBytes);
  return new Promise((resolve5) => {
    let done = false;
    let stream;
    const deadline = Date.now() + timeoutMs;
    const finish = (exitCode, timedOut = false, message) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      stream?.destroy();
      if (message) stderr.push(Buffer.from(`${message}
`));
      resolve5({ exitCode, stdout: stdout.toString(), stderr: stderr.toString(), timedOut });
    };
    const timer = setTimeout(() => finish(128, true), timeoutMs);
    void apiRequest(socket, `${path2}/attach?stream=1&stdout=1&stderr=1`, {
      method: "POST",
      upgrade: true,
      timeoutMs
    }).then((attached) => {
      if (done) {
        if (attached.ok) attached.response.upgraded?.socket.destroy();
        return;
      }
      if (!attached.ok || !attached.response.upgraded) {
        finish(1, false, daemonError(attached));
        return;
      }
      const { socket: connection, head } = attached.response.upgraded;
      stream = connection;
      let pending = Buffer.alloc(0);
      const demultiplex = (chunk) => {
        pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
        while (pending.length >= FRAME_HEADER_BYTES) {
          const size = pending.readUInt32BE(4);
          if (pending.length < FRAME_HEADER_BYTES + size) break;
          const payload = pending.subarray(FRAME_HEADER_BYTES, FRAME_HEADER_BYTES + size);
          (pending[0] === 2 ? stderr : stdout).push(payload);
          pending = pending.subarray(FRAME_HEADER_BYTES + size);
        }
      };
      if (head.length > 0) demultiplex(head);
      const remaining = () => Math.max(1, deadline - Date.now());
      let registered = () => {
      };
      const waitRegistered = new Promise((resolve6) => registered = resolve6);
      const waited = apiRequest(socket, `${path2}/wait?condition=next-exit`, {
        method: "POST",
        timeoutMs: remaining(),
        onHead: registered
      });
      const started = (async () => {
        const head2 = await Promise.race([waitRegistered, waited.then(() => 0)]);
        if (head2 !== 200) {
          finish(1, false, daemonError(await waited));
          return null;
        }
        return apiRequest(socket, `${path2}/start`, { method: "POST", timeoutMs: remaining() });
      })();
      connection.on("data", demultiplex);
      connection.on("error", () => {
      });
      connection.on("close", () => {
        void (async () => {
          const start = await started;
          if (done || start === null) return;
          if (!start.ok || ![204, 304].includes(start.response.status)) {
            finish(1, false, daemonError(start));
            return;
          }
          const exited = await waited;
          if (done) return;
          if (!exited.ok || exited.response.status !== 200) {
            finish(1, false, daemonError(exited));
            return;
          }
          let answer;
          try {
            answer = JSON.parse(exited.response.body);
          } catch {
            answer = {};
          }
          if (typeof answer.StatusCode !== "number") {
            finish(
              1,
              false,
              `the engine's wait answer has no exit code: ${exited.response.body.slice(0, 200)}`
            );
            return;
          }
          finish(answer.StatusCode, false, answer.Error?.Message || void 0);
        })();
      });
      connection.resume();
    });
  });
}
async function removeContainer(socket, container) {
  const result = await apiRequest(socket, `${containerPath(container)}?force=1&v=1`, {
    method: "DELETE",
    timeoutMs: 6e4
  });
  return result.ok && [204, 404].includes(result.response.status);
}

// src/source/docker/tar-walk.ts
var BLOCK2 = 512;
var TarWalk = class {
  constructor(handlers) {
    this.handlers = handlers;
  }
  handlers;
  state = { kind: "header" };
  /** Bytes of the header being read (a pax header can span several chunks). */
  pending = Buffer.alloc(0);
  get done() {
    return this.state.kind === "done";
  }
  /** Takes the next bytes of the stream; 'stop' once the walk is over. Throws TarError. */
  feed(chunk) {
    let data = chunk;
    while (data.length > 0 && this.state.kind !== "done") {
      const state = this.state;
      if (state.kind === "skip") {
        const taken = Math.min(state.left, data.length);
        state.left -= taken;
        data = data.subarray(taken);
        if (state.left === 0) this.state = { kind: "header" };
      } else if (state.kind === "read") {
        const taken = Math.min(state.left, data.length);
        state.chunks.push(data.subarray(0, taken));
        state.left -= taken;
        data = data.subarray(taken);
        if (state.left === 0) {
          const choice = this.handlers.content(state.header, Buffer.concat(state.chunks));
          this.state = choice === "stop" ? { kind: "done" } : { kind: "skip", left: state.padding };
          if (this.state.kind === "skip" && this.state.left === 0) this.state = { kind: "header" };
        }
      } else if (state.kind === "header") {
        this.pending = this.pending.length === 0 ? data : Buffer.concat([this.pending, data]);
        data = Buffer.alloc(0);
        if (this.pending.length >= BLOCK2 && this.pending.subarray(0, BLOCK2).every((b) => b === 0)) {
          this.state = { kind: "done" };
          break;
        }
        const entry = firstTarEntry(this.pending);
        if (!entry) continue;
        const rest = this.pending.subarray(entry.contentOffset);
        this.pending = Buffer.alloc(0);
        data = rest;
        const { header } = entry;
        const padded = Math.ceil(header.size / BLOCK2) * BLOCK2;
        const choice = this.handlers.header(header);
        if (choice === "stop") {
          this.state = { kind: "done" };
        } else if (choice === "read" && header.type === "file") {
          if (header.size > this.handlers.maxReadBytes) {
            throw new TarError(
              `${header.name} is ${header.size} bytes, over the ${this.handlers.maxReadBytes}-byte limit`
            );
          }
          this.state = {
            kind: "read",
            header,
            left: header.size,
            padding: padded - header.size,
            chunks: []
          };
          if (header.size === 0) {
            const next = this.handlers.content(header, Buffer.alloc(0));
            this.state = next === "stop" ? { kind: "done" } : { kind: "header" };
          }
        } else {
          this.state = padded === 0 ? { kind: "header" } : { kind: "skip", left: padded };
        }
      }
    }
    return this.state.kind === "done" ? "stop" : "more";
  }
};

// src/probe/probe.ts
import { randomBytes as randomBytes2 } from "node:crypto";
import { existsSync as existsSync2 } from "node:fs";
import { fileURLToPath } from "node:url";

// src/probe/schema.ts
config(en_default());
var path = string().check(_maxLength(4096));
var hex = string().check(_regex(/^[0-9a-f]{1,16}$/));
var ACCOUNT_FILE_STATUSES = [
  "ok",
  "missing",
  "unreadable",
  "not-regular",
  "too-large",
  "mounted",
  "escapes"
];
var accountFileStatus = _enum(ACCOUNT_FILE_STATUSES);
var fileKind = _enum(["dir", "file", "symlink", "other", "missing"]);
var PATH_ROLES = [
  "root",
  "bin",
  "sbin",
  "usr",
  "lib",
  "etc",
  "tmp",
  "home",
  "workdir",
  "exec",
  "exec-dir",
  "volume"
];
var checkedPath = strictObject({
  path,
  roles: array(_enum(PATH_ROLES)),
  type: fileKind,
  mode: nullable(int().check(_nonnegative())),
  uid: nullable(int().check(_nonnegative())),
  gid: nullable(int().check(_nonnegative())),
  /** The runtime user can modify it: a file by access(W_OK), a directory by creating and removing a file in it. */
  writable: boolean(),
  /** Why it could not be checked (e.g. `ELOOP`), or null. */
  error: nullable(string().check(_maxLength(200)))
});
var truncatedList = (item) => strictObject({
  items: array(item),
  count: int().check(_nonnegative()),
  truncated: boolean()
});
var probeSchema = strictObject({
  probe: strictObject({ version: literal(1), arch: string().check(_maxLength(32)) }),
  /** Set when the probe could not become the image's user: the runtime's own message. */
  userError: nullable(string().check(_maxLength(1e3))),
  identity: strictObject({
    /** The probe started as root and switched to the configured user, as runc does. */
    switched: boolean(),
    uid: int(),
    gid: int(),
    groups: array(int()).check(_maxLength(65536)),
    name: nullable(string().check(_maxLength(256))),
    home: nullable(path),
    passwd: accountFileStatus,
    group: accountFileStatus,
    /** Where the path led inside the image: the file, or the run-time mount it entered. */
    passwdResolved: nullable(path),
    groupResolved: nullable(path)
  }),
  status: strictObject({
    capEff: hex,
    capPrm: hex,
    capBnd: hex,
    capAmb: hex,
    noNewPrivs: int().check(_gte(0), _lte(1)),
    seccomp: int().check(_gte(0), _lte(2))
  }),
  paths: array(checkedPath).check(_maxLength(64)),
  writableDirs: truncatedList(path),
  setid: truncatedList(
    strictObject({
      path,
      mode: int().check(_nonnegative()),
      uid: int().check(_nonnegative()),
      gid: int().check(_nonnegative())
    })
  ),
  fileCaps: truncatedList(
    strictObject({ path, capability: string().check(_regex(/^[0-9a-f]{0,128}$/)) })
  ),
  tools: array(
    strictObject({
      kind: _enum(["shell", "package-manager", "privilege", "account"]),
      name: string().check(_maxLength(64)),
      path,
      resolved: path
    })
  ).check(_maxLength(256)),
  ports: array(
    strictObject({
      port: int().check(_gte(0), _lte(65535)),
      protocol: _enum(["tcp", "udp"]),
      bindable: boolean(),
      error: nullable(string().check(_maxLength(64)))
    })
  ).check(_maxLength(256)),
  walk: strictObject({
    entries: int().check(_nonnegative()),
    directories: int().check(_nonnegative()),
    elapsedMs: int().check(_nonnegative()),
    truncated: boolean(),
    unscanned: truncatedList(strictObject({ path, reason: string().check(_maxLength(200)) }))
  })
});

// src/probe/probe.ts
function probePath() {
  return `/.nonroot-guard-probe-${randomBytes2(8).toString("hex")}`;
}
var DEFAULT_PROBE_LIMITS = { timeoutMs: 12e4, memory: "256m", pids: 64 };
function probeLimits(env = process.env) {
  const seconds = environmentValue(PROBE_TIMEOUT, env);
  if (seconds === void 0) return DEFAULT_PROBE_LIMITS;
  return { ...DEFAULT_PROBE_LIMITS, timeoutMs: Math.round(seconds * 1e3) };
}
var ACCOUNT_FILES_FLAG = "--account-files";
var shownFile = nullable(string().check(_maxLength(256 * 1024)));
var shownAccountFiles = strictObject({ passwd: shownFile, group: shownFile });
var ARCHES = ["amd64", "arm64"];
function probeBinary(engineArch) {
  if (!ARCHES.includes(engineArch)) {
    throw new CheckError(
      "platform",
      `there is no probe for a ${engineArch} Docker engine (only ${ARCHES.join(", ")})`,
      "Run the check on an amd64 or arm64 runner, or set probe: optional to judge the metadata only."
    );
  }
  for (const base of ["./probe/", "../../dist/probe/"]) {
    const path2 = fileURLToPath(new URL(`${base}linux-${engineArch}`, import.meta.url));
    if (existsSync2(path2)) return path2;
  }
  throw new CheckError(
    "platform",
    `the probe binary dist/probe/linux-${engineArch} is missing from this installation`,
    "Reinstall nonroot-guard (dist/ must be complete), or build it with probe/build.sh."
  );
}
function probeArguments(image, ports, ownPath) {
  const exec = image.entrypoint[0] ?? image.cmd[0] ?? "";
  const args = ["--user", image.user, "--workdir", image.workdir, "--exec", exec];
  args.push("--skip", ownPath);
  for (const port of ports) args.push("--port", port);
  const volumes = image.volumes.filter(
    (volume) => !volume.includes("\0") && Buffer.byteLength(volume) <= MAX_PROBE_ARG_BYTES
  );
  for (const volume of volumes.slice(0, MAX_PROBED_VOLUMES)) args.push("--volume", volume);
  return args;
}
var MAX_PROBED_VOLUMES = 16;
var MAX_PROBE_ARG_BYTES = 4095;
function parseProbeDocument(stdout) {
  let json;
  try {
    json = JSON.parse(stdout);
  } catch {
    throw new Error(
      `it is not JSON (${stdout.length} bytes, starting ${JSON.stringify(stdout.slice(0, 40))})`
    );
  }
  let shown = null;
  if (typeof json === "object" && json !== null && !Array.isArray(json) && "accountFiles" in json) {
    const { accountFiles, ...facts } = json;
    const files = shownAccountFiles.safeParse(accountFiles);
    if (!files.success) throw schemaError(files.error, "accountFiles");
    shown = files.data;
    json = facts;
  }
  const parsed = probeSchema.safeParse(json);
  if (!parsed.success) throw schemaError(parsed.error);
  return { output: parsed.data, shown };
}
function schemaError(error2, under) {
  const issue2 = error2.issues[0];
  const path2 = [...under ? [under] : [], ...issue2.path].join(".");
  return new Error(`${path2 || "the document"}: ${issue2.message}`);
}
function unpassable(image) {
  const fields = [
    ["Config.User", image.user],
    ["Config.WorkingDir", image.workdir],
    ["the entrypoint", image.entrypoint[0] ?? image.cmd[0]]
  ];
  const bad = fields.find(([, value]) => value?.includes("\0"));
  return bad ? `the image's ${bad[0]} holds a NUL byte, which no runtime can pass to the kernel: no container of this image can start as configured` : null;
}
function differentInside(output, shown, files) {
  const unsafe = [];
  for (const [path2, key] of [
    ["/etc/passwd", "passwd"],
    ["/etc/group", "group"]
  ]) {
    const status = output.identity[key];
    const resolved = output.identity[`${key}Resolved`];
    if (status === "mounted") {
      unsafe.push({
        path: path2,
        what: `resolves into ${resolved}, which is mounted over the image's files when the container runs: the engine reads the image's own file there, the container another`,
        started: true
      });
    } else if (status === "escapes") {
      unsafe.push({
        path: path2,
        what: `leads out of the image's files: a symlink on the way climbs above / (at ${resolved})`,
        started: true
      });
    } else if (shown && shown[key] !== null && files[key] !== null && shown[key] !== files[key]) {
      unsafe.push({
        path: path2,
        what: "reads differently inside the running container than in the image the engine reads it from",
        started: true
      });
    }
  }
  return unsafe;
}

// src/source/docker/docker.ts
function missingFileNote(path2) {
  return `${path2} does not exist in the image`;
}
var MAX_ACCOUNT_FILE_BYTES = 64 * 1024 * 1024;
var ACCOUNT_FILES = [
  { path: "/etc/passwd", key: "passwd" },
  { path: "/etc/group", key: "group" }
];
var BUILD_LOG_TAIL_LINES = 25;
var MAX_CONTAINER_OUTPUT_BYTES = 16 * 1024 * 1024;
var MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
var START_DAEMON_HINT = "Start the Docker daemon (e.g. `sudo systemctl start docker`), or set DOCKER_HOST to a running engine.";
var SOCKET_PERMISSION_HINT = "Add your user to the docker group or run with access to the Docker socket.";
var ENGINE_HEALTHY_HINT = "Check that the Docker engine is healthy (`docker info`) and retry.";
var Docker = class {
  constructor(runner = runCommand, binary = "docker", early, socket = null) {
    this.runner = runner;
    this.binary = binary;
    this.early = early;
    this.socket = socket;
  }
  runner;
  binary;
  early;
  socket;
  /** GET from the Engine API, taking the request the entry point started, if any. */
  request(path2, timeoutMs) {
    return this.early?.takeRequest(path2) ?? apiRequest(this.socket, path2, { timeoutMs });
  }
  /** An answer of the API that is not a 2xx, or no answer: a CheckError naming the cause. */
  apiFailure(what, result) {
    if (!result.ok) {
      if (result.code === "EACCES") {
        return new CheckError(
          "docker",
          `the Docker daemon is not answering: permission denied on unix://${this.socket}`,
          SOCKET_PERMISSION_HINT
        );
      }
      if (["ENOENT", "ECONNREFUSED", "ECONNRESET", "ENOTSOCK"].includes(result.code)) {
        return new CheckError(
          "docker",
          `the Docker daemon is not answering: Cannot connect to the Docker daemon at unix://${this.socket} (${result.code})`,
          START_DAEMON_HINT
        );
      }
      return new CheckError("docker", `${what} failed: ${result.message}`, ENGINE_HEALTHY_HINT);
    }
    return new CheckError(
      "docker",
      `${what} failed: ${engineMessage(result.response).slice(0, 500)}`,
      ENGINE_HEALTHY_HINT
    );
  }
  /** A 200 answer's JSON (null for a 404 when `missing` allows it), or the CheckError of what went wrong. */
  async apiJson(what, path2, timeoutMs, { missing = false } = {}) {
    const result = await this.request(path2, timeoutMs);
    if (missing && result.ok && result.response.status === 404) return null;
    if (!result.ok || result.response.status !== 200) throw this.apiFailure(what, result);
    try {
      return JSON.parse(result.response.body);
    } catch {
      throw new CheckError(
        "docker",
        `${what} returned data this tool does not understand (not JSON)`,
        ENGINE_HEALTHY_HINT
      );
    }
  }
  info;
  /** The Engine API's /info, asked once: the engine check and the image store both read it. */
  apiInfo() {
    this.info ??= this.apiJson("the Engine API /info", API_PATHS.info, API_TIMEOUT_MS.engine);
    return this.info;
  }
  /** The engine from the Engine API: /version and /info (which the image store reads too), side by side. */
  async engineByApi() {
    const [version] = await Promise.all([
      this.apiJson("the Engine API /version", API_PATHS.version, API_TIMEOUT_MS.engine),
      this.apiInfo()
    ]);
    const {
      Os: os5 = "",
      Arch: arch2 = "",
      Version: serverVersion = ""
    } = version ?? {};
    return checkedEngine(os5, arch2, serverVersion);
  }
  /** Runs docker; a missing binary becomes a CheckError, a non-zero exit is the caller's to judge. */
  async exec(args, options) {
    try {
      return await (this.early?.take(this.binary, args) ?? this.runner(this.binary, args, options));
    } catch (error2) {
      if (error2 instanceof CommandNotFoundError) {
        throw new CheckError(
          "docker",
          `docker is not installed: the command "${this.binary}" was not found`,
          "Install Docker (on GitHub Actions use an ubuntu-* runner, which has it) or put the docker CLI on PATH."
        );
      }
      throw error2;
    }
  }
  /** Fails with the reason when no Linux engine answers. */
  async engine() {
    if (this.socket) return this.engineByApi();
    const call = engineCall();
    const result = await this.exec(call.args, call.options);
    const [os5 = "", arch2 = "", version = ""] = result.stdout.trim().split("|");
    if (result.exitCode !== 0 || os5 === "") {
      const stderr = lastLines(result.stderr, 3);
      const permission = /permission denied/i.test(stderr);
      throw new CheckError(
        "docker",
        `the Docker daemon is not answering${stderr ? `: ${stderr}` : ""}`,
        permission ? SOCKET_PERMISSION_HINT : START_DAEMON_HINT
      );
    }
    return checkedEngine(os5, arch2, version);
  }
  store;
  /** The platforms the Engine API listed with an inspect (Docker 28 and later), by reference. */
  listings = /* @__PURE__ */ new Map();
  /**
   * Which image store the engine keeps images in, asked once: the containerd store keeps
   * every platform of an index under one name, the classic store one platform per tag.
   */
  imageStore() {
    this.store ??= (async () => {
      if (this.socket) {
        const info2 = await this.apiInfo();
        return storeOf(JSON.stringify(info2?.DriverStatus ?? null));
      }
      const call = imageStoreCall();
      const result = await this.exec(call.args, call.options);
      if (result.exitCode !== 0) throw dockerFailure("docker info", result);
      return storeOf(result.stdout);
    })();
    return this.store;
  }
  /**
   * The platforms of a local image. Docker 28 and later (API 1.48) list them with the
   * inspect. Before that there is no call for it: on the containerd store an image's id is
   * the digest of its top-level manifest, and `docker save` writes the blobs sorted by
   * digest, so the walk stops at that blob and reads none of the layers after it (those
   * before it it must pass: on Docker 26 this is what a multi-platform check costs).
   */
  async platforms(image) {
    if (await this.imageStore() === "classic") return { kind: "one-per-tag" };
    const listed = this.listings.get(image.ref);
    if (listed) return listed;
    const digest = /^sha256:([a-f0-9]{64})$/.exec(image.id);
    if (!digest) {
      return { kind: "unreadable", reason: `its id ${image.id.slice(0, 80)} is not a digest` };
    }
    const wanted = `blobs/sha256/${digest[1]}`;
    let manifest = null;
    let malformed = null;
    const walk = new TarWalk({
      header: (header) => header.name === wanted ? "read" : "skip",
      content: (_header, content) => {
        manifest = content.toString("utf8");
        return "stop";
      },
      maxReadBytes: MAX_MANIFEST_BYTES
    });
    const read = (chunk) => {
      try {
        return walk.feed(chunk) === "stop" ? "enough" : "more";
      } catch (error2) {
        malformed = error2.message;
        return "enough";
      }
    };
    let failed = null;
    if (this.socket) {
      const result = await apiRequest(
        this.socket,
        `/images/get?${new URLSearchParams({ names: image.ref }).toString()}`,
        { timeoutMs: 10 * 6e4, readBody: read }
      );
      if (!result.ok || result.response.status !== 200) failed = daemonError(result);
    } else {
      const result = await this.exec(["save", "--", image.ref], {
        timeoutMs: 10 * 6e4,
        readStdout: read
      });
      if (result.exitCode !== 0) {
        failed = lastLines(result.stderr, 1) || `exit code ${result.exitCode}`;
      }
    }
    if (manifest !== null) return platformsOfManifest(manifest);
    if (malformed) return { kind: "unreadable", reason: `docker save gave ${malformed}` };
    if (failed) return { kind: "unreadable", reason: `docker save failed: ${failed}` };
    return { kind: "unreadable", reason: `docker save did not contain its manifest ${image.id}` };
  }
  /** Inspects a local image; null when it is not there. */
  async inspect(ref) {
    if (this.socket) {
      const raw2 = await this.apiJson(
        `docker image inspect ${ref}`,
        API_PATHS.inspect(ref),
        API_TIMEOUT_MS.inspect,
        { missing: true }
      );
      if (raw2 === null) return null;
      const listed = platformsOfInspect(raw2);
      if (listed) this.listings.set(ref, listed);
      return normaliseInspect(raw2, ref);
    }
    const call = inspectCall(ref);
    const result = await this.exec(call.args, call.options);
    if (result.exitCode !== 0) {
      if (/no such image/i.test(result.stderr)) return null;
      throw dockerFailure(`docker image inspect ${ref}`, result);
    }
    let raw;
    try {
      raw = JSON.parse(result.stdout);
    } catch {
      throw dockerFailure(`docker image inspect ${ref} (unreadable JSON)`, result);
    }
    return normaliseInspect(raw, ref);
  }
  /**
   * One platform's config of a local image that holds several (the containerd image
   * store keeps a multi-platform index; `docker image inspect` shows this machine's
   * variant, and `--platform` there needs API 1.49). A container of that variant is
   * created, never started, and its config read: with nothing overridden it is the
   * variant's image config (Engine API requests on a local socket, else the docker CLI's
   * create, inspect and rm). Null when the image has no such platform.
   */
  async inspectPlatform(image, platform2) {
    const { ref } = image;
    const name = `nonroot-guard-config-${randomBytes3(6).toString("hex")}`;
    const create = (command) => this.socket ? createVariantContainer(
      this.socket,
      { name, image: ref, platform: platform2, cmd: command },
      12e4
    ) : this.exec(
      [
        "create",
        "--name",
        name,
        "--platform",
        platform2,
        "--pull=never",
        "--network=none",
        "--",
        ref,
        ...command
      ],
      { timeoutMs: 12e4 }
    );
    try {
      let created = await create([]);
      const noCommand = created.exitCode !== 0 && /no command specified/i.test(created.stderr);
      if (noCommand) created = await create(["/nonroot-guard-no-command"]);
      if (created.exitCode !== 0) {
        if (/does not match the specified platform|no match for platform|no such image|not found/i.test(
          created.stderr
        ))
          return null;
        throw dockerFailure(`docker create --platform ${platform2} ${ref}`, created);
      }
      const inspected = this.socket ? await containerConfig(this.socket, name, 6e4) : await this.exec(["container", "inspect", "--format", "{{json .Config}}", name], {
        timeoutMs: 6e4
      });
      if (inspected.exitCode !== 0)
        throw dockerFailure(`docker container inspect (${ref}, ${platform2})`, inspected);
      let config2;
      try {
        config2 = JSON.parse(inspected.stdout);
      } catch {
        throw dockerFailure(
          `docker container inspect (${ref}, ${platform2}) (unreadable JSON)`,
          inspected
        );
      }
      if (noCommand) config2 = { ...config2, Cmd: null };
      const [os5, architecture, variant] = platform2.split("/");
      return normaliseInspect(
        {
          Id: image.id,
          RepoDigests: image.repoDigests,
          Os: os5,
          Architecture: architecture,
          Variant: variant,
          Config: config2
        },
        ref
      );
    } finally {
      await this.removeContainer(name);
    }
  }
  /** `docker image rm` of one tag: the image goes with it when no other tag holds it. */
  async removeImage(ref) {
    const result = await this.exec(["image", "rm", "--", ref], { timeoutMs: 6e4 });
    return result.exitCode === 0 ? null : lastLines(result.stderr, 1) || `exit code ${result.exitCode}`;
  }
  async pull(ref, platform2) {
    const args = ["pull", "--quiet", ...platform2 ? ["--platform", platform2] : [], "--", ref];
    const result = await this.exec(args, { timeoutMs: 15 * 6e4 });
    if (result.exitCode === 0) return;
    const stderr = lastLines(result.stderr, 5);
    if (/denied|unauthorized|authentication required|no basic auth/i.test(stderr)) {
      throw new CheckError(
        "image",
        `pulling ${ref} was denied: ${stderr}`,
        "Log in to the registry first (docker/login-action, or `docker login`), and check the image name."
      );
    }
    if (/not found|manifest unknown|does not exist/i.test(stderr)) {
      throw new CheckError(
        "image",
        `image ${ref} was not found in its registry: ${stderr}`,
        "Check the image name and tag, or build it first (input `context`, CLI `--context`)."
      );
    }
    throw new CheckError(
      "image",
      `pulling ${ref} failed: ${stderr || `exit code ${result.exitCode}`}`,
      "Check that the registry is reachable from this runner and the image name is right."
    );
  }
  currentBuilder;
  /**
   * What `docker build` builds with, asked once: buildx and its current builder's driver
   * (read from `docker buildx inspect` as docker/actions-toolkit reads it), or the docker
   * CLI's own builder when buildx is not installed or DOCKER_BUILDKIT=0 asks for it.
   */
  builder() {
    this.currentBuilder ??= (async () => {
      if (process.env["DOCKER_BUILDKIT"] === "0")
        return { kind: "docker-build", buildKitOff: true };
      const result = await this.exec(["buildx", "inspect"], { timeoutMs: 6e4 });
      if (result.exitCode !== 0) {
        if (/unknown command|is not a docker command|unknown flag/i.test(result.stderr))
          return { kind: "docker-build", buildKitOff: false };
        throw dockerFailure("docker buildx inspect", result);
      }
      return {
        kind: "buildx",
        name: /^Name:\s*(\S+)/m.exec(result.stdout)?.[1] ?? "default",
        driver: /^Driver:\s*(\S+)/m.exec(result.stdout)?.[1] ?? "docker"
      };
    })();
    return this.currentBuilder;
  }
  /** Builds an image into the local image store and returns its id. */
  async build(request) {
    for (const [id, path2] of Object.entries(request.secretFiles)) {
      if (!await isFile(path2)) {
        throw new CheckError(
          "input",
          `the secret file for ${id} is not a readable file: ${path2}`,
          "Check the path in secret-files (relative to the repository root), and that an earlier step wrote it."
        );
      }
    }
    const builder = await this.builder();
    const needsBuildKit = Object.keys(request.secrets).length > 0 || Object.keys(request.secretFiles).length > 0 || request.ssh.length > 0;
    if (needsBuildKit && builder.kind === "docker-build") {
      throw new CheckError(
        "usage",
        builder.buildKitOff ? "build secrets and SSH need BuildKit, and DOCKER_BUILDKIT=0 turns it off" : "build secrets and SSH need BuildKit through buildx, and this docker CLI has no buildx",
        builder.buildKitOff ? "Unset DOCKER_BUILDKIT, or build without secrets and ssh." : "Install buildx (Docker's docker-buildx-plugin package, or docker/setup-buildx-action on a runner), or build without secrets and ssh."
      );
    }
    const workdir = await mkdtemp(join2(tmpdir(), "nonroot-guard-build-"));
    const iidFile = join2(workdir, "iid");
    try {
      const secretFiles = { ...request.secretFiles };
      let index = 0;
      for (const [id, value] of Object.entries(request.secrets)) {
        const file = join2(workdir, `secret-${index++}`);
        await writeFile2(file, value, { mode: 384 });
        secretFiles[id] = file;
      }
      const result = await this.exec(buildArgs(request, iidFile, builder, secretFiles), {
        onOutput: request.onOutput,
        maxOutputBytes: 1024 * 1024
      });
      if (result.exitCode !== 0) {
        throw new CheckError(
          "image",
          `docker build failed (exit code ${result.exitCode})`,
          "Fix the build error above; the same command must work with `docker build` on your machine.",
          `last lines of the build output:
${lastLines(result.stdout + "\n" + result.stderr, BUILD_LOG_TAIL_LINES)}`
        );
      }
      return (await readFile(iidFile, "utf8")).trim();
    } finally {
      await rm2(workdir, { recursive: true, force: true });
    }
  }
  /**
   * Reads /etc/passwd and /etc/group from the image's filesystem without
   * running it: a container made as the probe's is (createContainer), of the
   * platform asked for, never started, read as readAccountFilesOf reads it,
   * and removed.
   */
  async readAccountFiles(ref, platform2) {
    const name = `nonroot-guard-accounts-${randomBytes3(6).toString("hex")}`;
    const created = await this.createContainer(
      {
        name,
        image: ref,
        platform: platform2,
        entrypoint: "/nonroot-guard-never-started",
        args: [],
        limits: DEFAULT_PROBE_LIMITS
      },
      6e4
    );
    try {
      if (created.exitCode !== 0) throw dockerFailure(`docker create ${ref}`, created);
      return (await this.readAccountFilesOf(name)).files;
    } finally {
      await this.removeContainer(name);
    }
  }
  /**
   * The account files of a created container as the daemon will read them
   * when it starts it: symlinks resolved inside the image, before anything is
   * mounted. Only a regular file is read; a device node, FIFO or socket is
   * known from its stat or tar header and never opened (by us or, since the
   * caller then starts nothing, by the daemon). With `content: false` a
   * regular file's content is left unread where the engine can say its size
   * without it (the Engine API's stat): it is `unread`, null in the files.
   */
  async readAccountFilesOf(container, { content = true } = {}) {
    const notes = [];
    const unsafe = [];
    const unread = [];
    const [passwd, group2] = await Promise.all(
      ACCOUNT_FILES.map(async ({ path: path2, key }) => {
        const file = await this.readImageFile(container, path2, MAX_ACCOUNT_FILE_BYTES, content);
        switch (file.kind) {
          case "file":
            return file.text;
          case "regular":
            unread.push({ path: path2, key, size: file.size });
            break;
          case "missing":
            notes.push(missingFileNote(path2));
            break;
          case "not-regular":
            unsafe.push({ path: path2, what: `is ${article(file.type)} in the image`, started: false });
            break;
          case "too-large":
            notes.push(
              `${path2} is ${file.size} bytes, over the ${MAX_ACCOUNT_FILE_BYTES}-byte limit`
            );
            break;
          case "unreadable":
            notes.push(`${path2} could not be read from the image: ${file.reason}`);
            break;
        }
        return null;
      })
    );
    return { files: { passwd: passwd ?? null, group: group2 ?? null, notes, unsafe }, unread };
  }
  /**
   * One file of a created container, symlinks resolved in the image: by the Engine API on
   * a local socket (api-container.ts), else `docker cp -L`, whose tar header is read first,
   * so anything but a regular file of at most `maxBytes` is recognised from 512 bytes and
   * the copy stopped there. `content: false` leaves a regular file's content unread on the
   * API (its stat gives the size); `docker cp` gives the content with the header, in the
   * one process it costs either way.
   */
  async readImageFile(container, path2, maxBytes, content = true) {
    if (this.socket) return readContainerFile(this.socket, container, path2, maxBytes, content);
    const reader = new FirstFileReader(maxBytes);
    const result = await this.exec(["cp", "-L", `${container}:${path2}`, "-"], {
      timeoutMs: 6e4,
      readStdout: (chunk) => reader.feed(chunk)
    });
    const { outcome, malformed } = reader;
    if (outcome) return outcome;
    if (malformed) return { kind: "unreadable", reason: `docker cp gave ${malformed}` };
    if (result.timedOut) throw dockerFailure(`docker cp ${path2}`, result);
    if (result.exitCode !== 0) {
      if (/sockets not supported/i.test(result.stderr))
        return { kind: "not-regular", type: "socket" };
      if (/could not find|no such file|not found|no such container:path/i.test(result.stderr))
        return { kind: "missing" };
      return {
        kind: "unreadable",
        reason: lastLines(result.stderr, 1) || `exit code ${result.exitCode}`
      };
    }
    return { kind: "unreadable", reason: "docker cp ended before the file was complete" };
  }
  /**
   * Creates the probe's container (the Engine API on a local socket, else `docker create`);
   * the caller judges the result (a hostile image can make it slow).
   */
  createContainer(spec, timeoutMs) {
    if (this.socket) return createContainer(this.socket, spec, timeoutMs);
    return this.exec(["create", ...createArgs(spec)], { timeoutMs });
  }
  copyInto(container, source, destination) {
    return this.exec(["cp", source, `${container}:${destination}`], { timeoutMs: 6e4 });
  }
  /** Starts a created container and waits for it, with its stdout and stderr apart. */
  startAttached(container, timeoutMs) {
    if (this.socket) {
      return startAttached(this.socket, container, timeoutMs, MAX_CONTAINER_OUTPUT_BYTES);
    }
    return this.exec(["start", "--attach", container], {
      timeoutMs,
      maxOutputBytes: MAX_CONTAINER_OUTPUT_BYTES
    });
  }
  /** Removes a container whatever its state, with its anonymous volumes; true when it is gone. */
  async removeContainer(container) {
    if (this.socket) return removeContainer(this.socket, container);
    const result = await this.exec(["rm", "--force", "--volumes", container], {
      timeoutMs: 6e4
    });
    return result.exitCode === 0 || /no such container/i.test(result.stderr);
  }
};
function article(type) {
  if (type === "other") return "not a regular file";
  return type === "fifo" ? "a FIFO" : `a ${type}`;
}
function storeOf(driverStatus) {
  return /io\.containerd\.snapshotter/.test(driverStatus) ? "containerd" : "classic";
}
function checkedEngine(os5, arch2, version) {
  if (os5 !== "linux") {
    throw new CheckError(
      "platform",
      `the Docker engine runs ${os5} containers; nonroot-guard checks Linux images`,
      "Run on a Linux runner (runs-on: ubuntu-latest) or switch Docker Desktop to Linux containers."
    );
  }
  return { os: os5, arch: arch2, version };
}
function buildArgs(request, iidFile, builder, secretFiles) {
  const args = builder.kind === "buildx" ? ["buildx", "build", ...builder.driver === "docker" ? [] : ["--load"]] : ["build"];
  args.push("--iidfile", iidFile, "--tag", request.tag);
  if (request.dockerfile) args.push("--file", request.dockerfile);
  if (request.target) args.push("--target", request.target);
  if (request.platform) args.push("--platform", request.platform);
  if (request.pull) args.push("--pull");
  for (const [key, value] of Object.entries(request.buildArgs)) {
    args.push("--build-arg", `${key}=${value}`);
  }
  for (const [id, file] of Object.entries(secretFiles)) {
    args.push("--secret", [`id=${id}`, `src=${file}`].map(csvField).join(","));
  }
  for (const spec of request.ssh) args.push("--ssh", spec);
  args.push(request.context);
  return args;
}
function csvField(field) {
  return /[",\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}
async function isFile(path2) {
  try {
    return (await stat2(path2)).isFile();
  } catch {
    return false;
  }
}
function dockerFailure(what, result) {
  const reason = result.timedOut ? "timed out" : lastLines(result.stderr, 5) || `exit code ${result.exitCode}`;
  const workdir = /Cannot mkdir: (.+) is not a directory/.exec(result.stderr);
  if (workdir) {
    return new CheckError(
      "docker",
      `${what} failed: the image's WORKDIR ${workdir[1]} is not a directory, so no container can be created from it (docker: ${reason})`,
      "Fix the image: WORKDIR must be a directory; a later layer replaced it with a file or a device node."
    );
  }
  return new CheckError("docker", `${what} failed: ${reason}`, ENGINE_HEALTHY_HINT);
}

// src/source/docker/probe-container.ts
import { randomBytes as randomBytes4 } from "node:crypto";
function defaultTransfer(env = process.env) {
  const forced = environmentValue(PROBE_TRANSFER, env);
  if (forced) return forced;
  const host = env["DOCKER_HOST"];
  return host && !host.startsWith("unix://") ? "copy" : "mount";
}
var CLI_LOG_LINE = /^time="[^"]*" level=\w+ msg=.*$/;
function failureReason(result, limits, arch2) {
  const answer = result.stderr.split("\n").filter((line) => !CLI_LOG_LINE.test(line)).join("\n");
  const stderr = lastLines(answer, 3);
  if (result.timedOut) {
    return `the probe did not finish within ${limits.timeoutMs / 1e3} s and was stopped`;
  }
  if (/exec format error/i.test(stderr)) {
    return `the probe cannot execute in this container (exec format error) on this ${arch2} engine`;
  }
  if (result.exitCode === 137) {
    return `the probe was killed (exit 137), most likely out of memory under its ${limits.memory} limit`;
  }
  return `the probe container failed (exit code ${result.exitCode})${stderr ? `: ${stderr}` : ""}`;
}
function mountDidNotReach(created) {
  return /bind source path does not exist/i.test(created.stderr);
}
function withPrinted(read, output, shown) {
  const files = { ...read.files };
  const unread = [];
  for (const file of read.unread) {
    const text4 = shown?.[file.key] ?? null;
    if (text4 !== null && output.identity[file.key] === "ok" && Buffer.byteLength(text4, "utf8") === file.size) {
      files[file.key] = text4;
    } else {
      unread.push(file);
    }
  }
  return { files, unread };
}
var CLEANUP_GRACE_MS = 15e3;
var SLOW_CREATE_MS = 2e3;
var TIMED_OUT = /* @__PURE__ */ Symbol("timed out");
function beforeDeadline(work, deadline) {
  let timer;
  const timeout = new Promise((resolve5) => {
    timer = setTimeout(() => resolve5(TIMED_OUT), Math.max(0, deadline - Date.now()));
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
async function runProbe(docker, image, ports, engineArch, options = {}) {
  const limits = options.limits ?? probeLimits();
  const started = Date.now();
  const notes = [];
  const failed = (reason, container, accountFiles) => ({
    ok: false,
    reason,
    elapsedMs: Date.now() - started,
    container,
    accountFiles,
    notes
  });
  const cannotPass = unpassable(image);
  if (cannotPass) return failed(cannotPass, "", null);
  const binary = options.binary ?? probeBinary(engineArch);
  const ownPath = probePath();
  const probeArgs = [...probeArguments(image, ports, ownPath), ACCOUNT_FILES_FLAG];
  const deadline = started + limits.timeoutMs;
  const timedOut = (container, accountFiles) => failed(
    `the probe did not finish within ${limits.timeoutMs / 1e3} s and was stopped`,
    container,
    accountFiles
  );
  const attempt = async (transfer2) => {
    const container = `nonroot-guard-probe-${randomBytes4(6).toString("hex")}`;
    const createStarted = Date.now();
    const create = docker.createContainer(
      {
        name: container,
        image: image.id,
        platform: options.platform,
        entrypoint: ownPath,
        args: probeArgs,
        limits,
        mountSource: transfer2 === "mount" ? binary : void 0
      },
      limits.timeoutMs + CLEANUP_GRACE_MS
    );
    let accountFiles = null;
    try {
      const created = await beforeDeadline(create, deadline);
      if (created === TIMED_OUT) {
        const late = await create;
        const made = late.exitCode === 0 && !late.timedOut;
        return timedOut(
          container,
          made ? (await docker.readAccountFilesOf(container)).files : null
        );
      }
      if (created.exitCode !== 0) {
        if (transfer2 === "mount" && mountDidNotReach(created)) return "mount-did-not-reach";
        throw dockerFailure(`docker create ${image.ref}`, created);
      }
      const createMs = Date.now() - createStarted;
      if (createMs > SLOW_CREATE_MS && image.volumes.length > 0) {
        notes.push(
          `creating the probe container took ${(createMs / 1e3).toFixed(1)} s: docker first copies the image's files at VOLUME ${image.volumes.join(", ")} into new anonymous volumes`
        );
      }
      if (transfer2 === "copy") {
        const copied2 = await docker.copyInto(container, binary, ownPath);
        if (copied2.exitCode !== 0) {
          return failed(failureReason(copied2, limits, engineArch), container, accountFiles);
        }
      }
      const read = await docker.readAccountFilesOf(container, { content: false });
      const beforeStart = async () => read.unread.length === 0 ? read.files : (await docker.readAccountFilesOf(container)).files;
      if (read.files.unsafe.length > 0) {
        const what = read.files.unsafe.map((file) => `${file.path} ${file.what}`).join("; ");
        return failed(
          `no container of the image was started: ${what}, and the Docker daemon itself opens it to start any container`,
          container,
          await beforeStart()
        );
      }
      if (Date.now() >= deadline) return timedOut(container, await beforeStart());
      accountFiles = read.unread.length === 0 ? read.files : null;
      const result2 = await docker.startAttached(container, deadline - Date.now());
      if (result2.timedOut) return timedOut(container, accountFiles);
      if (result2.exitCode !== 0) {
        return failed(failureReason(result2, limits, engineArch), container, accountFiles);
      }
      try {
        const { output, shown } = parseProbeDocument(result2.stdout);
        const printed = withPrinted(read, output, shown);
        const files = printed.unread.length === 0 ? printed.files : await docker.readAccountFiles(image.id, options.platform);
        files.unsafe.push(...differentInside(output, shown, files));
        const elapsedMs = Date.now() - started;
        return { ok: true, output, accountFiles: files, elapsedMs, transfer: transfer2, notes };
      } catch (error2) {
        return failed(
          `the probe's output could not be read: ${error2.message}`,
          container,
          accountFiles
        );
      }
    } finally {
      const pending = await create.catch(() => null);
      const removed = await docker.removeContainer(container);
      if (!removed || pending?.timedOut) {
        notes.push(
          `the probe container ${container} may be left behind: remove it with \`docker rm --force --volumes ${container}\``
        );
      }
    }
  };
  const transfer = options.transfer ?? defaultTransfer();
  const result = await attempt(transfer);
  if (result !== "mount-did-not-reach") return result;
  const copied = await attempt("copy");
  if (copied === "mount-did-not-reach") throw new Error("the copy transfer mounts nothing");
  return copied;
}

// src/source/docker/source.ts
var DockerSource = class {
  constructor(docker = new Docker()) {
    this.docker = docker;
  }
  docker;
  engine() {
    return this.docker.engine();
  }
  inspect(ref) {
    return this.docker.inspect(ref);
  }
  inspectPlatform(image, platform2) {
    return this.docker.inspectPlatform(image, platform2);
  }
  platforms(image) {
    return this.docker.platforms(image);
  }
  pull(ref, platform2) {
    return this.docker.pull(ref, platform2);
  }
  build(request) {
    return this.docker.build(request);
  }
  removeImage(ref) {
    return this.docker.removeImage(ref);
  }
  readAccountFiles(ref, platform2) {
    return this.docker.readAccountFiles(ref, platform2);
  }
  runProbe(request) {
    return runProbe(this.docker, request.image, request.ports, request.engineArch, {
      limits: request.limits,
      binary: request.binary,
      platform: request.platform
    });
  }
};

// src/options/options.ts
var COMMENT_MODES = ["auto", "always", "off"];
var OPTIONS = {
  image: {
    flag: {
      value: "REF",
      help: [
        "the image to check (pulled when missing; built and tagged",
        "REF with --context; produced by --build-command)"
      ]
    },
    input: {}
  },
  context: { flag: { value: "DIR", help: ["build the image from DIR first"] }, input: {} },
  dockerfile: {
    flag: {
      value: "PATH",
      help: [
        "the Dockerfile (default DIR/Dockerfile); with --image alone,",
        "map findings to its lines without building"
      ]
    },
    input: {}
  },
  target: { flag: { value: "STAGE", help: ["build (and judge) this stage"] }, input: {} },
  "build-args": {
    flag: {
      name: "build-arg",
      value: "K=V",
      multiple: true,
      help: ["a build argument (repeatable)"]
    },
    input: { list: true }
  },
  secrets: {
    flag: {
      name: "secret",
      value: "ID=VALUE",
      multiple: true,
      help: [
        "a build secret for RUN --mount=type=secret,id=ID (repeatable;",
        "other users of this machine can see argv: prefer --secret-file)"
      ]
    },
    input: { list: true }
  },
  "secret-files": {
    flag: {
      name: "secret-file",
      value: "ID=PATH",
      multiple: true,
      help: ["a build secret read from the file PATH (repeatable)"]
    },
    input: { list: true }
  },
  ssh: {
    flag: {
      value: "SPEC",
      multiple: true,
      help: [
        "an SSH agent socket or keys for RUN --mount=type=ssh: `default`,",
        "or ID=PATH (repeatable)"
      ]
    },
    input: { list: true }
  },
  platform: {
    flag: {
      value: "P",
      help: [
        "the platforms to build, pull and check, comma-separated (e.g.",
        "linux/amd64,linux/arm64); default: every platform the image has"
      ]
    },
    input: {}
  },
  pull: { flag: { help: ["always pull (the image, or the base image of a build)"] }, input: {} },
  "keep-image": {
    flag: {
      help: [
        "keep the image a --context build without --image made (tagged",
        "nonroot-guard-check:\u2026); by default it is removed after the check"
      ]
    },
    input: {}
  },
  "build-command": {
    flag: {
      value: "CMD",
      help: [
        "a command that produces --image (e.g. dotnet publish",
        "-t:PublishContainer); run without a shell"
      ]
    },
    input: {}
  },
  policy: {
    flag: {
      value: "FILE",
      help: [
        "a policy file (default: .github/nonroot-guard.yml when it",
        `exists); see the README's "Policy file"`
      ]
    },
    input: {}
  },
  preset: {
    flag: {
      value: "NAME",
      help: [
        "baseline, restricted or hardened; overrides the policy",
        "file's preset (default baseline)"
      ]
    },
    input: {}
  },
  manifests: {
    flag: {
      value: "GLOB",
      multiple: true,
      help: [
        "Kubernetes manifests that run the image (repeatable):",
        "predicts the kubelet's runAsNonRoot refusal and checks",
        'the "restricted" Pod Security Standard'
      ]
    },
    input: { list: true }
  },
  "manifest-image": {
    flag: {
      value: "REF",
      help: [
        "the image as the manifests name it (default: --image);",
        "without a tag, any tag of that repository"
      ]
    },
    input: {}
  },
  "fail-on": {
    flag: {
      value: "LEVEL",
      choices: "error|warning|never",
      help: ["error (default), warning or never"]
    },
    input: {}
  },
  probe: {
    flag: {
      value: "MODE",
      choices: "required|optional",
      help: [
        "required (default): a probe that cannot run fails the",
        "check; optional: its rules are skipped, with the reason"
      ]
    },
    input: {}
  },
  // The action's only: where to write SARIF (unset: a file in RUNNER_TEMP).
  "sarif-file": { input: {} },
  // The action's only: how the report reaches the pull request.
  comment: { input: {} },
  "comment-id": { input: {} },
  suggestions: { input: {} },
  // action.yml gives `${{ github.token }}`: only an expression there can read it.
  "github-token": { input: {} },
  // Post this JSON report (another run's) instead of checking: the fork-safe recipe.
  "report-file": { input: {} },
  "pr-number": { input: {} }
};
var entries = Object.entries(OPTIONS);
var FLAG_OPTIONS = entries.flatMap(
  ([key, option]) => option.flag ? [{ key, name: option.flag.name ?? key, flag: option.flag }] : []
);
var INPUT_OPTIONS = entries.flatMap(
  ([key, option]) => option.input ? [{ key, list: option.input.list === true }] : []
);

// src/options/schemas.ts
var text2 = optional(
  pipe(
    string(),
    transform((value) => value.trim() || void 0)
  )
);
var buildArg = string().check(
  refine((value) => /^[A-Za-z_][A-Za-z0-9_]*=/.test(value), {
    message: "expected KEY=VALUE (e.g. APP_VERSION=1.2)"
  })
);
function idValue(expected) {
  return string().check(
    refine((value) => /^[A-Za-z0-9_.-]+=/.test(value), { message: `expected ${expected}` })
  );
}
function splitPairs(entries2) {
  return Object.fromEntries(
    entries2.map((entry) => {
      const eq = entry.indexOf("=");
      return [entry.slice(0, eq), entry.slice(eq + 1)];
    })
  );
}
var PLATFORM = /^[a-z0-9][a-z0-9._-]*\/[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)?$/;
var platforms = optional(
  pipe(
    string(),
    transform((value) => {
      const list = value.split(/[,\n]/).map((entry) => entry.trim()).filter((entry) => entry !== "");
      return list.length > 0 ? [...new Set(list)] : void 0;
    })
  ).check(
    refine((list) => list === void 0 || list.every((entry) => PLATFORM.test(entry)), {
      message: "expected os/arch[/variant], comma-separated (e.g. linux/amd64,linux/arm64)"
    })
  )
);
var booleanText = union([
  boolean(),
  pipe(
    _enum(["true", "True", "TRUE", "false", "False", "FALSE", ""]),
    transform((value) => value.toLowerCase() === "true")
  )
]);
var SCHEMAS = {
  image: text2,
  context: text2,
  dockerfile: text2,
  target: text2,
  // KEY=VALUE lines in, a record out (the first '=' splits).
  "build-args": pipe(
    _default(array(buildArg), []),
    transform((entries2) => splitPairs(entries2))
  ),
  // ID=VALUE lines in, a record out; the values are secrets and are never logged.
  secrets: pipe(
    _default(array(idValue("ID=VALUE (e.g. npm_token=\u2026)")), []),
    transform((entries2) => splitPairs(entries2))
  ),
  "secret-files": pipe(
    _default(array(idValue("ID=PATH (e.g. npmrc=.npmrc)")), []),
    transform((entries2) => splitPairs(entries2))
  ),
  // `default`, `default=PATH`, `ID=PATH[,PATH…]`: docker build's --ssh as it is.
  ssh: _default(
    array(
      string().check(
        _trim(),
        refine((value) => /^[A-Za-z0-9_.-]+(=.+)?$/.test(value), {
          message: "expected default or ID=PATH (e.g. default=/run/ssh-agent.sock)"
        })
      )
    ),
    []
  ),
  platform: platforms,
  pull: _default(booleanText, false),
  "keep-image": _default(booleanText, false),
  "build-command": text2,
  policy: text2,
  // No default here: unset means the policy file's preset, whose default is baseline.
  preset: optional(_enum(PRESETS)),
  manifests: _default(array(string().check(_trim(), _minLength(1))), []),
  "manifest-image": text2,
  "fail-on": _default(_enum(FAIL_ON), "error"),
  probe: _default(_enum(PROBE_MODES), "required"),
  // The action's only: where to write SARIF (unset: a file in RUNNER_TEMP).
  "sarif-file": text2,
  // The action's only: how the report reaches the pull request.
  comment: _default(_enum(COMMENT_MODES), "auto"),
  "comment-id": text2,
  suggestions: _default(booleanText, true),
  "github-token": text2,
  // Post this JSON report (another run's) instead of checking: the fork-safe recipe.
  "report-file": text2,
  "pr-number": optional(
    pipe(
      union([number(), string().check(_trim())]),
      transform((value) => value === "" ? void 0 : Number(value))
    ).check(
      refine((value) => value === void 0 || Number.isSafeInteger(value) && value > 0, {
        message: "expected a pull request number, e.g. 42"
      })
    )
  )
};
var optionsSchema = strictObject(SCHEMAS);

// src/options/parse.ts
var camelCase = (key) => key.replace(/-([a-z])/g, (_, letter) => letter.toUpperCase());
function optionName(key, flagPrefix) {
  return flagPrefix === "--" ? `--${key}` : `input "${key}"`;
}
function parseOptions(raw, flagPrefix) {
  const result = optionsSchema.safeParse(raw);
  if (!result.success) {
    const issue2 = result.error.issues[0];
    const key = String(issue2.path[0] ?? "");
    const name = optionName(key, flagPrefix);
    throw new CheckError("usage", `${name}: ${issue2.message}`, usageHint(key));
  }
  const options = result.data;
  if (options["report-file"]) {
    const checking = ["image", "context", "dockerfile", "build-command"].find(
      (key) => options[key]
    );
    if (checking) {
      throw new CheckError(
        "usage",
        `input "report-file" posts a report and checks nothing; it cannot go with "${checking}"`,
        "Use report-file in the workflow that posts (workflow_run), and image/context in the one that checks."
      );
    }
  } else if (!options.image && !options.context && !options["build-command"]) {
    throw new CheckError(
      "usage",
      "nothing to check: give an image, a build context, or both",
      flagPrefix === "--" ? "Use --image REF to check an existing image, or --context DIR to build one." : 'Set the input "image" to check an existing image, or "context" to build one.'
    );
  }
  if (options.image && !isImageReference(options.image)) {
    throw new CheckError(
      "usage",
      `${optionName("image", flagPrefix)}: ${JSON.stringify(options.image)} is not an image reference`,
      "Give an image name such as app:1.0 or ghcr.io/org/app:pr-42 (lowercase, no spaces), or an image id."
    );
  }
  if (options["build-command"] && !options.image) {
    throw new CheckError(
      "usage",
      `${flagPrefix}build-command needs ${flagPrefix}image: the name of the image the command produces`,
      "Name the image your command tags, e.g. image: myapp:pr (and -p:ContainerRepository=myapp for dotnet publish)."
    );
  }
  return Object.fromEntries(
    Object.entries(options).map(([key, value]) => [camelCase(key), value])
  );
}
function usageHint(key) {
  switch (key) {
    case "preset":
      return `Use one of: ${PRESETS.join(", ")}.`;
    case "fail-on":
      return `Use one of: ${FAIL_ON.join(", ")}.`;
    case "probe":
      return `Use one of: ${PROBE_MODES.join(", ")}.`;
    case "comment":
      return `Use one of: ${COMMENT_MODES.join(", ")}.`;
    case "pull":
    case "suggestions":
      return "Use true or false.";
    case "pr-number":
      return "Give the number only, e.g. pr-number: ${{ steps.pr.outputs.number }}.";
    case "build-args":
      return "Give one KEY=VALUE per line (action) or per --build-arg flag (CLI).";
    default:
      return void 0;
  }
}

// src/report/annotations.ts
var TITLES = new Map(RULES.map((rule) => [rule.id, rule.title]));
var ANNOTATIONS_PER_SEVERITY = 10;
function planAnnotations(report) {
  const room = {
    error: ANNOTATIONS_PER_SEVERITY - (report.verdict === "fail" ? 1 : 0),
    warning: ANNOTATIONS_PER_SEVERITY,
    notice: ANNOTATIONS_PER_SEVERITY
  };
  const order = ["error", "warning", "notice"];
  const sorted = [...report.findings].sort(
    (a, b) => order.indexOf(a.severity) - order.indexOf(b.severity)
  );
  const total = sorted.length;
  const overflow = order.some(
    (severity2) => sorted.filter((finding2) => finding2.severity === severity2).length > room[severity2]
  );
  if (overflow) room.notice -= 1;
  const annotations = [];
  for (const finding2 of sorted) {
    if (room[finding2.severity] === 0) continue;
    room[finding2.severity]--;
    annotations.push({
      severity: finding2.severity,
      title: `${finding2.rule} ${TITLES.get(finding2.rule) ?? finding2.name}`,
      // In the log as in the comment: no invisible character may reorder what a reviewer reads.
      message: showInvisible(
        `${onPlatforms(report, finding2)}${finding2.fix ? `${finding2.message}
Fix: ${finding2.fix.summary}` : finding2.message}`
      ),
      ...finding2.location ? { file: finding2.location.file, line: finding2.location.line } : {}
    });
  }
  const left = total - annotations.length;
  if (left > 0) {
    annotations.push({
      severity: "notice",
      title: "Non-root Guard: more findings",
      message: `${left} more finding${left === 1 ? " is" : "s are"} not shown as annotations (GitHub shows ${ANNOTATIONS_PER_SEVERITY} per severity); the job summary and the JSON report list them all.`
    });
  }
  return annotations;
}
function onPlatforms(report, finding2) {
  const platforms2 = findingPlatforms(report, finding2);
  return platforms2 ? `On ${platforms2}: ` : "";
}

// src/report/json.ts
function renderJson(report) {
  return `${JSON.stringify(report, null, 2)}
`;
}

// src/report/sarif.ts
import { createHash } from "node:crypto";
var LEVEL = {
  error: "error",
  warning: "warning",
  notice: "note"
};
var SECURITY_SEVERITY = {
  error: "7.5",
  warning: "5.0",
  notice: "3.0",
  off: "2.0"
};
function ruleDescriptor(rule) {
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.rationale },
    help: {
      text: `${rule.rationale}

How to fix: ${rule.howToFix}`,
      markdown: `${rule.rationale}

**How to fix:** ${rule.howToFix}`
    },
    defaultConfiguration: {
      level: rule.levels.baseline === "off" ? "none" : LEVEL[rule.levels.baseline]
    },
    properties: {
      "security-severity": SECURITY_SEVERITY[rule.levels.baseline],
      tags: ["security", "container", "non-root"]
    }
  };
}
function fingerprint(rule, file, message) {
  return createHash("sha256").update(`${rule}\0${file}\0${message}`).digest("hex").slice(0, 32);
}
function renderSarif(report) {
  const index = new Map(RULES.map((rule, position) => [rule.id, position]));
  const results = report.findings.filter((finding2) => finding2.location !== null).map((finding2) => {
    const location2 = finding2.location;
    const fix = finding2.fix ? `
Fix: ${finding2.fix.summary}` : "";
    const platforms2 = findingPlatforms(report, finding2);
    return {
      ruleId: finding2.rule,
      ruleIndex: index.get(finding2.rule),
      level: LEVEL[finding2.severity],
      message: { text: `${platforms2 ? `On ${platforms2}: ` : ""}${finding2.message}${fix}` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: uriReference(location2.file) },
            region: { startLine: location2.line }
          }
        }
      ],
      partialFingerprints: {
        "nonrootGuard/v1": fingerprint(finding2.rule, location2.file, finding2.message)
      },
      ...platforms2 ? { properties: { platforms: finding2.platforms } } : {}
    };
  });
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            rules: RULES.map(ruleDescriptor)
          }
        },
        // One category per image, so a matrix of images does not overwrite itself.
        automationDetails: { id: `nonroot-guard/${report.image.ref}/` },
        results
      }
    ]
  };
  return `${JSON.stringify(log, null, 2)}
`;
}
function uriReference(path2) {
  return path2.split("/").map(encodeURIComponent).join("/");
}

// src/report/text.ts
var UNSAFE = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f${INVISIBLE_CHARACTERS}]`, "gu");
function safe(value) {
  return value.replace(UNSAFE, (char) => {
    if (char === "\n") return "\\n";
    if (char === "	") return "\\t";
    if (char === "\r") return "\\r";
    const code = char.codePointAt(0);
    return code < 256 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u{${code.toString(16)}}`;
  });
}
function renderText(report) {
  const lines = [];
  const verdict = report.verdict === "pass" ? "PASS" : "FAIL";
  lines.push(`${verdict}  ${safe(report.image.ref)}: ${describeCounts(report)}`);
  if (report.blocked) lines.push(`  blocked     ${safe(report.blocked)}`);
  lines.push(
    `  image       ${safe(report.image.ref)} (${shortId(report.image.id)}, ${safe(report.image.platform)})`
  );
  if (report.platforms.length > 1) {
    const width = Math.max(...report.platforms.map((entry) => entry.platform.length));
    report.platforms.forEach((entry, index) => {
      const { platform: platform2, verdict: verdict2, detail } = describePlatform(entry);
      lines.push(
        `  ${index === 0 ? "platforms " : "          "}  ${safe(platform2.padEnd(width))}  ${verdict2}  ${safe(detail)}`
      );
    });
  }
  lines.push(`  user        ${safe(describeUser(report))}`);
  if (report.dockerfile) {
    const { path: path2, finalStage } = report.dockerfile;
    lines.push(
      `  dockerfile  ${safe(path2)} (final stage${finalStage.name ? ` "${safe(finalStage.name)}"` : ""} FROM ${safe(finalStage.base)}, line ${finalStage.line})`
    );
  }
  lines.push(`  probe       ${safe(describeProbe(report))}`);
  lines.push(`  policy      ${safe(describePolicy(report))}`);
  for (const change of describePolicyChanges(report)) lines.push(`              ${safe(change)}`);
  const diffs = distinctDiffs(report);
  const shown = /* @__PURE__ */ new Set();
  for (const finding2 of report.findings) {
    lines.push("");
    const platforms2 = findingPlatforms(report, finding2);
    lines.push(
      `${finding2.severity.padEnd(8)}${finding2.rule} ${finding2.name}  ${safe(locationText(finding2.location))}${platforms2 ? `  [${safe(platforms2)}]` : ""}`
    );
    lines.push(`  ${safe(finding2.message)}`);
    if (finding2.fix) lines.push(`  fix: ${safe(finding2.fix.summary)}`);
    const diff = finding2.fix?.diff;
    if (diff && shown.has(diff)) {
      const first = diffs.find((group2) => group2.diff === diff).rules[0];
      lines.push(`    (the same change as ${first} above)`);
    } else if (diff) {
      shown.add(diff);
      for (const line of diff.replace(/\n$/, "").split("\n")) lines.push(`    ${safe(line)}`);
    }
  }
  if (report.skipped.length > 0) {
    lines.push("");
    for (const { rules, reason } of skippedByReason(report)) {
      lines.push(`skipped ${rules.join(", ")}: ${safe(reason)}`);
    }
  }
  if (report.notes.length > 0) {
    lines.push("");
    for (const note of report.notes) lines.push(`note: ${safe(note)}`);
  }
  return `${lines.join("\n")}
`;
}

// src/report/schema.ts
var text3 = string().check(_maxLength(1e5));
var shortText = string().check(_maxLength(4096));
var count = int().check(_nonnegative());
var ruleId = string().check(_regex(/^NR\d{3}$/));
var ruleName = string().check(_regex(/^[a-z0-9-]{1,64}$/));
var severity = _enum(["error", "warning", "notice"]);
var level = _enum(["error", "warning", "notice", "off"]);
var location = nullable(object({ file: shortText, line: int().check(_positive()) }));
var probe = probeSchema.shape;
var capabilities = array(string().check(_regex(/^[A-Z_0-9]{1,32}$/))).check(_maxLength(64));
var finding = object({
  rule: ruleId,
  name: ruleName,
  severity,
  message: text3,
  location,
  fix: nullable(object({ summary: text3, diff: nullable(text3) })),
  // Added after schemaVersion 1 first shipped: a report of an earlier version has none.
  /** The platforms of the image the finding holds for. */
  platforms: _default(array(shortText).check(_maxLength(64)), [])
});
var counts = object({ error: count, warning: count, notice: count });
var probeStatus2 = discriminatedUnion("status", [
  object({ status: literal("ok"), elapsedMs: count }),
  object({ status: literal("failed"), reason: text3 }),
  object({ status: literal("user-error"), reason: text3 })
]);
var imageUser = object({
  config: shortText,
  uid: nullable(int()),
  gid: nullable(int()),
  // Added after schemaVersion 1 first shipped: a report of an earlier version has neither.
  /** The groups the process has (the primary one too), sorted; null when it cannot start. */
  groups: _default(nullable(array(int()).check(_maxLength(65536))), null),
  name: nullable(shortText),
  home: nullable(shortText),
  /** Why the runtime refuses to start the container as this user, in its words; else null. */
  startError: _default(nullable(text3), null)
});
var platformEntry = object({
  platform: shortText,
  verdict: _enum(["pass", "fail", "not-checked"]),
  /** Why the platform fails with no finding (see `blocked`), or why it was not checked; else null. */
  reason: nullable(text3),
  /** The digest of this platform's manifest in the image's index; null when the image is not an index. */
  manifest: nullable(shortText),
  summary: nullable(counts),
  user: nullable(imageUser),
  probe: nullable(probeStatus2)
});
var reportSchema = object({
  schemaVersion: literal(1),
  tool: object({
    name: literal("nonroot-guard"),
    version: string().check(_regex(/^[0-9A-Za-z.+-]{1,64}$/))
  }),
  verdict: _enum(["pass", "fail"]),
  /** Why the verdict is fail although no finding says so (a required probe that could not run), or null. */
  blocked: nullable(text3),
  /** The image facts exactly as normalised from `docker inspect`. */
  image: object({
    ref: shortText,
    id: shortText,
    repoDigests: array(shortText).check(_maxLength(1e3)),
    platform: shortText,
    user: shortText,
    workdir: shortText,
    entrypoint: array(text3).check(_maxLength(1e3)),
    cmd: array(text3).check(_maxLength(1e3)),
    env: record(shortText, text3),
    exposedPorts: array(shortText).check(_maxLength(1e4)),
    volumes: array(shortText).check(_maxLength(1e4)),
    labels: record(shortText, text3)
  }),
  dockerfile: nullable(
    object({
      path: shortText,
      finalStage: object({
        name: nullable(shortText),
        line: int().check(_positive()),
        base: shortText
      }),
      /** The USER instruction that sets the image's user, or null when the base image decides. */
      user: nullable(
        object({ line: int().check(_positive()), raw: shortText, value: shortText })
      )
    })
  ),
  /** What became of the in-container probe: ok, failed (with the reason) or user-error. */
  probe: probeStatus2,
  /** Facts the probe measured inside the image as its user; null when it could not run. */
  runtime: nullable(
    object({
      uid: int(),
      gid: int(),
      groups: array(int()).check(_maxLength(65536)),
      name: nullable(shortText),
      home: nullable(shortText),
      /** The probe started as root (to see the whole filesystem) and became the image's user. */
      switched: boolean(),
      userError: nullable(text3),
      accountFiles: object({
        passwd: probe.identity.shape.passwd,
        group: probe.identity.shape.group
      }),
      capabilities: object({
        effective: capabilities,
        permitted: capabilities,
        bounding: capabilities,
        ambient: capabilities
      }),
      noNewPrivs: boolean(),
      seccomp: _enum(["disabled", "strict", "filter"]),
      paths: probe.paths,
      writableDirs: probe.writableDirs,
      setid: probe.setid,
      fileCaps: probe.fileCaps,
      tools: probe.tools,
      ports: probe.ports,
      walk: probe.walk,
      probe: probe.probe
    })
  ),
  /** The image user as the runtime resolves it from the image's own /etc/passwd and /etc/group. */
  user: imageUser,
  /** The policy in force and where each part came from. */
  policy: object({
    preset: _enum(PRESETS),
    presetSource: _enum(["input", "file", "default"]),
    file: nullable(shortText),
    failOn: _enum(FAIL_ON),
    probe: _enum(PROBE_MODES),
    /** Rules whose level the policy file changed from the preset's. */
    overrides: array(object({ rule: ruleId, name: ruleName, preset: level, level })).check(_maxLength(100)),
    /** Findings an ignore entry removed, with its reason. */
    ignored: array(
      object({
        rule: ruleId,
        path: nullable(shortText),
        reason: text3,
        expires: nullable(shortText),
        count
      })
    ).check(_maxLength(1e3)),
    allow: object({
      writable: array(shortText).check(_maxLength(1e3)),
      setid: array(shortText).check(_maxLength(1e3)),
      incompleteWalk: _default(array(shortText).check(_maxLength(1e3)), []),
      ports: array(int().check(_gte(0), _lte(65535))).check(_maxLength(1e3)),
      portVariables: array(shortText).check(_maxLength(1e3))
    })
  }),
  summary: counts,
  findings: array(finding).check(_maxLength(1e5)),
  skipped: array(object({ rule: ruleId, reason: text3 })).check(_maxLength(1e3)),
  // Added after schemaVersion 1 first shipped: a report of an earlier version has none.
  /**
   * Each platform of the image, in the order judged: a multi-platform image's are all here
   * (the top-level image, user, probe and runtime are the first one's); the verdict fails
   * when any platform fails.
   */
  platforms: _default(array(platformEntry).check(_maxLength(64)), []),
  /** Things a person should know that are not findings (e.g. a Dockerfile that disagrees with the image). */
  notes: array(text3).check(_maxLength(1e3))
});
function parseReport(value) {
  const result = reportSchema.safeParse(value);
  if (result.success) return { report: result.data };
  const issue2 = result.error.issues[0];
  const where = issue2.path.length > 0 ? issue2.path.join(".") : "(the document)";
  return { problem: `${where}: ${issue2.message}` };
}

// src/shared/version.ts
var VERSION = true ? "0.1.0" : "0.0.0-dev";

// src/action/main.ts
function readInputs() {
  const raw = {};
  for (const { key, list } of INPUT_OPTIONS) {
    raw[key] = list ? getMultilineInput(key).filter((line) => line.trim() !== "") : getInput(key) || void 0;
  }
  for (const line of raw.secrets ?? []) {
    const value = line.slice(line.indexOf("=") + 1);
    if (value) setSecret(value);
  }
  return raw;
}
function readRunContext(prNumber) {
  const env = process.env;
  const eventName = env["GITHUB_EVENT_NAME"] ?? "";
  let payload = {};
  try {
    if (env["GITHUB_EVENT_PATH"])
      payload = JSON.parse(readFileSync(env["GITHUB_EVENT_PATH"], "utf8"));
  } catch (error2) {
    warning(`could not read the event payload: ${error2.message}`);
  }
  const repository = parseRepository(env["GITHUB_REPOSITORY"]);
  const serverUrl = env["GITHUB_SERVER_URL"] || "https://github.com";
  return {
    eventName,
    target: repository ? pullRequestOf(eventName, payload, repository, prNumber) : null,
    apiUrl: env["GITHUB_API_URL"] || "https://api.github.com",
    serverUrl,
    runUrl: repository && env["GITHUB_RUN_ID"] ? `${serverUrl}/${repository.owner}/${repository.repo}/actions/runs/${env["GITHUB_RUN_ID"]}` : void 0,
    actor: env["GITHUB_ACTOR"]
  };
}
function defaultCommentId(options) {
  if (options.image) return options.image;
  const dockerfile = options.dockerfile ?? join3(options.context ?? ".", "Dockerfile");
  return options.target ? `${dockerfile}#${options.target}` : dockerfile;
}
async function writeReportFile(report) {
  const directory = process.env["RUNNER_TEMP"] || process.cwd();
  const path2 = join3(directory, `nonroot-guard-report-${process.pid}.json`);
  await writeFile3(path2, renderJson(report));
  return path2;
}
function annotate(report) {
  const emit = { error, warning, notice };
  for (const annotation of planAnnotations(report)) {
    emit[annotation.severity](annotation.message, {
      title: annotation.title,
      file: annotation.file,
      startLine: annotation.line
    });
  }
}
async function writeSarifFile(report, requested) {
  const workspace = process.env["GITHUB_WORKSPACE"] || process.cwd();
  const path2 = requested ? resolve4(workspace, requested) : join3(process.env["RUNNER_TEMP"] || workspace, `nonroot-guard-${process.pid}.sarif`);
  await mkdir(dirname(path2), { recursive: true });
  await writeFile3(path2, renderSarif(report));
  return path2;
}
async function run(early) {
  let report;
  let failure2;
  try {
    if (process.platform !== "linux") {
      throw new CheckError(
        "platform",
        `Non-root Guard checks Linux images and runs on Linux runners; this runner is ${process.platform}`,
        "Use runs-on: ubuntu-latest (Docker is preinstalled there)."
      );
    }
    checkEnvironment();
    const options = parseOptions(readInputs(), "");
    const run2 = readRunContext(options.prNumber);
    if (options.reportFile) {
      report = await readReportFile(options.reportFile);
      info(renderText(report));
      await setOutputs(report, options.reportFile, options);
      info(
        `Posted from ${options.reportFile}: the verdict (${report.verdict}) is the checking run's, so this step does not fail on it.`
      );
      await publish(report, options, run2, report.dockerfile?.path ?? report.image.ref);
      return;
    }
    if (run2.eventName === "pull_request_target" && (options.context || options.buildCommand)) {
      warning(
        'This workflow builds code from the pull request on pull_request_target, where the token can write and secrets are available: a pull request can take them. Use pull_request (see the README, "Fork pull requests").'
      );
    }
    report = await check(options, {
      source: new DockerSource(new Docker(runCommand, "docker", early, localEngineSocket())),
      runBuildCommand,
      log: (text4) => process.stdout.write(text4),
      group: (title, work) => group(title, work),
      cwd: process.env["GITHUB_WORKSPACE"] || process.cwd(),
      version: VERSION
    });
    info(renderText(report));
    annotate(report);
    await setOutputs(report, await writeReportFile(report), options);
    if (report.verdict === "fail") failure2 = failureMessage(report);
    await publish(report, options, run2, defaultCommentId(options));
  } catch (error2) {
    failure2 = describeError(error2);
  } finally {
    await writeSummary(report, failure2);
  }
  if (failure2) setFailed(failure2);
}
async function setOutputs(report, reportPath, options) {
  setOutput("verdict", report.verdict);
  setOutput("user", report.user.config);
  setOutput("uid", report.user.uid === null ? "" : String(report.user.uid));
  setOutput("findings", String(report.findings.length));
  setOutput("report", reportPath);
  setOutput("sarif", await writeSarifFile(report, options.sarifFile));
}
async function publish(report, options, run2, commentId) {
  try {
    const { publishToPullRequest } = await import("./chunk-DR3OHWAY.js");
    await publishToPullRequest(report, { ...options, defaultCommentId: commentId }, run2, {
      info,
      notice,
      warning
    });
  } catch (error2) {
    warning(`could not report on the pull request: ${describeError(error2)}`);
  }
}
var REPORT_FILE_LIMIT = 64 * 1024 * 1024;
async function readReportFile(path2) {
  const workspace = process.env["GITHUB_WORKSPACE"] || process.cwd();
  const full = resolve4(workspace, path2);
  const hint = "Give the JSON report of a Non-root Guard run (its `report` output), e.g. downloaded from that run's artifact.";
  let text4;
  try {
    text4 = await readInputFile(full, `report-file ${path2}`, REPORT_FILE_LIMIT, hint);
  } catch (error2) {
    if (error2 instanceof CheckError) throw new CheckError("usage", error2.message, hint);
    throw new CheckError("usage", `report-file ${path2}: cannot read it (no such file)`, hint);
  }
  let value;
  try {
    value = JSON.parse(text4);
  } catch (error2) {
    throw new CheckError(
      "usage",
      `report-file ${path2}: not JSON (${error2.message})`,
      hint
    );
  }
  const parsed = parseReport(value);
  if ("problem" in parsed) {
    throw new CheckError(
      "usage",
      `report-file ${path2}: not a Non-root Guard report (schemaVersion 1): ${parsed.problem}`,
      hint
    );
  }
  return parsed.report;
}
function failureMessage(report) {
  if (report.blocked) return `Non-root Guard: ${report.image.ref}: ${report.blocked}`;
  const { error: error2, warning: warning2 } = report.summary;
  const parts = [`${error2} error${error2 === 1 ? "" : "s"}`];
  if (report.policy.failOn === "warning")
    parts.push(`${warning2} warning${warning2 === 1 ? "" : "s"}`);
  const counted = parts.filter((part) => !part.startsWith("0 ")).join(" and ");
  return `Non-root Guard: ${report.image.ref} fails the policy with ${counted} (fail-on: ${report.policy.failOn})`;
}
async function writeSummary(report, failure2) {
  if (!process.env["GITHUB_STEP_SUMMARY"]) return;
  try {
    if (report) summary.addRaw(renderSummary(report), true);
    else
      summary.addHeading("\u274C Non-root Guard could not check the image", 3).addCodeBlock(failure2 ?? "");
    await summary.write();
  } catch (error2) {
    warning(`could not write the job summary: ${error2.message}`);
  }
}
export {
  failureMessage,
  run
};
