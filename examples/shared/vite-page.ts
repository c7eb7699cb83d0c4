import type { Plugin } from "vite";

/**
 * The page around the Vue and Svelte examples' apps, written once: each example's index.html holds only
 * what differs (its mount point and entry script), which this wraps in the page's head and body.
 */
export const examplePage = (title: string): Plugin => ({
  name: "pims-example-page",
  transformIndexHtml: {
    // Before Vite's own transform, which then resolves the stylesheet and the entry script as in any page.
    order: "pre",
    handler: (app) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="../shared/example.css" />
  </head>
  <body>
${app}
  </body>
</html>
`,
  },
});
