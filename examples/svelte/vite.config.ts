import { svelte } from "@sveltejs/vite-plugin-svelte";
import { defineConfig } from "vite";
import { examplePage } from "../shared/vite-page";

/** `npx vite examples/svelte`: the Svelte example on the simulator in the page. */
export default defineConfig({
  plugins: [svelte(), examplePage("PIMS enrollment — Svelte example")],
  server: { host: "127.0.0.1" },
});
