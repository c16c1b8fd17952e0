import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The attachments benchmark page (bench/attachments/): the app's repositories and file
// preparation, no UI. The output folder is chosen by bench/run-attachments.mjs.
export default defineConfig({
  root: fileURLToPath(new URL('./attachments', import.meta.url)),
  base: './',
  logLevel: 'warn',
  resolve: { tsconfigPaths: true },
  build: {
    outDir: fileURLToPath(new URL('../bench-results/attachments-page', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
    chunkSizeWarningLimit: 2000,
  },
});
