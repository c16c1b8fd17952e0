import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The backup benchmark page (bench/backup/): the app's backup writer, reader and restore, no UI.
export default defineConfig({
  root: fileURLToPath(new URL('./backup', import.meta.url)),
  base: './',
  logLevel: 'warn',
  resolve: { tsconfigPaths: true },
  build: {
    outDir:
      process.env.BENCH_DIST ??
      fileURLToPath(new URL('../bench-results/backup-page', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
    chunkSizeWarningLimit: 2000,
  },
});
