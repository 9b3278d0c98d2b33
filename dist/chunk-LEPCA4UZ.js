import { createRequire as __nrgCreateRequire } from 'node:module'; const require = __nrgCreateRequire(import.meta.url);

// src/source/command.ts
import { spawn } from "node:child_process";
var CommandNotFoundError = class extends Error {
  constructor(file) {
    super(`${file}: command not found`);
    this.file = file;
  }
  file;
};
var DEFAULT_MAX_OUTPUT = 64 * 1024 * 1024;
var BoundedBuffer = class {
  constructor(limit) {
    this.limit = limit;
  }
  limit;
  chunks = [];
  size = 0;
  push(chunk) {
    this.chunks.push(chunk);
    this.size += chunk.length;
    while (this.size > this.limit && this.chunks.length > 1) {
      this.size -= this.chunks.shift().length;
    }
  }
  toString() {
    const all = Buffer.concat(this.chunks);
    return all.subarray(Math.max(0, all.length - this.limit)).toString("utf8");
  }
};
var runCommand = (file, args, options = {}) => new Promise((resolve, reject) => {
  const limit = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT;
  const stdout = new BoundedBuffer(limit);
  const stderr = new BoundedBuffer(limit);
  const child = spawn(file, args, {
    cwd: options.cwd,
    stdio: ["ignore", "pipe", "pipe"],
    env: process.env,
    signal: options.signal,
    killSignal: "SIGKILL"
  });
  let timedOut = false;
  const timer = options.timeoutMs === void 0 ? void 0 : setTimeout(() => {
    timedOut = true;
    child.kill("SIGKILL");
  }, options.timeoutMs);
  const collect = (buffer) => (chunk) => {
    buffer.push(chunk);
    options.onOutput?.(chunk.toString("utf8"));
  };
  const read = options.readStdout;
  let enough = false;
  child.stdout.on(
    "data",
    read ? (chunk) => {
      if (enough) return;
      if (read(chunk) === "enough") {
        enough = true;
        child.kill("SIGKILL");
      }
    } : collect(stdout)
  );
  child.stderr.on("data", collect(stderr));
  child.on("error", (error) => {
    if (error.name === "AbortError") return;
    clearTimeout(timer);
    reject(error.code === "ENOENT" ? new CommandNotFoundError(file) : error);
  });
  child.on("close", (code, signal) => {
    clearTimeout(timer);
    resolve({
      exitCode: code ?? (signal ? 128 : 1),
      stdout: stdout.toString(),
      stderr: stderr.toString(),
      timedOut
    });
  });
});
function lastLines(text, count) {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== "");
  return lines.slice(-count).join("\n");
}

// src/source/docker/early-calls.ts
function engineCall() {
  return {
    args: ["version", "--format", "{{.Server.Os}}|{{.Server.Arch}}|{{.Server.Version}}"],
    options: { timeoutMs: 3e4 }
  };
}
function inspectCall(ref) {
  return {
    args: ["image", "inspect", "--format", "{{json .}}", "--", ref],
    options: { timeoutMs: 6e4 }
  };
}
function makesTheImage(source) {
  return Boolean(source.context || source.buildCommand || source.pull);
}
function earlyRequestFor(source) {
  return { existingImage: makesTheImage(source) ? void 0 : source.image || void 0 };
}
var EarlyCalls = class {
  constructor(binary = "docker", runner = runCommand) {
    this.binary = binary;
    this.runner = runner;
  }
  binary;
  runner;
  calls = /* @__PURE__ */ new Map();
  abort = new AbortController();
  start(call) {
    const result = this.runner(this.binary, call.args, {
      ...call.options,
      signal: this.abort.signal
    });
    result.catch(() => {
    });
    this.calls.set(key(this.binary, call.args), result);
  }
  take(binary, args) {
    const id = key(binary, args);
    const result = this.calls.get(id);
    this.calls.delete(id);
    return result;
  }
  /** Kills the calls nobody took, so that they do not keep the process alive. */
  discard() {
    if (this.calls.size > 0) this.abort.abort();
    this.calls.clear();
  }
};
function key(binary, args) {
  return JSON.stringify([binary, ...args]);
}
function startEarlyCalls(request, calls = new EarlyCalls()) {
  calls.start(engineCall());
  if (request.existingImage) calls.start(inspectCall(request.existingImage));
  return calls;
}

export {
  CommandNotFoundError,
  runCommand,
  lastLines,
  engineCall,
  inspectCall,
  makesTheImage,
  earlyRequestFor,
  startEarlyCalls
};
