/**
 * The React Native size check (`npm run size:metro`, in CI after `npm run build`): what an app importing
 * `createPims`, `createEnrollmentActor` and `toViewModel` adds to an empty React Native app, both bundled by
 * Metro as a release build, gzipped. Metro does not tree-shake, so this differs from size-limit's checks
 * (`npm run size`), which measure what a tree-shaking bundler keeps. The budget is product spec §7's.
 *
 * Also bundled and printed: the example app (examples/react-native: `useEnrollment`, React Native's
 * components, the simulator and the strings in five languages), so that CI fails if Metro cannot bundle it.
 *
 * Also printed: the same app with French registered, what a language beyond English (built in) adds; and the
 * same imports over Metro's bare runtime, without React Native. That figure counts the
 * Babel helpers (classes, destructuring, async functions) which every React Native app already carries for
 * React Native's own code, so it is higher; the budget is about the app, so it applies to the first.
 *
 * The budget is 35 kB; this check fails above it. Measured here: 41.08 kB with the view model's five
 * languages in every app; 36.22 kB once an app shipped only the languages it imports and registers
 * (`pims-enrollment/locales/fr`…; English is built in); 34.91 kB once the simulator controls' client left the
 * React Native build (now `pims-enrollment/http/controls`, a test tool) and the transport's answer schemas
 * used only the zod functions the main entry uses. Why the second step counts: the React Native build
 * bundles zod into chunks its entries share, and esbuild splits code by file, so every zod function any entry
 * uses (zod's schemas, checks and api files are each one file) lands in the chunk the main entry loads, and
 * Metro ships that chunk whole. `pims-enrollment/http` had added about 1.3 kB there (`z.int`, `z.array`,
 * `z.literal`, length checks, `z.parse`): the controls' schemas, the server's error body and the SMS answer's
 * `z.literal(true)`. With `z.literal(true)` kept the footprint measured 35.01 kB; without the React Native
 * `/http` entry at all, 34.55 kB. By the same rule, the main entry's own zod functions used only once went:
 * the facade's smsCode rule as a `z.custom` predicate instead of `z.union` (34.97 -> 34.64 kB) and the
 * config's non-blank strings by `z.refine` instead of `z.regex` (-> 34.49 kB); 34.47 kB since.
 */
import { createRequire } from "node:module";
import { gzipSync } from "node:zlib";
import { bundle, metroConfig } from "./bundle.mjs";

const BUDGET_BYTES = 35_000;

const require = createRequire(import.meta.url);
const versionOf = (name) => require(`${name}/package.json`).version;
const kB = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;

const measure = async (entry, config) => {
  const { bytes } = await bundle(entry, { config });
  return { minified: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
};

const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

const reactNativeApp = await metroConfig();
const bareRuntime = await metroConfig({ serializer: { getModulesRunBeforeMainModule: () => [] } });
const sizes = {
  empty: await measure("apps/empty.js", reactNativeApp),
  engine: await measure("apps/engine.js", reactNativeApp),
  french: await measure("apps/engine-french.js", reactNativeApp),
  xstate: await measure("apps/xstate.js", reactNativeApp),
  bareEmpty: await measure("apps/bare/empty.js", bareRuntime),
  bareEngine: await measure("apps/bare/engine.js", bareRuntime),
};
const exampleStart = performance.now();
sizes.example = await measure("../../examples/react-native/index.tsx", reactNativeApp);
const exampleTime = seconds(exampleStart);

const row = (label, size) =>
  `  ${label.padEnd(66)} ${String(size.minified).padStart(9)} B min ${kB(size.gzip).padStart(10)} gzip`;
const footprint = sizes.engine.gzip - sizes.empty.gzip;
console.log(
  `Metro ${versionOf("metro")}, @react-native/metro-config ${versionOf("@react-native/metro-config")}, ` +
    `@react-native/babel-preset ${versionOf("@react-native/babel-preset")}, react-native ` +
    `${versionOf("react-native")}: release bundles for Android (--dev false --minify true, default ` +
    "transform profile), gzip -9, 1 kB = 1000 B",
);
console.log(row("empty app (React Native's runtime, AppRegistry, an empty component)", sizes.empty));
console.log(row("  + createPims, createEnrollmentActor, toViewModel", sizes.engine));
console.log(row("  + the same, with French registered (pims-enrollment/locales/fr)", sizes.french));
console.log(row("  + xstate alone (the peer, shared with @xstate/react)", sizes.xstate));
console.log(row("Metro's bare runtime, no React Native", sizes.bareEmpty));
console.log(row("  + createPims, createEnrollmentActor, toViewModel", sizes.bareEngine));
console.log(row(`the example app (examples/react-native, bundled in ${exampleTime})`, sizes.example));
console.log(
  `the package's footprint over the empty app: ${kB(footprint)} gzip (xstate ` +
    `${kB(sizes.xstate.gzip - sizes.empty.gzip)} of it), budget ${kB(BUDGET_BYTES)}; over the bare ` +
    `runtime: ${kB(sizes.bareEngine.gzip - sizes.bareEmpty.gzip)}`,
);
if (footprint > BUDGET_BYTES) {
  console.error(
    `FAIL: the Metro footprint ${kB(footprint)} is ${kB(footprint - BUDGET_BYTES)} over the budget`,
  );
  process.exit(1);
}
console.log(`OK: within the budget, ${kB(BUDGET_BYTES - footprint)} under it`);
