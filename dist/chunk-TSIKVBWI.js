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

// src/source/docker/engine-api.ts
import { readFileSync } from "node:fs";
import { request } from "node:http";
import { homedir } from "node:os";
import { join } from "node:path";
function localEngineSocket(env = process.env) {
  const host = env["DOCKER_HOST"];
  if (host) return host.startsWith("unix://") ? host.slice("unix://".length) : null;
  const context = env["DOCKER_CONTEXT"];
  if (context && context !== "default") return null;
  if (!context && configuredContext(env) !== null) return null;
  return "/var/run/docker.sock";
}
function configuredContext(env) {
  const dir = env["DOCKER_CONFIG"] || join(homedir(), ".docker");
  let config;
  try {
    config = JSON.parse(readFileSync(join(dir, "config.json"), "utf8"));
  } catch {
    return null;
  }
  const current = config?.currentContext;
  return typeof current === "string" && current !== "" && current !== "default" ? current : null;
}
var MAX_BODY_BYTES = 32 * 1024 * 1024;
function apiGet(socket, path, options) {
  return new Promise((resolve) => {
    const chunks = [];
    let size = 0;
    const call = request(
      {
        socketPath: socket,
        path,
        method: "GET",
        headers: { Host: "docker" },
        signal: options.signal
      },
      (response) => {
        response.on("data", (chunk) => {
          size += chunk.length;
          if (size > MAX_BODY_BYTES) {
            call.destroy(
              new Error(`the engine's answer to ${path} is over ${MAX_BODY_BYTES} bytes`)
            );
            return;
          }
          chunks.push(chunk);
        });
        response.on(
          "end",
          () => resolve({
            ok: true,
            response: {
              status: response.statusCode ?? 0,
              body: Buffer.concat(chunks).toString("utf8")
            }
          })
        );
        response.on(
          "error",
          (error) => resolve({ ok: false, code: error.code ?? "ERROR", message: error.message })
        );
      }
    );
    call.setTimeout(
      options.timeoutMs,
      () => call.destroy(Object.assign(new Error("timed out"), { code: "ETIMEDOUT" }))
    );
    call.on(
      "error",
      (error) => resolve({ ok: false, code: error.code ?? "ERROR", message: error.message })
    );
    call.end();
  });
}
var API_PATHS = {
  version: "/version",
  info: "/info",
  // The reference as the docker CLI puts it in the path ('/', ':' and '@' as they are).
  // manifests=1 (API 1.48, Docker 28) adds the image's platforms on the containerd store;
  // an older engine ignores the parameter.
  inspect: (ref) => `/images/${encodeURIComponent(ref).replace(/%2F/g, "/").replace(/%3A/g, ":").replace(/%40/g, "@")}/json?manifests=1`
};

// src/source/docker/early-calls.ts
function engineCall() {
  return {
    args: ["version", "--format", "{{.Server.Os}}|{{.Server.Arch}}|{{.Server.Version}}"],
    options: { timeoutMs: 3e4 }
  };
}
function imageStoreCall() {
  return { args: ["info", "--format", "{{json .DriverStatus}}"], options: { timeoutMs: 3e4 } };
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
  requests = /* @__PURE__ */ new Map();
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
  /** An Engine API request, by path, to the local socket (see engine-api.ts). */
  startRequest(socket, path, timeoutMs) {
    this.requests.set(path, apiGet(socket, path, { timeoutMs, signal: this.abort.signal }));
  }
  takeRequest(path) {
    const result = this.requests.get(path);
    this.requests.delete(path);
    return result;
  }
  take(binary, args) {
    const id = key(binary, args);
    const result = this.calls.get(id);
    this.calls.delete(id);
    return result;
  }
  /** Kills the calls nobody took, so that they do not keep the process alive. */
  discard() {
    if (this.calls.size > 0 || this.requests.size > 0) this.abort.abort();
    this.calls.clear();
    this.requests.clear();
  }
};
function key(binary, args) {
  return JSON.stringify([binary, ...args]);
}
var API_TIMEOUT_MS = { engine: 3e4, inspect: 6e4 };
function startEarlyCalls(request2, calls = new EarlyCalls(), socket = null) {
  if (socket) {
    calls.startRequest(socket, API_PATHS.version, API_TIMEOUT_MS.engine);
    calls.startRequest(socket, API_PATHS.info, API_TIMEOUT_MS.engine);
    if (request2.existingImage)
      calls.startRequest(socket, API_PATHS.inspect(request2.existingImage), API_TIMEOUT_MS.inspect);
    return calls;
  }
  calls.start(engineCall());
  calls.start(imageStoreCall());
  if (request2.existingImage) calls.start(inspectCall(request2.existingImage));
  return calls;
}

export {
  CommandNotFoundError,
  runCommand,
  lastLines,
  localEngineSocket,
  apiGet,
  API_PATHS,
  engineCall,
  imageStoreCall,
  inspectCall,
  makesTheImage,
  earlyRequestFor,
  API_TIMEOUT_MS,
  startEarlyCalls
};
