import { createRequire as __nrgCreateRequire } from 'node:module'; const require = __nrgCreateRequire(import.meta.url);
import {
  require_dist
} from "./chunk-L2A7LG6M.js";
import {
  INT64_MAX,
  INT64_MIN
} from "./chunk-GCD4YOJZ.js";
import {
  CheckError
} from "./chunk-ACNRZZWL.js";
import {
  __toESM
} from "./chunk-LOBMMHTG.js";

// src/kubernetes/manifests.ts
var import_yaml = __toESM(require_dist(), 1);

// src/kubernetes/types.ts
var WORKLOAD_KINDS = [
  "Pod",
  "Deployment",
  "StatefulSet",
  "DaemonSet",
  "ReplicaSet",
  "Job",
  "CronJob"
];

// src/kubernetes/manifests.ts
var MAX_MANIFEST_BYTES = 16 * 1024 * 1024;
var MAX_DOCUMENTS = 1e4;
var MAX_YAML_NODES = 1e6;
var NODE_TOKENS = /* @__PURE__ */ new Set([
  "scalar",
  "single-quoted-scalar",
  "double-quoted-scalar",
  "alias",
  "flow-map-start",
  "flow-seq-start",
  "seq-item-ind",
  "map-value-ind",
  "explicit-key-ind"
]);
var MAX_NODE_VISITS = 1e6;
var MAX_MERGE_DEPTH = 20;
var POD_SPEC_PATH = {
  Pod: ["spec"],
  Deployment: ["spec", "template", "spec"],
  StatefulSet: ["spec", "template", "spec"],
  DaemonSet: ["spec", "template", "spec"],
  ReplicaSet: ["spec", "template", "spec"],
  Job: ["spec", "template", "spec"],
  CronJob: ["spec", "jobTemplate", "spec", "template", "spec"]
};
var CONTAINER_LISTS = [
  "containers",
  "initContainers",
  "ephemeralContainers"
];
var BULK_HINT = "Give the manifests of the workloads to check, not a generated dump of a cluster.";
var SYNTAX_HINT = "Every document of a manifest file must be valid YAML, as `kubectl apply` reads it.";
var SHAPE_HINT = "A pod spec holds a list of containers, each a mapping with name and image, as `kubectl apply` expects.";
function isWorkloadKind(kind) {
  return WORKLOAD_KINDS.includes(kind);
}
function isAbsent(node) {
  return node === null || (0, import_yaml.isScalar)(node) && node.value === null;
}
function describeNode(node) {
  if (isAbsent(node)) return "nothing";
  if ((0, import_yaml.isMap)(node)) return "a mapping";
  if ((0, import_yaml.isSeq)(node)) return "a list";
  const type = typeof node.value;
  if (type === "bigint") return "a number";
  return type === "string" || type === "number" || type === "boolean" ? `a ${type}` : "a scalar";
}
function isMergeKey(key) {
  return (0, import_yaml.isScalar)(key) && typeof key.value === "symbol";
}
var ManifestFile = class {
  constructor(text, file) {
    this.text = text;
    this.file = file;
  }
  text;
  file;
  counter = new import_yaml.LineCounter();
  /** Each alias and the node it stands for (the last anchor of that name before it). */
  aliasTargets = /* @__PURE__ */ new WeakMap();
  /** Each value node and the key that holds it, for "the line of the key". */
  holders = /* @__PURE__ */ new WeakMap();
  indexes = /* @__PURE__ */ new WeakMap();
  visits = 0;
  read() {
    const containers = [];
    const composer = new import_yaml.Composer({
      // kubectl reads manifests as YAML 1.1 (sigs.k8s.io/yaml on go-yaml v2): `privileged: yes` is true.
      version: "1.1",
      merge: true,
      // The yaml package compares every key with every other (quadratic); index() checks in one pass.
      uniqueKeys: false,
      // runAsUser is an int64: a JavaScript number would lose digits beyond 2^53.
      intAsBigInt: true
    });
    let documentIndex = 0;
    for (const doc of composer.compose(new import_yaml.Parser(this.counter.addNewLine).parse(this.text))) {
      if (documentIndex === MAX_DOCUMENTS) {
        this.fail(this.file, `more than ${MAX_DOCUMENTS} YAML documents`, BULK_HINT);
      }
      const syntax = doc.errors[0];
      if (syntax) {
        this.fail(
          this.where(syntax.pos[0]),
          `YAML syntax error: ${syntax.message.split("\n")[0]}`,
          SYNTAX_HINT
        );
      }
      this.index(doc);
      for (const workload of this.workloads(doc)) {
        for (const container of this.containersOf(workload, documentIndex)) {
          containers.push(container);
        }
      }
      documentIndex++;
    }
    return containers;
  }
  where(offset) {
    const { line, col } = this.counter.linePos(offset);
    return `${this.file}:${line}:${col}`;
  }
  fail(where, message, hint) {
    throw new CheckError("input", `${where}: ${message}`, hint);
  }
  spend() {
    if (++this.visits > MAX_NODE_VISITS) {
      this.fail(
        this.file,
        `aliases and merge keys expand to more than ${MAX_NODE_VISITS} nodes`,
        "Kubernetes manifests need no such expansion; check where the file comes from."
      );
    }
  }
  /**
   * One pass over the document in order: resolves every alias, records which
   * key holds each value, and refuses what kubectl would refuse (duplicate
   * keys, unknown aliases, merge keys that merge no mapping).
   */
  index(doc) {
    const anchors = /* @__PURE__ */ new Map();
    const mergeValues = [];
    const pending = [doc.contents];
    while (pending.length > 0) {
      const item = pending.pop();
      if ((0, import_yaml.isPair)(item)) {
        const key = item.key;
        const value = item.value;
        if (key && value) this.holders.set(value, key);
        if (isMergeKey(key) && value) mergeValues.push(value);
        pending.push(value, key);
        continue;
      }
      if (!(0, import_yaml.isNode)(item)) continue;
      const node = item;
      if ((0, import_yaml.isAlias)(node)) {
        const target = anchors.get(node.source);
        if (!target) {
          this.fail(
            this.where(node.range[0]),
            `YAML error: unknown alias *${node.source} (an anchor &${node.source} must come before it)`,
            SYNTAX_HINT
          );
        }
        this.aliasTargets.set(node, target);
        continue;
      }
      if (node.anchor) anchors.set(node.anchor, node);
      if ((0, import_yaml.isMap)(node)) {
        const keys = /* @__PURE__ */ new Set();
        for (const pair of node.items) {
          if (!(0, import_yaml.isScalar)(pair.key)) continue;
          if (keys.has(pair.key.value)) {
            this.fail(
              this.where(pair.key.range[0]),
              "YAML syntax error: Map keys must be unique",
              SYNTAX_HINT
            );
          }
          keys.add(pair.key.value);
        }
      }
      if ((0, import_yaml.isMap)(node) || (0, import_yaml.isSeq)(node)) {
        for (let at = node.items.length - 1; at >= 0; at--) pending.push(node.items[at]);
      }
    }
    for (const value of mergeValues) {
      const source = this.resolve(value);
      const sources = (0, import_yaml.isSeq)(source) ? source.items.map((item) => this.resolve(item)) : [source];
      if (!sources.every((each) => (0, import_yaml.isMap)(each))) {
        this.fail(
          this.where(value.range[0]),
          "YAML error: a merge key (<<) takes a mapping or a list of mappings",
          SYNTAX_HINT
        );
      }
    }
  }
  /** The node an alias stands for; any other node as is. */
  resolve(node) {
    if (!(0, import_yaml.isNode)(node)) return null;
    if (!(0, import_yaml.isAlias)(node)) return node;
    this.spend();
    return this.aliasTargets.get(node) ?? null;
  }
  indexOf(map) {
    let index = this.indexes.get(map);
    if (!index) {
      index = { explicit: /* @__PURE__ */ new Map(), merges: [] };
      for (const pair of map.items) {
        const value = pair.value ?? null;
        if (isMergeKey(pair.key)) {
          if (value) index.merges.push(value);
        } else if ((0, import_yaml.isScalar)(pair.key)) {
          index.explicit.set(pair.key.value, value);
        }
      }
      this.indexes.set(map, index);
    }
    return index;
  }
  /** The mappings a merge key's value brings in, earlier ones first. */
  mergeSources(value) {
    const source = this.resolve(value);
    const sources = (0, import_yaml.isSeq)(source) ? source.items.map((item) => this.resolve(item)) : [source];
    return sources.filter((each) => (0, import_yaml.isMap)(each));
  }
  /** Merge sources that merge again, this deep, are a loop (`&a {<<: *a}`) or a bomb. */
  checkMergeDepth(map, depth) {
    if (depth < MAX_MERGE_DEPTH) return;
    this.fail(
      this.where(map.range[0]),
      `YAML error: merge keys (<<) nest more than ${MAX_MERGE_DEPTH} deep`,
      SYNTAX_HINT
    );
  }
  /** A key's value, its own before merged ones (as YAML merge keys define), aliases resolved; null when absent. */
  get(map, key, depth = 0) {
    const { explicit, merges } = this.indexOf(map);
    if (explicit.has(key)) return this.resolve(explicit.get(key));
    if (merges.length > 0) this.checkMergeDepth(map, depth);
    for (const merge of merges) {
      for (const source of this.mergeSources(merge)) {
        this.spend();
        const found = this.get(source, key, depth + 1);
        if (found) return found;
      }
    }
    return null;
  }
  /** The keys of a mapping in the order they are written, merged ones where their `<<` is. */
  *keysOf(map, depth = 0) {
    const { explicit, merges } = this.indexOf(map);
    if (merges.length === 0) {
      yield* explicit.keys();
      return;
    }
    for (const pair of map.items) {
      if (!isMergeKey(pair.key)) {
        if ((0, import_yaml.isScalar)(pair.key)) yield pair.key.value;
        continue;
      }
      this.checkMergeDepth(map, depth);
      for (const source of this.mergeSources(pair.value)) {
        this.spend();
        yield* this.keysOf(source, depth + 1);
      }
    }
  }
  /** The items of a list, aliases resolved, each one counted against the expansion limit. */
  itemsOf(seq) {
    if (!(0, import_yaml.isSeq)(seq)) return [];
    return seq.items.map((item) => {
      this.spend();
      return this.resolve(item);
    });
  }
  /** Line of the key that holds a node, or of the node itself (a list item, the document). */
  lineOf(node) {
    const anchor = this.holders.get(node) ?? node;
    return this.counter.linePos(anchor.range[0]).line;
  }
  position(map) {
    const firstKey = map.items[0]?.key;
    const keysAt = firstKey?.range[0] ?? map.range[0];
    return {
      line: this.lineOf(map),
      indent: this.counter.linePos(keysAt).col - 1,
      endLine: this.lastContentLine(map),
      flow: map.flow === true
    };
  }
  /**
   * The last line with content: a block node's range runs on over trailing
   * blank lines and comments, so follow its last item down to a scalar,
   * alias or flow collection and step back over whitespace.
   */
  lastContentLine(node) {
    let last = node;
    for (; ; ) {
      if (!((0, import_yaml.isMap)(last) || (0, import_yaml.isSeq)(last)) || last.flow || last.items.length === 0) break;
      const item = last.items[last.items.length - 1];
      const next = (0, import_yaml.isPair)(item) ? item.value ?? item.key : item;
      if (!(0, import_yaml.isNode)(next)) break;
      last = next;
    }
    let end = last.range[1];
    while (end > 0 && /\s/.test(this.text[end - 1])) end--;
    return this.counter.linePos(Math.max(end - 1, 0)).line;
  }
  scalar(map, key, accept) {
    const node = this.get(map, key);
    if (!(0, import_yaml.isScalar)(node) || !accept(node.value)) return void 0;
    return { value: node.value, line: this.lineOf(node) };
  }
  boolean(map, key) {
    return this.scalar(map, key, (value) => typeof value === "boolean");
  }
  /** An integer as kubectl takes it: `1000`, and also `1.0` or `1e3`, which reach the API server as 1 and 1000. */
  integer(map, key) {
    const located = this.int64(map, key);
    if (!located || located.value > Number.MAX_SAFE_INTEGER || located.value < Number.MIN_SAFE_INTEGER) {
      return void 0;
    }
    return { value: Number(located.value), line: located.line };
  }
  /** An int64 field, exact (integers are parsed as bigint); a float with an integer value counts. */
  int64(map, key) {
    const located = this.scalar(
      map,
      key,
      (value) => typeof value === "bigint" && value >= INT64_MIN && value <= INT64_MAX || Number.isSafeInteger(value)
    );
    return located && { value: BigInt(located.value), line: located.line };
  }
  string(map, key) {
    return this.scalar(map, key, (value) => typeof value === "string");
  }
  strings(map, key) {
    const node = this.get(map, key);
    if (!(0, import_yaml.isSeq)(node)) return void 0;
    const values = this.itemsOf(node).map((item) => (0, import_yaml.isScalar)(item) ? item.value : void 0);
    if (!values.every((value) => typeof value === "string")) return void 0;
    return { value: values, line: this.lineOf(node) };
  }
  /** The fields of a securityContext; only those its level has (the API server drops the others). */
  security(owner, level) {
    const context = this.get(owner, "securityContext");
    if (!(0, import_yaml.isMap)(context)) return { position: null };
    const fields = { position: this.position(context) };
    const set = (key, value) => {
      if (value !== void 0) fields[key] = value;
    };
    set("runAsNonRoot", this.boolean(context, "runAsNonRoot"));
    set("runAsUser", this.int64(context, "runAsUser"));
    set("runAsGroup", this.int64(context, "runAsGroup"));
    if (level === "container") {
      set("allowPrivilegeEscalation", this.boolean(context, "allowPrivilegeEscalation"));
      set("privileged", this.boolean(context, "privileged"));
      const capabilities = this.get(context, "capabilities");
      if ((0, import_yaml.isMap)(capabilities)) {
        const drop = this.strings(capabilities, "drop");
        const add = this.strings(capabilities, "add");
        fields.capabilities = {
          position: this.position(capabilities),
          ...drop && { drop },
          ...add && { add }
        };
      }
    }
    const seccomp = this.get(context, "seccompProfile");
    if ((0, import_yaml.isMap)(seccomp)) {
      const type = this.string(seccomp, "type");
      fields.seccompProfile = { position: this.position(seccomp), ...type && { type } };
    }
    return fields;
  }
  volumes(spec) {
    const volumes = [];
    for (const item of this.itemsOf(this.get(spec, "volumes"))) {
      if (!(0, import_yaml.isMap)(item)) continue;
      const name = this.get(item, "name");
      if (!(0, import_yaml.isScalar)(name) || typeof name.value !== "string") continue;
      let type;
      for (const key of this.keysOf(item)) {
        if (key === "name" || typeof key !== "string") continue;
        const source = this.get(item, key);
        if (!isAbsent(source)) {
          type = key;
          break;
        }
      }
      volumes.push({ name: name.value, type: type ?? "emptyDir", line: this.lineOf(item) });
    }
    return volumes;
  }
  /** The workloads of a document: itself, or the items of a List. */
  workloads(doc) {
    const root = this.resolve(doc.contents);
    if (!(0, import_yaml.isMap)(root)) return [];
    const kind = this.scalar(root, "kind", (value) => typeof value === "string")?.value;
    if (isWorkloadKind(kind)) return [{ kind, name: this.nameOf(root), root, pathPrefix: "" }];
    if (!kind?.endsWith("List")) return [];
    const itemKind = kind.slice(0, -"List".length);
    const workloads = [];
    this.itemsOf(this.get(root, "items")).forEach((item, index) => {
      if (!(0, import_yaml.isMap)(item)) return;
      const own = this.scalar(item, "kind", (value) => typeof value === "string")?.value;
      const kindOfItem = own ?? itemKind;
      if (!isWorkloadKind(kindOfItem)) return;
      workloads.push({
        kind: kindOfItem,
        name: this.nameOf(item),
        root: item,
        pathPrefix: `items[${index}].`
      });
    });
    return workloads;
  }
  nameOf(root) {
    const metadata = this.get(root, "metadata");
    return (0, import_yaml.isMap)(metadata) && this.string(metadata, "name")?.value || "";
  }
  /** `found` is the wrong value, or null when absent: then the mapping that should hold it is blamed. */
  shapeError(workload, found, holder, path, expected) {
    const label = workload.name ? `${workload.kind} "${workload.name}"` : workload.kind;
    this.fail(
      this.where((found ?? holder).range[0]),
      `${label}: ${workload.pathPrefix}${path}: expected ${expected}, found ${describeNode(found)}`,
      SHAPE_HINT
    );
  }
  /** The pod spec of a workload; one it cannot have is an error, as kubectl would refuse it. */
  podSpec(workload) {
    let node = workload.root;
    const path = [];
    for (const key of POD_SPEC_PATH[workload.kind]) {
      path.push(key);
      const next = this.get(node, key);
      if (!(0, import_yaml.isMap)(next)) this.shapeError(workload, next, node, path.join("."), "a mapping");
      node = next;
    }
    return node;
  }
  containersOf(workload, document) {
    const spec = this.podSpec(workload);
    const specPath = POD_SPEC_PATH[workload.kind].join(".");
    const hostUsers = this.boolean(spec, "hostUsers");
    const pod = {
      ...this.security(spec, "pod"),
      spec: this.position(spec),
      ...hostUsers && { hostUsers },
      volumes: this.volumes(spec)
    };
    const containers = [];
    for (const list of CONTAINER_LISTS) {
      const items = this.get(spec, list);
      if (!(0, import_yaml.isSeq)(items)) {
        if (isAbsent(items) && list !== "containers") continue;
        this.shapeError(workload, items, spec, `${specPath}.${list}`, "a list of containers");
      }
      this.itemsOf(items).forEach((item, index) => {
        if (!(0, import_yaml.isMap)(item)) {
          this.shapeError(
            workload,
            item,
            items,
            `${specPath}.${list}[${index}]`,
            "a container (a mapping with name and image)"
          );
        }
        const image = this.string(item, "image");
        if (!image) return;
        containers.push({
          file: this.file,
          document,
          kind: workload.kind,
          workload: workload.name,
          list,
          name: this.string(item, "name")?.value ?? "",
          position: this.position(item),
          image,
          ports: this.ports(item),
          container: this.security(item, "container"),
          pod
        });
      });
    }
    return containers;
  }
  ports(container) {
    return this.itemsOf(this.get(container, "ports")).flatMap((item) => {
      const port = (0, import_yaml.isMap)(item) ? this.integer(item, "containerPort") : void 0;
      return port ? [port] : [];
    });
  }
};
function parseManifests(text, file) {
  if (Buffer.byteLength(text) > MAX_MANIFEST_BYTES) {
    throw new CheckError(
      "input",
      `${file}: the manifest file is over ${MAX_MANIFEST_BYTES} bytes`,
      BULK_HINT
    );
  }
  let nodes = 0;
  for (const token of new import_yaml.Lexer().lex(text)) {
    if (NODE_TOKENS.has(import_yaml.CST.tokenType(token) ?? "") && ++nodes > MAX_YAML_NODES) {
      throw new CheckError("input", `${file}: more than ${MAX_YAML_NODES} YAML nodes`, BULK_HINT);
    }
  }
  return new ManifestFile(text, file).read();
}
export {
  parseManifests
};
