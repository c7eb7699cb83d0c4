/** Vite's `?url` import: the URL of the file in the build. */
declare module "elkjs/lib/elk-worker.min.js?url" {
  const url: string;
  export default url;
}
