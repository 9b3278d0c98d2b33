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
import { homedir } from "node:os";
import { join } from "node:path";

// src/source/docker/engine-http.ts
import { connect } from "node:net";
var MAX_HEAD_BYTES = 64 * 1024;
var MAX_CHUNK_LINE_BYTES = 1024;
var FramingError = class extends Error {
  code = "EPROTO";
};
function exchange(socketPath, options) {
  return new Promise((resolve) => {
    const socket = connect(socketPath);
    let settled = false;
    let status = 0;
    let headers = {};
    const settle = (result, keepSocket = false) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener("abort", onAbort);
      if (!keepSocket) socket.destroy();
      resolve(result);
    };
    const fail = (code, message) => settle({ ok: false, code, message });
    const done = () => settle({ ok: true, status, headers });
    const onAbort = () => fail("ABORT_ERR", "the request was aborted");
    if (options.signal?.aborted) {
      onAbort();
      return;
    }
    options.signal?.addEventListener("abort", onAbort);
    socket.setTimeout(options.timeoutMs, () => fail("ETIMEDOUT", "timed out"));
    socket.on(
      "error",
      (error) => fail(error.code ?? "ERROR", error.message)
    );
    socket.on("connect", () => {
      const lines = [
        `${options.method} ${options.path} HTTP/1.1`,
        "Host: docker",
        options.upgrade ? "Connection: Upgrade" : "Connection: close",
        ...options.upgrade ? ["Upgrade: tcp"] : [],
        ...Object.entries(options.headers ?? {}).map(([name, value]) => `${name}: ${value}`),
        ...options.body === void 0 ? [] : [`Content-Length: ${Buffer.byteLength(options.body)}`]
      ];
      socket.write(`${lines.join("\r\n")}\r
\r
${options.body ?? ""}`);
    });
    let pending = Buffer.alloc(0);
    let state = "head";
    let remaining = 0;
    const deliver = (piece) => {
      if (piece.length === 0) return true;
      if (options.onBody?.(piece, status) === "enough") {
        done();
        return false;
      }
      return true;
    };
    const readHead = () => {
      const end = pending.indexOf("\r\n\r\n");
      if (end === -1) {
        if (pending.length > MAX_HEAD_BYTES) throw new FramingError("an answer head over 64 KiB");
        return false;
      }
      const [statusLine = "", ...fields] = pending.subarray(0, end).toString("latin1").split("\r\n");
      const match = /^HTTP\/1\.[01] (\d{3})(?: |$)/.exec(statusLine);
      if (!match) throw new FramingError(`not an HTTP answer: ${statusLine.slice(0, 80)}`);
      status = Number(match[1]);
      headers = {};
      for (const field of fields) {
        const colon = field.indexOf(":");
        if (colon <= 0) throw new FramingError(`a malformed header: ${field.slice(0, 80)}`);
        headers[field.slice(0, colon).trim().toLowerCase()] = field.slice(colon + 1).trim();
      }
      pending = pending.subarray(end + 4);
      options.onHead?.(status);
      if (status === 101 && options.upgrade) {
        socket.pause();
        socket.removeAllListeners("data");
        socket.removeAllListeners("end");
        socket.setTimeout(0);
        settle({ ok: true, status, headers, upgraded: { socket, head: pending } }, true);
        return false;
      }
      if (options.method === "HEAD" || status === 204 || status === 304 || status < 200) {
        done();
        return false;
      }
      const encoding = headers["transfer-encoding"];
      if (encoding !== void 0) {
        if (encoding.toLowerCase() !== "chunked") {
          throw new FramingError(`a transfer encoding this client does not read: ${encoding}`);
        }
        state = "chunk-size";
      } else if (headers["content-length"] !== void 0) {
        if (!/^\d+$/.test(headers["content-length"])) {
          throw new FramingError(`a malformed Content-Length: ${headers["content-length"]}`);
        }
        remaining = Number(headers["content-length"]);
        state = "length";
        if (remaining === 0) {
          done();
          return false;
        }
      } else {
        state = "to-close";
      }
      return true;
    };
    const step = () => {
      switch (state) {
        case "head":
          return readHead();
        case "length":
        case "chunk-data": {
          const piece = pending.subarray(0, remaining);
          pending = pending.subarray(piece.length);
          remaining -= piece.length;
          if (!deliver(piece)) return false;
          if (remaining > 0) return false;
          if (state === "length") {
            done();
            return false;
          }
          state = "chunk-end";
          return true;
        }
        case "chunk-end": {
          if (pending.length < 2) return false;
          if (pending[0] !== 13 || pending[1] !== 10) {
            throw new FramingError("a chunk not ended by CRLF");
          }
          pending = pending.subarray(2);
          state = "chunk-size";
          return true;
        }
        case "chunk-size": {
          const end = pending.indexOf("\r\n");
          if (end === -1) {
            if (pending.length > MAX_CHUNK_LINE_BYTES)
              throw new FramingError("a chunk-size line over 1 KiB");
            return false;
          }
          const line = pending.subarray(0, end).toString("latin1");
          const size = /^([0-9a-fA-F]{1,12})(?:;.*)?$/.exec(line);
          if (!size) throw new FramingError(`a malformed chunk size: ${line.slice(0, 40)}`);
          pending = pending.subarray(end + 2);
          remaining = Number.parseInt(size[1], 16);
          if (remaining === 0) {
            done();
            return false;
          }
          state = "chunk-data";
          return true;
        }
        case "to-close": {
          const piece = pending;
          pending = Buffer.alloc(0);
          deliver(piece);
          return false;
        }
      }
    };
    socket.on("data", (chunk) => {
      if (settled) return;
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      try {
        while (!settled && step()) ;
      } catch (error) {
        fail("EPROTO", `the engine's answer could not be read: ${error.message}`);
      }
    });
    socket.on("end", () => {
      if (state === "to-close") done();
      else fail("ECUTOFF", "the engine's answer was cut off");
    });
  });
}

// src/source/docker/engine-api.ts
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
async function apiRequest(socket, path, options) {
  const body = options.json === void 0 ? void 0 : JSON.stringify(options.json);
  const chunks = [];
  let size = 0;
  let tooLarge = false;
  const result = await exchange(socket, {
    method: options.method ?? "GET",
    path,
    headers: body === void 0 ? {} : { "Content-Type": "application/json" },
    body,
    timeoutMs: options.timeoutMs,
    signal: options.signal,
    upgrade: options.upgrade,
    onHead: options.onHead,
    onBody: (chunk, status) => {
      if (options.readBody && status < 300) return options.readBody(chunk);
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        tooLarge = true;
        return "enough";
      }
      chunks.push(chunk);
      return "more";
    }
  });
  if (!result.ok) return result;
  if (tooLarge) {
    return {
      ok: false,
      code: "E2BIG",
      message: `the engine's answer to ${path} is over ${MAX_BODY_BYTES} bytes`
    };
  }
  return {
    ok: true,
    response: {
      status: result.status,
      body: Buffer.concat(chunks).toString("utf8"),
      headers: result.headers,
      ...result.upgraded ? { upgraded: result.upgraded } : {}
    }
  };
}
function engineMessage(response) {
  const body = response.body.trim();
  try {
    const { message } = JSON.parse(body);
    if (typeof message === "string") return message;
  } catch {
  }
  return body || `HTTP ${response.status}`;
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
    this.requests.set(path, apiRequest(socket, path, { timeoutMs, signal: this.abort.signal }));
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
  /**
   * Resolves after one turn of the event loop: the requests' connections are then made and
   * their bytes written (the processes spawned) before loading the rest of the check holds
   * the thread, so the engine answers meanwhile.
   */
  underway() {
    return new Promise((resolve) => setImmediate(resolve));
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
function startEarlyCalls(request, calls = new EarlyCalls(), socket = null) {
  if (socket) {
    calls.startRequest(socket, API_PATHS.version, API_TIMEOUT_MS.engine);
    calls.startRequest(socket, API_PATHS.info, API_TIMEOUT_MS.engine);
    if (request.existingImage)
      calls.startRequest(socket, API_PATHS.inspect(request.existingImage), API_TIMEOUT_MS.inspect);
    return calls;
  }
  calls.start(engineCall());
  calls.start(imageStoreCall());
  if (request.existingImage) calls.start(inspectCall(request.existingImage));
  return calls;
}

export {
  CommandNotFoundError,
  BoundedBuffer,
  runCommand,
  lastLines,
  localEngineSocket,
  apiRequest,
  engineMessage,
  API_PATHS,
  engineCall,
  imageStoreCall,
  inspectCall,
  makesTheImage,
  earlyRequestFor,
  API_TIMEOUT_MS,
  startEarlyCalls
};
