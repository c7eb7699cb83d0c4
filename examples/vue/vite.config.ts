import vue from "@vitejs/plugin-vue";
import { defineConfig } from "vite";
import { examplePage } from "../shared/vite-page";

/** `npx vite examples/vue`: the Vue example on the simulator in the page. */
export default defineConfig({
  plugins: [vue(), examplePage("PIMS enrollment — Vue example")],
  server: { host: "127.0.0.1" },
});
