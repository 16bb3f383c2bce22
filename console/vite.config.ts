/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

// Served at /console/ beside the API (same origin); no inline scripts or styles, so the page runs
// under the CSP default-src 'self'.
export default defineConfig({
  base: '/console/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
    reportCompressedSize: true,
  },
  server: {
    // `npm run dev` against a local stack: ./proactief serve --port 8080
    proxy: {
      '/v1': 'http://localhost:8080',
      '/console/config.json': 'http://localhost:8080',
      '/console/development-token': 'http://localhost:8080',
    },
  },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
  },
});
