// SQL files imported as text: Vite's `?raw` in tests, the same suffix handled by the esbuild
// plugin of build/build-server.mjs in the bundle.
declare module '*.sql?raw' {
  const text: string;
  export default text;
}
