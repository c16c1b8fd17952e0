// The longer run of the hostile-file harness (renderer/src/test/hostile-files.test.ts): a fresh
// seed unless FUZZ_SEED is given, FUZZ_RUNS runs a property (default 1000). The seed is printed
// so that a failure can be replayed with FUZZ_SEED=<seed>.
import { spawnSync } from 'node:child_process';

const seed = process.env.FUZZ_SEED ?? String(Math.floor(Math.random() * 2 ** 31));
const runs = process.env.FUZZ_RUNS ?? '1000';
console.log(`fuzz: seed ${seed}, ${runs} runs a property`);
const result = spawnSync('npx', ['vitest', 'run', 'renderer/src/test/hostile-files.test.ts'], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
  env: { ...process.env, FUZZ_SEED: seed, FUZZ_RUNS: runs },
});
process.exit(result.status ?? 1);
