/**
 * Where the window opens: the size and place it had when it was last closed, kept on this machine
 * (electron-store, window-store.ts) and brought back onto a screen that still exists. Pure, no
 * Electron, so it is tested without it. The state is the window's geometry and nothing else: no
 * name, no page, nothing from the register.
 */
import { z } from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** The normal (not maximised) bounds, in Electron's device-independent pixels. */
  bounds: Rect;
  maximized: boolean;
}

/** Where the state is kept between runs; reading and writing never throw (a lost place is no error). */
export interface WindowStateStore {
  read(): WindowState | null;
  write(state: WindowState): void;
}

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 820 } as const;
export const MIN_WINDOW_SIZE = { width: 900, height: 600 } as const;

// Generous limits: anything beyond them is a damaged file, not a screen.
const coordinate = z.number().int().min(-100_000).max(100_000);
const length = z.number().int().min(1).max(100_000);

const windowStateSchema = z
  .object({
    bounds: z.object({ x: coordinate, y: coordinate, width: length, height: length }).strict(),
    maximized: z.boolean(),
  })
  .strict();

/** What the store held, if it is a window state; anything else (an old format, a hand edit) is null. */
export function parseWindowState(value: unknown): WindowState | null {
  const parsed = windowStateSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The bounds to open with: with x and y, or only a size (Electron then centres the window). */
export interface WindowPlacement {
  bounds: Rect | { width: number; height: number };
  maximized: boolean;
}

export interface Screens {
  /** The work area (the screen less task bars and docks) of every display now connected. */
  workAreas: readonly Rect[];
  /** The primary display's work area: where a window with no place of its own opens. */
  primary: Rect;
}

function overlap(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

/** Within [min, max]; when the range is empty (a screen smaller than the minimum), `min`. */
function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, max));
}

/** A size that fits the work area, and is no smaller than the window's minimum where it can be. */
function fit(size: { width: number; height: number }, area: Rect): { width: number; height: number } {
  return {
    width: Math.min(Math.max(size.width, MIN_WINDOW_SIZE.width), area.width),
    height: Math.min(Math.max(size.height, MIN_WINDOW_SIZE.height), area.height),
  };
}

/**
 * Where to open the window, from the remembered state and the displays connected now.
 *
 * - Nothing remembered: the default size (shrunk to fit the primary display), centred.
 * - Remembered on a display that still shows part of it: the same place, moved and shrunk just
 *   enough to lie wholly inside that display's work area, so the title bar can be reached.
 * - Remembered on a display that is gone (a docking station unplugged, a projector): the
 *   remembered size on the primary display, centred.
 *
 * A maximised window gets its normal bounds back, and is maximised on the display they are on.
 */
export function placeWindow(saved: WindowState | null, screens: Screens): WindowPlacement {
  if (!saved) return { bounds: fit(DEFAULT_WINDOW_SIZE, screens.primary), maximized: false };
  let best: Rect | null = null;
  let bestOverlap = 0;
  for (const area of screens.workAreas) {
    const shared = overlap(saved.bounds, area);
    if (shared > bestOverlap) [best, bestOverlap] = [area, shared];
  }
  const area = best ?? screens.primary;
  const { width, height } = fit(saved.bounds, area);
  const x = best ? saved.bounds.x : area.x + Math.round((area.width - width) / 2);
  const y = best ? saved.bounds.y : area.y + Math.round((area.height - height) / 2);
  return {
    bounds: {
      x: clamp(x, area.x, area.x + area.width - width),
      y: clamp(y, area.y, area.y + area.height - height),
      width,
      height,
    },
    maximized: saved.maximized,
  };
}
