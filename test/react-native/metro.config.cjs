/**
 * Metro as a React Native 0.88 app configures it (@react-native/metro-config), for the size check, the
 * Hermes run and the example app. `pims-enrollment` resolves to this repository through its `exports` map,
 * as it would from an app's node_modules: Metro asks for the `react-native` condition, which points at
 * dist/react-native (`npm run build` first).
 */
const path = require("node:path");
const { getDefaultConfig, mergeConfig } = require("@react-native/metro-config");
const { FileStore } = require("metro-cache");

const repository = path.resolve(__dirname, "../..");

module.exports = mergeConfig(getDefaultConfig(__dirname), {
  watchFolders: [repository],
  resolver: {
    extraNodeModules: { "pims-enrollment": repository },
    nodeModulesPaths: [path.join(repository, "node_modules")],
    useWatchman: false,
  },
  cacheStores: [new FileStore({ root: path.join(repository, "node_modules/.cache/metro") })],
  // Metro's banner and progress, which would bury the sizes and the flows' output.
  reporter: { update: () => {} },
});
