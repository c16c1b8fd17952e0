import { describe, expect, it } from 'vitest';
import { contentHash, contentHasher, isContentHash } from './hash';
import { attachmentsBytes, attachmentsOf } from './attachments';
import { attachmentSizeRefusal, attachmentSettingsRestore, chunkRanges } from './limits';
import { caseStory } from '../workflow/test-builders';
import { caseFold } from '../workflow/reducer';

describe('contentHash', () => {
  it('is the SHA-256 of the bytes, in lower-case hex (FIPS 180-2 test vectors)', () => {
    expect(contentHash(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(contentHash(new Uint8Array(0))).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });

  it('gives the same hash however the bytes are cut into pieces', () => {
    const bytes = Uint8Array.from({ length: 10_000 }, (_, i) => (i * 7) % 256);
    const whole = contentHash(bytes);
    const hasher = contentHasher();
    for (const [start, end] of chunkRanges(bytes.length, 999)) {
      hasher.update(bytes.subarray(start, end));
    }
    expect(hasher.digest()).toBe(whole);
    expect(contentHash([bytes.subarray(0, 1), bytes.subarray(1)])).toBe(whole);
    expect(contentHash(bytes.subarray(1))).not.toBe(whole);
  });

  it('isContentHash accepts only 64 lower-case hex digits', () => {
    expect(isContentHash(contentHash(new Uint8Array(1)))).toBe(true);
    expect(isContentHash('ABC')).toBe(false);
    expect(isContentHash('g'.repeat(64))).toBe(false);
  });
});

describe('chunkRanges', () => {
  it('covers the file exactly, the last piece shorter', () => {
    expect(chunkRanges(10, 4)).toEqual([
      [0, 4],
      [4, 8],
      [8, 10],
    ]);
    expect(chunkRanges(8, 4)).toEqual([
      [0, 4],
      [4, 8],
    ]);
    expect(chunkRanges(0, 4)).toEqual([]);
  });
});

describe('limits', () => {
  const settings = attachmentSettingsRestore(undefined);

  it('defaults to 25 MB a file, and repairs damaged stored values', () => {
    expect(settings.maxFileBytes).toBe(25 * 1024 * 1024);
    expect(settings.keepLocation).toBe(false);
    expect(attachmentSettingsRestore({ maxFileBytes: -3, keepLocation: 'yes' })).toEqual(settings);
    expect(attachmentSettingsRestore({ maxFileBytes: 1000 }).maxFileBytes).toBe(1000);
    expect(attachmentSettingsRestore({ annexPerPage: 3 }).annexPerPage).toBe(4);
    expect(attachmentSettingsRestore({ annexPerPage: 0 }).annexPerPage).toBe(0);
  });

  it('refuses a file over the per-file limit, then one that would overfill the case', () => {
    const small = { ...settings, maxFileBytes: 100, maxCaseBytes: 250 };
    expect(attachmentSizeRefusal(100, 0, small)).toBeUndefined();
    expect(attachmentSizeRefusal(101, 0, small)).toEqual({
      code: 'fileTooLarge',
      limit: 100,
      size: 101,
    });
    expect(attachmentSizeRefusal(100, 150, small)).toBeUndefined();
    expect(attachmentSizeRefusal(100, 151, small)).toEqual({
      code: 'caseTooLarge',
      limit: 250,
      size: 251,
    });
  });
});

describe('attachmentsOf: deduplication and removal', () => {
  const story = caseStory();
  const added = (attachmentId: string, hash: string, size: number) =>
    story.event('case/attachmentAdded', { attachmentId, hash, size });

  it('lists the attachments still on the case, and counts a file added twice once', () => {
    const events = [
      story.event('case/received'),
      added('a', 'h1', 100),
      added('b', 'h1', 100),
      added('c', 'h2', 50),
      story.event('case/attachmentRemoved', { attachmentId: 'c', name: 'x' }),
    ];
    const list = attachmentsOf(events);
    expect(list.map((a) => a.attachmentId)).toEqual(['a', 'b']);
    expect(attachmentsBytes(list)).toBe(100);
    expect(list[0]?.addedByName).toBe(events[1]?.actorName);
    // The reducer keeps the same list on the case row, and refuses a second removal.
    expect(caseFold(events)?.attachmentIds).toEqual(['a', 'b']);
    const again = story.event('case/attachmentRemoved', { attachmentId: 'c', name: 'x' });
    const folded = caseFold([...events, again]);
    expect(folded?.ignoredEventIds).toEqual([again.id]);
  });
});
