import { Zip, unzipSync } from 'fflate';
import { sha256 } from 'hash-wasm';
import { describe, expect, it } from 'vitest';
import { PackedZipEntry, partPackersStart } from './part-packer-client';

/** A zip of the given parts, each pushed in the given pieces through the packers. */
async function zipOf(parts: Record<string, readonly Uint8Array[]>, level: 1 | 6 = 1) {
  const out: Uint8Array[] = [];
  let done = false;
  const zip = new Zip((error, chunk, final) => {
    if (error) throw error;
    out.push(chunk);
    done = final;
  });
  const packers = partPackersStart();
  const hashes: Record<string, string> = {};
  try {
    for (const [name, pieces] of Object.entries(parts)) {
      const entry = await PackedZipEntry.begin(name, packers, level);
      zip.add(entry);
      for (const piece of pieces) await entry.push(piece.slice());
      hashes[name] = await entry.end();
    }
  } finally {
    packers.close();
  }
  zip.end();
  expect(done).toBe(true);
  const bytes = new Uint8Array(out.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of out) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return { bytes, hashes };
}

const encoder = new TextEncoder();

describe('packed zip entries', () => {
  it('give back every part as pushed, with the SHA-256 of its bytes', async () => {
    const lines = Array.from({ length: 5000 }, (_, i) => `{"id":"c${i}","text":"电梯故障 ${i}"}\n`);
    const pieces = [0, 1500, 3000, 5000]
      .slice(1)
      .map((end, i, ends) => encoder.encode(lines.slice(i === 0 ? 0 : ends[i - 1], end).join('')));
    const whole = encoder.encode(lines.join(''));
    for (const level of [1, 6] as const) {
      const { bytes, hashes } = await zipOf(
        { 'tables/cases.ndjson': pieces, 'tables/empty.ndjson': [], 'manifest.json': [whole] },
        level,
      );
      const files = unzipSync(bytes);
      // Compared as text: the test environment's Uint8Array and fflate's are of different realms.
      const decoder = new TextDecoder();
      expect(decoder.decode(files['tables/cases.ndjson'])).toBe(lines.join(''));
      expect(files['tables/empty.ndjson']?.length).toBe(0);
      expect(decoder.decode(files['manifest.json'])).toBe(lines.join(''));
      expect(hashes['tables/cases.ndjson']).toBe(await sha256(whole));
      expect(hashes['tables/empty.ndjson']).toBe(await sha256(new Uint8Array(0)));
      // Deflated, not stored.
      expect(bytes.length).toBeLessThan(whole.length);
    }
  });

  it('refuse a push before a part has begun', async () => {
    const packers = partPackersStart();
    await expect(packers.push(new Uint8Array(1))).rejects.toThrow(/not begun/);
    packers.close();
  });
});
