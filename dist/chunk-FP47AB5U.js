import { createRequire as __nrgCreateRequire } from 'node:module'; const require = __nrgCreateRequire(import.meta.url);
import {
  FLAGS
} from "./chunk-47YW6DRK.js";
import {
  nearest
} from "./chunk-YY3NJTPX.js";
import {
  Docker,
  VERSION,
  check,
  parseOptions,
  renderJson,
  renderSarif,
  renderText,
  runBuildCommand
} from "./chunk-7XB27I57.js";
import {
  runCommand
} from "./chunk-XCRMHA67.js";
import "./chunk-Q4MVZNWS.js";
import "./chunk-QMRDCHHF.js";
import {
  CheckError,
  describeError
} from "./chunk-ZTBXHN76.js";
import {
  renderMarkdown
} from "./chunk-MEPFU2OQ.js";
import "./chunk-O6NG62F5.js";
import "./chunk-LOBMMHTG.js";

// src/command-line.ts
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
var USAGE = `Usage:
  nonroot-guard check [--image REF] [--context DIR] [--dockerfile PATH]
                      [--target STAGE] [--build-arg K=V]... [--platform P] [--pull]
                      [--build-command CMD] [--policy FILE] [--preset NAME]
                      [--manifests GLOB]... [--manifest-image REF]
                      [--format text|json|markdown|sarif]
                      [--output FILE] [--fail-on error|warning|never]
                      [--probe required|optional]
  nonroot-guard --version | --help

Checks that a container image runs as non-root: its user, resolved as the
runtime and the Kubernetes kubelet resolve it, with each finding on the
Dockerfile line that causes it.

  --image REF          the image to check (pulled when missing; built and tagged
                       REF with --context; produced by --build-command)
  --context DIR        build the image from DIR first
  --dockerfile PATH    the Dockerfile (default DIR/Dockerfile); with --image alone,
                       map findings to its lines without building
  --target STAGE       build (and judge) this stage
  --build-arg K=V      a build argument (repeatable)
  --platform P         e.g. linux/amd64, for the build or the pull
  --pull               always pull (the image, or the base image of a build)
  --build-command CMD  a command that produces --image (e.g. dotnet publish
                       -t:PublishContainer); run without a shell
  --policy FILE        a policy file (default: .github/nonroot-guard.yml when it
                       exists); see the README's "Policy file"
  --preset NAME        baseline, restricted or hardened; overrides the policy
                       file's preset (default baseline)
  --manifests GLOB     Kubernetes manifests that run the image (repeatable):
                       predicts the kubelet's runAsNonRoot refusal and checks
                       the "restricted" Pod Security Standard
  --manifest-image REF the image as the manifests name it (default: --image);
                       without a tag, any tag of that repository
  --format F           text (default), json, markdown or sarif (SARIF 2.1.0,
                       for code scanning)
  --output FILE        write the report to FILE instead of stdout
  --fail-on LEVEL      error (default), warning or never
  --probe MODE         required (default): a probe that cannot run fails the
                       check; optional: its rules are skipped, with the reason

Exit codes: 0 pass, 1 the policy failed, 2 a usage, input or tool error.`;
var FORMATS = ["text", "json", "markdown", "sarif"];
function render(report, format) {
  switch (format) {
    case "json":
      return renderJson(report);
    case "markdown":
      return renderMarkdown(report);
    case "sarif":
      return renderSarif(report);
    default:
      return renderText(report);
  }
}
function parseCommandLine(argv) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, options: FLAGS });
  } catch (error) {
    const { code, message } = error;
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
      const flag = /'([^']+)'/.exec(message)?.[1] ?? "";
      const guess = nearest(flag.replace(/^-+/, ""), Object.keys(FLAGS));
      throw new CheckError(
        "usage",
        `unknown flag ${flag}${guess ? ` (did you mean --${guess}?)` : ""}`,
        "Run nonroot-guard --help for the flags."
      );
    }
    throw new CheckError("usage", message, "Run nonroot-guard --help for the flags.");
  }
}
async function runCli(argv, io) {
  try {
    const { values, positionals } = parseCommandLine(argv);
    if (values.help) {
      io.stdout(`${USAGE}
`);
      return 0;
    }
    if (values.version) {
      io.stdout(`nonroot-guard ${VERSION}
`);
      return 0;
    }
    if (positionals[0] !== "check" || positionals.length > 1) {
      throw new CheckError(
        "usage",
        positionals.length === 0 ? "missing command: check" : `unknown command or extra argument: ${positionals.join(" ")}`,
        "Run nonroot-guard check --image REF, or nonroot-guard --help."
      );
    }
    const format = values.format ?? "text";
    if (!FORMATS.includes(format)) {
      throw new CheckError(
        "usage",
        `--format: unknown format "${values.format}"`,
        "Use text, json, markdown or sarif."
      );
    }
    const options = parseOptions(
      {
        image: values.image,
        context: values.context,
        dockerfile: values.dockerfile,
        target: values.target,
        "build-args": values["build-arg"],
        platform: values.platform,
        pull: values.pull,
        "build-command": values["build-command"],
        policy: values.policy,
        preset: values.preset,
        manifests: values.manifests,
        "manifest-image": values["manifest-image"],
        "fail-on": values["fail-on"],
        probe: values.probe
      },
      "--"
    );
    const report = await check(options, {
      docker: new Docker(runCommand, "docker", io.early),
      runBuildCommand,
      log: io.stderr,
      cwd: io.cwd,
      version: VERSION
    });
    const rendered = render(report, format);
    if (values.output) {
      await writeFile(values.output, rendered);
      io.stderr(`${report.verdict.toUpperCase()}: report written to ${values.output}
`);
    } else {
      io.stdout(rendered);
    }
    return report.verdict === "pass" ? 0 : 1;
  } catch (error) {
    io.stderr(`nonroot-guard: ${describeError(error)}
`);
    return 2;
  }
}
export {
  USAGE,
  runCli
};
