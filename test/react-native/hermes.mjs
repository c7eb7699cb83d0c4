/**
 * The Hermes run (`npm run test:hermes`, in CI after `npm run build`). hermes/flows.js, bundled by Metro as an
 * app bundles it, goes two ways:
 * - for React Native 0.88 (`hermes-stable` transform profile), compiled by its hermesc
 *   (hermes-compiler 260318099.0.5): it must compile, but no VM on npm runs that bytecode;
 * - for the Hermes CLI VM of hermes-engine-cli 0.12.0, the newest with a Linux VM (`default` profile: that
 *   VM rejects `class` syntax), compiled by that package's hermesc and run, on React Native's globals
 *   (hermes-host.js and React Native's setUpXHR) and with no `crypto`.
 * Prints the VM's version and every flow's final output, and fails unless each is the documented one.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { bundle, metroConfig } from "./bundle.mjs";

const require = createRequire(import.meta.url);
const here = import.meta.dirname;
const binary = (name, ...path) => join(dirname(require.resolve(`${name}/package.json`)), ...path);
const versionOf = (name) => require(`${name}/package.json`).version;
// hermesc warns of every global it cannot see declared (React Native's, which its native side defines): left out.
const run = (file, args) =>
  execFileSync(file, args, { encoding: "utf8", timeout: 120_000, stdio: ["ignore", "pipe", "pipe"] });
const versionLine = (file) => run(file, ["-version"]).match(/Hermes release version: .*/)?.[0];

const reactNativeHermesc = binary("hermes-compiler", "hermesc", "linux64-bin", "hermesc");
const cliHermesc = binary("hermes-engine-cli", "linux64-bin", "hermesc");
const cliHermes = binary("hermes-engine-cli", "linux64-bin", "hermes");

const reactNativePolyfills = require("@react-native/js-polyfills")();
// React Native's start-up module (setup-env) needs the native side: the flows set up what they need.
const config = await metroConfig({
  serializer: {
    getModulesRunBeforeMainModule: () => [],
    getPolyfills: () => [join(here, "hermes-host.js"), ...reactNativePolyfills],
  },
});

// 1. React Native 0.88's output, compiled as its release build compiles it.
const stable = await bundle("hermes/flows.js", { profile: "hermes-stable", config });
run(reactNativeHermesc, ["-emit-binary", "-O", "-out", `${stable.file}.hbc`, stable.file]);
console.log(
  `hermes-stable bundle (${stable.bytes.length} B) compiled by React Native's hermesc ` +
    `(hermes-compiler ${versionOf("hermes-compiler")}, ${versionLine(reactNativeHermesc)}): OK`,
);

// 2. The same flows for the Hermes CLI VM, compiled to bytecode and run there.
const cli = await bundle("hermes/flows.js", { profile: "default", config });
run(cliHermesc, ["-emit-binary", "-O", "-out", `${cli.file}.hbc`, cli.file]);
console.log(`Hermes VM: hermes-engine-cli ${versionOf("hermes-engine-cli")}, ${versionLine(cliHermes)}`);
// Promise jobs as microtasks, between two timers, as React Native's Hermes runs them.
const output = run(cliHermes, ["-Xmicrotask-queue", `${cli.file}.hbc`]);
process.stdout.write(output);

const flows = Object.fromEntries(
  output
    .split("\n")
    .filter((line) => line.startsWith("FLOW "))
    .map((line) => {
      const [, name, json] = line.match(/^FLOW (\S+) (.*)$/) ?? [];
      return [name, JSON.parse(json)];
    }),
);
const handoff = {
  outcome: "handoff",
  status: "NotEnrolled",
  next: { api: "pims.authentication.enrollment", action: "enroll", pin: "new" },
};
assert.match(output, /^HERMES RUN DONE$/m, "the run did not finish");
assert.deepEqual(flows.globals, { crypto: "undefined", fetch: "function", AbortController: "function" });
assert.equal(flows["simulator-without-seed"].threw, "TypeError");
assert.match(flows["simulator-without-seed"].message, /react-native-get-random-values.*`seed`/);
assert.deepEqual(flows["happy-path"], { output: handoff });
assert.deepEqual(flows["wrong-code-then-right-code"], {
  afterWrongCode: {
    error: {
      code: 2305,
      label: "The sms code is invalid",
      message: "This code is not correct. Check the SMS and try again.",
    },
    attemptsLeft: 2,
    inFrench: "Ce code est incorrect. Vérifiez le SMS et réessayez.",
  },
  output: handoff,
});
assert.deepEqual(flows["token-not-configured"], {
  output: { outcome: "failed", error: { code: 2344, label: "StrongAuthentication not configured" } },
});
console.log("OK: the three flows end as documented on Hermes");
