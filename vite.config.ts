import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is built once and served three ways: from app://desk/ in Electron, by
// build/serve.mjs for the browser build (npm run web), and by the e2e suite.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  // '@shared/...' imports resolve through the paths of tsconfig.base.json.
  resolve: { tsconfigPaths: true },
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'chrome120',
    chunkSizeWarningLimit: 2000,
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
});
