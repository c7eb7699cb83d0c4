/**
 * The React Native example's behaviour tests (`npm test` runs them after vitest): React Native Testing
 * Library under jest with React Native's own preset, which mocks the native modules and runs React
 * Native's Flow-typed sources through its Babel preset; vitest has neither.
 * `pims-enrollment` resolves to the repository's sources, so no build is needed first.
 */
const path = require("node:path");

const repository = path.resolve(__dirname, "../..");

module.exports = {
  preset: "@react-native/jest-preset",
  rootDir: __dirname,
  testMatch: ["<rootDir>/__tests__/**/*.test.tsx"],
  // The first test requires React Native's sources, transformed on first use: 17 s on this loaded two-core
  // machine with an empty cache (then under 1 s a test).
  testTimeout: 60_000,
  moduleNameMapper: {
    "^pims-enrollment$": path.join(repository, "src/index.ts"),
    "^pims-enrollment/(.*)$": path.join(repository, "src/$1.ts"),
    // The sources import each other as `./x.js` (ESM), which are `./x.ts` files.
    "^(\\.{1,2}/.*)\\.js$": "$1",
  },
  transform: {
    "^.+\\.(js|ts|tsx)$": [
      "babel-jest",
      { configFile: false, babelrc: false, presets: ["module:@react-native/babel-preset"] },
    ],
  },
  cacheDirectory: path.join(repository, "node_modules/.cache/jest"),
};
