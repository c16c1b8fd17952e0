import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_STATE, windowStateFrom, type Rect } from './window-state';

const laptop: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
const secondScreen: Rect = { x: 1920, y: 0, width: 1280, height: 984 };

describe('windowStateFrom', () => {
  it('restores a saved state that fits the screens', () => {
    const saved = { x: 100, y: 50, width: 1400, height: 900, maximized: false };
    expect(windowStateFrom(saved, [laptop])).toEqual(saved);
  });

  it('keeps a window on the second screen while it is connected', () => {
    const saved = { x: 2000, y: 40, width: 1200, height: 800, maximized: true };
    expect(windowStateFrom(saved, [laptop, secondScreen])).toEqual(saved);
  });

  it('forgets the position when that screen is gone, keeping size and maximised', () => {
    const saved = { x: 2000, y: 40, width: 1200, height: 800, maximized: true };
    expect(windowStateFrom(saved, [laptop])).toEqual({ width: 1200, height: 800, maximized: true });
  });

  it('forgets a position with the title bar above the screen', () => {
    const saved = { x: 100, y: -500, width: 1200, height: 800, maximized: false };
    expect(windowStateFrom(saved, [laptop])).toEqual({
      width: 1200,
      height: 800,
      maximized: false,
    });
  });

  it('clamps the size between the minimum and the largest screen', () => {
    expect(windowStateFrom({ width: 200, height: 100, maximized: false }, [laptop])).toEqual({
      width: 960,
      height: 600,
      maximized: false,
    });
    expect(windowStateFrom({ width: 5000, height: 3000, maximized: false }, [laptop])).toEqual({
      width: 1920,
      height: 1040,
      maximized: false,
    });
  });

  it.each([
    ['nothing stored', undefined],
    ['not an object', 'big'],
    ['a truncated file', { width: 1200 }],
    ['text numbers', { width: '1200', height: '800', maximized: false }],
    ['fractions', { width: 1200.5, height: 800, maximized: false }],
    ['negative sizes', { width: -1, height: 800, maximized: false }],
  ])('falls back to the default for %s', (_name, stored) => {
    expect(windowStateFrom(stored, [laptop])).toEqual(DEFAULT_WINDOW_STATE);
  });
});
