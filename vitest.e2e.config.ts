import { defineConfig } from "vitest/config";

/** `npm run test:e2e`: the demo in a real browser (Debian's Chromium), served as `npm start` serves it. */
export default defineConfig({
  test: {
    name: "e2e",
    include: ["test/e2e/**/*.test.ts"],
    globalSetup: ["test/e2e/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
