/**
 * Remembers the window's size, position and maximised state between runs. The stored file is
 * untrusted input (hand-edited, truncated by a power cut, written on another monitor layout):
 * `windowStateFrom` validates it and keeps the window on a screen that still exists.
 */
import { z } from 'zod';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface WindowState {
  /** Absent: let the system centre the window. */
  readonly x?: number;
  readonly y?: number;
  readonly width: number;
  readonly height: number;
  readonly maximized: boolean;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 800, maximized: false };
export const MIN_WINDOW_SIZE = { width: 960, height: 600 } as const;

/** The file name under the user-data folder. */
export const WINDOW_STATE_FILE = 'window-state.json';

const storedState = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean(),
});

/** How much of the title bar must be on a screen for the saved position to be kept. */
const GRAB_STRIP = { width: 100, height: 40 } as const;

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * The state to open the window with, from what was stored (any JSON value) and the work areas
 * of the screens connected now. Sizes are clamped between the minimum and the largest screen;
 * a position whose title bar would be off every screen is dropped.
 */
export function windowStateFrom(stored: unknown, workAreas: readonly Rect[]): WindowState {
  const parsed = storedState.safeParse(stored);
  if (!parsed.success) return DEFAULT_WINDOW_STATE;
  const state = parsed.data;

  const maxWidth = Math.max(MIN_WINDOW_SIZE.width, ...workAreas.map((area) => area.width));
  const maxHeight = Math.max(MIN_WINDOW_SIZE.height, ...workAreas.map((area) => area.height));
  const width = Math.min(Math.max(state.width, MIN_WINDOW_SIZE.width), maxWidth);
  const height = Math.min(Math.max(state.height, MIN_WINDOW_SIZE.height), maxHeight);

  if (state.x === undefined || state.y === undefined) {
    return { width, height, maximized: state.maximized };
  }
  const titleBar: Rect = {
    x: state.x + Math.max(0, (width - GRAB_STRIP.width) / 2),
    y: state.y,
    width: Math.min(width, GRAB_STRIP.width),
    height: GRAB_STRIP.height,
  };
  const visible = workAreas.some((area) => overlaps(titleBar, area));
  return visible
    ? { x: state.x, y: state.y, width, height, maximized: state.maximized }
    : { width, height, maximized: state.maximized };
}
