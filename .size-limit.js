// size-limit budgets (`npm run size`, after `npm run build`): minified and gzipped, as an app bundles them.
// size-limit always marks peer dependencies as external; the consumer checks put xstate and zod back in.
//
// The checks that leave xstate and zod out emit ESM, as an app's bundler does. size-limit's default output is
// an IIFE, which turns each left-out import into `require()`: it subtracts its require shim, but not the
// CommonJS interop (`__toESM`) esbuild adds for the `zod/mini` namespace import, 0.19 kB gzip that is not the
// engine's code and that no ESM app ships (the engine measures 6.05 kB that way, 5.9 kB as ESM).
//
// The product spec's round-2 budgets are 7.5 kB for the engine's own code and 26 kB for the consumer bundle
// (round 1: 6 kB and 24 kB). Snapshot and option validation as issue 14 specifies it (zod schemas of the
// context, states read from the machine, option and services checks) adds about 1.9 kB to the engine and
// 2.7 kB to the consumer bundle (7.94 kB and 26.57 kB as measured with it), over both budgets, which could
// not be met without dropping checks the issue asks for; the lived flow of issue 15 then brought them to
// 8.26 kB and 26.9 kB, and reusing a restarted request's call under React's StrictMode and <Activity>
// (issue 14) to 8.41 kB and 27.08 kB; issue 13's one result shape, the facade's named state and the
// machine's typed readers (no answerOf<T> casts) then added about 0.1 kB to each (8.51 kB and 27.17 kB;
// no byte-shaving traded back for them); restoring during the token's synchronization (issue 14: the
// validated status kept for the retry) brought them to 8.69 kB and 27.36 kB. Then, by design (issue 14's size
// work): the snapshot's status check reads the statuses from a module of their own instead of importing the
// wire's answer schemas, whose unused objects a bundler kept (their nested zod calls are not marked pure) and
// with them zod's `z.int()` and `minLength`: 8.63 kB and 26.66 kB; a restored child's input is what the
// machine's own invoke gives it, not a second table of inputs: 8.62 kB and 26.66 kB; one guard for "an SMS
// may be requested now" where two had the same body: 8.62 kB and 26.65 kB; the clock checked by the services'
// own method check (checkMethods), not a copy of it: 8.6 kB and 26.61 kB; the snapshot's timers checked
// by one schema per entry of timerLimits rather than five restated lines: 8.59 kB and 26.61 kB. The first two limits are those sizes plus
// about 1 %; the
// others are the measured sizes plus about 2 %, so that CI catches a regression. The view model's copy of
// issue 15 (eleven notices in five languages: sent, unconfirmed, type again, attempts spent, a failed
// resend, an input error with no input, the countdowns' moments; and the error's detail) adds 1.65 kB to
// the view model (7.25 kB) and to the testing entry, which renders it (22.99 kB); the simulated SMS's WebOTP
// line and the synchronization status brought the testing entry to 23.86 kB.
const withPeersBundled = (config) => ({ ...config, external: [] });
const asEsm = (config) => ({ ...config, format: "esm" });

const ENGINE = "{ createEnrollmentActor, createPims, enrollmentMachine }";

export default [
  {
    name: "engine: facade + machine, without xstate and zod (spec budget 7.5 kB, over it)",
    path: "dist/index.js",
    import: ENGINE,
    ignore: ["xstate", "zod"],
    modifyEsbuildConfig: asEsm,
    gzip: true,
    limit: "8.68 kB",
  },
  {
    name: "consumer bundle: facade + machine, xstate and zod included (spec budget 26 kB, over it)",
    path: "dist/index.js",
    import: ENGINE,
    modifyEsbuildConfig: withPeersBundled,
    gzip: true,
    limit: "26.87 kB",
  },
  {
    name: "facade alone (pims.get/set): no xstate in the bundle",
    path: "dist/index.js",
    import: "{ createPims }",
    modifyEsbuildConfig: withPeersBundled,
    gzip: true,
    limit: "9.75 kB",
  },
  {
    name: "view model with its five languages, without xstate and zod",
    path: "dist/index.js",
    import: "{ toViewModel }",
    ignore: ["xstate", "zod"],
    modifyEsbuildConfig: asEsm,
    gzip: true,
    limit: "7.4 kB",
  },
  {
    name: "testing entry (pims-enrollment/testing): scenarios, runner and drivers, without xstate and zod",
    path: "dist/testing.js",
    import: "*",
    // The Testing Library driver loads @testing-library/react, the app's own test dependency, when it opens.
    ignore: ["xstate", "zod", "@testing-library/react"],
    modifyEsbuildConfig: asEsm,
    gzip: true,
    limit: "24.3 kB",
  },
];
