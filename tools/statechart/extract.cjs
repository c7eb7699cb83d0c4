// Stately's own source parser, which needs XState v4 beside it: installed here, apart from the package.
const { extractMachinesFromFile } = require("@xstate/machine-extractor");

/** Parses a file's source as the Stately editor does; returns each machine's config as the editor sees it. */
module.exports = function extract(source) {
  const result = extractMachinesFromFile(source);
  return (result?.machines ?? []).map((machine) => ({ config: machine.toConfig() }));
};
