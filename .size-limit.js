// size-limit budgets (`npm run size`, after `npm run build`). Sizes are minified and gzipped.
// size-limit always marks peer dependencies as external; the consumer check puts xstate and zod back in.
const withPeersBundled = (config) => ({ ...config, external: [] });

export default [
  {
    name: "engine without xstate and zod (dist/index.js)",
    path: "dist/index.js",
    ignore: ["xstate", "zod"],
    gzip: true,
    limit: "6 kB",
  },
  {
    name: "consumer bundle: facade + machine + view model, xstate and zod included",
    path: "bench/size/consumer.js",
    modifyEsbuildConfig: withPeersBundled,
    gzip: true,
    limit: "24 kB",
  },
];
