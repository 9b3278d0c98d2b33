import { createRequire as __nrgCreateRequire } from 'node:module'; const require = __nrgCreateRequire(import.meta.url);
import {
  Docker,
  VERSION,
  check,
  parseOptions,
  probeSchema,
  renderJson,
  renderSarif,
  renderText,
  runBuildCommand
} from "./chunk-7XB27I57.js";
import {
  runCommand
} from "./chunk-XCRMHA67.js";
import "./chunk-QDHUKUM5.js";
import {
  FAIL_ON,
  PRESETS,
  PROBE_MODES,
  RULES,
  _enum,
  _gte,
  _lte,
  _maxLength,
  _nonnegative,
  _positive,
  _regex,
  array,
  boolean,
  discriminatedUnion,
  int,
  literal,
  nullable,
  object,
  record,
  string
} from "./chunk-Q4MVZNWS.js";
import "./chunk-QMRDCHHF.js";
import {
  CheckError,
  describeError
} from "./chunk-ZTBXHN76.js";
import {
  parseRepository,
  pullRequestOf,
  renderSummary,
  require_tunnel,
  require_undici
} from "./chunk-CSOBU5JW.js";
import "./chunk-MEPFU2OQ.js";
import "./chunk-O6NG62F5.js";
import {
  __toESM
} from "./chunk-LOBMMHTG.js";

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

// node_modules/@actions/http-client/lib/index.js
var tunnel = __toESM(require_tunnel(), 1);
var import_undici = __toESM(require_undici(), 1);
var HttpCodes;
(function(HttpCodes2) {
  HttpCodes2[HttpCodes2["OK"] = 200] = "OK";
  HttpCodes2[HttpCodes2["MultipleChoices"] = 300] = "MultipleChoices";
  HttpCodes2[HttpCodes2["MovedPermanently"] = 301] = "MovedPermanently";
  HttpCodes2[HttpCodes2["ResourceMoved"] = 302] = "ResourceMoved";
  HttpCodes2[HttpCodes2["SeeOther"] = 303] = "SeeOther";
  HttpCodes2[HttpCodes2["NotModified"] = 304] = "NotModified";
  HttpCodes2[HttpCodes2["UseProxy"] = 305] = "UseProxy";
  HttpCodes2[HttpCodes2["SwitchProxy"] = 306] = "SwitchProxy";
  HttpCodes2[HttpCodes2["TemporaryRedirect"] = 307] = "TemporaryRedirect";
  HttpCodes2[HttpCodes2["PermanentRedirect"] = 308] = "PermanentRedirect";
  HttpCodes2[HttpCodes2["BadRequest"] = 400] = "BadRequest";
  HttpCodes2[HttpCodes2["Unauthorized"] = 401] = "Unauthorized";
  HttpCodes2[HttpCodes2["PaymentRequired"] = 402] = "PaymentRequired";
  HttpCodes2[HttpCodes2["Forbidden"] = 403] = "Forbidden";
  HttpCodes2[HttpCodes2["NotFound"] = 404] = "NotFound";
  HttpCodes2[HttpCodes2["MethodNotAllowed"] = 405] = "MethodNotAllowed";
  HttpCodes2[HttpCodes2["NotAcceptable"] = 406] = "NotAcceptable";
  HttpCodes2[HttpCodes2["ProxyAuthenticationRequired"] = 407] = "ProxyAuthenticationRequired";
  HttpCodes2[HttpCodes2["RequestTimeout"] = 408] = "RequestTimeout";
  HttpCodes2[HttpCodes2["Conflict"] = 409] = "Conflict";
  HttpCodes2[HttpCodes2["Gone"] = 410] = "Gone";
  HttpCodes2[HttpCodes2["TooManyRequests"] = 429] = "TooManyRequests";
  HttpCodes2[HttpCodes2["InternalServerError"] = 500] = "InternalServerError";
  HttpCodes2[HttpCodes2["NotImplemented"] = 501] = "NotImplemented";
  HttpCodes2[HttpCodes2["BadGateway"] = 502] = "BadGateway";
  HttpCodes2[HttpCodes2["ServiceUnavailable"] = 503] = "ServiceUnavailable";
  HttpCodes2[HttpCodes2["GatewayTimeout"] = 504] = "GatewayTimeout";
})(HttpCodes || (HttpCodes = {}));
var Headers;
(function(Headers2) {
  Headers2["Accept"] = "accept";
  Headers2["ContentType"] = "content-type";
})(Headers || (Headers = {}));
var MediaTypes;
(function(MediaTypes2) {
  MediaTypes2["ApplicationJson"] = "application/json";
})(MediaTypes || (MediaTypes = {}));
var HttpRedirectCodes = [
  HttpCodes.MovedPermanently,
  HttpCodes.ResourceMoved,
  HttpCodes.SeeOther,
  HttpCodes.TemporaryRedirect,
  HttpCodes.PermanentRedirect
];
var HttpResponseRetryCodes = [
  HttpCodes.BadGateway,
  HttpCodes.ServiceUnavailable,
  HttpCodes.GatewayTimeout
];

// node_modules/@actions/core/lib/summary.js
import { EOL as EOL3 } from "os";
import { constants, promises } from "fs";
var __awaiter = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve2) {
      resolve2(value);
    });
  }
  return new (P || (P = Promise))(function(resolve2, reject) {
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
      result.done ? resolve2(result.value) : adopt(result.value).then(fulfilled, rejected);
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
  addRaw(text2, addEOL = false) {
    this._buffer += text2;
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
  addHeading(text2, level2) {
    const tag = `h${level2}`;
    const allowedTag = ["h1", "h2", "h3", "h4", "h5", "h6"].includes(tag) ? tag : "h1";
    const element = this.wrap(allowedTag, text2);
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
  addQuote(text2, cite) {
    const attrs = Object.assign({}, cite && { cite });
    const element = this.wrap("blockquote", text2, attrs);
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
  addLink(text2, href) {
    const element = this.wrap("a", text2, { href });
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
    return value instanceof P ? value : new P(function(resolve2) {
      resolve2(value);
    });
  }
  return new (P || (P = Promise))(function(resolve2, reject) {
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
      result.done ? resolve2(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var ExitCode;
(function(ExitCode2) {
  ExitCode2[ExitCode2["Success"] = 0] = "Success";
  ExitCode2[ExitCode2["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
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

// src/main.ts
import { readFileSync } from "node:fs";
import { mkdir, readFile, stat, writeFile as writeFile2 } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";

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
      message: finding2.fix ? `${finding2.message}
Fix: ${finding2.fix.summary}` : finding2.message,
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

// src/report/schema.ts
var text = string().check(_maxLength(1e5));
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
  message: text,
  location,
  fix: nullable(object({ summary: text, diff: nullable(text) }))
});
var reportSchema = object({
  schemaVersion: literal(1),
  tool: object({
    name: literal("nonroot-guard"),
    version: string().check(_regex(/^[0-9A-Za-z.+-]{1,64}$/))
  }),
  verdict: _enum(["pass", "fail"]),
  blocked: nullable(text),
  image: object({
    ref: shortText,
    id: shortText,
    repoDigests: array(shortText).check(_maxLength(1e3)),
    platform: shortText,
    user: shortText,
    workdir: shortText,
    entrypoint: array(text).check(_maxLength(1e3)),
    cmd: array(text).check(_maxLength(1e3)),
    env: record(shortText, text),
    exposedPorts: array(shortText).check(_maxLength(1e4)),
    volumes: array(shortText).check(_maxLength(1e4)),
    labels: record(shortText, text)
  }),
  dockerfile: nullable(
    object({
      path: shortText,
      finalStage: object({
        name: nullable(shortText),
        line: int().check(_positive()),
        base: shortText
      }),
      user: nullable(
        object({ line: int().check(_positive()), raw: shortText, value: shortText })
      )
    })
  ),
  probe: discriminatedUnion("status", [
    object({ status: literal("ok"), elapsedMs: count }),
    object({ status: literal("failed"), reason: text }),
    object({ status: literal("user-error"), reason: text })
  ]),
  runtime: nullable(
    object({
      uid: int(),
      gid: int(),
      groups: array(int()).check(_maxLength(65536)),
      name: nullable(shortText),
      home: nullable(shortText),
      switched: boolean(),
      userError: nullable(text),
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
  user: object({
    config: shortText,
    uid: nullable(int()),
    gid: nullable(int()),
    name: nullable(shortText),
    home: nullable(shortText)
  }),
  policy: object({
    preset: _enum(PRESETS),
    presetSource: _enum(["input", "file", "default"]),
    file: nullable(shortText),
    failOn: _enum(FAIL_ON),
    probe: _enum(PROBE_MODES),
    overrides: array(object({ rule: ruleId, name: ruleName, preset: level, level })).check(_maxLength(100)),
    ignored: array(
      object({
        rule: ruleId,
        path: nullable(shortText),
        reason: text,
        expires: nullable(shortText),
        count
      })
    ).check(_maxLength(1e3)),
    allow: object({
      writable: array(shortText).check(_maxLength(1e3)),
      setid: array(shortText).check(_maxLength(1e3)),
      ports: array(int().check(_gte(0), _lte(65535))).check(_maxLength(1e3)),
      portVariables: array(shortText).check(_maxLength(1e3))
    })
  }),
  summary: object({ error: count, warning: count, notice: count }),
  findings: array(finding).check(_maxLength(1e5)),
  skipped: array(object({ rule: ruleId, reason: text })).check(_maxLength(1e3)),
  notes: array(text).check(_maxLength(1e3))
});
function parseReport(value) {
  const result = reportSchema.safeParse(value);
  if (result.success) return { report: result.data };
  const issue2 = result.error.issues[0];
  const where = issue2.path.length > 0 ? issue2.path.join(".") : "(the document)";
  return { problem: `${where}: ${issue2.message}` };
}

// src/main.ts
function readInputs() {
  const lines = (name) => getMultilineInput(name).filter((line) => line.trim() !== "");
  return {
    image: getInput("image"),
    context: getInput("context"),
    dockerfile: getInput("dockerfile"),
    target: getInput("target"),
    "build-args": lines("build-args"),
    platform: getInput("platform"),
    pull: getInput("pull"),
    "build-command": getInput("build-command"),
    policy: getInput("policy"),
    preset: getInput("preset") || void 0,
    manifests: lines("manifests"),
    "manifest-image": getInput("manifest-image"),
    "fail-on": getInput("fail-on") || void 0,
    probe: getInput("probe") || void 0,
    "sarif-file": getInput("sarif-file"),
    comment: getInput("comment") || void 0,
    "comment-id": getInput("comment-id"),
    suggestions: getInput("suggestions") || void 0,
    "github-token": getInput("github-token"),
    "pr-number": getInput("pr-number"),
    "report-file": getInput("report-file")
  };
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
  const dockerfile = options.dockerfile ?? join(options.context ?? ".", "Dockerfile");
  return options.target ? `${dockerfile}#${options.target}` : dockerfile;
}
async function writeReportFile(report) {
  const directory = process.env["RUNNER_TEMP"] || process.cwd();
  const path = join(directory, `nonroot-guard-report-${process.pid}.json`);
  await writeFile2(path, renderJson(report));
  return path;
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
  const path = requested ? resolve(workspace, requested) : join(process.env["RUNNER_TEMP"] || workspace, `nonroot-guard-${process.pid}.sarif`);
  await mkdir(dirname(path), { recursive: true });
  await writeFile2(path, renderSarif(report));
  return path;
}
async function run(early) {
  let report;
  let failure;
  try {
    if (process.platform !== "linux") {
      throw new CheckError(
        "platform",
        `Non-root Guard checks Linux images and runs on Linux runners; this runner is ${process.platform}`,
        "Use runs-on: ubuntu-latest (Docker is preinstalled there)."
      );
    }
    const options = parseOptions(readInputs(), "");
    const run2 = readRunContext(options.github.prNumber);
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
      docker: new Docker(runCommand, "docker", early),
      runBuildCommand,
      log: (text2) => process.stdout.write(text2),
      group: (title, work) => group(title, work),
      cwd: process.env["GITHUB_WORKSPACE"] || process.cwd(),
      version: VERSION
    });
    info(renderText(report));
    annotate(report);
    await setOutputs(report, await writeReportFile(report), options);
    if (report.verdict === "fail") failure = failureMessage(report);
    await publish(report, options, run2, defaultCommentId(options));
  } catch (error2) {
    failure = describeError(error2);
  } finally {
    await writeSummary(report, failure);
  }
  if (failure) setFailed(failure);
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
    const { publishToPullRequest } = await import("./chunk-RM7XJB6V.js");
    await publishToPullRequest(report, { ...options.github, defaultCommentId: commentId }, run2, {
      info,
      notice,
      warning
    });
  } catch (error2) {
    warning(`could not report on the pull request: ${describeError(error2)}`);
  }
}
var REPORT_FILE_LIMIT = 64 * 1024 * 1024;
async function readReportFile(path) {
  const workspace = process.env["GITHUB_WORKSPACE"] || process.cwd();
  const full = resolve(workspace, path);
  const hint = "Give the JSON report of a Non-root Guard run (its `report` output), e.g. downloaded from that run's artifact.";
  let text2;
  try {
    const size = (await stat(full)).size;
    if (size > REPORT_FILE_LIMIT) {
      throw new CheckError(
        "usage",
        `report-file ${path}: ${size} bytes is too large for a report`,
        hint
      );
    }
    text2 = await readFile(full, "utf8");
  } catch (error2) {
    if (error2 instanceof CheckError) throw error2;
    throw new CheckError(
      "usage",
      `report-file ${path}: cannot read it (${error2.code ?? error2.message})`,
      hint
    );
  }
  let value;
  try {
    value = JSON.parse(text2);
  } catch (error2) {
    throw new CheckError(
      "usage",
      `report-file ${path}: not JSON (${error2.message})`,
      hint
    );
  }
  const parsed = parseReport(value);
  if ("problem" in parsed) {
    throw new CheckError(
      "usage",
      `report-file ${path}: not a Non-root Guard report (schemaVersion 1): ${parsed.problem}`,
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
async function writeSummary(report, failure) {
  if (!process.env["GITHUB_STEP_SUMMARY"]) return;
  try {
    if (report) summary.addRaw(renderSummary(report), true);
    else
      summary.addHeading("\u274C Non-root Guard could not check the image", 3).addCodeBlock(failure ?? "");
    await summary.write();
  } catch (error2) {
    warning(`could not write the job summary: ${error2.message}`);
  }
}
export {
  failureMessage,
  run
};
