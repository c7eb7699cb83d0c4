import vue from "@vitejs/plugin-vue";
import { defineConfig } from "vite";

/** `npx vite examples/vue`: the Vue example on the simulator in the page. */
export default defineConfig({ plugins: [vue()], server: { host: "127.0.0.1" } });
