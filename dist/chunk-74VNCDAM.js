import { createRequire as __nrgCreateRequire } from 'node:module'; const require = __nrgCreateRequire(import.meta.url);
import {
  INT64_MAX,
  goAtoi
} from "./chunk-GCD4YOJZ.js";
import {
  permissionChanges,
  permissionChangesOfArgv,
  splitCommands
} from "./chunk-QMRDCHHF.js";
import {
  __export
} from "./chunk-LOBMMHTG.js";

// node_modules/zod/v4/core/util.js
function getEnumValues(entries) {
  const numericValues = Object.values(entries).filter((v) => typeof v === "number");
  const values = Object.entries(entries).filter(([k, _]) => numericValues.indexOf(+k) === -1).map(([_, v]) => v);
  return values;
}
function joinValues(array2, separator = "|") {
  return array2.map((val) => stringifyPrimitive(val)).join(separator);
}
function jsonStringifyReplacer(_, value) {
  if (typeof value === "bigint")
    return value.toString();
  return value;
}
var Cached = class {
  constructor(getter) {
    this._getter = getter;
    this._value = void 0;
  }
  get value() {
    const getter = this._getter;
    if (getter !== void 0) {
      this._value = getter();
      this._getter = void 0;
    }
    return this._value;
  }
};
function cached(getter) {
  return new Cached(getter);
}
function nullish(input) {
  return input === null || input === void 0;
}
function cleanRegex(source) {
  const start = source.startsWith("^") ? 1 : 0;
  const end = source.endsWith("$") ? source.length - 1 : source.length;
  return source.slice(start, end);
}
function assignProp(target, prop, value) {
  Object.defineProperty(target, prop, {
    value,
    writable: true,
    enumerable: true,
    configurable: true
  });
}
var captureStackTrace = "captureStackTrace" in Error ? Error.captureStackTrace : (..._args) => {
};
function isObject(data) {
  return typeof data === "object" && data !== null && !Array.isArray(data);
}
function isPlainObject(o) {
  if (isObject(o) === false)
    return false;
  const ctor = o.constructor;
  if (ctor === void 0)
    return true;
  if (typeof ctor !== "function")
    return true;
  const prot = ctor.prototype;
  if (isObject(prot) === false)
    return false;
  if (Object.prototype.hasOwnProperty.call(prot, "isPrototypeOf") === false) {
    return false;
  }
  return true;
}
function shallowClone(o) {
  if (isPlainObject(o))
    return { ...o };
  if (Array.isArray(o))
    return [...o];
  if (o instanceof Map)
    return new Map(o);
  if (o instanceof Set)
    return new Set(o);
  return o;
}
var propertyKeyTypes = /* @__PURE__ */ new Set(["string", "number", "symbol"]);
function escapeRegex(str) {
  return str.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function clone(inst, def, params) {
  const cl = new inst._zod.constr(def ?? inst._zod.def);
  if (!def || params?.parent)
    cl._zod.parent = inst;
  return cl;
}
function normalizeParams(_params) {
  const params = _params;
  if (!params)
    return {};
  if (typeof params === "string")
    return { error: () => params };
  if (params?.message !== void 0) {
    if (params?.error !== void 0)
      throw new Error("Cannot specify both `message` and `error` params");
    params.error = params.message;
  }
  delete params.message;
  if (typeof params.error === "string")
    return { ...params, error: () => params.error };
  return params;
}
function stringifyPrimitive(value) {
  if (typeof value === "bigint")
    return value.toString() + "n";
  if (typeof value === "string")
    return `"${value}"`;
  return `${value}`;
}
function optionalKeys(shape) {
  return Object.keys(shape).filter((k) => {
    return shape[k]._zod.optin !== void 0 && shape[k]._zod.optout === "optional";
  });
}
var NUMBER_FORMAT_RANGES = /* @__PURE__ */ (() => ({
  safeint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  int32: [-2147483648, 2147483647],
  uint32: [0, 4294967295],
  float32: [-34028234663852886e22, 34028234663852886e22],
  float64: [-Number.MAX_VALUE, Number.MAX_VALUE]
}))();
function aborted(x, startIndex = 0) {
  if (x.aborted === true)
    return true;
  for (let i = startIndex; i < x.issues.length; i++) {
    if (x.issues[i]?.continue !== true) {
      return true;
    }
  }
  return false;
}
function explicitlyAborted(x, startIndex = 0) {
  if (x.aborted === true)
    return true;
  for (let i = startIndex; i < x.issues.length; i++) {
    if (x.issues[i]?.continue === false) {
      return true;
    }
  }
  return false;
}
function prefixIssues(path, issues) {
  return issues.map((iss) => {
    var _a3;
    (_a3 = iss).path ?? (_a3.path = []);
    iss.path.unshift(path);
    return iss;
  });
}
function unwrapMessage(message) {
  return typeof message === "string" ? message : message?.message;
}
function sizeCaps(defChecks) {
  const caps = [];
  for (const ch of defChecks ?? []) {
    const d = ch._zod.def;
    if (!/_(length|size)$|_equals$/.test(d.check))
      break;
    const max = d.maximum ?? d.length ?? d.size;
    if (max >= 0)
      caps.push([max, ch]);
  }
  return caps;
}
function attachSchema(issues, start, inst) {
  var _a3;
  for (let i = start; i < issues.length; i++) {
    (_a3 = issues[i]).schema ?? (_a3.schema = inst);
  }
}
function finalizeIssue(iss, ctx, config2) {
  var _a3;
  const traits = iss.inst?._zod?.traits;
  if (traits?.has("$ZodType")) {
    if (traits.has("$ZodCheck"))
      (_a3 = iss).schema ?? (_a3.schema = iss.inst);
    else
      iss.schema = iss.inst;
  }
  const schemaError = iss.schema !== iss.inst ? iss.schema?._zod.def?.error : void 0;
  const message = iss.message ? iss.message : unwrapMessage(iss.inst?._zod.def?.error?.(iss)) ?? unwrapMessage(schemaError?.(iss)) ?? unwrapMessage(ctx?.error?.(iss)) ?? unwrapMessage(config2.customError?.(iss)) ?? unwrapMessage(config2.localeError?.(iss)) ?? "Invalid input";
  const full = {};
  for (const k of Object.keys(iss)) {
    if (k === "inst" || k === "schema" || k === "continue" || k === "input" || k === "__proto__")
      continue;
    full[k] = iss[k];
  }
  full.path ?? (full.path = []);
  full.message = message;
  if (ctx?.reportInput) {
    full.input = iss.input;
  }
  return full;
}
var highSurrogate = /[\uD800-\uDBFF]/;
function codePointLength(str) {
  const units = str.length;
  if (!highSurrogate.test(str))
    return units;
  let count = units;
  for (let i = 0; i < units - 1; i++) {
    if ((str.charCodeAt(i) & 64512) === 55296 && (str.charCodeAt(i + 1) & 64512) === 56320) {
      count--;
      i++;
    }
  }
  return count;
}
function getLengthableOrigin(input) {
  if (Array.isArray(input))
    return "array";
  if (typeof input === "string")
    return "string";
  return "unknown";
}
function parsedType(data) {
  const t = typeof data;
  switch (t) {
    case "number": {
      return Number.isNaN(data) ? "nan" : "number";
    }
    case "object": {
      if (data === null) {
        return "null";
      }
      if (Array.isArray(data)) {
        return "array";
      }
      const obj = data;
      if (obj && Object.getPrototypeOf(obj) !== Object.prototype && "constructor" in obj && obj.constructor) {
        return obj.constructor.name;
      }
    }
  }
  return t;
}
function issue(...args) {
  const [iss, input, inst] = args;
  if (typeof iss === "string") {
    return {
      message: iss,
      code: "custom",
      input,
      inst
    };
  }
  return { ...iss };
}
function members(proto, table) {
  for (const key in table) {
    const desc = Object.getOwnPropertyDescriptor(table, key);
    if (desc.get)
      Object.defineProperty(proto, key, { ...desc, enumerable: false });
    else
      defineBound(proto, key, desc.value);
  }
}
function own(inst, key, value, enumerable = true) {
  Object.defineProperty(inst, key, { configurable: true, writable: true, enumerable, value });
  return value;
}
function hide(inst, key, value) {
  return own(inst, key, value, false);
}
function defineBound(proto, key, fn) {
  Object.defineProperty(proto, key, {
    configurable: true,
    get() {
      return this == null ? fn : own(this, key, fn.bind(this));
    },
    set(value) {
      own(this, key, value);
    }
  });
}
function claim(inst, sentinel) {
  const proto = Object.getPrototypeOf(inst);
  return sentinel in proto ? void 0 : proto;
}
var installing;
var broke = false;
var breaker = {
  configurable: true,
  get() {
    broke = true;
    return void 0;
  }
};
function defineLazyInternal(inst, key, compute) {
  const proto = Object.getPrototypeOf(inst._zod);
  if (key in proto && installing !== inst._zod) {
    installing = void 0;
    return;
  }
  installing = inst._zod;
  Object.defineProperty(proto, key, {
    configurable: true,
    get() {
      Object.defineProperty(this, key, breaker);
      const outer = broke;
      broke = false;
      try {
        const value = compute(this);
        if (broke)
          delete this[key];
        else
          Object.defineProperty(this, key, { configurable: true, writable: true, value });
        broke = broke || outer;
        return value;
      } catch (err) {
        delete this[key];
        broke = broke || outer;
        throw err;
      }
    },
    set(value) {
      Object.defineProperty(this, key, { configurable: true, writable: true, value });
    }
  });
}
function installLazyProp(inst, key, make, enumerable) {
  const proto = claim(inst, key);
  if (!proto)
    return;
  Object.defineProperty(proto, key, {
    configurable: true,
    get() {
      const desc = { configurable: true, writable: true, enumerable, value: void 0 };
      Object.defineProperty(this, key, desc);
      desc.value = make(this);
      Object.defineProperty(this, key, desc);
      return desc.value;
    },
    set(value) {
      Object.defineProperty(this, key, { configurable: true, writable: true, enumerable, value });
    }
  });
}

// node_modules/zod/v4/core/core.js
var _a;
var _zodDesc = { value: void 0, enumerable: false };
var _E = "captureStackTrace" in Error ? Error : null;
function newError(Definition) {
  const E = _E;
  if (E) {
    const saved = E.stackTraceLimit;
    if (typeof saved === "number") {
      try {
        E.stackTraceLimit = 0;
      } catch {
        _E = null;
        return new Definition();
      }
      try {
        return new Definition();
      } finally {
        E.stackTraceLimit = saved;
      }
    }
  }
  return new Definition();
}
// @__NO_SIDE_EFFECTS__
function $constructor(name, initializer2, proto, params) {
  const zodProto = {};
  function Internals(def) {
    this.def = def;
    this.constr = _;
    this.traits = /* @__PURE__ */ new Set();
  }
  Internals.prototype = zodProto;
  const protoMembers = proto;
  const initialized = protoMembers && /* @__PURE__ */ new WeakSet();
  function init(inst, def) {
    if (!inst._zod) {
      _zodDesc.value = new Internals(def);
      try {
        Object.defineProperty(inst, "_zod", _zodDesc);
      } finally {
        _zodDesc.value = void 0;
      }
    } else if (inst._zod.traits.has(name)) {
      return;
    }
    inst._zod.traits.add(name);
    initializer2(inst, def);
    if (initialized) {
      const own2 = Object.getPrototypeOf(inst);
      const ctorProto = inst._zod.constr.prototype;
      let up = own2;
      while (up && up !== ctorProto)
        up = Object.getPrototypeOf(up);
      const target = up ?? own2;
      if (!initialized.has(target)) {
        initialized.add(target);
        members(target, protoMembers);
      }
    }
    const proto2 = _.prototype;
    for (const k in proto2) {
      if (!Object.prototype.hasOwnProperty.call(proto2, k))
        continue;
      if (!(k in inst)) {
        inst[k] = proto2[k].bind(inst);
      }
    }
  }
  const Parent = params?.Parent ?? Object;
  class Definition extends Parent {
  }
  Object.defineProperty(Definition, "name", { value: name });
  function _(def) {
    const inst = params?.Parent ? newError(Definition) : this;
    init(inst, def);
    const deferred = inst._zod.deferred;
    if (deferred) {
      for (const fn of deferred) {
        fn();
      }
      inst._zod.deferred = void 0;
    }
    const pp = globalThis.__zod_globalConfig?.postProcessor;
    if (pp)
      pp(inst);
    return inst;
  }
  Object.defineProperty(_, "init", { value: init });
  Object.defineProperty(_, Symbol.hasInstance, {
    value: (inst) => {
      if (params?.Parent && inst instanceof params.Parent)
        return true;
      return inst?._zod?.traits?.has(name);
    }
  });
  Object.defineProperty(_, "name", { value: name });
  return _;
}
var $ZodAsyncError = class extends Error {
  constructor() {
    super(`Encountered Promise during synchronous parse. Use .parseAsync() instead.`);
  }
};
var $ZodEncodeError = class extends Error {
  constructor(name) {
    super(`Encountered unidirectional transform during encode: ${name}`);
    this.name = "ZodEncodeError";
  }
};
(_a = globalThis).__zod_globalConfig ?? (_a.__zod_globalConfig = {});
var globalConfig = globalThis.__zod_globalConfig;
function config(newConfig) {
  if (newConfig)
    Object.assign(globalConfig, newConfig);
  return globalConfig;
}

// node_modules/zod/v4/core/errors.js
function _getMessage() {
  const internals = this._zod;
  internals.message ?? (internals.message = JSON.stringify(internals.def, jsonStringifyReplacer, 2));
  return internals.message;
}
function _setMessage(value) {
  this._zod.message = value;
}
var _messageDesc = {
  get: _getMessage,
  set: _setMessage,
  enumerable: true,
  configurable: true
};
var _issuesDesc = { value: void 0, enumerable: false };
var _installedToString = /* @__PURE__ */ new WeakSet([Object.prototype, Error.prototype]);
var initializer = (inst, def) => {
  inst.name = "$ZodError";
  _issuesDesc.value = def;
  Object.defineProperty(inst, "issues", _issuesDesc);
  _issuesDesc.value = void 0;
  Object.defineProperty(inst, "message", _messageDesc);
  const proto = Object.getPrototypeOf(inst);
  if (!_installedToString.has(proto)) {
    _installedToString.add(proto);
    Object.defineProperty(proto, "toString", {
      configurable: true,
      enumerable: false,
      get() {
        const value = () => this.message;
        Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
        return value;
      },
      set(value) {
        Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
      }
    });
  }
};
var $ZodError = $constructor("$ZodError", initializer);
var $ZodRealError = $constructor("$ZodError", initializer, void 0, {
  Parent: Error
});

// node_modules/zod/v4/core/parse.js
var _parse = (_Err) => {
  const fn = (schema, value, _ctx, _params) => {
    const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
    const result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise) {
      throw new $ZodAsyncError();
    }
    if (result.issues.length) {
      const e = new (_params?.Err ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
      captureStackTrace(e, _params?.callee ?? fn);
      throw e;
    }
    return result.value;
  };
  return fn;
};
var parse = /* @__PURE__ */ _parse($ZodRealError);
var _parseAsync = (_Err) => {
  const fn = async (schema, value, _ctx, params) => {
    const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
    let result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise)
      result = await result;
    if (result.issues.length) {
      const e = new (params?.Err ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
      captureStackTrace(e, params?.callee ?? fn);
      throw e;
    }
    return result.value;
  };
  return fn;
};
var parseAsync = /* @__PURE__ */ _parseAsync($ZodRealError);
var _safeParse = (_Err) => (schema, value, _ctx) => {
  const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
  const result = schema._zod.run({ value, issues: [] }, ctx);
  if (result instanceof Promise) {
    throw new $ZodAsyncError();
  }
  return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
};
var safeParse = /* @__PURE__ */ _safeParse($ZodRealError);
function failure(Err, issues, ctx) {
  let error2;
  return {
    success: false,
    get error() {
      if (!error2) {
        error2 = new Err(issues.map((iss) => finalizeIssue(iss, ctx, config())));
        issues = void 0;
        ctx = void 0;
      }
      return error2;
    },
    set error(e) {
      error2 = e;
      issues = void 0;
      ctx = void 0;
    }
  };
}
var _safeParseAsync = (_Err) => async (schema, value, _ctx) => {
  const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
  let result = schema._zod.run({ value, issues: [] }, ctx);
  if (result instanceof Promise)
    result = await result;
  return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
};
var safeParseAsync = /* @__PURE__ */ _safeParseAsync($ZodRealError);

// node_modules/zod/v4/core/regexes.js
var duration = /^P(?:(\d+W)|(?!.*W)(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+([.,]\d+)?S)?)?)$/;
var dateSource = `(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))`;
function anchor(source) {
  return new RegExp(`^${source}$`);
}
var date = /* @__PURE__ */ anchor(dateSource);
function timeSource(args) {
  const hhmm = `(?:[01]\\d|2[0-3]):[0-5]\\d`;
  const regex = typeof args.precision === "number" ? args.precision === -1 ? `${hhmm}` : args.precision === 0 ? `${hhmm}:[0-5]\\d` : `${hhmm}:[0-5]\\d\\.\\d{${args.precision}}` : args.seconds ? `${hhmm}:[0-5]\\d(?:\\.\\d+)?` : `${hhmm}(?::[0-5]\\d(?:\\.\\d+)?)?`;
  return regex;
}
function time(args) {
  return new RegExp(`^${timeSource(args)}$`);
}
function datetime(args) {
  const opts = ["Z"];
  if (args.offset)
    opts.push(`([+-](?:[01]\\d|2[0-3]):[0-5]\\d)`);
  const qualified = `${timeSource({ precision: args.precision, seconds: true })}(?:${opts.join("|")})`;
  const timeRegex = args.local ? `${qualified}|${timeSource({ precision: args.precision })}` : qualified;
  return new RegExp(`^${dateSource}T(?:${timeRegex})$`);
}
var anyString = /^[\s\S]{0,}$/;
var number = /^-?\d+(?:\.\d+)?$/;
var boolean = /^(?:true|false)$/i;

// node_modules/zod/v4/core/checks.js
var $ZodCheck = /* @__PURE__ */ $constructor("$ZodCheck", (inst, def) => {
  var _a3;
  inst._zod ?? (inst._zod = {});
  inst._zod.def = def;
  (_a3 = inst._zod).onattach ?? (_a3.onattach = []);
});
var _whenHasLength = (payload) => {
  const val = payload.value;
  return !nullish(val) && val.length !== void 0;
};
var numericOriginMap = {
  number: "number",
  bigint: "bigint",
  object: "date"
};
var $ZodCheckLessThan = /* @__PURE__ */ $constructor("$ZodCheckLessThan", (inst, def) => {
  $ZodCheck.init(inst, def);
  const origin = numericOriginMap[typeof def.value];
  inst._zod.check = (payload) => {
    if (def.inclusive ? payload.value <= def.value : payload.value < def.value) {
      return;
    }
    payload.issues.push({
      origin: numericOriginMap[typeof payload.value] ?? origin,
      code: "too_big",
      maximum: typeof def.value === "object" ? def.value.getTime() : def.value,
      input: payload.value,
      inclusive: def.inclusive,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckGreaterThan = /* @__PURE__ */ $constructor("$ZodCheckGreaterThan", (inst, def) => {
  $ZodCheck.init(inst, def);
  const origin = numericOriginMap[typeof def.value];
  inst._zod.check = (payload) => {
    if (def.inclusive ? payload.value >= def.value : payload.value > def.value) {
      return;
    }
    payload.issues.push({
      origin: numericOriginMap[typeof payload.value] ?? origin,
      code: "too_small",
      minimum: typeof def.value === "object" ? def.value.getTime() : def.value,
      input: payload.value,
      inclusive: def.inclusive,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckNumberFormat = /* @__PURE__ */ $constructor("$ZodCheckNumberFormat", (inst, def) => {
  $ZodCheck.init(inst, def);
  def.format = def.format || "float64";
  const isInt = def.format?.includes("int");
  const origin = isInt ? "int" : "number";
  const [minimum, maximum] = NUMBER_FORMAT_RANGES[def.format];
  inst._zod.check = (payload) => {
    const input = payload.value;
    if (isInt) {
      if (!Number.isInteger(input)) {
        payload.issues.push({
          expected: origin,
          format: def.format,
          code: "invalid_type",
          continue: false,
          input,
          inst
        });
        return;
      }
      if (!Number.isSafeInteger(input)) {
        if (input > 0) {
          payload.issues.push({
            input,
            code: "too_big",
            maximum: Number.MAX_SAFE_INTEGER,
            note: "Integers must be within the safe integer range.",
            inst,
            origin,
            inclusive: true,
            continue: !def.abort
          });
        } else {
          payload.issues.push({
            input,
            code: "too_small",
            minimum: Number.MIN_SAFE_INTEGER,
            note: "Integers must be within the safe integer range.",
            inst,
            origin,
            inclusive: true,
            continue: !def.abort
          });
        }
        return;
      }
    }
    if (input < minimum) {
      payload.issues.push({
        origin: "number",
        input,
        code: "too_small",
        minimum,
        inclusive: true,
        inst,
        continue: !def.abort
      });
    }
    if (input > maximum) {
      payload.issues.push({
        origin: "number",
        input,
        code: "too_big",
        maximum,
        inclusive: true,
        inst,
        continue: !def.abort
      });
    }
  };
});
var $ZodCheckMaxLength = /* @__PURE__ */ $constructor("$ZodCheckMaxLength", (inst, def) => {
  var _a3;
  $ZodCheck.init(inst, def);
  (_a3 = inst._zod.def).when ?? (_a3.when = _whenHasLength);
  inst._zod.check = (payload) => {
    const input = payload.value;
    const units = input.length;
    const length = typeof input === "string" && units > def.maximum ? codePointLength(input) : units;
    if (length <= def.maximum)
      return;
    const origin = getLengthableOrigin(input);
    payload.issues.push({
      origin,
      code: "too_big",
      maximum: def.maximum,
      inclusive: true,
      input,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckMinLength = /* @__PURE__ */ $constructor("$ZodCheckMinLength", (inst, def) => {
  var _a3;
  $ZodCheck.init(inst, def);
  (_a3 = inst._zod.def).when ?? (_a3.when = _whenHasLength);
  inst._zod.check = (payload) => {
    const input = payload.value;
    const units = input.length;
    const length = typeof input === "string" && units >= def.minimum && units < def.minimum * 2 ? codePointLength(input) : units;
    if (length >= def.minimum)
      return;
    const origin = getLengthableOrigin(input);
    payload.issues.push({
      origin,
      code: "too_small",
      minimum: def.minimum,
      inclusive: true,
      input,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckStringFormat = /* @__PURE__ */ $constructor("$ZodCheckStringFormat", (inst, def) => {
  var _a3, _b;
  $ZodCheck.init(inst, def);
  if (def.pattern)
    (_a3 = inst._zod).check ?? (_a3.check = (payload) => {
      def.pattern.lastIndex = 0;
      if (def.pattern.test(payload.value))
        return;
      payload.issues.push({
        origin: "string",
        code: "invalid_format",
        format: def.format,
        input: payload.value,
        ...def.pattern ? { pattern: def.pattern.toString() } : {},
        inst,
        continue: !def.abort
      });
    });
  else
    (_b = inst._zod).check ?? (_b.check = () => {
    });
});
var $ZodCheckRegex = /* @__PURE__ */ $constructor("$ZodCheckRegex", (inst, def) => {
  $ZodCheckStringFormat.init(inst, def);
  inst._zod.check = (payload) => {
    def.pattern.lastIndex = 0;
    if (def.pattern.test(payload.value))
      return;
    payload.issues.push({
      origin: "string",
      code: "invalid_format",
      format: "regex",
      input: payload.value,
      pattern: def.pattern.toString(),
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckOverwrite = /* @__PURE__ */ $constructor("$ZodCheckOverwrite", (inst, def) => {
  $ZodCheck.init(inst, def);
  inst._zod.check = (payload) => {
    payload.value = def.tx(payload.value);
  };
});

// node_modules/zod/v4/core/versions.js
var version = {
  major: 4,
  minor: 6,
  patch: 7
};

// node_modules/zod/v4/core/schemas.js
var $ZodType = /* @__PURE__ */ $constructor("$ZodType", (inst, def) => {
  var _a3;
  inst ?? (inst = {});
  inst._zod.def = def;
  inst._zod.bag = inst._zod.bag || {};
  inst._zod.version = version;
  const defChecks = inst._zod.def.checks;
  const checks = inst._zod.traits.has("$ZodCheck") ? [inst, ...defChecks ?? []] : defChecks?.length ? [...defChecks] : [];
  for (const ch of checks) {
    for (const fn of ch._zod.onattach) {
      fn(inst);
    }
  }
  if (checks.length === 0) {
    (_a3 = inst._zod).deferred ?? (_a3.deferred = []);
    inst._zod.deferred?.push(() => {
      inst._zod.run = inst._zod.parse;
    });
  } else {
    const runChecks = (payload, checks2, ctx) => {
      if (payload.memo)
        return payload;
      let isAborted = aborted(payload);
      let asyncResult;
      for (const ch of checks2) {
        if (ch._zod.def.when) {
          if (explicitlyAborted(payload))
            continue;
          const shouldRun = ch._zod.def.when(payload);
          if (!shouldRun)
            continue;
        } else if (isAborted) {
          continue;
        }
        const currLen = payload.issues.length;
        const _ = ch._zod.check(payload);
        if (_ instanceof Promise && ctx?.async === false) {
          throw new $ZodAsyncError();
        }
        if (asyncResult || _ instanceof Promise) {
          asyncResult = (asyncResult ?? Promise.resolve()).then(async () => {
            await _;
            const nextLen = payload.issues.length;
            if (nextLen === currLen)
              return;
            attachSchema(payload.issues, currLen, inst);
            if (!isAborted)
              isAborted = aborted(payload, currLen);
          });
        } else {
          const nextLen = payload.issues.length;
          if (nextLen === currLen)
            continue;
          attachSchema(payload.issues, currLen, inst);
          if (!isAborted)
            isAborted = aborted(payload, currLen);
        }
      }
      if (asyncResult) {
        return asyncResult.then(() => {
          return payload;
        });
      }
      return payload;
    };
    const handleCanaryResult = (canary, payload, ctx) => {
      if (aborted(canary)) {
        canary.aborted = true;
        return canary;
      }
      const checkResult = runChecks(payload, checks, ctx);
      if (checkResult instanceof Promise) {
        if (ctx.async === false)
          throw new $ZodAsyncError();
        return checkResult.then((checkResult2) => inst._zod.parse(checkResult2, ctx));
      }
      return inst._zod.parse(checkResult, ctx);
    };
    inst._zod.run = (payload, ctx) => {
      if (ctx.skipChecks) {
        return inst._zod.parse(payload, ctx);
      }
      if (ctx.direction === "backward") {
        const canary = inst._zod.parse({ value: payload.value, issues: [] }, { ...ctx, skipChecks: true });
        if (canary instanceof Promise) {
          return canary.then((canary2) => {
            return handleCanaryResult(canary2, payload, ctx);
          });
        }
        return handleCanaryResult(canary, payload, ctx);
      }
      const result = inst._zod.parse(payload, ctx);
      if (result instanceof Promise) {
        if (ctx.async === false)
          throw new $ZodAsyncError();
        return result.then((result2) => runChecks(result2, checks, ctx));
      }
      return runChecks(result, checks, ctx);
    };
  }
}, {
  // Wrappers extend this by installing a richer factory over it; reading it eagerly would defeat the laziness.
  get "~standard"() {
    return hide(this, "~standard", standardProps(this));
  },
  set "~standard"(value) {
    own(this, "~standard", value);
  }
});
var toStandardResult = (r, ctx) => r.issues.length ? { issues: r.issues.map((iss) => finalizeIssue(iss, ctx, config())) } : { value: r.value };
async function validateAsync(inst, value) {
  const ctx = { async: true };
  return toStandardResult(await inst._zod.run({ value, issues: [] }, ctx), ctx);
}
function standardProps(inst) {
  return {
    validate: (value) => {
      const ctx = { async: false };
      try {
        const r = inst._zod.run({ value, issues: [] }, ctx);
        if (!(r instanceof Promise))
          return toStandardResult(r, ctx);
      } catch (_) {
      }
      return validateAsync(inst, value);
    },
    vendor: "zod",
    version: 1
  };
}
var $ZodString = /* @__PURE__ */ $constructor("$ZodString", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.pattern = def.pattern ?? anyString;
  inst._zod.parse = (payload, _) => {
    if (def.coerce)
      try {
        payload.value = String(payload.value);
      } catch (_2) {
      }
    if (typeof payload.value === "string")
      return payload;
    payload.issues.push({
      expected: "string",
      code: "invalid_type",
      input: payload.value,
      inst
    });
    return payload;
  };
});
var $ZodStringFormat = /* @__PURE__ */ $constructor("$ZodStringFormat", (inst, def) => {
  $ZodCheckStringFormat.init(inst, def);
  $ZodString.init(inst, def);
});
var $ZodISODateTime = /* @__PURE__ */ $constructor("$ZodISODateTime", (inst, def) => {
  def.pattern ?? (def.pattern = datetime(def));
  $ZodStringFormat.init(inst, def);
});
var $ZodISODate = /* @__PURE__ */ $constructor("$ZodISODate", (inst, def) => {
  def.pattern ?? (def.pattern = date);
  $ZodStringFormat.init(inst, def);
});
var $ZodISOTime = /* @__PURE__ */ $constructor("$ZodISOTime", (inst, def) => {
  def.pattern ?? (def.pattern = time(def));
  $ZodStringFormat.init(inst, def);
});
var $ZodISODuration = /* @__PURE__ */ $constructor("$ZodISODuration", (inst, def) => {
  def.pattern ?? (def.pattern = duration);
  $ZodStringFormat.init(inst, def);
});
var $ZodNumber = /* @__PURE__ */ $constructor("$ZodNumber", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.pattern = number;
  inst._zod.parse = (payload, _ctx) => {
    if (def.coerce)
      try {
        payload.value = Number(payload.value);
      } catch (_) {
      }
    const input = payload.value;
    if (typeof input === "number" && !Number.isNaN(input) && Number.isFinite(input)) {
      return payload;
    }
    const received = typeof input === "number" ? Number.isNaN(input) ? "NaN" : !Number.isFinite(input) ? String(input) : void 0 : void 0;
    payload.issues.push({
      expected: "number",
      code: "invalid_type",
      input,
      inst,
      ...received ? { received } : {}
    });
    return payload;
  };
});
var $ZodNumberFormat = /* @__PURE__ */ $constructor("$ZodNumberFormat", (inst, def) => {
  $ZodCheckNumberFormat.init(inst, def);
  $ZodNumber.init(inst, def);
});
var $ZodBoolean = /* @__PURE__ */ $constructor("$ZodBoolean", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.pattern = boolean;
  inst._zod.parse = (payload, _ctx) => {
    if (def.coerce)
      try {
        payload.value = Boolean(payload.value);
      } catch (_) {
      }
    const input = payload.value;
    if (typeof input === "boolean")
      return payload;
    payload.issues.push({
      expected: "boolean",
      code: "invalid_type",
      input,
      inst
    });
    return payload;
  };
});
var $ZodUnknown = /* @__PURE__ */ $constructor("$ZodUnknown", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.parse = (payload) => payload;
});
var $ZodNever = /* @__PURE__ */ $constructor("$ZodNever", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.parse = (payload, _ctx) => {
    payload.issues.push({
      expected: "never",
      code: "invalid_type",
      input: payload.value,
      inst
    });
    return payload;
  };
});
function capSize(inst, size) {
  const caps = sizeCaps(inst._zod.def.checks);
  if (!caps.length)
    return;
  const cap = Math.min(...caps.map((c) => c[0]));
  const parse2 = inst._zod.parse;
  inst._zod.parse = (payload, ctx) => {
    const n = size(payload.value);
    if (n > cap && !ctx?.skipChecks && ctx?.direction !== "backward") {
      for (const [max, ch] of sizeCaps(inst._zod.def.checks)) {
        if (n > max && ch._zod.def.when(payload)) {
          const start = payload.issues.length;
          ch._zod.check(payload);
          payload.issues[start].continue = false;
          attachSchema(payload.issues, start, inst);
          return payload;
        }
      }
    }
    return parse2(payload, ctx);
  };
}
var arraySize = (input) => Array.isArray(input) ? input.length : -1;
function handleArrayResult(result, final, index) {
  if (result.issues.length) {
    final.issues.push(...prefixIssues(index, result.issues));
  }
  final.value[index] = result.value;
}
var $ZodArray = /* @__PURE__ */ $constructor("$ZodArray", (inst, def) => {
  $ZodType.init(inst, def);
  const memo = globalConfig.memoizer;
  memo?.attach(inst);
  inst._zod.parse = (payload, ctx) => {
    const input = payload.value;
    if (!Array.isArray(input)) {
      payload.issues.push({
        expected: "array",
        code: "invalid_type",
        input,
        inst
      });
      return payload;
    }
    payload.value = memo ? memo.alloc(inst, payload, Array(input.length), ctx) : Array(input.length);
    const proms = [];
    const abortEarly = ctx?.abortEarly;
    for (let i = 0; i < input.length; i++) {
      const item = input[i];
      const result = def.element._zod.run({
        value: item,
        issues: []
      }, ctx);
      if (result instanceof Promise) {
        proms.push(result.then((result2) => handleArrayResult(result2, payload, i)));
      } else {
        handleArrayResult(result, payload, i);
        if (abortEarly && result.issues.length !== 0 && aborted(result))
          break;
      }
    }
    if (proms.length) {
      return Promise.all(proms).then(() => payload);
    }
    return payload;
  };
  capSize(inst, arraySize);
});
function handlePropertyResult(result, final, key, input, optin, optout) {
  const isPresent = key in input;
  const isOptionalOut = optout === "optional";
  if (!isPresent && isOptionalOut && optin === "optional") {
    return;
  }
  if (result.issues.length) {
    if (optin !== void 0 && isOptionalOut && !isPresent) {
      return;
    }
    final.issues.push(...prefixIssues(key, result.issues));
  }
  if (!isPresent && optin === void 0) {
    if (!result.issues.length) {
      final.issues.push({
        code: "invalid_type",
        expected: "nonoptional",
        input: void 0,
        path: [key]
      });
    }
    return;
  }
  if (result.value === void 0) {
    if (isPresent || optin === "defaulted" && !isOptionalOut) {
      final.value[key] = void 0;
    }
  } else {
    final.value[key] = result.value;
  }
}
var NO_SYMBOL_KEYS = [];
function normalizeDef(def) {
  const keys = Object.keys(def.shape);
  const ownSymbols = Object.getOwnPropertySymbols(def.shape);
  const symbolKeys = ownSymbols.length ? ownSymbols : NO_SYMBOL_KEYS;
  const allKeys = symbolKeys.length ? [...keys, ...symbolKeys] : keys;
  for (const k of allKeys) {
    if (!def.shape?.[k]?._zod?.traits?.has("$ZodType")) {
      throw new Error(`Invalid element at key "${String(k)}": expected a Zod schema`);
    }
  }
  const okeys = optionalKeys(def.shape);
  return {
    ...def,
    allKeys,
    symbolKeys,
    // string-only: handleCatchall matches it against `for...in`, which never yields a symbol
    keySet: new Set(keys),
    numKeys: keys.length,
    optionalKeys: new Set(okeys)
  };
}
function handleCatchall(proms, input, payload, ctx, def, inst, abortEarly) {
  const unrecognized = [];
  const keySet = def.keySet;
  const _catchall = def.catchall._zod;
  const t = _catchall.def.type;
  const optin = _catchall.optin;
  const optout = _catchall.optout;
  let seen = 0;
  for (const key in input) {
    if (abortEarly && payload.issues.length !== seen) {
      if (aborted(payload, seen))
        break;
      seen = payload.issues.length;
    }
    if (keySet.has(key))
      continue;
    if (key === "__proto__") {
      if (t === "never")
        unrecognized.push(key);
      continue;
    }
    if (t === "never") {
      unrecognized.push(key);
      continue;
    }
    const r = _catchall.run({ value: input[key], issues: [] }, ctx);
    if (r instanceof Promise) {
      proms.push(r.then((r2) => handlePropertyResult(r2, payload, key, input, optin, optout)));
    } else {
      handlePropertyResult(r, payload, key, input, optin, optout);
    }
  }
  if (unrecognized.length) {
    payload.issues.push({
      code: "unrecognized_keys",
      keys: unrecognized,
      input,
      inst,
      // Describes the shape of the input, not the validity of the parsed value, so it never aborts. The parse still fails; the schema's own checks just get to run first, and an enclosing intersection can reconcile the key against a sibling operand.
      continue: true
    });
  }
  if (!proms.length)
    return payload;
  return Promise.all(proms).then(() => {
    return payload;
  });
}
var $ZodObject = /* @__PURE__ */ $constructor("$ZodObject", (inst, def) => {
  $ZodType.init(inst, def);
  const desc = Object.getOwnPropertyDescriptor(def, "shape");
  const sh = desc?.get ? desc.get.raw : def.shape ?? {};
  if (sh) {
    const get = () => {
      const newSh = { ...sh };
      Object.defineProperty(def, "shape", { value: newSh });
      get.raw = newSh;
      return newSh;
    };
    get.raw = sh;
    Object.defineProperty(def, "shape", { get });
  }
  const _normalized = cached(() => normalizeDef(def));
  defineLazyInternal(inst, "propValues", (zod) => {
    const shape = zod.def.shape;
    const propValues = {};
    for (const key in shape) {
      const field = shape[key]._zod;
      if (field.values) {
        if (!Object.prototype.hasOwnProperty.call(propValues, key)) {
          assignProp(propValues, key, /* @__PURE__ */ new Set());
        }
        for (const v of field.values)
          propValues[key].add(v);
        if (field.optin !== void 0)
          propValues[key].add(void 0);
      }
    }
    return propValues;
  });
  const isObject2 = isObject;
  const catchall = def.catchall;
  let value;
  const memo = globalConfig.memoizer;
  memo?.attach(inst);
  inst._zod.parse = (payload, ctx) => {
    value ?? (value = _normalized.value);
    const input = payload.value;
    if (!isObject2(input)) {
      payload.issues.push({
        expected: "object",
        code: "invalid_type",
        input,
        inst
      });
      return payload;
    }
    payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
    const proms = [];
    const shape = value.shape;
    const abortEarly = ctx?.abortEarly;
    let seen = payload.issues.length;
    for (const key of value.allKeys) {
      if (abortEarly && payload.issues.length !== seen) {
        if (aborted(payload, seen))
          break;
        seen = payload.issues.length;
      }
      if (key === "__proto__")
        continue;
      const el = shape[key];
      const optin = el._zod.optin;
      const optout = el._zod.optout;
      const r = el._zod.run({ value: input[key], issues: [] }, ctx);
      if (r instanceof Promise) {
        proms.push(r.then((r2) => handlePropertyResult(r2, payload, key, input, optin, optout)));
      } else {
        handlePropertyResult(r, payload, key, input, optin, optout);
      }
    }
    if (!catchall) {
      return proms.length ? Promise.all(proms).then(() => payload) : payload;
    }
    return handleCatchall(proms, input, payload, ctx, _normalized.value, inst, abortEarly === true);
  };
});
function handleUnionResults(results, final, inst, ctx) {
  for (const result of results) {
    if (result.issues.length === 0) {
      final.value = result.value;
      return final;
    }
  }
  const nonaborted = results.filter((r) => !aborted(r));
  if (nonaborted.length === 1) {
    final.value = nonaborted[0].value;
    return nonaborted[0];
  }
  final.issues.push({
    code: "invalid_union",
    input: final.value,
    inst,
    errors: results.map((result) => result.issues.map((iss) => finalizeIssue(iss, ctx, config())))
  });
  return final;
}
var $ZodUnion = /* @__PURE__ */ $constructor("$ZodUnion", (inst, def) => {
  $ZodType.init(inst, def);
  defineLazyInternal(inst, "optin", (zod) => zod.def.options.some((o) => o._zod.optin === "defaulted") ? "defaulted" : zod.def.options.some((o) => o._zod.optin !== void 0) ? "optional" : void 0);
  defineLazyInternal(inst, "optout", (zod) => zod.def.options.some((o) => o._zod.optout === "optional") ? "optional" : void 0);
  defineLazyInternal(inst, "values", (zod) => {
    if (zod.def.options.every((o) => o._zod.values)) {
      return new Set(zod.def.options.flatMap((option) => Array.from(option._zod.values)));
    }
    return void 0;
  });
  defineLazyInternal(inst, "pattern", (zod) => {
    if (zod.def.options.every((o) => o._zod.pattern)) {
      const patterns = zod.def.options.map((o) => o._zod.pattern);
      return new RegExp(`^(${patterns.map((p) => cleanRegex(p.source)).join("|")})$`);
    }
    return void 0;
  });
  const first = def.options.length === 1 ? def.options[0]._zod.run : null;
  inst._zod.parse = (payload, ctx) => {
    if (first) {
      return first(payload, ctx);
    }
    let async = false;
    const results = [];
    for (const option of def.options) {
      const result = option._zod.run({
        value: payload.value,
        issues: []
      }, ctx);
      if (result instanceof Promise) {
        results.push(result);
        async = true;
      } else {
        if (result.issues.length === 0)
          return result;
        results.push(result);
      }
    }
    if (!async)
      return handleUnionResults(results, payload, inst, ctx);
    return Promise.all(results).then((results2) => {
      return handleUnionResults(results2, payload, inst, ctx);
    });
  };
});
var $ZodRecord = /* @__PURE__ */ $constructor("$ZodRecord", (inst, def) => {
  $ZodType.init(inst, def);
  const memo = globalConfig.memoizer;
  memo?.attach(inst);
  inst._zod.parse = (payload, ctx) => {
    const input = payload.value;
    if (!isPlainObject(input)) {
      payload.issues.push({
        expected: "record",
        code: "invalid_type",
        input,
        inst
      });
      return payload;
    }
    const proms = [];
    const values = def.keyType._zod.values;
    if (values && !def.partial) {
      payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
      const recordKeys = /* @__PURE__ */ new Set();
      for (const key of values) {
        if (typeof key === "string" || typeof key === "number" || typeof key === "symbol") {
          recordKeys.add(typeof key === "number" ? key.toString() : key);
          if (key === "__proto__")
            continue;
          const keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
          if (keyResult instanceof Promise) {
            throw new Error("Async schemas not supported in object keys currently");
          }
          if (keyResult.issues.length) {
            payload.issues.push({
              code: "invalid_key",
              origin: "record",
              issues: keyResult.issues.map((iss) => finalizeIssue(iss, ctx, config())),
              input: key,
              path: [key],
              inst
            });
            continue;
          }
          const outKey = keyResult.value;
          if (outKey === "__proto__")
            continue;
          const result = def.valueType._zod.run({ value: input[key], issues: [] }, ctx);
          if (result instanceof Promise) {
            proms.push(result.then((result2) => {
              if (result2.issues.length) {
                payload.issues.push(...prefixIssues(key, result2.issues));
              }
              payload.value[outKey] = result2.value;
            }));
          } else {
            if (result.issues.length) {
              payload.issues.push(...prefixIssues(key, result.issues));
            }
            payload.value[outKey] = result.value;
          }
        }
      }
      let unrecognized;
      for (const key in input) {
        if (!recordKeys.has(key)) {
          if (def.mode === "loose") {
            if (key === "__proto__")
              continue;
            payload.value[key] = input[key];
          } else {
            unrecognized = unrecognized ?? [];
            unrecognized.push(key);
          }
        }
      }
      if (unrecognized && unrecognized.length > 0) {
        payload.issues.push({
          code: "unrecognized_keys",
          input,
          inst,
          keys: unrecognized,
          continue: true
        });
      }
    } else {
      payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
      let unrecognized;
      for (const key of Reflect.ownKeys(input)) {
        if (key === "__proto__")
          continue;
        if (!Object.prototype.propertyIsEnumerable.call(input, key))
          continue;
        let keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
        if (keyResult instanceof Promise) {
          throw new Error("Async schemas not supported in object keys currently");
        }
        const checkNumericKey = typeof key === "string" && number.test(key) && keyResult.issues.length;
        if (checkNumericKey) {
          const retryResult = def.keyType._zod.run({ value: Number(key), issues: [] }, ctx);
          if (retryResult instanceof Promise) {
            throw new Error("Async schemas not supported in object keys currently");
          }
          if (retryResult.issues.length === 0) {
            keyResult = retryResult;
          }
        }
        if (keyResult.issues.length) {
          if (def.mode === "loose") {
            payload.value[key] = input[key];
          } else if (values) {
            unrecognized = unrecognized ?? [];
            unrecognized.push(key);
          } else {
            payload.issues.push({
              code: "invalid_key",
              origin: "record",
              issues: keyResult.issues.map((iss) => finalizeIssue(iss, ctx, config())),
              input: key,
              path: [key],
              inst
            });
          }
          continue;
        }
        const outKey = keyResult.value;
        if (outKey === "__proto__")
          continue;
        const result = def.valueType._zod.run({ value: input[key], issues: [] }, ctx);
        if (result instanceof Promise) {
          proms.push(result.then((result2) => {
            if (result2.issues.length) {
              payload.issues.push(...prefixIssues(key, result2.issues));
            }
            payload.value[outKey] = result2.value;
          }));
        } else {
          if (result.issues.length) {
            payload.issues.push(...prefixIssues(key, result.issues));
          }
          payload.value[outKey] = result.value;
        }
      }
      if (unrecognized && unrecognized.length > 0) {
        payload.issues.push({
          code: "unrecognized_keys",
          input,
          inst,
          keys: unrecognized,
          continue: true
        });
      }
    }
    if (proms.length) {
      return Promise.all(proms).then(() => payload);
    }
    return payload;
  };
});
var $ZodEnum = /* @__PURE__ */ $constructor("$ZodEnum", (inst, def) => {
  $ZodType.init(inst, def);
  const values = getEnumValues(def.entries);
  const valuesSet = new Set(values);
  inst._zod.values = valuesSet;
  defineLazyInternal(inst, "pattern", (zod) => {
    const patternValues = getEnumValues(zod.def.entries).filter((k) => propertyKeyTypes.has(typeof k));
    return new RegExp(patternValues.length ? `^(${patternValues.map((o) => escapeRegex(o.toString())).join("|")})$` : "^[^\\s\\S]$");
  });
  inst._zod.parse = (payload, _ctx) => {
    const input = payload.value;
    if (valuesSet.has(input)) {
      return payload;
    }
    payload.issues.push({
      code: "invalid_value",
      values,
      input,
      inst
    });
    return payload;
  };
});
var $ZodLiteral = /* @__PURE__ */ $constructor("$ZodLiteral", (inst, def) => {
  $ZodType.init(inst, def);
  const values = new Set(def.values);
  inst._zod.values = values;
  defineLazyInternal(inst, "pattern", (zod) => {
    const vals = zod.def.values;
    return new RegExp(vals.length ? `^(${vals.map((o) => typeof o === "string" ? escapeRegex(o) : o ? escapeRegex(o.toString()) : String(o)).join("|")})$` : "^[^\\s\\S]$");
  });
  inst._zod.parse = (payload, _ctx) => {
    const input = payload.value;
    if (values.has(input)) {
      return payload;
    }
    payload.issues.push({
      code: "invalid_value",
      values: def.values,
      input,
      inst
    });
    return payload;
  };
});
var $ZodTransform = /* @__PURE__ */ $constructor("$ZodTransform", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.optin = "optional";
  globalConfig.memoizer?.guard(inst);
  inst._zod.parse = (payload, ctx) => {
    if (ctx.direction === "backward") {
      throw new $ZodEncodeError(inst.constructor.name);
    }
    const _out = def.transform(payload.value, payload);
    if (ctx.async) {
      const output = _out instanceof Promise ? _out : Promise.resolve(_out);
      return output.then((output2) => {
        payload.value = output2;
        return payload;
      });
    }
    if (_out instanceof Promise) {
      throw new $ZodAsyncError();
    }
    payload.value = _out;
    return payload;
  };
});
function handleOptionalResult(payload, result) {
  payload.value = result.issues.length ? void 0 : result.value;
  return payload;
}
var $ZodOptional = /* @__PURE__ */ $constructor("$ZodOptional", (inst, def) => {
  $ZodType.init(inst, def);
  defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin === "defaulted" ? "defaulted" : "optional");
  inst._zod.optout = "optional";
  defineLazyInternal(inst, "values", (zod) => {
    const values = zod.def.innerType._zod.values;
    return values ? /* @__PURE__ */ new Set([...values, void 0]) : void 0;
  });
  defineLazyInternal(inst, "pattern", (zod) => {
    const pattern = zod.def.innerType._zod.pattern;
    return pattern ? new RegExp(`^(${cleanRegex(pattern.source)})?$`) : void 0;
  });
  inst._zod.parse = (payload, ctx) => {
    if (payload.value === void 0) {
      if (def.innerType._zod.optin !== "defaulted")
        return payload;
      const result = def.innerType._zod.run({ value: payload.value, issues: [] }, ctx);
      if (result instanceof Promise)
        return result.then((result2) => handleOptionalResult(payload, result2));
      return handleOptionalResult(payload, result);
    }
    return def.innerType._zod.run(payload, ctx);
  };
});
var $ZodNullable = /* @__PURE__ */ $constructor("$ZodNullable", (inst, def) => {
  $ZodType.init(inst, def);
  defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin);
  defineLazyInternal(inst, "optout", (zod) => zod.def.innerType._zod.optout);
  defineLazyInternal(inst, "pattern", (zod) => {
    const pattern = zod.def.innerType._zod.pattern;
    return pattern ? new RegExp(`^(${cleanRegex(pattern.source)}|null)$`) : void 0;
  });
  defineLazyInternal(inst, "values", (zod) => {
    return zod.def.innerType._zod.values ? /* @__PURE__ */ new Set([...zod.def.innerType._zod.values, null]) : void 0;
  });
  inst._zod.parse = (payload, ctx) => {
    if (payload.value === null)
      return payload;
    return def.innerType._zod.run(payload, ctx);
  };
});
var $ZodDefault = /* @__PURE__ */ $constructor("$ZodDefault", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.optin = "defaulted";
  defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
  inst._zod.parse = (payload, ctx) => {
    if (ctx.direction === "backward") {
      return def.innerType._zod.run(payload, ctx);
    }
    if (payload.value === void 0) {
      payload.value = def.defaultValue;
      return payload;
    }
    const result = def.innerType._zod.run(payload, ctx);
    if (result instanceof Promise) {
      return result.then((result2) => handleDefaultResult(result2, def));
    }
    return handleDefaultResult(result, def);
  };
});
function handleDefaultResult(payload, def) {
  if (payload.value === void 0) {
    payload.value = def.defaultValue;
  }
  return payload;
}
var $ZodPipe = /* @__PURE__ */ $constructor("$ZodPipe", (inst, def) => {
  $ZodType.init(inst, def);
  defineLazyInternal(inst, "values", (zod) => zod.def.in._zod.values);
  defineLazyInternal(inst, "optin", (zod) => zod.def.in._zod.optin);
  defineLazyInternal(inst, "optout", (zod) => zod.def.out._zod.optout);
  defineLazyInternal(inst, "propValues", (zod) => zod.def.in._zod.propValues);
  inst._zod.parse = (payload, ctx) => {
    if (ctx.direction === "backward") {
      const right = def.out._zod.run(payload, ctx);
      if (right instanceof Promise) {
        return right.then((right2) => handlePipeResult(right2, def.in, ctx));
      }
      return handlePipeResult(right, def.in, ctx);
    }
    const left = def.in._zod.run(payload, ctx);
    if (left instanceof Promise) {
      return left.then((left2) => handlePipeResult(left2, def.out, ctx));
    }
    return handlePipeResult(left, def.out, ctx);
  };
});
function handlePipeResult(left, next, ctx) {
  if (left.issues.some((iss) => iss.code !== "unrecognized_keys")) {
    left.aborted = true;
    return left;
  }
  return next._zod.run({ value: left.value, issues: left.issues }, ctx);
}
var $ZodCustom = /* @__PURE__ */ $constructor("$ZodCustom", (inst, def) => {
  $ZodCheck.init(inst, def);
  $ZodType.init(inst, def);
  inst._zod.parse = (payload, _) => {
    return payload;
  };
  inst._zod.check = (payload) => {
    const input = payload.value;
    const r = def.fn(input);
    if (r instanceof Promise) {
      return r.then((r2) => handleRefineResult(r2, payload, input, inst));
    }
    handleRefineResult(r, payload, input, inst);
    return;
  };
});
function handleRefineResult(result, payload, input, inst) {
  if (!result) {
    const _iss = {
      code: "custom",
      input,
      inst,
      // incorporates params.error into issue reporting
      path: [...inst._zod.def.path ?? []],
      // incorporates params.error into issue reporting
      continue: !inst._zod.def.abort
      // params: inst._zod.def.params,
    };
    if (inst._zod.def.params)
      _iss.params = inst._zod.def.params;
    payload.issues.push(issue(_iss));
  }
}

// node_modules/zod/v4/locales/en.js
var error = () => {
  const Sizable = {
    string: { unit: "characters", verb: "to have" },
    file: { unit: "bytes", verb: "to have" },
    array: { unit: "items", verb: "to have" },
    set: { unit: "items", verb: "to have" },
    map: { unit: "entries", verb: "to have" }
  };
  function getSizing(origin) {
    return Sizable[origin] ?? null;
  }
  const FormatDictionary = {
    regex: "input",
    email: "email address",
    url: "URL",
    emoji: "emoji",
    uuid: "UUID",
    uuidv4: "UUIDv4",
    uuidv6: "UUIDv6",
    nanoid: "nanoid",
    guid: "GUID",
    cuid: "cuid",
    cuid2: "cuid2",
    ulid: "ULID",
    xid: "XID",
    ksuid: "KSUID",
    datetime: "ISO datetime",
    date: "ISO date",
    time: "ISO time",
    duration: "ISO duration",
    ipv4: "IPv4 address",
    ipv6: "IPv6 address",
    mac: "MAC address",
    cidrv4: "IPv4 range",
    cidrv6: "IPv6 range",
    base64: "base64-encoded string",
    base64url: "base64url-encoded string",
    json_string: "JSON string",
    e164: "E.164 number",
    currency_code: "currency code",
    credit_card: "credit card number",
    iban: "IBAN",
    jwt: "JWT",
    template_literal: "input"
  };
  const TypeDictionary = {
    // Compatibility: "nan" -> "NaN" for display
    nan: "NaN"
    // All other type names omitted - they fall back to raw values via ?? operator
  };
  function getTypeName(type, input) {
    if (type === "number" && typeof input === "number" && !Number.isFinite(input)) {
      return String(input);
    }
    return TypeDictionary[type] ?? type;
  }
  return (issue2) => {
    switch (issue2.code) {
      case "invalid_type": {
        const expected = getTypeName(issue2.expected);
        const receivedType = parsedType(issue2.input);
        const received = getTypeName(receivedType, issue2.input);
        return `Invalid input: expected ${expected}, received ${received}`;
      }
      case "invalid_value":
        if (issue2.values.length === 1)
          return `Invalid input: expected ${stringifyPrimitive(issue2.values[0])}`;
        return `Invalid option: expected one of ${joinValues(issue2.values, "|")}`;
      case "too_big": {
        const adj = issue2.exact ? "exactly " : issue2.inclusive ? "<=" : "<";
        const sizing = getSizing(issue2.origin);
        if (sizing)
          return `Too big: expected ${issue2.origin ?? "value"} to have ${adj}${issue2.maximum.toString()} ${sizing.unit ?? "elements"}`;
        return `Too big: expected ${issue2.origin ?? "value"} to be ${adj}${issue2.maximum.toString()}`;
      }
      case "too_small": {
        const adj = issue2.exact ? "exactly " : issue2.inclusive ? ">=" : ">";
        const sizing = getSizing(issue2.origin);
        if (sizing) {
          return `Too small: expected ${issue2.origin} to have ${adj}${issue2.minimum.toString()} ${sizing.unit}`;
        }
        return `Too small: expected ${issue2.origin} to be ${adj}${issue2.minimum.toString()}`;
      }
      case "invalid_format": {
        const _issue = issue2;
        if (_issue.format === "starts_with") {
          return `Invalid string: must start with "${_issue.prefix}"`;
        }
        if (_issue.format === "ends_with")
          return `Invalid string: must end with "${_issue.suffix}"`;
        if (_issue.format === "includes")
          return `Invalid string: must include "${_issue.includes}"`;
        if (_issue.format === "regex")
          return `Invalid string: must match pattern ${_issue.pattern}`;
        return `Invalid ${FormatDictionary[_issue.format] ?? issue2.format}`;
      }
      case "not_multiple_of":
        return `Invalid number: must be a multiple of ${issue2.divisor}`;
      case "unrecognized_keys":
        return `Unrecognized key${issue2.keys.length > 1 ? "s" : ""}: ${joinValues(issue2.keys, ", ")}`;
      case "invalid_key":
        return `Invalid key in ${issue2.origin}`;
      case "invalid_union":
        if (issue2.options && Array.isArray(issue2.options) && issue2.options.length > 0) {
          const opts = issue2.options.map((o) => `'${o}'`).join(" | ");
          return `Invalid discriminator value. Expected ${opts}`;
        }
        if (issue2.inclusive === false) {
          return "Invalid input: more than one option matched";
        }
        return "Invalid input";
      case "invalid_element":
        return `Invalid value in ${issue2.origin}`;
      default:
        return `Invalid input`;
    }
  };
};
function en_default() {
  return {
    localeError: error()
  };
}

// node_modules/zod/v4/core/registries.js
var _a2;
var $ZodRegistry = class {
  constructor() {
    this._map = /* @__PURE__ */ new WeakMap();
    this._idmap = /* @__PURE__ */ new Map();
  }
  add(schema, ..._meta) {
    const meta2 = _meta[0];
    this._map.set(schema, meta2);
    if (meta2 && typeof meta2 === "object" && "id" in meta2) {
      this._idmap.set(meta2.id, schema);
    }
    return this;
  }
  clear() {
    this._map = /* @__PURE__ */ new WeakMap();
    this._idmap = /* @__PURE__ */ new Map();
    return this;
  }
  remove(schema) {
    const meta2 = this._map.get(schema);
    if (meta2 && typeof meta2 === "object" && "id" in meta2) {
      this._idmap.delete(meta2.id);
    }
    this._map.delete(schema);
    return this;
  }
  get(schema) {
    const p = schema._zod.parent;
    if (p) {
      const pm = { ...this.get(p) ?? {} };
      delete pm.id;
      const f = { ...pm, ...this._map.get(schema) };
      return Object.keys(f).length ? f : void 0;
    }
    return this._map.get(schema);
  }
  has(schema) {
    return this._map.has(schema);
  }
};
function registry() {
  return new $ZodRegistry();
}
(_a2 = globalThis).__zod_globalRegistry ?? (_a2.__zod_globalRegistry = registry());
var globalRegistry = globalThis.__zod_globalRegistry;

// node_modules/zod/v4/core/api.js
function snapshotChecks(def) {
  if (def.checks)
    def.checks = [...def.checks];
  return def;
}
// @__NO_SIDE_EFFECTS__
function _string(Class, params) {
  return new Class(snapshotChecks({ type: "string", ...normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _isoDateTime(Class, params) {
  return new Class({
    type: "string",
    format: "datetime",
    check: "string_format",
    offset: false,
    local: false,
    precision: null,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _isoDate(Class, params) {
  return new Class({
    type: "string",
    format: "date",
    check: "string_format",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _isoTime(Class, params) {
  return new Class({
    type: "string",
    format: "time",
    check: "string_format",
    precision: null,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _isoDuration(Class, params) {
  return new Class({
    type: "string",
    format: "duration",
    check: "string_format",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _number(Class, params) {
  return new Class(snapshotChecks({ type: "number", checks: [], ...normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _int(Class, params) {
  return new Class({
    type: "number",
    check: "number_format",
    abort: false,
    format: "safeint",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _boolean(Class, params) {
  return new Class({
    type: "boolean",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _unknown(Class) {
  return new Class({
    type: "unknown"
  });
}
// @__NO_SIDE_EFFECTS__
function _never(Class, params) {
  return new Class({
    type: "never",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _lte(value, params) {
  return new $ZodCheckLessThan({
    check: "less_than",
    ...normalizeParams(params),
    value,
    inclusive: true
  });
}
// @__NO_SIDE_EFFECTS__
function _gte(value, params) {
  return new $ZodCheckGreaterThan({
    check: "greater_than",
    ...normalizeParams(params),
    value,
    inclusive: true
  });
}
// @__NO_SIDE_EFFECTS__
function _nonnegative(params) {
  return /* @__PURE__ */ _gte(0, params);
}
// @__NO_SIDE_EFFECTS__
function _maxLength(maximum, params) {
  const ch = new $ZodCheckMaxLength({
    check: "max_length",
    ...normalizeParams(params),
    maximum
  });
  return ch;
}
// @__NO_SIDE_EFFECTS__
function _minLength(minimum, params) {
  return new $ZodCheckMinLength({
    check: "min_length",
    ...normalizeParams(params),
    minimum
  });
}
// @__NO_SIDE_EFFECTS__
function _regex(pattern, params) {
  return new $ZodCheckRegex({
    check: "string_format",
    format: "regex",
    ...normalizeParams(params),
    pattern
  });
}
// @__NO_SIDE_EFFECTS__
function _overwrite(tx) {
  return new $ZodCheckOverwrite({
    check: "overwrite",
    tx
  });
}
// @__NO_SIDE_EFFECTS__
function _trim() {
  return /* @__PURE__ */ _overwrite((input) => input.trim());
}
// @__NO_SIDE_EFFECTS__
function _refine(Class, fn, _params) {
  const schema = new Class({
    type: "custom",
    check: "custom",
    fn,
    ...normalizeParams(_params)
  });
  return schema;
}
// @__NO_SIDE_EFFECTS__
function describe(description) {
  const ch = new $ZodCheck({ check: "describe" });
  ch._zod.onattach = [
    (inst) => {
      const existing = globalRegistry.get(inst) ?? {};
      globalRegistry.add(inst, { ...existing, description });
    }
  ];
  ch._zod.check = () => {
  };
  return ch;
}

// node_modules/zod/v4/mini/schemas.js
var ZodMiniType = /* @__PURE__ */ $constructor("ZodMiniType", (inst, def) => {
  if (!inst._zod)
    throw new Error("Uninitialized schema in ZodMiniType.");
  $ZodType.init(inst, def);
  inst.def = def;
  inst.type = def.type;
}, {
  // `with` is an alias for `check`: the same function object, not a wrapper.
  get with() {
    return this.check;
  },
  set with(value) {
    own(this, "with", value);
  },
  parse(data, params) {
    return parse(this, data, params, { callee: this.parse });
  },
  parseAsync(data, params) {
    return parseAsync(this, data, params, { callee: this.parseAsync });
  },
  safeParse(data, params) {
    return safeParse(this, data, params);
  },
  safeParseAsync(data, params) {
    return safeParseAsync(this, data, params);
  },
  check(...checks) {
    const def = this.def;
    return this.clone({
      ...def,
      checks: [
        ...def.checks ?? [],
        ...checks.map((ch) => typeof ch === "function" ? { _zod: { check: ch, def: { check: "custom" }, onattach: [] } } : ch)
      ]
    }, { parent: true });
  },
  clone(_def, params) {
    return clone(this, _def, params);
  },
  brand() {
    return this;
  },
  register(reg, meta2) {
    reg.add(this, meta2);
    return this;
  },
  apply(fn, ...args) {
    return args.length === 0 ? fn(this) : fn(this, ...args);
  }
});
var ZodMiniString = /* @__PURE__ */ $constructor("ZodMiniString", (inst, def) => {
  $ZodString.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function string2(params) {
  return _string(ZodMiniString, params);
}
var ZodMiniStringFormat = /* @__PURE__ */ $constructor("ZodMiniStringFormat", (inst, def) => {
  $ZodStringFormat.init(inst, def);
  ZodMiniString.init(inst, def);
});
var ZodMiniNumber = /* @__PURE__ */ $constructor("ZodMiniNumber", (inst, def) => {
  $ZodNumber.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function number2(params) {
  return _number(ZodMiniNumber, params);
}
var ZodMiniNumberFormat = /* @__PURE__ */ $constructor("ZodMiniNumberFormat", (inst, def) => {
  $ZodNumberFormat.init(inst, def);
  ZodMiniNumber.init(inst, def);
});
function int(params) {
  return _int(ZodMiniNumberFormat, params);
}
var ZodMiniBoolean = /* @__PURE__ */ $constructor("ZodMiniBoolean", (inst, def) => {
  $ZodBoolean.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function boolean2(params) {
  return _boolean(ZodMiniBoolean, params);
}
var ZodMiniUnknown = /* @__PURE__ */ $constructor("ZodMiniUnknown", (inst, def) => {
  $ZodUnknown.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function unknown() {
  return _unknown(ZodMiniUnknown);
}
var ZodMiniNever = /* @__PURE__ */ $constructor("ZodMiniNever", (inst, def) => {
  $ZodNever.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function never(params) {
  return _never(ZodMiniNever, params);
}
var ZodMiniArray = /* @__PURE__ */ $constructor("ZodMiniArray", (inst, def) => {
  $ZodArray.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function array(element, params) {
  return new ZodMiniArray({
    type: "array",
    element,
    ...normalizeParams(params)
  });
}
var ZodMiniObject = /* @__PURE__ */ $constructor("ZodMiniObject", (inst, def) => {
  $ZodObject.init(inst, def);
  ZodMiniType.init(inst, def);
  installLazyProp(inst, "shape", (self) => self._zod.def.shape, false);
});
// @__NO_SIDE_EFFECTS__
function object(shape, params) {
  const def = {
    type: "object",
    shape: shape ?? {},
    ...normalizeParams(params)
  };
  return new ZodMiniObject(def);
}
// @__NO_SIDE_EFFECTS__
function strictObject(shape, params) {
  return new ZodMiniObject({
    type: "object",
    shape,
    catchall: /* @__PURE__ */ never(),
    ...normalizeParams(params)
  });
}
var ZodMiniUnion = /* @__PURE__ */ $constructor("ZodMiniUnion", (inst, def) => {
  $ZodUnion.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function union(options, params) {
  return new ZodMiniUnion({
    type: "union",
    options,
    ...normalizeParams(params)
  });
}
var ZodMiniRecord = /* @__PURE__ */ $constructor("ZodMiniRecord", (inst, def) => {
  $ZodRecord.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function record(keyType, valueType, params) {
  if (!valueType || !valueType._zod) {
    return new ZodMiniRecord({
      type: "record",
      keyType: /* @__PURE__ */ string2(),
      valueType: keyType,
      ...normalizeParams(valueType)
    });
  }
  return new ZodMiniRecord({
    type: "record",
    keyType,
    valueType,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function partialRecord(keyType, valueType, params) {
  return new ZodMiniRecord({
    type: "record",
    keyType,
    valueType,
    ...normalizeParams(params),
    partial: true
  });
}
var ZodMiniEnum = /* @__PURE__ */ $constructor("ZodMiniEnum", (inst, def) => {
  $ZodEnum.init(inst, def);
  ZodMiniType.init(inst, def);
  inst.options = [...inst._zod.values];
});
// @__NO_SIDE_EFFECTS__
function _enum(values, params) {
  const entries = Array.isArray(values) ? Object.fromEntries(values.map((v) => [v, v])) : values;
  return new ZodMiniEnum({
    type: "enum",
    entries,
    ...normalizeParams(params)
  });
}
var ZodMiniLiteral = /* @__PURE__ */ $constructor("ZodMiniLiteral", (inst, def) => {
  $ZodLiteral.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function literal(value, params) {
  return new ZodMiniLiteral({
    type: "literal",
    values: Array.isArray(value) ? value : [value],
    ...normalizeParams(params)
  });
}
var ZodMiniTransform = /* @__PURE__ */ $constructor("ZodMiniTransform", (inst, def) => {
  $ZodTransform.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function transform(fn) {
  return new ZodMiniTransform({
    type: "transform",
    transform: fn
  });
}
var ZodMiniOptional = /* @__PURE__ */ $constructor("ZodMiniOptional", (inst, def) => {
  $ZodOptional.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function optional(innerType) {
  return new ZodMiniOptional({
    type: "optional",
    innerType
  });
}
var ZodMiniNullable = /* @__PURE__ */ $constructor("ZodMiniNullable", (inst, def) => {
  $ZodNullable.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function nullable(innerType) {
  return new ZodMiniNullable({
    type: "nullable",
    innerType
  });
}
// @__NO_SIDE_EFFECTS__
function nullish2(innerType) {
  return /* @__PURE__ */ optional(/* @__PURE__ */ nullable(innerType));
}
var ZodMiniDefault = /* @__PURE__ */ $constructor("ZodMiniDefault", (inst, def) => {
  $ZodDefault.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function _default(innerType, defaultValue) {
  return new ZodMiniDefault({
    type: "default",
    innerType,
    get defaultValue() {
      return typeof defaultValue === "function" ? defaultValue() : shallowClone(defaultValue);
    }
  });
}
var ZodMiniPipe = /* @__PURE__ */ $constructor("ZodMiniPipe", (inst, def) => {
  $ZodPipe.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function pipe(in_, out) {
  return new ZodMiniPipe({
    type: "pipe",
    in: in_,
    out
  });
}
var ZodMiniCustom = /* @__PURE__ */ $constructor("ZodMiniCustom", (inst, def) => {
  $ZodCustom.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function refine(fn, _params = {}) {
  return _refine(ZodMiniCustom, fn, _params);
}
var describe2 = describe;

// node_modules/zod/v4/mini/iso.js
var iso_exports = {};
__export(iso_exports, {
  ZodMiniISODate: () => ZodMiniISODate,
  ZodMiniISODateTime: () => ZodMiniISODateTime,
  ZodMiniISODuration: () => ZodMiniISODuration,
  ZodMiniISOTime: () => ZodMiniISOTime,
  date: () => date2,
  datetime: () => datetime2,
  duration: () => duration2,
  time: () => time2
});
var ZodMiniISODateTime = /* @__PURE__ */ $constructor("ZodMiniISODateTime", (inst, def) => {
  $ZodISODateTime.init(inst, def);
  ZodMiniStringFormat.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function datetime2(params) {
  return _isoDateTime(ZodMiniISODateTime, params);
}
var ZodMiniISODate = /* @__PURE__ */ $constructor("ZodMiniISODate", (inst, def) => {
  $ZodISODate.init(inst, def);
  ZodMiniStringFormat.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function date2(params) {
  return _isoDate(ZodMiniISODate, params);
}
var ZodMiniISOTime = /* @__PURE__ */ $constructor("ZodMiniISOTime", (inst, def) => {
  $ZodISOTime.init(inst, def);
  ZodMiniStringFormat.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function time2(params) {
  return _isoTime(ZodMiniISOTime, params);
}
var ZodMiniISODuration = /* @__PURE__ */ $constructor("ZodMiniISODuration", (inst, def) => {
  $ZodISODuration.init(inst, def);
  ZodMiniStringFormat.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function duration2(params) {
  return _isoDuration(ZodMiniISODuration, params);
}

// src/shared/schema-locale.ts
config(en_default());

// src/dockerfile/describe.ts
function describeUserInstruction(user) {
  return user.raw === user.value ? `USER ${user.raw}` : `USER ${user.raw} (= ${user.value})`;
}

// src/facts/user-spec.ts
var MAX_UID = 2147483647;
function parseGoInt64(text) {
  const { value, error: error2 } = goAtoi(text);
  return error2 === null ? value : null;
}
function numericText(text) {
  return /^[+-]?\d+$/.test(text) ? BigInt(text) : null;
}
function parseGroupSpec(text) {
  if (text === void 0 || text === "") return null;
  const gid = parseGoInt64(text);
  return gid === null ? { kind: "name", name: text } : { kind: "gid", gid, text };
}
function parseUserSpec(raw) {
  if (raw === "") return { kind: "none", raw: "" };
  const [userText = "", groupText] = raw.split(":");
  const group = parseGroupSpec(groupText);
  if (userText === "") return { kind: "uid", raw, uid: 0n, userText, group };
  const uid = parseGoInt64(userText);
  if (uid !== null) return { kind: "uid", raw, uid, userText, group };
  return { kind: "name", raw, name: userText, group };
}
function uidInRange(uid) {
  return uid >= 0 && uid <= MAX_UID;
}

// src/fixes/diff.ts
var CONTEXT = 3;
function splitLines(text) {
  if (/\r(?!\n)/.test(text)) return null;
  const lines = [];
  const pattern = /(.*?)(\r\n|\n|$)/gsy;
  while (pattern.lastIndex < text.length) {
    const match = pattern.exec(text);
    lines.push({ text: match[1], eol: match[2] });
  }
  return lines;
}
function dominantEol(lines) {
  const crlf = lines.filter((line) => line.eol === "\r\n").length;
  const lf = lines.filter((line) => line.eol === "\n").length;
  return crlf > lf ? "\r\n" : "\n";
}
function plan(lines, edits) {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.count - b.count);
  const eol = dominantEol(lines);
  const ops = [];
  let next = 1;
  for (const edit of sorted) {
    if (!Number.isInteger(edit.start) || !Number.isInteger(edit.count)) return null;
    if (edit.start < next || edit.count < 0 || edit.start + edit.count - 1 > lines.length) {
      return null;
    }
    if (edit.lines.some((text) => /[\r\n]/.test(text))) return null;
    for (; next < edit.start; next++) ops.push({ kind: "keep", line: lines[next - 1] });
    for (; next < edit.start + edit.count; next++)
      ops.push({ kind: "del", line: lines[next - 1] });
    for (const text of edit.lines) ops.push({ kind: "add", line: { text, eol } });
  }
  for (; next <= lines.length; next++) ops.push({ kind: "keep", line: lines[next - 1] });
  return tidy(endOfFile(ops, lines, eol));
}
var sameLine = (a, b) => a.text === b.text && a.eol === b.eol;
function tidy(ops) {
  const result = [];
  for (let i = 0; i < ops.length; ) {
    if (ops[i].kind === "keep") {
      result.push(ops[i++]);
      continue;
    }
    const dels = [];
    const adds = [];
    for (; i < ops.length && ops[i].kind !== "keep"; i++) {
      (ops[i].kind === "del" ? dels : adds).push(ops[i].line);
    }
    let head = 0;
    while (head < dels.length && head < adds.length && sameLine(dels[head], adds[head])) head++;
    let tail = 0;
    while (tail < dels.length - head && tail < adds.length - head && sameLine(dels.at(-1 - tail), adds.at(-1 - tail))) {
      tail++;
    }
    for (const line of dels.slice(0, head)) result.push({ kind: "keep", line });
    for (const line of dels.slice(head, dels.length - tail)) result.push({ kind: "del", line });
    for (const line of adds.slice(head, adds.length - tail)) result.push({ kind: "add", line });
    for (const line of dels.slice(dels.length - tail)) result.push({ kind: "keep", line });
  }
  return result;
}
function endOfFile(ops, lines, eol) {
  const noFinalNewline = lines.length > 0 && lines.at(-1).eol === "";
  if (!noFinalNewline) return ops;
  const lastNew = ops.findLastIndex((op) => op.kind !== "del");
  const result = [];
  for (const [index, op] of ops.entries()) {
    if (op.kind === "keep" && op.line.eol === "" && index !== lastNew) {
      result.push({ kind: "del", line: op.line }, { kind: "add", line: { ...op.line, eol } });
    } else if (op.kind === "add" && index === lastNew) {
      result.push({ kind: "add", line: { ...op.line, eol: "" } });
    } else {
      result.push(op);
    }
  }
  return result;
}
function range(start, count) {
  return count === 1 ? `${start}` : `${start},${count}`;
}
function render(prefix, line) {
  const body = `${prefix}${line.text}${line.eol === "\r\n" ? "\r" : ""}
`;
  return line.eol === "" ? `${body}\\ No newline at end of file
` : body;
}
var PLAIN_PATH = /^[A-Za-z0-9._+@,=~ /-]+$/;
function isDiffablePath(path) {
  return PLAIN_PATH.test(path) && !path.startsWith("/") && !path.split("/").includes("..");
}
function unifiedDiff(path, text, edits) {
  const lines = splitLines(text);
  const ops = lines && plan(lines, edits);
  if (!ops) return null;
  const oldNo = [];
  const newNo = [];
  let o = 0;
  let n = 0;
  for (const op of ops) {
    if (op.kind !== "add") o++;
    if (op.kind !== "del") n++;
    oldNo.push(o);
    newNo.push(n);
  }
  const changed = ops.flatMap((op, index) => op.kind === "keep" ? [] : [index]);
  if (changed.length === 0) return null;
  const hunks = [];
  for (const index of changed) {
    const from = Math.max(0, index - CONTEXT);
    const to = Math.min(ops.length - 1, index + CONTEXT);
    const last = hunks.at(-1);
    if (last && from <= last.to + 1) last.to = Math.max(last.to, to);
    else hunks.push({ from, to });
  }
  let out = `--- a/${path}
+++ b/${path}
`;
  for (const { from, to } of hunks) {
    const slice = ops.slice(from, to + 1);
    const oldCount = slice.filter((op) => op.kind !== "add").length;
    const newCount = slice.filter((op) => op.kind !== "del").length;
    const oldStart = oldCount === 0 ? from === 0 ? 0 : oldNo[from - 1] : oldNo[from + slice.findIndex((op) => op.kind !== "add")];
    const newStart = newCount === 0 ? from === 0 ? 0 : newNo[from - 1] : newNo[from + slice.findIndex((op) => op.kind !== "del")];
    out += `@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@
`;
    for (const op of slice) {
      out += render(op.kind === "keep" ? " " : op.kind === "del" ? "-" : "+", op.line);
    }
  }
  return out;
}

// src/fixes/source.ts
var DockerfileSource = class {
  dockerfile;
  finalStage;
  /** The Dockerfile's escape character (`\`, or `` ` `` by a parser directive). */
  escape;
  lines;
  lowercase;
  constructor(dockerfile, lines) {
    this.dockerfile = dockerfile;
    this.finalStage = dockerfile.finalStage;
    this.lines = lines;
    this.escape = escapeDirective(lines);
    this.lowercase = /^\s*from\b/.test(this.text(this.finalStage.line) ?? "");
  }
  /** The text of a line (1-based), without its ending. */
  text(line) {
    return this.lines[line - 1]?.text;
  }
  get lineCount() {
    return this.lines.length;
  }
  /** An instruction keyword in the file's own case (`USER`, or `user` in a lower-case file). */
  keyword(name) {
    return this.lowercase ? name.toLowerCase() : name;
  }
  /** Leading whitespace of a line, so an inserted line lines up with its neighbour. */
  indent(line) {
    return /^[ \t]*/.exec(this.text(line) ?? "")[0];
  }
  /** The line ends with the escape character: the instruction goes on. */
  continues(line) {
    const text = (this.text(line) ?? "").trimEnd();
    return text.endsWith(this.escape);
  }
  /** The arguments of a one-line instruction at `line` when its keyword is one of `keywords`. */
  instruction(line, ...keywords) {
    const text = this.text(line);
    if (text === void 0 || this.continues(line)) return null;
    const match = /^(\s*([A-Za-z]+)\s+)(\S.*?)\s*$/s.exec(text);
    if (!match || !keywords.includes(match[2].toUpperCase())) return null;
    return { head: match[1], args: match[3] };
  }
  /** The built stage (the final one or one it is built FROM) that holds a line. */
  stageOf(line) {
    return this.dockerfile.chain.find((stage) => stage.line <= line && line <= stage.endLine);
  }
  inFinalStage(line) {
    return this.finalStage.line <= line && line <= this.finalStage.endLine;
  }
  /** Last line of the final stage's last instruction (blank lines and comments after it excluded). */
  endOfFinalStage() {
    const next = this.dockerfile.stages[this.finalStage.index + 1];
    let line = Math.min(next ? next.line - 1 : this.lines.length, this.lines.length);
    while (line > this.finalStage.line && /^\s*(?:#.*)?$/.test(this.text(line) ?? "")) line--;
    return line;
  }
  /** The last line in the final stage of a RUN, WORKDIR, COPY or ADD: steps that run as the build user. */
  lastBuildStep() {
    const stage = this.finalStage;
    return Math.max(
      stage.line,
      ...stage.runs.map((run) => run.endLine),
      ...stage.workdirs.map((workdir) => workdir.line),
      ...stage.copies.map((copy) => copy.line)
    );
  }
  /**
   * Where lines go that must come after every build step of the final stage
   * and after `after`: before its ENTRYPOINT/CMD (and the comment right above
   * it) when that comes later, else after its last instruction. The line to
   * insert before, or null when the text makes that unsafe.
   */
  insertionPoint(after = 0) {
    const floor = Math.max(this.lastBuildStep(), after);
    const commands = [this.finalStage.entrypoint?.line, this.finalStage.cmd?.line].filter(
      (line) => line !== void 0 && line > floor
    );
    if (commands.length > 0) {
      let at2 = Math.min(...commands);
      while (at2 - 1 > floor && /^\s*#/.test(this.text(at2 - 1) ?? "")) at2--;
      return at2;
    }
    const end = this.endOfFinalStage();
    if (end < floor || this.continues(end)) return null;
    return end + 1;
  }
  /** The line to copy indentation from for lines inserted before `at`. */
  neighbour(at2) {
    return at2 <= this.lines.length ? at2 : Math.max(1, at2 - 1);
  }
  /** A SHELL instruction in a built stage changes what `RUN` runs: no RUN fixes then. */
  changesShell() {
    return this.dockerfile.chain.some((stage) => {
      for (let line = stage.line; line <= Math.min(stage.endLine, this.lines.length); line++) {
        if (/^\s*SHELL\b/i.test(this.text(line) ?? "")) return true;
      }
      return false;
    });
  }
  diff(edits) {
    return unifiedDiff(this.dockerfile.path, this.dockerfile.text, edits);
  }
};
function escapeDirective(lines) {
  for (const { text } of lines) {
    const directive = /^#\s*([A-Za-z]+)\s*=\s*(\S+)\s*$/.exec(text);
    if (!directive) break;
    if (directive[1].toLowerCase() === "escape") return directive[2];
  }
  return "\\";
}
function dockerfileSource(facts) {
  const dockerfile = facts.dockerfile;
  if (!dockerfile || typeof dockerfile.text !== "string") return null;
  const path = dockerfile.path;
  if (!isDiffablePath(path)) return null;
  const user = dockerfile.effectiveUser;
  if (user && user.value !== facts.image.user) return null;
  const lines = splitLines(dockerfile.text);
  return lines ? new DockerfileSource(dockerfile, lines) : null;
}

// src/fixes/user.ts
var NEW_UID = 10001;
var NEW_NAME = "app";
function appUidStableAt(source, line) {
  const at2 = source.stageOf(line)?.index ?? source.finalStage.index;
  return source.dockerfile.chain.every(
    (stage) => stage.args.every((arg) => arg.name !== "APP_UID") && stage.envs.every(
      (env) => env.name !== "APP_UID" || stage.index < at2 || stage.index === at2 && env.line < line
    )
  );
}
function userCreation(facts, changesShell) {
  const runtime2 = facts.runtime;
  if (!runtime2) return null;
  const shell = runtime2.tools.some((tool) => tool.kind === "shell" && tool.path === "/bin/sh");
  if (!shell) return { kind: "numeric", why: "no-shell" };
  if (changesShell) return { kind: "numeric", why: "shell-instruction" };
  const { passwd, group } = facts.accounts;
  const free = passwd !== null && group !== null && passwd.every((entry) => entry.name !== NEW_NAME && entry.uid !== BigInt(NEW_UID)) && group.every((entry) => entry.name !== NEW_NAME && entry.gid !== BigInt(NEW_UID));
  if (!free) return { kind: "numeric", why: "taken" };
  const has = (name) => runtime2.tools.some((tool) => tool.kind === "account" && tool.name === name);
  return has("useradd") && has("groupadd") ? { kind: "useradd" } : { kind: "append" };
}
function createUser(facts, source) {
  const creation = userCreation(facts, source.changesShell());
  if (!creation) return null;
  const user = source.keyword("USER");
  const e = source.escape;
  switch (creation.kind) {
    case "numeric":
      return { lines: [`${user} ${NEW_UID}:${NEW_UID}`], runs: false };
    case "useradd":
      return {
        lines: [
          `${source.keyword("RUN")} groupadd --gid ${NEW_UID} ${NEW_NAME} ${e}`,
          ` && useradd --uid ${NEW_UID} --gid ${NEW_UID} --create-home --shell /usr/sbin/nologin ${NEW_NAME}`,
          `${user} ${NEW_UID}`
        ],
        runs: true
      };
    case "append":
      return {
        lines: [
          `${source.keyword("RUN")} echo '${NEW_NAME}:x:${NEW_UID}:${NEW_UID}::/home/${NEW_NAME}:/sbin/nologin' >> /etc/passwd ${e}`,
          ` && echo '${NEW_NAME}:x:${NEW_UID}:' >> /etc/group ${e}`,
          ` && mkdir -p /home/${NEW_NAME} && chown ${NEW_UID}:${NEW_UID} /home/${NEW_NAME}`,
          `${user} ${NEW_UID}`
        ],
        runs: true
      };
  }
}
function switchUserDiff(facts, suggestion) {
  const source = dockerfileSource(facts);
  if (!source) return null;
  if (facts.user.spec.kind !== "none" && facts.user.uid !== 0) return null;
  const target = /^USER (\$APP_UID|\d+)$/.exec(suggestion.instruction)?.[1];
  if (target === void 0) return null;
  if (target !== "$APP_UID" && !(Number(target) > 0 && Number(target) <= MAX_UID)) return null;
  let lines;
  let runs = false;
  if (suggestion.mustCreate) {
    const created = createUser(facts, source);
    if (!created) return null;
    ({ lines, runs } = created);
  } else {
    lines = [`${source.keyword("USER")} ${target}`];
  }
  const usesAppUid = target === "$APP_UID";
  const current = source.dockerfile.effectiveUser;
  const inFinal = current !== null && source.inFinalStage(current.line);
  const stage = source.finalStage;
  const rootNeededAfter = (line) => stage.runs.some((run) => run.line > line) || stage.workdirs.some((workdir) => workdir.line > line);
  let edit;
  if (current && inFinal && !runs && !rootNeededAfter(current.line) && source.instruction(current.line, "USER")) {
    if (usesAppUid && !appUidStableAt(source, current.line)) return null;
    const indent = source.indent(current.line);
    edit = { start: current.line, count: 1, lines: lines.map((line) => indent + line) };
  } else {
    const at2 = source.insertionPoint(inFinal ? current.line : 0);
    if (at2 === null) return null;
    if (usesAppUid && !appUidStableAt(source, at2)) return null;
    const indent = source.indent(source.neighbour(at2));
    edit = { start: at2, count: 0, lines: lines.map((line) => indent + line) };
  }
  return source.diff([edit]);
}
function numericUserDiff(facts, replacement) {
  const source = dockerfileSource(facts);
  const current = source?.dockerfile.effectiveUser;
  if (!source || !current) return null;
  const { spec, uid, gid } = facts.user;
  if (spec.kind !== "name" || uid === null || uid === 0) return null;
  if (spec.group !== null && gid === null) return null;
  const first = facts.accounts.passwd?.find((entry) => entry.uid === BigInt(uid));
  if (!first || first.name !== spec.name) return null;
  if (replacement.includes("$APP_UID") && !appUidStableAt(source, current.line)) return null;
  const instruction = source.instruction(current.line, "USER");
  if (!instruction || instruction.args !== current.raw) return null;
  return source.diff([
    { start: current.line, count: 1, lines: [`${instruction.head}${replacement}`] }
  ]);
}

// src/policy/rules/common.ts
var NOBODY_UIDS = /* @__PURE__ */ new Set([65534n]);
function userLocation(facts) {
  const dockerfile = facts.dockerfile;
  if (!dockerfile) return null;
  const line = dockerfile.effectiveUser?.line ?? dockerfile.finalStage.line;
  return { file: dockerfile.path, line };
}
function userLabel(facts) {
  const written = facts.dockerfile?.effectiveUser;
  if (written && written.value === facts.image.user) return describeUserInstruction(written);
  return `USER ${facts.image.user}`;
}
function appUid(facts) {
  const value = facts.dockerfile?.env["APP_UID"] ?? facts.image.env["APP_UID"];
  if (value === void 0) return null;
  const uid = parseGoInt64(value);
  return uid !== null && uid > 0n && uid <= MAX_UID ? Number(uid) : null;
}
function suggestNonRootUser(facts) {
  const fromEnv = appUid(facts);
  if (fromEnv !== null) {
    return {
      instruction: "USER $APP_UID",
      reason: `the image defines APP_UID=${fromEnv}`,
      mustCreate: false
    };
  }
  const existing = facts.accounts.passwd?.find(
    (entry) => entry.uid >= 1000n && entry.uid <= MAX_UID && !NOBODY_UIDS.has(entry.uid)
  );
  if (existing) {
    return {
      instruction: `USER ${existing.uid}`,
      reason: `the image already has user ${existing.name} (uid ${existing.uid})`,
      mustCreate: false
    };
  }
  return {
    instruction: "USER 10001",
    reason: "the image has no regular user yet",
    mustCreate: true
  };
}
function numericFormFor(facts, uid, gid) {
  const user = appUid(facts) === uid ? "$APP_UID" : String(uid);
  return gid === null ? user : `${user}:${gid}`;
}
function switchUserFix(facts, verb, allowedPorts = []) {
  const fix = switchUserFixAlone(facts, verb);
  const breaking = facts.ports.find(
    (port) => port.port < 1024 && !allowedPorts.includes(port.port)
  );
  if (!breaking) return fix;
  const uid = /^USER (\d+)/.exec(suggestNonRootUser(facts).instruction)?.[1];
  const who = uid ? `uid ${uid}` : "a non-root user";
  return {
    summary: `${fix.summary} Not offered as a diff: the image declares port ${breaking.port} (${breaking.declaration}), which ${who} cannot bind on a default Kubernetes node; have the app listen on 8080 and EXPOSE 8080 in the same change (see NR050).`,
    diff: null
  };
}
function switchUserFixAlone(facts, verb) {
  const suggestion = suggestNonRootUser(facts);
  const where = verb === "Add" ? " in the final stage, before ENTRYPOINT/CMD" : "";
  const diff = switchUserDiff(facts, suggestion);
  const number3 = "Use the number, not a name, so Kubernetes runAsNonRoot can verify it.";
  const creation = suggestion.mustCreate ? userCreation(facts, dockerfileSource(facts)?.changesShell() ?? false) : null;
  switch (creation?.kind) {
    case "useradd":
      return {
        summary: `Create a user with the image's own tools, \`RUN groupadd --gid 10001 app && useradd --uid 10001 --gid 10001 --create-home --shell /usr/sbin/nologin app\`, then use \`${suggestion.instruction}\`${where}. ${number3}`,
        diff
      };
    case "append":
      return {
        summary: `Create a user by adding it to /etc/passwd and /etc/group (the image has a shell but no useradd), \`RUN echo 'app:x:10001:10001::/home/app:/sbin/nologin' >> /etc/passwd && echo 'app:x:10001:' >> /etc/group && mkdir -p /home/app && chown 10001:10001 /home/app\`, then use \`${suggestion.instruction}\`${where}. ${number3}`,
        diff
      };
    case "numeric": {
      const why = creation.why === "no-shell" ? "the image has no shell to create a user with" : creation.why === "taken" ? "the name app or the id 10001 is taken in the image" : "a SHELL instruction changes what RUN runs";
      return {
        summary: `${verb} \`USER 10001:10001\`${where}: ${why}, and a numeric uid needs no /etc/passwd entry; the explicit group avoids group 0. To give it a name and a HOME, add \`app:x:10001:10001::/home/app:/sbin/nologin\` to a copy of /etc/passwd (and \`app:x:10001:\` to /etc/group) in a build stage that has a shell, and COPY them and an app-owned /home/app into the final stage. ${number3}`,
        diff
      };
    }
  }
  const create = suggestion.mustCreate ? "Create a user first, e.g. `RUN adduser -D -u 10001 app` (Alpine/BusyBox) or `RUN useradd --uid 10001 app` (Debian/Ubuntu), then use " : `${verb} `;
  return {
    summary: `${create}\`${suggestion.instruction}\`${where} (${suggestion.reason}). ${number3}`,
    diff
  };
}
function shellWord(path) {
  if (/[\u0000-\u001f\u007f]/.test(path)) return null;
  if (/^[A-Za-z0-9_./+@:,=%-]+$/.test(path)) return path;
  return `'${path.replace(/'/g, `'\\''`)}'`;
}

// src/policy/rules/nr001-user-not-set.ts
function strayUsers(facts) {
  const dockerfile = facts.dockerfile;
  if (!dockerfile) return "";
  const built = new Set(dockerfile.chain.map((stage) => stage.index));
  const stray = dockerfile.stages.filter((stage) => !built.has(stage.index)).flatMap(
    (stage) => stage.users.map(
      (user) => `USER ${user.raw} on line ${user.line} is in stage ${stage.name ?? stage.index}`
    )
  );
  return stray.length > 0 ? ` (${stray.join("; ")}, not in the final stage)` : "";
}
var nr001 = {
  id: "NR001",
  name: "user-not-set",
  title: "The image sets no user, so the container runs as root",
  rationale: 'A container runs as root unless the image or the runtime says otherwise, and most general-purpose base images leave root as the default on purpose. An empty Config.User also makes Kubernetes runAsNonRoot reject the pod ("image will run as root").',
  howToFix: "Set a numeric non-root USER in the final stage: `USER $APP_UID` on .NET 8+ images, else create a user and switch to it by number (`USER 10001`).",
  examples: { failing: "root-by-default", passing: "user-1654" },
  levels: { baseline: "error", restricted: "error", hardened: "error" },
  needs: ["image", "accounts"],
  evaluate(facts, context) {
    if (facts.user.spec.kind !== "none") return [];
    const where = facts.dockerfile ? `no USER in the final stage or its base image${strayUsers(facts)}` : "the image sets no user";
    return [
      {
        message: `${where}: Config.User is empty, so the container runs as root (uid 0)`,
        location: userLocation(facts),
        fix: switchUserFix(facts, "Add", context.allow.ports)
      }
    ];
  }
};

// src/policy/rules/nr002-user-is-root.ts
var nr002 = {
  id: "NR002",
  name: "user-is-root",
  title: "The image user is root (uid 0)",
  rationale: "A process running as uid 0 in a container is root on the shared kernel: one escape away from the node. Linters that match the text `root` miss `USER 0`, `USER 00` and names that /etc/passwd maps to uid 0; the runtime does not.",
  howToFix: "Replace the root user with a numeric non-root one: `USER $APP_UID`, or `USER <uid>` of a user that exists in the image.",
  examples: { failing: "user-root", passing: "user-1654" },
  levels: { baseline: "error", restricted: "error", hardened: "error" },
  needs: ["image", "accounts"],
  evaluate(facts, context) {
    const { spec, entry, uid } = facts.user;
    if (spec.kind === "none") return [];
    const isRootName = spec.kind === "name" && spec.name === "root";
    if (uid !== 0 && !isRootName) return [];
    const wraps = entry && entry.uid !== 0n ? `, whose uid ${entry.written.uid} the runtime cuts to 32 bits: 0` : "";
    const via = entry && (spec.kind === "name" || wraps) ? ` in /etc/passwd (line ${entry.line})${wraps}` : "";
    return [
      {
        message: `${userLabel(facts)} \u2192 uid 0${via}: the container runs as root`,
        location: userLocation(facts),
        fix: switchUserFix(facts, "Replace it with", context.allow.ports)
      }
    ];
  }
};

// src/kubernetes/kubelet.ts
function imageUserForKubelet(configUser) {
  const spec = parseUserSpec(configUser);
  switch (spec.kind) {
    case "none":
      return { uid: null, name: "" };
    case "uid":
      return spec.userText === "" ? { uid: null, name: "" } : { uid: spec.uid, name: "" };
    case "name":
      return { uid: null, name: spec.name };
  }
}
function kubeletRunAsNonRootError(configUser, context) {
  if (context.runAsNonRoot !== true) return null;
  if (context.runAsUser !== void 0) {
    return context.runAsUser === 0n ? "container's runAsUser breaks non-root policy" : null;
  }
  const { uid, name } = imageUserForKubelet(configUser);
  if (uid === null && name !== "") {
    return `container has runAsNonRoot and image has non-numeric user (${name}), cannot verify user is non-root`;
  }
  const effectiveUid = uid ?? 0n;
  if (effectiveUid === 0n) return "container has runAsNonRoot and image will run as root";
  if (effectiveUid < 0 || effectiveUid > MAX_UID) {
    return `container has runAsNonRoot and image has an invalid user id (${effectiveUid}). (Must be 1-(${MAX_UID}))`;
  }
  return null;
}
function effectiveRunAs(container) {
  return {
    runAsNonRoot: container.container.runAsNonRoot ?? container.pod.runAsNonRoot,
    runAsUser: container.container.runAsUser ?? container.pod.runAsUser
  };
}
function kubeletErrorFor(configUser, container) {
  const { runAsNonRoot, runAsUser } = effectiveRunAs(container);
  return kubeletRunAsNonRootError(configUser, {
    runAsNonRoot: runAsNonRoot?.value,
    runAsUser: runAsUser?.value
  });
}

// src/policy/rules/nr003-user-not-numeric.ts
var nr003 = {
  id: "NR003",
  name: "user-not-numeric",
  title: "The image user is a name, which Kubernetes runAsNonRoot cannot verify",
  rationale: "The kubelet reads only the image metadata, never /etc/passwd: with runAsNonRoot: true it refuses any image whose user is a name, and the pod sits in CreateContainerConfigError. A numeric UID (`USER $APP_UID`, `USER 1654`) passes. A name that resolves to root is reported as NR002 instead.",
  howToFix: "Use the number instead of the name: `USER 1654` (or `USER $APP_UID`), so the kubelet can verify it is not root.",
  examples: { failing: "user-app", passing: "app-uid-dotnet-base" },
  levels: { baseline: "warning", restricted: "error", hardened: "error" },
  needs: ["image", "accounts"],
  evaluate(facts) {
    const { spec, uid, gid } = facts.user;
    if (spec.kind !== "name" || uid === 0 || spec.name === "root") return [];
    const kubelet = kubeletRunAsNonRootError(facts.image.user, { runAsNonRoot: true });
    const keepGroup = spec.group !== null ? gid : null;
    const numeric = uid === null ? null : numericFormFor(facts, uid, keepGroup);
    const fix = numeric === null ? `Use a numeric UID that exists in the image, e.g. \`USER 10001\` after creating that user.` : `Use the number: \`USER ${numeric}\` (${spec.name} is uid ${uid} in /etc/passwd).`;
    return [
      {
        message: `${userLabel(facts)} is a name: Kubernetes runAsNonRoot cannot verify it and refuses the pod ("${kubelet}")`,
        location: userLocation(facts),
        fix: { summary: fix, diff: numeric === null ? null : numericUserDiff(facts, numeric) }
      }
    ];
  }
};

// src/policy/rules/nr004-user-unknown.ts
var nr004 = {
  id: "NR004",
  name: "user-unknown",
  title: "The image user or group does not exist in the image, so the container cannot start",
  rationale: 'The runtime resolves a user or group name through the image\'s own /etc/passwd and /etc/group when the container starts; a missing entry fails every `docker run` and every pod ("unable to find user X: no matching entries in passwd file").',
  howToFix: "Create the user (and group) before the USER line, or use a numeric UID, which needs no /etc/passwd entry to run.",
  examples: { failing: "missing-user", passing: "user-app" },
  levels: { baseline: "error", restricted: "error", hardened: "error" },
  needs: ["image", "accounts"],
  evaluate(facts) {
    const { spec, unknownUser, unknownGroup } = facts.user;
    const hits = [];
    const location = userLocation(facts);
    if (unknownUser && spec.kind === "name") {
      const where = facts.accounts.passwd ? `no user "${spec.name}" in the image's /etc/passwd` : "the image has no readable /etc/passwd to resolve the name";
      hits.push({
        message: `${userLabel(facts)}: ${where}, so the container cannot start ("${unknownUser}")`,
        location,
        fix: {
          summary: `Create the user before the USER line (e.g. \`RUN useradd --uid 10001 ${spec.name}\`, or add its line to /etc/passwd in a build stage), and refer to it by number: \`USER 10001\`.`,
          diff: null
        }
      });
    }
    if (unknownGroup && spec.kind !== "none" && spec.group?.kind === "name") {
      const where = facts.accounts.group ? `no group "${spec.group.name}" in the image's /etc/group` : "the image has no readable /etc/group to resolve the name";
      hits.push({
        message: `${userLabel(facts)}: ${where}, so the container cannot start ("${unknownGroup}")`,
        location,
        fix: {
          summary: `Create the group first (e.g. \`RUN groupadd --gid 10001 ${spec.group.name}\`) and use the number: \`USER <uid>:10001\`.`,
          diff: null
        }
      });
    }
    return hits;
  }
};

// src/facts/exec-user.ts
var CURRENT_ENGINE = { resolver: "v0.4.1", runc: "numeric" };
var OLDER_ENGINES = [
  {
    engine: { resolver: "v0.4.0", runc: "numeric" },
    label: "engines with moby/sys/user v0.4.0 or older and runc 1.3 or later"
  },
  {
    engine: { resolver: "v0.4.0", runc: "resolves-again" },
    label: "engines with runc 1.2 or older (Docker 20.10, Debian 12)"
  }
];
var PASSWD_LINE_LIMIT = 64 * 1024;
var GROUP_LINE_LIMIT = 1024 * 1024;
var NGROUPS_MAX = 65536;
var INVALID_ID = 4294967295;
var ERR_RANGE = "uids and gids must be in range 0-2147483647";
var ERR_TOO_LONG = "bufio.Scanner: token too long";
function argument(text, resolver) {
  if (text === "") return { text, numeric: false, value: 0n };
  const { value, error: error2 } = goAtoi(text);
  if (resolver === "v0.4.1") {
    if (error2 === "syntax") return { text, numeric: false, value: 0n };
    if (error2 === "range" || !uidInRange(value)) return { error: ERR_RANGE, kind: "range" };
    return { text, numeric: true, value };
  }
  return { text, numeric: error2 === null, value };
}
function isFailure(value) {
  return "error" in value;
}
function getExecUser(spec, accounts, resolver, defaults) {
  const [userText = "", groupText = ""] = spec.split(":");
  const user = argument(userText, resolver);
  if (isFailure(user)) return user;
  const group = argument(groupText, resolver);
  if (isFailure(group)) return group;
  const result = {
    uid: defaults.uid,
    gid: defaults.gid,
    sgids: [],
    home: defaults.home,
    entry: null,
    groupEntry: null,
    matchedName: ""
  };
  const { passwd } = accounts;
  if (passwd && accounts.longestLine.passwd >= PASSWD_LINE_LIMIT) {
    const shown = userText === "" ? String(defaults.uid) : userText;
    return { error: `unable to find user ${shown}: ${ERR_TOO_LONG}`, kind: "too-long" };
  }
  const entry = passwd?.find(
    (candidate) => userText === "" ? candidate.uid === defaults.uid : user.numeric ? candidate.uid === user.value : candidate.name === userText
  );
  if (entry) {
    Object.assign(result, { uid: entry.uid, gid: entry.gid, home: entry.home, entry });
    result.matchedName = entry.name;
  } else if (userText !== "") {
    if (!user.numeric) {
      return {
        error: `unable to find user ${userText}: no matching entries in passwd file`,
        kind: "unknown-user"
      };
    }
    if (resolver === "v0.4.0" && !uidInRange(user.value)) {
      return { error: ERR_RANGE, kind: "range" };
    }
    result.uid = user.value;
  }
  if (groupText === "" && result.matchedName === "") return result;
  const groups = accounts.group;
  if (groups && resolver === "v0.4.1" && accounts.longestLine.group >= GROUP_LINE_LIMIT) {
    return {
      error: `unable to find groups for spec ${result.matchedName}: ${ERR_TOO_LONG}`,
      kind: "too-long"
    };
  }
  if (groupText === "") {
    result.sgids = (groups ?? []).filter((candidate) => candidate.members.includes(result.matchedName)).map((candidate) => candidate.gid);
    return result;
  }
  const groupEntry = groups?.find(
    (candidate) => group.numeric ? candidate.gid === group.value : candidate.name === groupText
  );
  if (groupEntry) {
    result.gid = groupEntry.gid;
    result.groupEntry = groupEntry;
  } else {
    if (!group.numeric) {
      return {
        error: `unable to find group ${groupText}: no matching entries in group file`,
        kind: "unknown-group"
      };
    }
    if (resolver === "v0.4.0" && !uidInRange(group.value)) {
      return { error: ERR_RANGE, kind: "range" };
    }
    result.gid = group.value;
  }
  return result;
}
function legacyAdditionalGroups(wanted, accounts) {
  const groups = accounts.group ?? [];
  const found = /* @__PURE__ */ new Set();
  for (const text of wanted) {
    const match = groups.find(
      (group) => (group.name === text || String(group.gid) === text) && !found.has(group.gid)
    );
    if (match) {
      found.add(match.gid);
      continue;
    }
    const { value, error: error2 } = goAtoi(text);
    if (error2) {
      return {
        error: `Unable to find group ${text}: no matching entries in group file`,
        kind: "unknown-group"
      };
    }
    if (!uidInRange(value)) return { error: ERR_RANGE, kind: "range" };
    found.add(value);
  }
  return [...found];
}
var uint32 = (value) => Number(BigInt.asUintN(32, value));
function sortedUnique(values) {
  return [...new Set(values)].sort((a, b) => a - b);
}
function execUser(configUser, accounts, engine = CURRENT_ENGINE) {
  const resolved = getExecUser(configUser, accounts, engine.resolver, {
    uid: 0n,
    gid: 0n,
    home: ""
  });
  if (isFailure(resolved)) return { ok: false, stage: "daemon", entry: null, ...resolved };
  const { entry } = resolved;
  let uid = uint32(resolved.uid);
  let gid = uint32(resolved.gid);
  let groups = [gid, ...resolved.sgids.map(uint32)];
  if (engine.runc === "resolves-again") {
    const again = getExecUser(`${uid}:${gid}`, accounts, "v0.4.0", {
      uid: 0n,
      gid: 0n,
      home: "/"
    });
    if (isFailure(again)) return { ok: false, stage: "runtime", entry, ...again };
    const extra = legacyAdditionalGroups(groups.map(String), accounts);
    if (isFailure(extra)) return { ok: false, stage: "runtime", entry, ...extra };
    uid = uint32(again.uid);
    gid = uint32(again.gid);
    groups = extra.map(uint32);
  }
  const failure2 = (error2) => ({
    ok: false,
    stage: "runtime",
    error: error2,
    kind: "set-id",
    entry
  });
  if (groups.length > NGROUPS_MAX) return failure2("setgroups: invalid argument");
  if (gid === INVALID_ID) {
    return failure2(`cannot setgid to unmapped gid ${gid} in user namespace`);
  }
  if (uid === INVALID_ID) {
    return failure2(`cannot setuid to unmapped uid ${uid} in user namespace`);
  }
  return {
    ok: true,
    uid,
    gid,
    groups: sortedUnique(groups),
    entry,
    groupEntry: resolved.groupEntry
  };
}
function describeOutcome(outcome) {
  if (!outcome.ok) return `cannot start ("${outcome.error}")`;
  const groups = outcome.groups.length > 0 ? outcome.groups.join(",") : "none";
  return `uid ${outcome.uid}, gid ${outcome.gid}, groups ${groups}`;
}
function olderEngineNotes(configUser, accounts, currentOutcome) {
  const current = describeOutcome(currentOutcome);
  const older = OLDER_ENGINES.map(({ engine, label }) => ({
    label,
    outcome: describeOutcome(execUser(configUser, accounts, engine))
  }));
  const differing = older.filter(({ outcome }) => outcome !== current);
  const groups = differing.length === older.length && differing.every((d) => d.outcome === differing[0].outcome) ? [
    {
      label: "older engines (moby/sys/user v0.4.0 or older, with any runc)",
      outcome: differing[0].outcome
    }
  ] : differing;
  return groups.map(
    ({ label, outcome }) => `on ${label}, this image's user ${JSON.stringify(configUser)} gives ${outcome}; on current engines (moby/sys/user v0.4.1, runc 1.3 or later), which the check follows: ${current}`
  );
}

// src/policy/rules/nr005-uid-out-of-range.ts
var UID_FIX = { summary: `Use a UID between 1 and ${MAX_UID}, e.g. \`USER 10001\`.`, diff: null };
var GID_FIX = {
  summary: `Use a GID between 1 and ${MAX_UID}, e.g. \`USER <uid>:10001\`.`,
  diff: null
};
function asRead(field, written) {
  return written !== String(field) ? `${written}, read as ${field === INT64_MAX ? "the int64 limit " : ""}${field}` : written;
}
var nr005 = {
  id: "NR005",
  name: "uid-out-of-range",
  title: "The image UID or GID is outside the range the runtime accepts",
  rationale: `IDs must lie in 0-${MAX_UID}: the runtime refuses to start anything else ("${ERR_RANGE}"), and with runAsNonRoot the kubelet rejects the image ("invalid user id"). A number in /etc/passwd beyond that is read as the int64 limit and cut to 32 bits, so the process cannot get it either.`,
  howToFix: "Use a UID between 1 and 2147483647, e.g. `USER 10001`.",
  examples: { failing: "uid-out-of-range", passing: "user-1654" },
  levels: { baseline: "error", restricted: "error", hardened: "error" },
  needs: ["image"],
  evaluate(facts) {
    const { spec } = facts.user;
    if (spec.kind === "none") return [];
    const hits = [];
    const [userText = "", groupText = ""] = spec.raw.split(":");
    const uid = numericText(userText);
    if (uid !== null && !uidInRange(uid)) {
      hits.push({
        message: `${userLabel(facts)}: uid ${userText} is outside 1-${MAX_UID}, so the runtime cannot start it and Kubernetes rejects the pod`,
        location: userLocation(facts),
        fix: UID_FIX
      });
    }
    const gid = numericText(groupText);
    if (gid !== null && !uidInRange(gid)) {
      hits.push({
        message: `${userLabel(facts)}: gid ${groupText} is outside 0-${MAX_UID}, so the runtime cannot start it`,
        location: userLocation(facts),
        fix: GID_FIX
      });
    }
    if (hits.length === 0) hits.push(...fromPasswd(facts));
    return hits;
  }
};
function fromPasswd(facts) {
  const { entry, startError, startErrorKind } = facts.user;
  if (!entry || startErrorKind !== "set-id" && startErrorKind !== "range") return [];
  const bad = [
    ["uid", entry.uid, entry.written.uid],
    ["gid", entry.gid, entry.written.gid]
  ];
  const [what, value, written] = bad.find(([, field]) => !uidInRange(field)) ?? [];
  if (!what || value === void 0 || written === void 0) return [];
  return [
    {
      message: `${userLabel(facts)}: its /etc/passwd entry (line ${entry.line}) has ${what} ${asRead(value, written)}, outside 0-${MAX_UID}: the container cannot start ("${startError}")`,
      location: userLocation(facts),
      fix: what === "uid" ? UID_FIX : GID_FIX
    }
  ];
}

// src/policy/rules/nr006-group-root.ts
var nr006 = {
  id: "NR006",
  name: "group-root",
  title: "The image user runs with primary group 0 (root)",
  rationale: "Group 0 owns many system files and directories; a process in it can often read or write what a root-owned file grants its group. A numeric UID with no /etc/passwd entry silently gets group 0.",
  howToFix: "Give the user a group of its own: `USER 1654:1654`, or a passwd entry whose group is not 0.",
  examples: { failing: "user-1654-gid-0", passing: "user-1654" },
  levels: { baseline: "notice", restricted: "warning", hardened: "error" },
  needs: ["image", "accounts"],
  evaluate(facts) {
    const { uid, gid, gidSource, entry } = facts.user;
    if (uid === null || uid === 0 || !uidInRange(uid) || gid !== 0) return [];
    const why = gidSource === "user-spec" ? `${userLabel(facts)} sets primary group 0 (root)` : gidSource === "passwd" && entry ? `${userLabel(facts)}: ${entry.name} (uid ${uid}) has primary group 0 (root) in /etc/passwd (line ${entry.line})` : `${userLabel(facts)}: uid ${uid} has no entry in /etc/passwd, so its primary group is 0 (root)`;
    const target = numericFormFor(facts, uid, null);
    const summary = gidSource === "no-passwd-entry" ? `Give the user a group of its own: \`USER ${target}:${uid}\`, or add it to /etc/passwd and /etc/group with its own group.` : `Give the user a group of its own: \`USER ${target}:${uid}\` (create the group if needed).`;
    return [{ message: why, location: userLocation(facts), fix: { summary, diff: null } }];
  }
};

// src/policy/rules/locate.ts
function fromLocation(facts) {
  const dockerfile = facts.dockerfile;
  return dockerfile ? { file: dockerfile.path, line: dockerfile.finalStage.line } : null;
}
function portLocation(facts, port) {
  const dockerfile = facts.dockerfile;
  if (!dockerfile) return null;
  let line = null;
  for (const stage of dockerfile.chain) {
    if (port.source === "EXPOSE") {
      for (const expose of stage.exposes) {
        if (expose.ports.includes(`${port.port}/${port.protocol}`)) line = expose.line;
      }
    } else {
      for (const env of stage.envs) if (env.name === port.source) line = env.line;
    }
  }
  return { file: dockerfile.path, line: line ?? dockerfile.finalStage.line };
}

// src/policy/rules/nr007-account-file-unsafe.ts
var nr007 = {
  id: "NR007",
  name: "account-file-unsafe",
  title: "/etc/passwd or /etc/group is not a regular file of the image",
  rationale: "The Docker daemon reads the image's /etc/passwd and /etc/group itself when it starts any container of the image, on the image's own files, before /proc, /sys, /dev and the daemon's own files are mounted. A device node there can feed the daemon without end and a FIFO blocks it; a symlink into /proc, /sys, /dev, a mount or above / makes the container see other accounts than the engine resolves the user from, so what a check measures inside is not what runs. No image needs either: the check refuses it, and starts no container of an image with a device node or FIFO there.",
  howToFix: "Ship /etc/passwd and /etc/group as regular files of the image (e.g. `COPY passwd /etc/passwd`, or `RUN useradd`), not as links, devices or FIFOs.",
  examples: { failing: "passwd-into-proc", passing: "user-1654" },
  levels: { baseline: "error", restricted: "error", hardened: "error" },
  needs: ["accounts"],
  evaluate(facts) {
    return facts.accounts.unsafe.map((file) => ({
      message: `${file.path} ${file.what}${file.started ? "" : ": no container of the image was started"}`,
      location: fromLocation(facts),
      fix: {
        summary: `Make ${file.path} a regular file of the image (\`COPY\` it or create the accounts with \`RUN useradd\`), not a link, device node or FIFO.`,
        diff: null
      }
    }));
  }
};

// src/policy/rules/runtime-common.ts
function runtime(facts) {
  if (!facts.runtime) throw new Error("a probe rule ran without the probe facts it declared");
  return facts.runtime;
}
function octal(mode) {
  return mode === null ? "?" : mode.toString(8).padStart(4, "0");
}
function describePath(entry) {
  return `${entry.path} (owner ${entry.uid ?? "?"}:${entry.gid ?? "?"}, mode ${octal(entry.mode)})`;
}
function whoRuns(output) {
  const { uid, name } = output.identity;
  return name ? `uid ${uid} (${name})` : `uid ${uid}`;
}

// src/policy/rules/nr010-runs-as-root.ts
var nr010 = {
  id: "NR010",
  name: "runs-as-root",
  title: "The container process really runs as uid 0 (root)",
  rationale: "Metadata can mislead; the probe shows the uid the process gets when the runtime applies the image user. Root in a container is root on the shared kernel, with every default capability.",
  howToFix: "Make the image's user a numeric non-root UID; a name that /etc/passwd maps to 0 is still root.",
  examples: { failing: "name-maps-to-root", passing: "user-1654" },
  levels: { baseline: "error", restricted: "error", hardened: "error" },
  needs: ["runtime-user"],
  evaluate(facts, context) {
    const output = runtime(facts);
    if (output.identity.uid !== 0) return [];
    const why = facts.user.spec.kind === "none" ? "the image sets no user" : `${userLabel(facts)} gives uid 0`;
    return [
      {
        message: `the probe, run as the image's user, got uid 0 (root): ${why}`,
        location: userLocation(facts),
        fix: switchUserFix(
          facts,
          facts.user.spec.kind === "none" ? "Add" : "Replace it with",
          context.allow.ports
        )
      }
    ];
  }
};

// src/dockerfile/permission-source.ts
function covers(parent, path) {
  const base = parent.endsWith("/") && parent !== "/" ? parent.slice(0, -1) : parent;
  return path === base || path.startsWith(base === "/" ? "/" : `${base}/`);
}
function absolute(path, workdir) {
  if (path.startsWith("/")) return path;
  const base = workdir === "" ? "/" : workdir;
  return `${base.endsWith("/") ? base : `${base}/`}${path}`;
}
function workdirAt(stage, line, inherited) {
  let current = inherited;
  for (const workdir of stage.workdirs) if (workdir.line < line) current = workdir.path;
  return current;
}
function permissionSource(dockerfile, path) {
  let found = null;
  let inherited = "";
  for (const stage of dockerfile.chain) {
    for (const copy of stage.copies) {
      if (!copy.chown && !copy.chmod) continue;
      const destination = absolute(copy.destination, workdirAt(stage, copy.line, inherited));
      if (!covers(destination, path) && !covers(path, destination)) continue;
      const flag = copy.chown ? `--chown=${copy.chown}` : `--chmod=${copy.chmod}`;
      found = {
        location: { file: dockerfile.path, line: copy.line },
        what: `${copy.keyword} ${flag}`,
        kind: copy.chown ? "copy-chown" : "copy-chmod"
      };
    }
    for (const run of stage.runs) {
      for (const change of run.permissionChanges) {
        const workdir = workdirAt(stage, run.line, inherited);
        const hit = change.paths.some((target) => {
          const full = absolute(target, workdir);
          return full === path || change.recursive && covers(full, path);
        });
        if (!hit) continue;
        found = {
          location: { file: dockerfile.path, line: run.line },
          what: `RUN ${change.program} ${change.recursive ? "-R " : ""}${change.spec}`,
          kind: change.program
        };
      }
    }
    inherited = workdirAt(stage, Number.MAX_SAFE_INTEGER, inherited);
  }
  return found;
}

// src/fixes/permissions.ts
function described(change) {
  return `RUN ${change.program} ${change.recursive ? "-R " : ""}${change.spec}`;
}
function sourceExplains(facts, source, entry) {
  const uid = facts.runtime?.identity.uid;
  if (uid === void 0 || entry.uid === null) return false;
  switch (source.kind) {
    case "copy-chown":
    case "chown":
      return entry.uid === uid && entry.mode !== null && (entry.mode & 18) === 0;
    case "chmod":
      return entry.uid !== uid;
    case "copy-chmod":
      return false;
  }
}
function dropChown(source, line) {
  const copy = source.dockerfile.chain.flatMap((stage) => stage.copies).find((candidate) => candidate.line === line);
  if (!copy || copy.chown === null || copy.chmod !== null) return null;
  const text = source.text(line) ?? "";
  if (!/^\s*(?:COPY|ADD)\s/i.test(text)) return null;
  const flags = [...text.matchAll(/\s--chown=\S+(?=\s)/g)];
  if (flags.length !== 1) return null;
  const flag = flags[0];
  const edited = text.slice(0, flag.index) + text.slice(flag.index + flag[0].length);
  return { start: line, count: 1, lines: [edited] };
}
function andSeparators(body) {
  const separators = [];
  let quote = null;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quote === "'") {
      if (c === "'") quote = null;
    } else if (quote === '"') {
      if (c === "\\") i++;
      else if (c === '"') quote = null;
      else if (c === "`" || c === "$" && body[i + 1] === "(") return null;
    } else if (c === "\\") {
      i++;
    } else if (c === "'" || c === '"') {
      quote = c;
    } else if (c === "&") {
      if (body[i + 1] !== "&") return null;
      separators.push(i);
      i++;
    } else if (";|()`#<\n".includes(c) || c === "$" && body[i + 1] === "(") {
      return null;
    }
  }
  return quote === null ? separators : null;
}
function logical(text) {
  return text.replace(/\\\n/g, "").trim();
}
var LEADING = /^(?:[ \t]|\\\n)*/;
var TRAILING = /(?:[ \t]|\\\n)*$/;
function same(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}
function removeCommand(source, run, change) {
  if (source.escape !== "\\") return null;
  const count = run.endLine - run.line + 1;
  const texts = [];
  for (let line = run.line; line <= run.endLine; line++) {
    const text = source.text(line);
    if (text === void 0) return null;
    texts.push(text);
  }
  const raw = texts.join("\n");
  const head = /^\s*RUN[ \t]+(?!-)/i.exec(raw);
  if (!head) return null;
  const body = raw.slice(head[0].length);
  const remove = { start: run.line, count, lines: [] };
  if (body.startsWith("[")) {
    let argv;
    try {
      argv = JSON.parse(body);
    } catch {
      return null;
    }
    if (!Array.isArray(argv) || !argv.every((word) => typeof word === "string")) return null;
    const program = (argv[0] ?? "").slice((argv[0] ?? "").lastIndexOf("/") + 1);
    return program === change.program && same(permissionChangesOfArgv(argv), [change]) ? remove : null;
  }
  const separators = andSeparators(body);
  if (!separators) return null;
  const bounds = [-2, ...separators];
  const segments = bounds.map((at2, index2) => ({
    start: at2 + 2,
    end: separators[index2] ?? body.length
  }));
  const matching = segments.flatMap((segment, index2) => {
    const command = logical(body.slice(segment.start, segment.end));
    const simple = splitCommands(command);
    return simple.length === 1 && !simple[0].complex && same(permissionChanges(command), [change]) ? [index2] : [];
  });
  if (matching.length !== 1) return null;
  const index = matching[0];
  if (segments.length === 1) return remove;
  const contentStart = (segment) => segment.start + LEADING.exec(body.slice(segment.start, segment.end))[0].length;
  const contentEnd = (segment) => segment.end - TRAILING.exec(body.slice(segment.start, segment.end))[0].length;
  const [from, to] = index === 0 ? [contentStart(segments[0]), contentStart(segments[1])] : [contentEnd(segments[index - 1]), contentEnd(segments[index])];
  const edited = body.slice(0, from) + body.slice(to);
  const rest = [...run.permissionChanges];
  rest.splice(
    rest.findIndex((candidate) => same([candidate], [change])),
    1
  );
  if (!same(permissionChanges(logical(edited)), rest)) return null;
  return { start: run.line, count, lines: (head[0] + edited).split("\n") };
}
function removeRunChange(source, line, what, program, paths) {
  const run = source.dockerfile.chain.flatMap((stage) => stage.runs).find((candidate) => candidate.line === line);
  if (!run) return null;
  const reaches = (change) => change.paths.some(
    (operand) => !operand.startsWith("/") || paths.some((path) => path === operand || change.recursive && covers(operand, path))
  );
  const changes = run.permissionChanges.filter(
    (change) => change.program === program && described(change) === what && reaches(change)
  );
  if (changes.length !== 1 || changes[0].paths.length !== 1) return null;
  return removeCommand(source, run, changes[0]);
}
function permissionDiff(facts, source, paths, entry) {
  const dockerfile = dockerfileSource(facts);
  if (!dockerfile) return null;
  if (entry && !sourceExplains(facts, source, entry)) return null;
  const line = source.location.line;
  let edit;
  switch (source.kind) {
    case "copy-chown":
      edit = dropChown(dockerfile, line);
      break;
    case "chown":
    case "chmod":
      edit = removeRunChange(dockerfile, line, source.what, source.kind, paths);
      break;
    case "copy-chmod":
      edit = null;
      break;
  }
  return edit ? dockerfile.diff([edit]) : null;
}

// src/policy/rules/writable.ts
var APP_ROLES = ["workdir", "exec", "exec-dir"];
var SYSTEM_ROLES = ["root", "bin", "sbin", "usr", "lib", "etc"];
function writablePaths(facts, roles) {
  const output = runtime(facts);
  if (output.identity.uid === 0) return [];
  return output.paths.filter(
    (entry) => entry.writable && entry.roles.some((role) => roles.includes(role))
  );
}
function fixFor(facts, entry, source) {
  if (!source) {
    return {
      summary: `Make ${entry.path} owned by root and not writable by others; give the app a separate writable directory (under /tmp, HOME or a VOLUME).`,
      diff: null
    };
  }
  const line = source.location.line;
  const diff = permissionDiff(facts, source, [entry.path], entry);
  switch (source.kind) {
    case "copy-chown":
      return {
        summary: `Drop --chown from the ${source.what.split(" ")[0]} on line ${line}: the files stay owned by root and the app can still read them.`,
        diff
      };
    case "copy-chmod":
      return {
        summary: `Drop the ${source.what.split(" ")[1]} on line ${line}, or give no write bit to group and others.`,
        diff: null
      };
    case "chown":
      return {
        summary: `Remove the chown of ${entry.path} on line ${line}; chown only a directory the app must write.`,
        diff
      };
    case "chmod":
      return {
        summary: `Remove the chmod that makes ${entry.path} writable on line ${line}.`,
        diff
      };
  }
}
function writableHits(facts, entries, consequence) {
  const who = whoRuns(runtime(facts));
  return entries.map((entry) => {
    const source = facts.dockerfile ? permissionSource(facts.dockerfile, entry.path) : null;
    const roles = entry.roles.join(", ");
    const cause = source ? `, after ${source.what} on line ${source.location.line}` : "";
    return {
      message: `${describePath(entry)} [${roles}] is writable by ${who}${cause}: ${consequence}`,
      location: source?.location ?? fromLocation(facts),
      fix: fixFor(facts, entry, source)
    };
  });
}

// src/policy/rules/nr020-app-writable.ts
var nr020 = {
  id: "NR020",
  name: "app-writable",
  title: "The runtime user can modify the app: its WORKDIR, its executable or the executable's directory",
  rationale: "Files copied with COPY are owned by root, so a compromised app cannot rewrite itself. `COPY --chown`, `RUN chown -R` or a chmod undo that: an attacker who gets code execution can then replace the app and persist. A WORKDIR that is a declared VOLUME (a data directory, as redis keeps /data) is left out while the executable and its directory are not writable.",
  howToFix: "Keep the app owned by root: COPY without --chown, no chown/chmod of the app directory; give the app a separate writable directory (under /tmp, HOME or a VOLUME).",
  examples: { failing: "copy-chown-app", passing: "app-uid-dotnet-base" },
  levels: { baseline: "error", restricted: "error", hardened: "error" },
  needs: ["runtime-user"],
  evaluate(facts) {
    const entries = writablePaths(facts, APP_ROLES);
    const appWritable = entries.some(
      (entry) => entry.roles.some((role) => role === "exec" || role === "exec-dir")
    );
    const judged = appWritable ? entries : entries.filter((entry) => !inVolume(facts, entry.path));
    return writableHits(facts, judged, "the app can be modified at runtime");
  }
};
function inVolume(facts, path) {
  return facts.image.volumes.some(
    (volume) => volume.replace(/\/+$/, "") !== "" && covers(volume, path)
  );
}

// src/policy/rules/nr021-system-writable.ts
var nr021 = {
  id: "NR021",
  name: "system-writable",
  title: "The runtime user can write a system directory: /, /bin, /sbin, /usr, /lib or /etc",
  rationale: "A non-root user who can write system directories can plant binaries, libraries or configuration that root or other processes later trust: the point of running as non-root is lost.",
  howToFix: "Do not chown or chmod system directories; they stay owned by root and not writable by others.",
  examples: { failing: "system-writable-etc", passing: "user-1654" },
  levels: { baseline: "error", restricted: "error", hardened: "error" },
  needs: ["runtime-user"],
  evaluate(facts) {
    const entries = writablePaths(facts, SYSTEM_ROLES);
    return writableHits(facts, entries, "system files can be replaced at runtime");
  }
};

// src/policy/allow.ts
import { posix } from "node:path";
var NO_ALLOWANCES = { writable: [], setid: [], ports: [], incompleteWalk: [] };
function allowed(path, patterns) {
  return patterns.some(
    (pattern) => posix.matchesGlob(path, pattern) || posix.matchesGlob(path, `${pattern.replace(/\/+$/, "")}/**`)
  );
}

// src/facts/describe.ts
function listSome(items, total = items.length, shown = 5) {
  const head = items.slice(0, shown);
  const more = total - head.length;
  return more > 0 ? `${head.join(", ")} and ${more} more` : head.join(", ");
}

// src/policy/rules/nr022-writable-outside-allowlist.ts
var ALWAYS_ALLOWED = ["/tmp", "/var/tmp", "/run/lock", "/var/lock"];
var nr022 = {
  id: "NR022",
  name: "writable-outside-allowlist",
  title: "The runtime user can write directories beyond the scratch directories (/tmp, /var/tmp, /run/lock), HOME, VOLUMEs and the policy's allow-writable",
  rationale: "Every writable directory is a place to drop payloads or tamper with state. A hardened image keeps the writable set to scratch space, HOME and declared volumes, so a read-only root filesystem works too.",
  howToFix: "Keep writable state in /tmp, HOME or a declared VOLUME; allow a directory that must stay writable in the policy (allow-writable).",
  examples: { failing: "writable-data-dir", passing: "user-1654" },
  levels: { baseline: "notice", restricted: "warning", hardened: "error" },
  needs: ["runtime-user"],
  evaluate(facts, context) {
    const output = runtime(facts);
    if (output.identity.uid === 0) return [];
    const reported = writablePaths(facts, [...APP_ROLES, ...SYSTEM_ROLES]);
    const allowed2 = [...ALWAYS_ALLOWED, ...facts.image.volumes];
    if (output.identity.home) allowed2.push(output.identity.home);
    const outside = output.writableDirs.items.filter(
      (dir) => !allowed2.some((root) => covers(root, dir)) && !allowed(dir, context.allow.writable) && !reported.some((entry) => covers(entry.path, dir))
    );
    if (outside.length === 0) return [];
    const total = output.writableDirs.truncated ? outside.length + (output.writableDirs.count - output.writableDirs.items.length) : outside.length;
    const sources = facts.dockerfile ? outside.map((dir) => permissionSource(facts.dockerfile, dir)) : [];
    const source = sources.find((hit) => hit);
    const single = source && !output.writableDirs.truncated && sources.every(
      (hit) => hit?.location.line === source.location.line && hit.what === source.what
    );
    const plural = total === 1 ? "directory" : "directories";
    return [
      {
        message: `${whoRuns(output)} can write ${total} ${plural} outside the scratch directories (/tmp, /var/tmp, /run/lock), HOME and VOLUMEs: ${listSome(outside, total, 10)}`,
        location: source?.location ?? fromLocation(facts),
        fix: {
          summary: "Keep writable state in /tmp, HOME or a declared VOLUME and leave the rest owned by root; allow a directory that must stay writable in the policy (allow-writable).",
          diff: single ? permissionDiff(facts, source, outside) : null
        }
      }
    ];
  }
};

// src/policy/rules/nr023-home-unusable.ts
var DELIBERATELY_ABSENT = /* @__PURE__ */ new Set(["/nonexistent", "/var/empty", "/dev/null"]);
var nr023 = {
  id: "NR023",
  name: "home-unusable",
  title: "The runtime user's HOME is missing or not writable",
  rationale: "Runtimes and libraries write caches and configuration under HOME (.NET, npm, pip, git). A missing or read-only HOME makes them fail at runtime in ways that are hard to trace to the image user. A home absent on purpose (/nonexistent, /var/empty, /dev/null, as system accounts have) is at most a notice.",
  howToFix: "Create the home directory owned by the user (useradd --create-home), or set HOME to a writable directory.",
  examples: { failing: "missing-home", passing: "user-1654" },
  levels: { baseline: "warning", restricted: "warning", hardened: "warning" },
  needs: ["runtime-user"],
  evaluate(facts) {
    const output = runtime(facts);
    const { home, uid } = output.identity;
    if (uid === 0) return [];
    const entry = output.paths.find((path) => path.roles.includes("home"));
    if (!home || !entry) return [];
    const who = whoRuns(output);
    const source = facts.user.entry ? `its /etc/passwd entry` : "it has no /etc/passwd entry, so the runtime";
    let problem = null;
    if (entry.type === "missing") problem = `HOME ${home} does not exist (${source} sets it)`;
    else if (entry.type !== "dir") problem = `HOME ${home} is not a directory (${entry.type})`;
    else if (!entry.writable)
      problem = `HOME ${home} is not writable by ${who} (${source} sets it)`;
    if (!problem) return [];
    const deliberate = DELIBERATELY_ABSENT.has(home.replace(/(.)\/+$/, "$1"));
    return [
      {
        message: deliberate ? `${problem}: a home that is absent on purpose, as system accounts have; what writes under HOME (caches, configuration) fails` : problem,
        ...deliberate ? { atMost: "notice" } : {},
        location: userLocation(facts),
        fix: {
          summary: `${deliberate ? "Nothing to do if the app writes nothing under HOME. Otherwise c" : "C"}reate the home directory owned by the user, e.g. \`RUN mkdir -p /home/app && chown ${uid}:${output.identity.gid} /home/app\` with a matching /etc/passwd entry (useradd --create-home does both), or set HOME to a writable directory.`,
          diff: null
        }
      }
    ];
  }
};

// src/policy/rules/nr024-volume-unwritable.ts
var nr024 = {
  id: "NR024",
  name: "volume-unwritable",
  title: "A declared VOLUME is not writable by the runtime user",
  rationale: "A VOLUME is where the app keeps its data. Docker makes it from the image's directory, with that directory's owner and mode: one left owned by root is one the non-root app cannot write, and the app fails the first time it saves (redis' /data once the user is changed, a database's data directory). The probe measures each VOLUME as the runtime user.",
  howToFix: "Create the directory owned by the app user before its VOLUME line (`RUN mkdir -p /data && chown 10001:10001 /data`): the builder discards what a later step changes in a volume's directory.",
  examples: { failing: "volume-unwritable", passing: "workdir-volume" },
  levels: { baseline: "warning", restricted: "warning", hardened: "error" },
  needs: ["runtime-user"],
  evaluate(facts) {
    const output = runtime(facts);
    const { uid, gid } = output.identity;
    if (uid === 0) return [];
    return output.paths.filter((entry) => entry.roles.includes("volume") && !entry.writable).map((entry) => {
      const word = shellWord(entry.path);
      const command = word ? `\`RUN mkdir -p ${word} && chown ${uid}:${gid} ${word}\`` : null;
      return {
        message: `VOLUME ${describePath(entry)} is not writable by ${whoRuns(output)}: the app cannot keep its data there`,
        location: volumeLine(facts, entry.path) ?? fromLocation(facts),
        fix: {
          summary: `Create ${entry.path} owned by the user before its VOLUME line${command ? `: ${command}` : ""} (the builder discards what a later step changes in a volume's directory).`,
          diff: null
        }
      };
    });
  }
};
function volumeLine(facts, path) {
  const dockerfile = facts.dockerfile;
  if (!dockerfile) return null;
  const declaring = dockerfile.chain.flatMap((stage) => stage.volumes).filter((volume) => volume.paths.includes(path));
  const last = declaring.at(-1);
  return last ? { file: dockerfile.path, line: last.line } : null;
}

// src/fixes/root-run.ts
var PLAIN_USER = /^[A-Za-z0-9_.-]+(?::[A-Za-z0-9_.-]+)?$/;
function isRoot(facts, value) {
  const spec = parseUserSpec(value);
  if (spec.kind === "uid") return spec.uid === 0n;
  if (spec.kind === "name") {
    return facts.accounts.passwd?.find((entry) => entry.name === spec.name)?.uid === 0n;
  }
  return false;
}
function rootRunDiff(facts, command) {
  const source = dockerfileSource(facts);
  const runtime2 = facts.runtime;
  if (!source || !runtime2) return null;
  const shell = runtime2.tools.some((tool) => tool.kind === "shell" && tool.path === "/bin/sh");
  if (!shell || source.changesShell()) return null;
  const run = `${source.keyword("RUN")} ${command}`;
  const asRoot = `${source.keyword("USER")} 0`;
  const current = source.dockerfile.effectiveUser;
  if (current && source.inFinalStage(current.line) && current.line > source.lastBuildStep()) {
    const earlier = source.dockerfile.chain.flatMap((stage) => stage.users).filter((user2) => user2.line < current.line).at(-1);
    const lines2 = earlier && isRoot(facts, earlier.value) ? [run] : [asRoot, run];
    const indent2 = source.indent(current.line);
    return source.diff([
      { start: current.line, count: 0, lines: lines2.map((line) => indent2 + line) }
    ]);
  }
  const at2 = source.insertionPoint(current && source.inFinalStage(current.line) ? current.line : 0);
  if (at2 === null) return null;
  const user = facts.image.user;
  let lines;
  if (user === "" || isRoot(facts, user)) lines = [run];
  else if (PLAIN_USER.test(user)) lines = [asRoot, run, `${source.keyword("USER")} ${user}`];
  else return null;
  const indent = source.indent(source.neighbour(at2));
  return source.diff([{ start: at2, count: 0, lines: lines.map((line) => indent + line) }]);
}

// src/policy/rules/nr030-setid-files.ts
var nr030 = {
  id: "NR030",
  name: "setid-files",
  title: "The image contains setuid or setgid files",
  rationale: "A setuid-root binary is a ready-made path back to root for a non-root process (when no-new-privileges is not set). Application images do not need any; the probe scans the whole filesystem as root, including directories the user cannot read.",
  howToFix: "Remove setuid/setgid bits in the final stage (`RUN chmod u-s,g-s <files>`) or do not ship the files; list the ones you need in allow-setid.",
  examples: { failing: "setuid-under-root", passing: "user-1654" },
  levels: { baseline: "warning", restricted: "error", hardened: "error" },
  needs: ["filesystem"],
  evaluate(facts, context) {
    const all = runtime(facts).setid;
    const items = all.items.filter((file) => !allowed(file.path, context.allow.setid));
    const count = all.count - (all.items.length - items.length);
    if (count === 0) return [];
    const setid = { ...all, items, count };
    const describe3 = (file) => {
      const bits = [
        file.mode & 2048 ? `setuid ${file.uid}` : "",
        file.mode & 1024 ? `setgid ${file.gid}` : ""
      ].filter(Boolean).join(", ");
      return `${file.path} (${bits}, mode ${octal(file.mode)})`;
    };
    const source = facts.dockerfile ? setid.items.map((file) => permissionSource(facts.dockerfile, file.path)).find((hit) => hit?.kind === "chmod") : void 0;
    const noun = setid.count === 1 ? "file" : "files";
    return [
      {
        message: `${setid.count} setuid/setgid ${noun}: ${listSome(setid.items.map(describe3), setid.count)}`,
        location: source?.location ?? fromLocation(facts),
        fix: fixFor2(
          facts,
          setid.items.map((file) => file.path),
          setid.truncated
        )
      }
    ];
  }
};
var MAX_NAMED_FILES = 32;
function fixFor2(facts, paths, truncated) {
  const words = paths.map(shellWord);
  const byName = !truncated && paths.length <= MAX_NAMED_FILES && words.every((word) => word !== null);
  const command = byName ? `chmod u-s,g-s ${words.join(" ")}` : "find / -xdev -type f -perm /6000 -exec chmod u-s,g-s {} +";
  return {
    summary: `Remove the bits in the final stage: \`RUN ${command}\`, or delete the files; list the ones you need in the policy (allow-setid).`,
    diff: byName && !paths.some((path) => path.includes("\uFFFD")) ? rootRunDiff(facts, command) : null
  };
}

// src/policy/rules/tools.ts
function shownTools(tools) {
  return listSome(
    tools.map(
      (tool) => tool.path === tool.resolved ? tool.path : `${tool.path} \u2192 ${tool.resolved}`
    )
  );
}
function toolHit(facts, kind, what, fix) {
  const tools = runtime(facts).tools.filter((tool) => tool.kind === kind);
  if (tools.length === 0) return [];
  return [
    {
      message: `${what}: ${shownTools(tools)}`,
      location: fromLocation(facts),
      fix: typeof fix === "string" ? { summary: fix, diff: null } : fix(tools.map((tool) => tool.path))
    }
  ];
}

// src/policy/rules/nr031-sudo-present.ts
var nr031 = {
  id: "NR031",
  name: "sudo-present",
  title: "sudo, su or doas exists in the image",
  rationale: "A container that runs as non-root has no business switching users; sudo, su or doas in the image is either dead weight or a way back to root. One without a setuid bit or file capabilities (a BusyBox applet link) cannot switch users for a non-root user: it is at most a notice.",
  howToFix: "Do not install sudo, su or doas in the final stage, or remove them there (`RUN rm -f /usr/bin/su`: Debian's su comes with the base image).",
  examples: { failing: "sudo-present", passing: "user-1654" },
  levels: { baseline: "warning", restricted: "error", hardened: "error" },
  needs: ["filesystem"],
  evaluate(facts) {
    const output = runtime(facts);
    const tools = output.tools.filter((tool) => tool.kind === "privilege");
    if (tools.length === 0) return [];
    const switching = tools.filter((tool) => mayRaise(output, tool.resolved));
    const inert = tools.filter((tool) => !switching.includes(tool));
    const fix = removeFix(
      facts,
      tools.map((tool) => tool.path)
    );
    const location = fromLocation(facts);
    if (switching.length === 0) {
      return [
        {
          message: `a user-switching tool is present, but cannot switch users: ${shownTools(inert)} (neither a setuid bit nor file capabilities: only root could use it)`,
          location,
          fix,
          atMost: "notice"
        }
      ];
    }
    const also = inert.length ? `; also present, but unable to switch users: ${shownTools(inert)}` : "";
    return [
      {
        message: `a user-switching tool is present: ${shownTools(switching)}${also}`,
        location,
        fix
      }
    ];
  }
};
function mayRaise(output, resolved) {
  const { setid, fileCaps, walk } = output;
  if (setid.truncated || fileCaps.truncated || walk.truncated || walk.unscanned.truncated) {
    return true;
  }
  if (walk.unscanned.items.some(({ path }) => covers(path, resolved))) return true;
  return setid.items.some((file) => file.path === resolved && (file.mode & 2048) !== 0) || fileCaps.items.some((file) => file.path === resolved);
}
function removeFix(facts, paths) {
  const words = paths.map(shellWord);
  const writable = words.every((word) => word !== null) && !paths.some((p) => p.includes("\uFFFD"));
  if (!writable) {
    return {
      summary: "Remove sudo, su and doas in the final stage, or build it on a base without them.",
      diff: null
    };
  }
  const command = `rm -f ${words.join(" ")}`;
  return {
    summary: `Remove ${paths.length === 1 ? "it" : "them"} in the final stage: \`RUN ${command}\` (for a BusyBox applet this removes only the link), or build the final stage on a base without sudo, su or doas.`,
    diff: rootRunDiff(facts, command)
  };
}

// src/facts/capabilities.ts
var NAMES = [
  "CHOWN",
  "DAC_OVERRIDE",
  "DAC_READ_SEARCH",
  "FOWNER",
  "FSETID",
  "KILL",
  "SETGID",
  "SETUID",
  "SETPCAP",
  "LINUX_IMMUTABLE",
  "NET_BIND_SERVICE",
  "NET_BROADCAST",
  "NET_ADMIN",
  "NET_RAW",
  "IPC_LOCK",
  "IPC_OWNER",
  "SYS_MODULE",
  "SYS_RAWIO",
  "SYS_CHROOT",
  "SYS_PTRACE",
  "SYS_PACCT",
  "SYS_ADMIN",
  "SYS_BOOT",
  "SYS_NICE",
  "SYS_RESOURCE",
  "SYS_TIME",
  "SYS_TTY_CONFIG",
  "MKNOD",
  "LEASE",
  "AUDIT_WRITE",
  "AUDIT_CONTROL",
  "SETFCAP",
  "MAC_OVERRIDE",
  "MAC_ADMIN",
  "SYSLOG",
  "WAKE_ALARM",
  "BLOCK_SUSPEND",
  "AUDIT_READ",
  "PERFMON",
  "BPF",
  "CHECKPOINT_RESTORE"
];
function capabilityNames(hex) {
  const mask = BigInt(`0x${hex || "0"}`);
  const names = [];
  for (let bit = 0; bit < 64; bit++) {
    if (mask >> BigInt(bit) & 1n) names.push(NAMES[bit] ?? `CAP_${bit}`);
  }
  return names;
}
function fileCapabilityNames(hex) {
  const bytes = Buffer.from(hex, "hex");
  if (bytes.length < 12) return [];
  const low = bytes.readUInt32LE(4);
  const high = bytes.length >= 20 ? bytes.readUInt32LE(12) : 0;
  const mask = BigInt(high) << 32n | BigInt(low);
  return capabilityNames(mask.toString(16));
}

// src/policy/rules/nr032-file-capabilities.ts
var nr032 = {
  id: "NR032",
  name: "file-capabilities",
  title: "Files in the image carry file capabilities (security.capability)",
  rationale: "A file capability grants privileges to whoever executes the file, non-root users included (unless no-new-privileges is set): it is setuid in finer grain, and image scanners rarely look for it.",
  howToFix: "Remove file capabilities (`setcap -r`) or do not ship those files.",
  examples: { failing: "file-capabilities", passing: "user-1654" },
  levels: { baseline: "warning", restricted: "error", hardened: "error" },
  needs: ["filesystem"],
  evaluate(facts) {
    const { fileCaps } = runtime(facts);
    if (fileCaps.count === 0) return [];
    const shown = fileCaps.items.map((file) => {
      const names = fileCapabilityNames(file.capability);
      return `${file.path} (${names.length > 0 ? names.join(", ") : "no permitted capabilities"})`;
    });
    return [
      {
        message: `${fileCaps.count} ${fileCaps.count === 1 ? "file carries" : "files carry"} file capabilities: ${listSome(shown, fileCaps.count)}`,
        location: fromLocation(facts),
        fix: {
          summary: `Remove them in the final stage (\`RUN setcap -r <file>\`, from libcap2-bin), or do not copy those files; the app should not need privileges.`,
          diff: null
        }
      }
    ];
  }
};

// src/policy/rules/nr033-effective-capabilities.ts
var nr033 = {
  id: "NR033",
  name: "effective-capabilities",
  title: "The runtime user holds effective or permitted capabilities",
  rationale: "Capabilities are root's powers in pieces. Under Docker's defaults a non-root process has none; a root process has about fourteen, CHOWN and DAC_OVERRIDE among them.",
  howToFix: "Run as a non-root user; in Kubernetes also drop all capabilities (securityContext.capabilities.drop: [ALL]).",
  examples: { failing: "root-by-default", passing: "user-1654" },
  levels: { baseline: "error", restricted: "error", hardened: "error" },
  needs: ["runtime-user"],
  evaluate(facts) {
    const output = runtime(facts);
    const { capEff, capPrm, capAmb } = output.status;
    const effective = capabilityNames(capEff);
    const permitted = capabilityNames(capPrm);
    const ambient = capabilityNames(capAmb);
    if (effective.length + permitted.length + ambient.length === 0) return [];
    const parts = [
      effective.length > 0 ? `effective ${listSome(effective, effective.length, 6)}` : "",
      permitted.length > 0 && capPrm !== capEff ? `permitted ${listSome(permitted, permitted.length, 6)}` : "",
      ambient.length > 0 ? `ambient ${listSome(ambient, ambient.length, 6)}` : ""
    ].filter(Boolean);
    return [
      {
        message: `${whoRuns(output)} holds capabilities under Docker's defaults: ${parts.join("; ")}`,
        location: userLocation(facts),
        fix: {
          summary: "Run as a non-root user (a numeric USER), which clears them; in Kubernetes also drop them all (securityContext.capabilities.drop: [ALL]).",
          diff: null
        }
      }
    ];
  }
};

// src/policy/rules/nr034-walk-incomplete.ts
var WHOLE_WALK = /^(entry limit|time limit|writable check time limit)/;
var NOT_A_GAP = /^writable check: after \d+ create tests/;
var nr034 = {
  id: "NR034",
  name: "walk-incomplete",
  title: "The probe's walk stopped at a limit, so some files were not judged",
  rationale: "Every file-system rule (setuid files, file capabilities, writable directories) judges what the walk saw. A walk that stopped at a limit (depth, path length, entries, time, a directory it could not read) may have missed the one setuid-root binary an image hides 3,000 directories deep, so an incomplete walk never passes.",
  howToFix: "Flatten or remove what the walk could not reach (the message says where and why). Where a deep or unreadable tree is expected and harmless, accept it for that path in the policy file (allow-incomplete-walk); a walk stopped by its entry or time limit cannot be accepted.",
  examples: { failing: "walk-past-limit", passing: "user-1654" },
  levels: { baseline: "error", restricted: "error", hardened: "error" },
  needs: ["filesystem"],
  evaluate(facts, context) {
    const { walk } = runtime(facts);
    const gaps = walk.unscanned.items.filter((item) => !NOT_A_GAP.test(item.reason));
    const open = gaps.filter(
      (item) => WHOLE_WALK.test(item.reason) || !allowed(item.path, context.allow.incompleteWalk)
    );
    const hidden = walk.unscanned.count - walk.unscanned.items.length;
    if (open.length === 0 && hidden === 0 && !(walk.truncated && gaps.length === 0)) return [];
    const described2 = open.map((item) => `${item.path} (${item.reason})`);
    const total = open.length + hidden;
    const what = total > 0 ? `${total} place${total === 1 ? "" : "s"} not walked: ${listSome(described2, total)}` : "the walk stopped at a limit";
    return [
      {
        message: `the walk of the image is incomplete after ${walk.entries} entries, so files there were not judged: ${what}`,
        location: fromLocation(facts),
        fix: {
          summary: "Remove or flatten what the walk could not reach; to accept a deep or unreadable tree that is expected, list its path under `allow-incomplete-walk` in the policy file.",
          diff: null
        }
      }
    ];
  }
};

// src/policy/rules/nr040-shell-present.ts
var nr040 = {
  id: "NR040",
  name: "shell-present",
  title: "A shell exists in the image",
  rationale: "Most exploits want a shell. Shell-less final images (distroless, Ubuntu chiseled) leave an attacker with the app binary alone.",
  howToFix: "Build the final stage on a shell-less base (distroless, Ubuntu chiseled) and copy only the app into it.",
  examples: { failing: "user-1654", passing: "shell-less-nonroot" },
  levels: { baseline: "off", restricted: "notice", hardened: "error" },
  needs: ["filesystem"],
  evaluate: (facts) => toolHit(
    facts,
    "shell",
    "a shell is present",
    "Build the final stage on a shell-less base (distroless, Ubuntu chiseled) and copy only the app into it."
  )
};

// src/policy/rules/nr041-package-manager-present.ts
var nr041 = {
  id: "NR041",
  name: "package-manager-present",
  title: "A package manager exists in the image",
  rationale: "A package manager lets whoever controls the process install tools; it is rarely needed at runtime and should stay in the build stage.",
  howToFix: "Install packages in a build stage and copy the results into a final stage without a package manager.",
  examples: { failing: "package-manager", passing: "user-1654" },
  levels: { baseline: "off", restricted: "notice", hardened: "error" },
  needs: ["filesystem"],
  evaluate: (facts) => toolHit(
    facts,
    "package-manager",
    "a package manager is present",
    "Install packages in a build stage and copy the results into a final stage without the package manager (distroless, chiseled, or scratch)."
  )
};

// src/fixes/ports.ts
var FROM = 80;
var TO = 8080;
function fromBase(facts, source, name) {
  return facts.image.env[name] !== void 0 && source.dockerfile.chain.every((stage) => stage.envs.every((env) => env.name !== name));
}
function listensOnTarget(facts) {
  const env = facts.image.env;
  if ((env["ASPNETCORE_URLS"] ?? "").trim() !== "") return false;
  const httpPorts = (env["ASPNETCORE_HTTP_PORTS"] ?? "").split(";").map((port) => port.trim());
  return httpPorts.includes(String(TO)) || env["PORT"]?.trim() === String(TO);
}
function exposeEdit(facts, source) {
  if (!listensOnTarget(facts)) return null;
  const declaring = source.dockerfile.chain.flatMap(
    (stage) => stage.exposes.filter((expose) => expose.ports.includes(`${FROM}/tcp`))
  );
  if (declaring.length !== 1) return null;
  const line = declaring[0].line;
  const instruction = source.instruction(line, "EXPOSE");
  if (!instruction || instruction.args.includes("$")) return null;
  const words = instruction.args.split(/\s+/);
  const target = new RegExp(`^${TO}(?:/tcp)?$`, "i");
  const from = new RegExp(`^${FROM}(/tcp)?$`, "i");
  if (!words.some((word) => from.test(word))) return null;
  const kept = words.some((word) => target.test(word)) ? words.filter((word) => !from.test(word)) : words.map((word) => word.replace(from, `${TO}$1`));
  return { start: line, count: 1, lines: [`${instruction.head}${kept.join(" ")}`] };
}
function findAssignment(args, name) {
  const legacy = /^([A-Za-z_][A-Za-z0-9_]*)(\s+)(.*)$/.exec(args);
  if (legacy) {
    const value = legacy[3];
    if (legacy[1] !== name || /["'\\$`]/.test(value)) return null;
    const start = legacy[1].length + legacy[2].length;
    return { start, end: args.length, quote: "", value, alone: true, legacy: true };
  }
  const pair = /([A-Za-z_][A-Za-z0-9_]*)=("[^"\\$`]*"|'[^'\\]*'|[^\s"'\\$`]*)(?=\s|$)/y;
  const found = [];
  let count = 0;
  let at2 = 0;
  while (at2 < args.length) {
    pair.lastIndex = at2;
    const match = pair.exec(args);
    if (!match) return null;
    count++;
    const raw = match[2];
    const quote = /^["']/.test(raw) ? raw[0] : "";
    if (match[1] === name) {
      found.push({
        start: match.index,
        end: match.index + match[0].length,
        quote,
        value: quote ? raw.slice(1, -1) : raw,
        alone: false,
        legacy: false
      });
    }
    at2 = pair.lastIndex;
    const space = /\s*/y;
    space.lastIndex = at2;
    space.exec(args);
    at2 = space.lastIndex;
  }
  if (found.length !== 1) return null;
  return { ...found[0], alone: count === 1 };
}
function newValue(name, value) {
  if (name === "PORT") return value === String(FROM) ? String(TO) : null;
  if (name === "ASPNETCORE_HTTP_PORTS") {
    if (!/^\d+(?:;\d+)*$/.test(value)) return null;
    const ports = value.split(";");
    if (!ports.includes(String(FROM))) return null;
    const next = ports.includes(String(TO)) ? ports.filter((port) => port !== String(FROM)) : ports.map((port) => port === String(FROM) ? String(TO) : port);
    return next.join(";");
  }
  if (name === "ASPNETCORE_URLS") {
    const url = /^(http:\/\/[+*]):80(\/?)$/i.exec(value);
    return url ? `${url[1]}:${TO}${url[2]}` : null;
  }
  return null;
}
function envEdit(facts, source, declared) {
  const name = declared.source;
  const setting = source.dockerfile.chain.flatMap(
    (stage) => stage.envs.filter((env) => env.name === name)
  );
  const last = setting.at(-1);
  if (!last) return null;
  const instruction = source.instruction(last.line, "ENV");
  if (!instruction) return null;
  const assignment = findAssignment(instruction.args, name);
  if (!assignment || assignment.value !== last.value) return null;
  const dotnet8 = fromBase(facts, source, "APP_UID") || fromBase(facts, source, "ASPNETCORE_HTTP_PORTS");
  if (name === "ASPNETCORE_URLS" && dotnet8 && assignment.alone && setting.length === 1 && newValue(name, assignment.value) !== null) {
    return {
      start: last.line,
      count: 1,
      lines: [`${instruction.head}ASPNETCORE_HTTP_PORTS=${TO}`]
    };
  }
  const value = newValue(name, assignment.value);
  if (value === null) return null;
  const { args } = instruction;
  const written = assignment.legacy ? value : `${name}=${assignment.quote}${value}${assignment.quote}`;
  const replaced = args.slice(0, assignment.start) + written + args.slice(assignment.end);
  return { start: last.line, count: 1, lines: [`${instruction.head}${replaced}`] };
}
function portDiff(facts, declared) {
  if (declared.port !== FROM || declared.protocol !== "tcp") return null;
  const source = dockerfileSource(facts);
  if (!source) return null;
  const edit = declared.source === "EXPOSE" ? exposeEdit(facts, source) : envEdit(facts, source, declared);
  return edit ? source.diff([edit]) : null;
}

// src/policy/rules/kubernetes-common.ts
function describeContainer(container) {
  const kind = container.list === "initContainers" ? "init container" : container.list === "ephemeralContainers" ? "ephemeral container" : "container";
  const workload = container.workload ? `${container.kind}/${container.workload}` : container.kind;
  return `${workload}, ${kind} ${container.name}`;
}
function at(container, line) {
  return { file: container.file, line };
}
function containerUid(facts, container) {
  const runAsUser = effectiveRunAs(container).runAsUser?.value;
  return runAsUser === void 0 ? facts.user.uid : Number(BigInt.asUintN(32, runAsUser));
}

// src/policy/rules/nr050-privileged-port.ts
var UNPRIVILEGED_PORT_START = 1024;
var nr050 = {
  id: "NR050",
  name: "privileged-port",
  title: "A declared port (or a containerPort of a manifest) is below 1024 for a non-root user, or the probe cannot bind it",
  rationale: "A non-root process cannot bind ports below 1024 on a default Kubernetes node. Docker hides this (it sets net.ipv4.ip_unprivileged_port_start=0 in containers), so `docker run` works and the pod crashes. The probe binds with the Kubernetes setting. This is why .NET 8 moved from port 80 to 8080. A root image that declares such a port gets a notice: it binds now, and breaks once the user is non-root.",
  howToFix: "Listen on a port of 1024 or more: `ENV ASPNETCORE_HTTP_PORTS=8080` and `EXPOSE 8080` (the .NET 8+ default); map port 80 to it in the Service.",
  examples: { failing: "port-80-aspnetcore-urls", passing: "user-1654" },
  levels: { baseline: "error", restricted: "error", hardened: "error" },
  needs: ["image", "accounts"],
  evaluate(facts, context) {
    const uid = facts.runtime?.identity.uid ?? facts.user.uid;
    if (uid === null) return [];
    if (uid === 0) return rootImageHits(facts, context);
    const hits = [];
    const seen = /* @__PURE__ */ new Set();
    for (const declared of facts.ports) {
      const key = `${declared.source}:${declared.port}/${declared.protocol}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const bind = facts.runtime?.ports.find(
        (port) => port.port === declared.port && port.protocol === declared.protocol
      );
      const privileged = declared.port < UNPRIVILEGED_PORT_START && !context.allow.ports.includes(declared.port);
      if (!privileged && (!bind || bind.bindable)) continue;
      const evidence = bind ? bind.bindable ? "the probe could bind it" : `the probe, as uid ${uid}, could not bind it (${bind.error ?? "failed"})` : "the probe did not try it";
      const why = privileged ? `port ${declared.port} is below ${UNPRIVILEGED_PORT_START}, which uid ${uid} cannot bind on a default Kubernetes node; ${evidence}` : `${evidence}`;
      hits.push({
        message: `${declared.declaration}: ${why}`,
        location: portLocation(facts, declared),
        fix: portFix(facts, declared)
      });
    }
    hits.push(...containerPortHits(facts, context));
    return hits;
  }
};
function portFix(facts, declared) {
  const aspnet = declared.source.startsWith("ASPNETCORE_");
  return {
    summary: aspnet ? "Listen on 8080, the .NET 8+ default: `ENV ASPNETCORE_HTTP_PORTS=8080` and `EXPOSE 8080`; map port 80 to it in the Service (or `docker run -p 80:8080`)." : `Listen on a port of ${UNPRIVILEGED_PORT_START} or more (e.g. 8080) and \`EXPOSE 8080\`; map port ${declared.port} to it in the Service (or \`docker run -p ${declared.port}:8080\`).`,
    diff: portDiff(facts, declared)
  };
}
function rootImageHits(facts, context) {
  const seen = /* @__PURE__ */ new Set();
  return facts.ports.flatMap((declared) => {
    const key = `${declared.source}:${declared.port}/${declared.protocol}`;
    if (seen.has(key) || declared.port >= UNPRIVILEGED_PORT_START) return [];
    if (context.allow.ports.includes(declared.port)) return [];
    seen.add(key);
    return [
      {
        message: `${declared.declaration}: port ${declared.port} is below ${UNPRIVILEGED_PORT_START}: it binds now because the image runs as root; once the user is non-root (the fix of NR001 or NR002), a default Kubernetes node refuses it`,
        location: portLocation(facts, declared),
        fix: portFix(facts, declared),
        atMost: "notice"
      }
    ];
  });
}
function containerPortHits(facts, context) {
  return (facts.kubernetes?.containers ?? []).flatMap((container) => {
    const uid = containerUid(facts, container);
    if (uid === null || uid === 0) return [];
    return container.ports.filter(
      (port) => port.value < UNPRIVILEGED_PORT_START && !context.allow.ports.includes(port.value)
    ).map((port) => ({
      message: `${describeContainer(container)}: containerPort: ${port.value}: port ${port.value} is below ${UNPRIVILEGED_PORT_START}, which uid ${uid} cannot bind on a default Kubernetes node`,
      location: at(container, port.line),
      fix: {
        summary: `Have the app listen on a port of ${UNPRIVILEGED_PORT_START} or more (e.g. 8080), set \`containerPort: 8080\`, and keep port ${port.value} on the Service (\`port: ${port.value}\`, \`targetPort: 8080\`).`,
        diff: null
      }
    }));
  });
}

// src/fixes/manifest.ts
var STEP = 2;
function replaceValue(text, key, value) {
  const match = new RegExp(`^(\\s*(?:- )?${key}:[ \\t]*)(\\S[^#]*?)([ \\t]+#.*)?$`).exec(text);
  if (!match) return null;
  return `${match[1]}${value}${match[3] ?? ""}`;
}
function nestedLines(keys, value, indent) {
  return keys.map((key, depth) => {
    const pad = " ".repeat(indent + depth * STEP);
    return depth === keys.length - 1 ? `${pad}${key}: ${value}` : `${pad}${key}:`;
  });
}
function insertInto(mapping, keys, value) {
  if (mapping.flow) return null;
  return { start: mapping.endLine + 1, count: 0, lines: nestedLines(keys, value, mapping.indent) };
}
function securityEdit(lines, container, level, keys, value) {
  const context = level === "container" ? container.container : container.pod;
  const owner = level === "container" ? container.position : container.pod.spec;
  if (!context.position) return insertInto(owner, ["securityContext", ...keys], value);
  if (keys.length === 1) {
    const existing2 = context[keys[0]];
    if (existing2) {
      const replaced = replaceValue(lines[existing2.line - 1] ?? "", keys[0], value);
      return replaced === null ? null : { start: existing2.line, count: 1, lines: [replaced] };
    }
    return insertInto(context.position, keys, value);
  }
  const [parentKey, childKey] = keys;
  const parent = context[parentKey];
  if (!parent) return insertInto(context.position, keys, value);
  const existing = parentKey === "capabilities" ? context.capabilities?.[childKey] : context.seccompProfile?.type;
  if (existing) {
    const replaced = replaceValue(lines[existing.line - 1] ?? "", childKey, value);
    return replaced === null ? null : { start: existing.line, count: 1, lines: [replaced] };
  }
  return insertInto(parent.position, [childKey], value);
}
function securityContextDiff(kubernetes, container, settings) {
  const text = kubernetes.sources[container.file];
  if (text === void 0 || !isDiffablePath(container.file)) return null;
  const lines = splitLines(text)?.map((line) => line.text);
  if (!lines) return null;
  const edits = [];
  const created = /* @__PURE__ */ new Map();
  for (const setting of settings) {
    const context = setting.level === "container" ? container.container : container.pod;
    if (!context.position) {
      created.set(setting.level, [...created.get(setting.level) ?? [], setting]);
      continue;
    }
    const edit = securityEdit(lines, container, setting.level, setting.keys, setting.value);
    if (!edit) return null;
    edits.push(edit);
  }
  for (const [level, group] of created) {
    const owner = level === "container" ? container.position : container.pod.spec;
    if (owner.flow) return null;
    edits.push({ start: owner.endLine + 1, count: 0, lines: blockLines(group, owner.indent) });
  }
  return unifiedDiff(container.file, text, mergeInsertions(edits));
}
function blockLines(settings, indent) {
  const out = [`${" ".repeat(indent)}securityContext:`];
  const parents = /* @__PURE__ */ new Map();
  for (const { keys, value } of settings) {
    if (keys.length === 1) {
      out.push(`${" ".repeat(indent + STEP)}${keys[0]}: ${value}`);
    } else {
      parents.set(keys[0], [
        ...parents.get(keys[0]) ?? [],
        `${" ".repeat(indent + 2 * STEP)}${keys[1]}: ${value}`
      ]);
    }
  }
  for (const [parent, children] of parents)
    out.push(`${" ".repeat(indent + STEP)}${parent}:`, ...children);
  return out;
}
function mergeInsertions(edits) {
  const indentOf = (line) => line.length - line.trimStart().length;
  const merged = /* @__PURE__ */ new Map();
  const others = [];
  for (const edit of edits) {
    if (edit.count !== 0) {
      others.push(edit);
      continue;
    }
    const existing = merged.get(edit.start);
    if (!existing) merged.set(edit.start, { ...edit, lines: [...edit.lines] });
    else {
      const blocks = [existing.lines, edit.lines].sort((a, b) => indentOf(b[0]) - indentOf(a[0]));
      existing.lines = blocks.flat();
    }
  }
  return [...others, ...merged.values()];
}
function yamlPath(level, keys, value) {
  const prefix = level === "pod" ? "spec.securityContext" : "securityContext";
  return `${prefix}.${keys.join(".")}: ${value}`;
}

// src/policy/rules/nr060-k8s-runasnonroot-rejects.ts
var nr060 = {
  id: "NR060",
  name: "k8s-runasnonroot-rejects",
  title: "A manifest running this image has runAsNonRoot: true, and the kubelet would refuse the image user",
  rationale: "The kubelet checks runAsNonRoot when it creates the container, from the image metadata only: a user name (even one with a non-zero UID in /etc/passwd), an empty user, UID 0 or an out-of-range UID is refused, and the pod sits in CreateContainerConfigError after the deploy. Admission (Pod Security Standards) never looks at the image, so nothing catches it before. Non-root Guard replays the kubelet's decision at review time, with the pod and container securityContext merged as the kubelet merges them.",
  howToFix: "Give the image a numeric user (`USER $APP_UID`, `USER 1654`): the kubelet can then verify it. Or set `runAsUser` to a non-zero UID in the container's securityContext, which the kubelet uses instead of the image user.",
  examples: { failing: "k8s-user-app", passing: "k8s-app-uid" },
  levels: { baseline: "error", restricted: "error", hardened: "error" },
  needs: ["image", "accounts", "manifests"],
  evaluate(facts, context) {
    return facts.kubernetes.containers.flatMap((container) => {
      const error2 = kubeletErrorFor(facts.image.user, container);
      if (!error2) return [];
      const { runAsNonRoot, runAsUser } = effectiveRunAs(container);
      const decisive = runAsUser?.value === 0n ? runAsUser : runAsNonRoot;
      const setting = decisive === runAsUser ? `runAsUser: 0 (line ${runAsUser.line})` : `runAsNonRoot: true (line ${runAsNonRoot.line})`;
      const subject = decisive === runAsUser ? setting : `${setting} and the image's ${userLabel(facts)}`;
      return [
        {
          message: `${describeContainer(container)}: the kubelet refuses to start it ("${error2}"), so the pod sits in CreateContainerConfigError: ${subject}`,
          location: at(container, decisive.line),
          fix: fixFor3(facts, container, decisive === runAsUser, context.allow.ports)
        }
      ];
    });
  }
};
function fixFor3(facts, container, runAsUserIsRoot, allowedPorts) {
  const kubernetes = facts.kubernetes;
  const uid = facts.user.uid;
  if (runAsUserIsRoot) {
    if (uid !== null && uid > 0) {
      return {
        summary: `Run as the image's own user: \`runAsUser: ${uid}\` (or remove runAsUser, the image's user is uid ${uid}).`,
        diff: securityContextDiff(kubernetes, container, [
          { level: levelOf(container), keys: ["runAsUser"], value: String(uid) }
        ])
      };
    }
    return {
      summary: "Set `runAsUser` to a non-zero UID the image can run as, or remove it and give the image a numeric non-root USER.",
      diff: null
    };
  }
  const spec = facts.user.spec;
  if (spec.kind === "name" && uid !== null && uid > 0) {
    const numeric = numericFormFor(facts, uid, spec.group !== null ? facts.user.gid : null);
    const dockerfileDiff = numericUserDiff(facts, numeric);
    const manifest = yamlPath("container", ["runAsUser"], String(uid));
    return {
      summary: `Use the number in the Dockerfile: \`USER ${numeric}\` (${spec.name} is uid ${uid} in the image's /etc/passwd); or set \`${manifest}\` in this container.`,
      diff: dockerfileDiff ?? securityContextDiff(kubernetes, container, [
        { level: "container", keys: ["runAsUser"], value: String(uid) }
      ])
    };
  }
  const image = switchUserFix(
    facts,
    facts.dockerfile?.effectiveUser ? "Replace it with" : "Add",
    allowedPorts
  );
  return {
    summary: `${image.summary} (Setting runAsUser in the manifest also starts it, but as a user the image's files may not fit.)`,
    diff: image.diff
  };
}
function levelOf(container) {
  return container.container.runAsUser ? "container" : "pod";
}

// src/policy/rules/nr061-k8s-not-restricted.ts
var RESTRICTED_VOLUMES = /* @__PURE__ */ new Set([
  "configMap",
  "csi",
  "downwardAPI",
  "emptyDir",
  "ephemeral",
  "persistentVolumeClaim",
  "projected",
  "secret"
]);
var SECCOMP_TYPES = /* @__PURE__ */ new Set(["RuntimeDefault", "Localhost"]);
var nr061 = {
  id: "NR061",
  name: "k8s-not-restricted",
  title: 'A manifest running this image misses a Pod Security Standards "restricted" field',
  rationale: 'A namespace that enforces the "restricted" Pod Security Standard rejects the pod at admission unless every container sets runAsNonRoot, runs as a non-zero runAsUser, sets allowPrivilegeEscalation: false explicitly, drops ALL capabilities (adding back at most NET_BIND_SERVICE), runs under the RuntimeDefault or a Localhost seccomp profile, and uses only configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected and secret volumes. A pod with hostUsers: false (a user namespace) is exempt from the runAsNonRoot and runAsUser checks.',
  howToFix: "Add the missing fields to the container's securityContext: `runAsNonRoot: true`, `allowPrivilegeEscalation: false`, `capabilities: {drop: [ALL]}`, `seccompProfile: {type: RuntimeDefault}`.",
  examples: { failing: "k8s-user-app", passing: "k8s-app-uid" },
  levels: { baseline: "off", restricted: "warning", hardened: "error" },
  needs: ["manifests"],
  evaluate(facts) {
    const hits = [];
    const reportedVolumes = /* @__PURE__ */ new Set();
    for (const container of facts.kubernetes.containers) {
      const gaps = [];
      const gap = (what, line, level, keys, value) => gaps.push({ what, line, setting: { level, keys, value } });
      const own2 = container.container;
      const pod = container.pod;
      const userNamespace = pod.hostUsers?.value === false;
      const securityLine = own2.position?.line ?? container.position.line;
      if (!userNamespace) {
        const falseAt = [own2.runAsNonRoot, pod.runAsNonRoot].find(
          (field) => field?.value === false
        );
        if (falseAt) {
          gap(
            "runAsNonRoot is false",
            falseAt.line,
            falseAt === own2.runAsNonRoot ? "container" : "pod",
            ["runAsNonRoot"],
            "true"
          );
        } else if (own2.runAsNonRoot?.value !== true && pod.runAsNonRoot?.value !== true) {
          gap(
            "runAsNonRoot is not set to true, in the container or the pod",
            securityLine,
            "container",
            ["runAsNonRoot"],
            "true"
          );
        }
        for (const [field, level] of [
          [own2.runAsUser, "container"],
          [pod.runAsUser, "pod"]
        ]) {
          if (field?.value === 0n)
            gap(
              "runAsUser is 0 (root)",
              field.line,
              level,
              ["runAsUser"],
              String(facts.user.uid && facts.user.uid > 0 ? facts.user.uid : NEW_UID)
            );
        }
      }
      const escalation = own2.allowPrivilegeEscalation;
      if (escalation?.value !== false) {
        gap(
          escalation ? "allowPrivilegeEscalation is true" : "allowPrivilegeEscalation is not set to false",
          escalation?.line ?? securityLine,
          "container",
          ["allowPrivilegeEscalation"],
          "false"
        );
      }
      const drop = own2.capabilities?.drop;
      if (!drop?.value.includes("ALL")) {
        gap(
          drop ? `capabilities.drop is [${drop.value.join(", ")}], without ALL` : "capabilities.drop does not include ALL",
          drop?.line ?? own2.capabilities?.position.line ?? securityLine,
          "container",
          ["capabilities", "drop"],
          "[ALL]"
        );
      }
      const add = own2.capabilities?.add;
      const extra = add?.value.filter((capability) => capability !== "NET_BIND_SERVICE") ?? [];
      if (add && extra.length > 0) {
        hits.push({
          message: `${describeContainer(container)}: capabilities.add has ${extra.join(", ")}; only NET_BIND_SERVICE may be added back (Pod Security Standards "restricted")`,
          location: at(container, add.line),
          fix: {
            summary: `Remove ${extra.join(", ")} from \`securityContext.capabilities.add\`; a non-root process on a port of 1024 or more needs none.`,
            diff: null
          }
        });
      }
      const seccomp = own2.seccompProfile?.type ?? pod.seccompProfile?.type;
      if (!seccomp || !SECCOMP_TYPES.has(seccomp.value)) {
        gap(
          seccomp ? `seccompProfile.type is ${seccomp.value}` : "no seccompProfile, in the container or the pod",
          seccomp?.line ?? securityLine,
          seccomp && seccomp === pod.seccompProfile?.type ? "pod" : "container",
          ["seccompProfile", "type"],
          "RuntimeDefault"
        );
      }
      const diff = securityContextDiff(
        facts.kubernetes,
        container,
        gaps.map((entry) => entry.setting)
      );
      for (const { what, line, setting } of gaps) {
        hits.push({
          message: `${describeContainer(container)}: ${what} (Pod Security Standards "restricted")`,
          location: at(container, line),
          fix: {
            summary: `Set \`${yamlPath(setting.level, setting.keys, setting.value)}\`.`,
            diff
          }
        });
      }
      for (const volume of pod.volumes) {
        const key = `${container.file}:${volume.line}`;
        if (RESTRICTED_VOLUMES.has(volume.type) || reportedVolumes.has(key)) continue;
        reportedVolumes.add(key);
        hits.push({
          message: `${describeContainer(container)}: volume ${volume.name} is a ${volume.type} volume, which the profile does not allow (Pod Security Standards "restricted")`,
          location: at(container, volume.line),
          fix: {
            summary: `Replace the ${volume.type} volume with an allowed type (emptyDir for scratch space, a persistentVolumeClaim or configMap for data).`,
            diff: null
          }
        });
      }
    }
    return hits.sort(
      (a, b) => a.location.file.localeCompare(b.location.file) || a.location.line - b.location.line
    );
  }
};

// src/policy/rules/nr062-k8s-user-override.ts
var APP_ROLES2 = /* @__PURE__ */ new Set(["workdir", "exec", "exec-dir", "home"]);
var nr062 = {
  id: "NR062",
  name: "k8s-user-override",
  title: "A manifest's runAsUser differs from the image's user while app files or HOME belong to the image's user",
  rationale: "runAsUser replaces the image's user. The image was built for its own user: its WORKDIR, its executable or HOME belong to that UID, often with no access for others. Run as another UID, the app may fail to read its files or write its HOME, and only in the cluster, since docker run uses the image's user.",
  howToFix: "Set runAsUser to the image's UID (or remove it), or build the image for the UID the cluster uses; files the app only reads can be root-owned and world-readable, and group 0 with fsGroup covers writable data.",
  examples: { failing: "k8s-user-override", passing: "k8s-app-uid" },
  levels: { baseline: "notice", restricted: "warning", hardened: "warning" },
  needs: ["manifests", "runtime-user"],
  evaluate(facts) {
    const output = runtime(facts);
    const imageUid = output.identity.uid;
    const owned = output.paths.filter(
      (path) => path.uid === imageUid && path.roles.some((role) => APP_ROLES2.has(role))
    );
    if (imageUid === 0 || owned.length === 0) return [];
    return facts.kubernetes.containers.flatMap((container) => {
      const runAsUser = effectiveRunAs(container).runAsUser;
      if (!runAsUser || runAsUser.value === BigInt(imageUid) || runAsUser.value === 0n) return [];
      const level = container.container.runAsUser === runAsUser ? "container" : "pod";
      const paths = listSome(owned.map((path) => path.path));
      return [
        {
          message: `${describeContainer(container)}: runAsUser: ${runAsUser.value} (line ${runAsUser.line}) replaces the image's user, uid ${imageUid}${output.identity.name ? ` (${output.identity.name})` : ""}, who owns ${paths}: the app may fail to read or write them`,
          location: at(container, runAsUser.line),
          fix: {
            summary: `Run as the image's user: \`runAsUser: ${imageUid}\` (or remove runAsUser); or build the image for uid ${runAsUser.value}.`,
            diff: securityContextDiff(facts.kubernetes, container, [
              { level, keys: ["runAsUser"], value: String(imageUid) }
            ])
          }
        }
      ];
    });
  }
};

// src/policy/rules/index.ts
var RULES = [
  nr001,
  nr002,
  nr003,
  nr004,
  nr005,
  nr006,
  nr007,
  nr010,
  nr020,
  nr021,
  nr022,
  nr023,
  nr024,
  nr030,
  nr031,
  nr032,
  nr033,
  nr034,
  nr040,
  nr041,
  nr050,
  nr060,
  nr061,
  nr062
];

// src/policy/types.ts
var PRESETS = ["baseline", "restricted", "hardened"];
var SEVERITIES = ["error", "warning", "notice"];
var FAIL_ON = ["error", "warning", "never"];
var PROBE_MODES = ["required", "optional"];

// src/policy/config.ts
var RULE_KEYS = RULES.flatMap((rule) => [rule.id, rule.name]);
var LEVELS = ["off", ...SEVERITIES];
var absolutePath = string2().check(_regex(/^\//, "expected an absolute path (starting with /)"));
var policyFileSchema = strictObject({
  preset: _default(_enum(PRESETS), "baseline").check(
    describe2(
      "The preset that gives every rule its severity (see docs): baseline, restricted or hardened."
    )
  ),
  rules: _default(partialRecord(_enum(RULE_KEYS), _enum(LEVELS)), {}).check(describe2("Per rule id or name: off, error, warning or notice, over the preset.")),
  "allow-writable": _default(array(absolutePath), []).check(
    describe2(
      "Globs of directories the user may write, beyond the scratch directories (/tmp, /var/tmp, /run/lock), HOME and VOLUMEs (NR022)."
    )
  ),
  "allow-setid": _default(array(absolutePath), []).check(describe2("Globs of setuid/setgid files that are accepted (NR030).")),
  "allow-incomplete-walk": _default(array(absolutePath), []).check(
    describe2(
      "Globs of paths where an incomplete walk is accepted (NR034): a directory too deep, a path too long or a directory that could not be read there. A walk stopped as a whole (entry or time limit) is never accepted."
    )
  ),
  ports: _default(
    strictObject({
      allow: _default(array(int().check(_gte(1), _lte(65535))), []).check(
        describe2(
          "Ports below 1024 that are accepted (NR050), e.g. where the pod is granted NET_BIND_SERVICE."
        )
      ),
      variables: _default(
        array(
          string2().check(
            _regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "expected an environment variable name")
          )
        ),
        []
      ).check(describe2("More environment variables that hold a port the app listens on."))
    }),
    { allow: [], variables: [] }
  ),
  ignore: _default(
    array(
      strictObject({
        rule: _enum(RULE_KEYS).check(describe2("The rule id or name to ignore.")),
        path: optional(string2()).check(
          describe2(
            "Only findings located in files matching this glob (a Dockerfile or manifest path)."
          )
        ),
        reason: string2().check(
          _trim(),
          _minLength(1, "say why this finding is accepted"),
          describe2("Why it is accepted.")
        ),
        expires: optional(iso_exports.date()).check(
          describe2(
            "YYYY-MM-DD: from this day on the ignore no longer applies, and the report says so."
          )
        )
      })
    ),
    []
  )
}).check(describe2("Non-root Guard policy"));
var DEFAULT_POLICY = policyFileSchema.parse({});
var DEFAULT_POLICY_PATH = ".github/nonroot-guard.yml";

// src/shared/suggest.ts
function editDistance(a, b) {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
    }
    previous = current;
  }
  return previous[b.length];
}
function nearestAll(value, candidates, max = 3) {
  const limit = Math.max(2, Math.floor(value.length / 3));
  let best = [];
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const distance = editDistance(value, candidate);
    if (distance < bestDistance) {
      best = [candidate];
      bestDistance = distance;
    } else if (distance === bestDistance) {
      best.push(candidate);
    }
  }
  return best.length <= max ? best : [];
}
function didYouMean(value, candidates) {
  const guesses = nearestAll(value, candidates).map((guess) => `"${guess}"`);
  if (guesses.length === 0) return "";
  const list = guesses.length === 1 ? guesses[0] : `${guesses.slice(0, -1).join(", ")} or ${guesses.at(-1)}`;
  return ` (did you mean ${list}?)`;
}
function nearest(value, candidates) {
  const guesses = nearestAll(value, candidates, 1);
  return guesses[0];
}

export {
  describeUserInstruction,
  config,
  en_default,
  _lte,
  _gte,
  _nonnegative,
  _maxLength,
  _minLength,
  _regex,
  _trim,
  string2 as string,
  number2 as number,
  int,
  boolean2 as boolean,
  unknown,
  array,
  object,
  strictObject,
  union,
  record,
  _enum,
  literal,
  transform,
  optional,
  nullable,
  nullish2 as nullish,
  _default,
  pipe,
  refine,
  parseUserSpec,
  execUser,
  olderEngineNotes,
  NO_ALLOWANCES,
  listSome,
  capabilityNames,
  RULES,
  PRESETS,
  FAIL_ON,
  PROBE_MODES,
  RULE_KEYS,
  policyFileSchema,
  DEFAULT_POLICY,
  DEFAULT_POLICY_PATH,
  didYouMean,
  nearest
};
