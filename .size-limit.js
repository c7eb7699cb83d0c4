// size-limit budgets (`npm run size`, after `npm run build`): minified and gzipped, as an app bundles them.
// size-limit always marks peer dependencies as external; the consumer checks put xstate and zod back in.
//
// The checks that leave xstate and zod out emit ESM, as an app's bundler does. size-limit's default output is
// an IIFE, which turns each left-out import into `require()`: it subtracts its require shim, but not the
// CommonJS interop (`__toESM`) esbuild adds for the `zod/mini` namespace import, 0.19 kB gzip that is not the
// engine's code and that no ESM app ships (the engine measures 6.05 kB that way, 5.9 kB as ESM).
//
// The product spec's round-2 budgets are 7.5 kB for the engine's own code and 26 kB for the consumer bundle
// (round 1: 6 kB and 24 kB). Neither is met: the engine measures 8.62 kB, the consumer bundle 26.18 kB.
//
// Where the kilobytes went since round 1 (5.98 kB and 23.84 kB), engine and consumer after each step:
// - snapshot and option validation as issue 14 specifies it (zod schemas of the context, states read from
//   the machine, option and services checks): about +1.9 kB and +2.7 kB, to 7.94 kB and 26.57 kB;
// - the lived flow of issue 15: 8.26 kB and 26.9 kB;
// - reusing a restarted request's call under React's StrictMode and <Activity> (issue 14): 8.41 and 27.08;
// - issue 13's one result shape, the facade's named state and the machine's typed readers: 8.51 and 27.17;
// - restoring during the token's synchronization (issue 14, the validated status kept): 8.69 and 27.36.
// Issue 14's size work then removed what was there twice or restated, nothing the issue asks for:
// - the snapshot's status check reads the statuses from a module of their own (src/schemas/status.ts)
//   instead of the wire's answer schemas, whose unused objects a bundler kept (their nested zod calls are
//   not marked pure) and with them zod's `z.int()` and `minLength`: 8.63 and 26.66;
// - a restored child's input is what the machine's own invoke gives it, not a second table: 8.62 and 26.66;
// - one guard for "an SMS may be requested now" where two had the same body: 8.62 and 26.65;
// - the clock checked by the services' method check (checkMethods), not a copy of it: 8.6 and 26.61;
// - the snapshot's timers checked by one schema per entry of timerLimits, not five lines: 8.59 and 26.61;
// - issue 13's mutation work: the transaction id's one try/catch fallback, the facade's synchronize params and
//   the snapshot check's unused branches gone (behaviour unchanged): 8.54 and 26.57.
// Issue 6's speed and heap work (fewer allocations per flow) brought them to 8.64 and 26.66 (the Metro
// footprint, `npm run size:metro`, to 34.97 kB of its 35 kB budget). The size work after it replaced zod
// functions the main entry used only once with ones it uses anyway, and removed code written twice:
// - the facade's smsCode rule as one `z.custom` predicate instead of `z.union` of a string and a number
//   schema: 8.64 and 26.36 (Metro 34.64 kB);
// - the config's non-blank strings by `z.refine` instead of `z.regex`, its last use: 8.64 and 26.2 (34.49);
// - synchronize's options resolved once, by the facade's call(): 8.63 and 26.19 (34.47);
// - the config's newLogTimeDuration by limitSchema, as every other bounded number: 8.62 and 26.18 (34.47).
//
// Why the rest cannot be met by design (measured by removing each part from the built bundle):
// - the engine without any snapshot validation would still measure about 7.6 kB, and without the option
//   and services checks too about 7.2 kB: the checks issue 14 asks for cost about 1.4 kB, the 7.5 kB budget
//   leaves them 0.3 kB;
// - the consumer bundle is 0.18 kB over, and what is left of zod is what its schemas need (object, string,
//   number, boolean, enum, optional, nullable, custom, refine, gte, lte). The largest part one could still
//   take is `z.boolean` (0.09 kB, measured as a `typeof` check in `z.custom`): the smsCode and config rules
//   read as well as predicates as they did as zod calls, a bare type check does not, and meeting the budget
//   would take more of the same;
// - sharing the statechart's repeated blocks (the failure routes, the code.submit pair) as constants
//   measured 21 B more, not less: gzip already folds the repetition, and Stately's editor reads the
//   transitions only as written in place (test/unit/stately.test.ts).
// The first two limits are the measured sizes plus about 1 %, the others plus about 2 %, so that CI catches
// a regression. The view model's copy of
// issue 15 (eleven notices in five languages: sent, unconfirmed, type again, attempts spent, a failed
// resend, an input error with no input, the countdowns' moments; and the error's detail) adds 1.65 kB to
// the view model (7.25 kB) and to the testing entry, which renders it (22.99 kB); the simulated SMS's WebOTP
// line and the synchronization status brought the testing entry to 23.86 kB. Issue 17's scenarios that take
// every transition (the relaunch, held-call, misconfigured-config and throwing-call actions, their model and
// their driver code, and `generateScenarios({ actions })`) brought it to 25.73 kB.
// Issue 18 split the languages: English is built in, French, German, Italian and Spanish are imported from
// pims-enrollment/locales/<language> and registered. The view model check that measured the five languages
// (7.25 kB) now measures what `toViewModel` alone carries, English (3.02 kB); the five languages are the next
// check (7.41 kB: the registry adds 0.16 kB); the testing entry no longer carries the four other languages
// (21.11 kB, from 25.73 kB).
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
    limit: "26.44 kB",
  },
  {
    name: "facade alone (pims.get/set): no xstate in the bundle",
    path: "dist/index.js",
    import: "{ createPims }",
    modifyEsbuildConfig: withPeersBundled,
    gzip: true,
    limit: "9.46 kB",
  },
  {
    name: "view model in English (built in), without xstate and zod",
    path: "dist/index.js",
    import: "{ toViewModel }",
    ignore: ["xstate", "zod"],
    modifyEsbuildConfig: asEsm,
    gzip: true,
    limit: "3.1 kB",
  },
  {
    name: "view model with the four other languages registered, without xstate and zod",
    path: [
      "dist/index.js",
      "dist/locales/fr.js",
      "dist/locales/de.js",
      "dist/locales/it.js",
      "dist/locales/es.js",
    ],
    import: {
      "dist/index.js": "{ toViewModel, registerLocale }",
      "dist/locales/fr.js": "{ fr }",
      "dist/locales/de.js": "{ de }",
      "dist/locales/it.js": "{ it }",
      "dist/locales/es.js": "{ es }",
    },
    ignore: ["xstate", "zod"],
    modifyEsbuildConfig: asEsm,
    gzip: true,
    limit: "7.6 kB",
  },
  {
    name: "testing entry (pims-enrollment/testing): scenarios, runner and drivers, without xstate and zod",
    path: "dist/testing.js",
    import: "*",
    // The Testing Library driver loads @testing-library/react, the app's own test dependency, when it opens.
    ignore: ["xstate", "zod", "@testing-library/react"],
    modifyEsbuildConfig: asEsm,
    gzip: true,
    limit: "21.55 kB",
  },
];
