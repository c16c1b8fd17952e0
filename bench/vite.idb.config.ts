import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The benchmark page (bench/idb/): the app's real repositories and pure core, no UI. The output
// folder is chosen by bench/run-idb.mjs (BENCH_DIST).
export default defineConfig({
  root: fileURLToPath(new URL('./idb', import.meta.url)),
  base: './',
  logLevel: 'warn',
  resolve: { tsconfigPaths: true },
  build: {
    outDir:
      process.env.BENCH_DIST ??
      fileURLToPath(new URL('../bench-results/idb-page', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
    chunkSizeWarningLimit: 2000,
  },
});
