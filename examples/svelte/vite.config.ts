import { svelte } from "@sveltejs/vite-plugin-svelte";
import { defineConfig } from "vite";

/** `npx vite examples/svelte`: the Svelte example on the simulator in the page. */
export default defineConfig({ plugins: [svelte()], server: { host: "127.0.0.1" } });
