import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig } from 'vite';

/**
 * A benchmark page's build: the folder `bench/<folder>/` holds the page (the app's real
 * repositories and pure core, no UI); the output folder is chosen by its runner (BENCH_DIST).
 */
export function benchPageConfig(folder: string): UserConfig {
  return defineConfig({
    root: fileURLToPath(new URL(`./${folder}`, import.meta.url)),
    base: './',
    logLevel: 'warn',
    resolve: { tsconfigPaths: true },
    build: {
      outDir:
        process.env.BENCH_DIST ??
        fileURLToPath(new URL(`../bench-results/${folder}-page`, import.meta.url)),
      emptyOutDir: true,
      target: 'chrome120',
      chunkSizeWarningLimit: 2000,
    },
  });
}
