// size-limit's plugins ship no types. Each package's default export is its list of plugins: objects whose
// `stepN(config, check)` methods size-limit calls in order of N, reading and writing fields of the check.
declare module "@size-limit/esbuild" {
  const plugins: readonly object[];
  export default plugins;
}

declare module "@size-limit/file" {
  const plugins: readonly object[];
  export default plugins;
}
