import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The console is served by the gateway at /ui/ (src/http/static-ui.ts), so every
 * asset URL is rooted there. Hashed file names under assets/ let the gateway
 * cache them forever; the manifest lets the bundle-size test find the first-load
 * chunks.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/ui/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    manifest: true,
    // Everything is served from the gateway: never inline a data: URI that a strict CSP would refuse.
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
  server: {
    // `vite` dev server: API calls go to a gateway on the default port.
    proxy: { '/graphql': { target: 'http://127.0.0.1:4000', ws: true } },
  },
});
