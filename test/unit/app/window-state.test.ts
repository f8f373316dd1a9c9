import { describe, expect, it } from 'vitest';
import { parseWindowState, placeWindow, type Rect, type WindowState } from '../../../main/app/window-state';

// A laptop screen with a task bar at the bottom, and an external screen to its right.
const laptop: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
const external: Rect = { x: 1920, y: -200, width: 2560, height: 1400 };
const both = { workAreas: [laptop, external], primary: laptop };
const laptopOnly = { workAreas: [laptop], primary: laptop };

const state = (bounds: Rect, maximized = false): WindowState => ({ bounds, maximized });

describe('placeWindow: the window opens where it was, on a screen that exists', () => {
  it('with nothing remembered: the default size, centred by Electron (no x or y)', () => {
    expect(placeWindow(null, both)).toEqual({ bounds: { width: 1280, height: 820 }, maximized: false });
  });

  it('with nothing remembered on a small screen: the default size shrunk to the work area', () => {
    const small: Rect = { x: 0, y: 0, width: 1366, height: 728 };
    expect(placeWindow(null, { workAreas: [small], primary: small }).bounds).toEqual({ width: 1280, height: 728 });
  });

  it('keeps a place that is wholly on a screen as it was', () => {
    const bounds = { x: 100, y: 50, width: 1200, height: 800 };
    expect(placeWindow(state(bounds), both)).toEqual({ bounds, maximized: false });
  });

  it('keeps a place on the second screen, negative y and all', () => {
    const bounds = { x: 2100, y: -150, width: 1600, height: 1000 };
    expect(placeWindow(state(bounds), both).bounds).toEqual(bounds);
  });

  it('brings a window off every screen (the external one unplugged) back, centred on the primary', () => {
    const onExternal = { x: 2500, y: 100, width: 1200, height: 800 };
    expect(placeWindow(state(onExternal), laptopOnly)).toEqual({
      bounds: { x: 360, y: 120, width: 1200, height: 800 },
      maximized: false,
    });
  });

  it('brings back a window far off in negative space', () => {
    expect(placeWindow(state({ x: -5000, y: -3000, width: 1000, height: 700 }), laptopOnly).bounds).toEqual({
      x: 460,
      y: 170,
      width: 1000,
      height: 700,
    });
  });

  it('moves a window partly off its screen just enough to lie wholly on it', () => {
    // Hanging over the right edge of the laptop only (there is nothing to the right).
    expect(placeWindow(state({ x: 1500, y: 300, width: 1000, height: 700 }), laptopOnly).bounds).toEqual({
      x: 920,
      y: 300,
      width: 1000,
      height: 700,
    });
    // Its title bar above the top of the screen.
    expect(placeWindow(state({ x: 200, y: -40, width: 1000, height: 700 }), laptopOnly).bounds).toEqual({
      x: 200,
      y: 0,
      width: 1000,
      height: 700,
    });
  });

  it('across two screens: onto the one that shows most of it', () => {
    // 300 px on the laptop, 900 px on the external screen.
    expect(placeWindow(state({ x: 1620, y: 0, width: 1200, height: 800 }), both).bounds).toEqual({
      x: 1920,
      y: 0,
      width: 1200,
      height: 800,
    });
  });

  it('shrinks a window larger than the screen it comes back to', () => {
    const huge = { x: 1920, y: -200, width: 2560, height: 1400 }; // the whole external screen
    expect(placeWindow(state(huge), laptopOnly).bounds).toEqual({ x: 0, y: 0, width: 1920, height: 1040 });
  });

  it('never makes the window smaller than its minimum where the screen has room', () => {
    expect(placeWindow(state({ x: 10, y: 10, width: 200, height: 100 }), laptopOnly).bounds).toEqual({
      x: 10,
      y: 10,
      width: 900,
      height: 600,
    });
  });

  it('keeps the maximised state, with the normal bounds to return to', () => {
    const bounds = { x: 2100, y: 0, width: 1400, height: 900 };
    expect(placeWindow(state(bounds, true), both)).toEqual({ bounds, maximized: true });
    // Maximised on a screen that is gone: maximised on the primary one.
    expect(placeWindow(state(bounds, true), laptopOnly)).toEqual({
      bounds: { x: 260, y: 70, width: 1400, height: 900 },
      maximized: true,
    });
  });

  it('does not count a window that only touches a screen at its edge as on it', () => {
    // Ends exactly where the laptop begins: no pixel on it, so it is brought back and centred.
    expect(placeWindow(state({ x: -1000, y: 0, width: 1000, height: 700 }), laptopOnly).bounds).toEqual({
      x: 460,
      y: 170,
      width: 1000,
      height: 700,
    });
  });
});

describe('parseWindowState: only a window state is ever read or written', () => {
  const good = { bounds: { x: -1200, y: 40, width: 1280, height: 820 }, maximized: true };

  it('takes a window state', () => {
    expect(parseWindowState(good)).toEqual(good);
  });

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['a string', '{"bounds":{}}'],
    ['no bounds', { maximized: false }],
    ['no maximised flag', { bounds: good.bounds }],
    ['a fractional coordinate', { ...good, bounds: { ...good.bounds, x: 1.5 } }],
    ['a zero width', { ...good, bounds: { ...good.bounds, width: 0 } }],
    ['an absurd coordinate', { ...good, bounds: { ...good.bounds, y: 1e9 } }],
    ['a number as a string', { ...good, bounds: { ...good.bounds, x: '10' } }],
    ['NaN', { ...good, bounds: { ...good.bounds, height: Number.NaN } }],
    // Nothing but the geometry: a name or a page smuggled in is refused whole.
    ['an extra key', { ...good, recordedBy: 'Saga Handläggarsson' }],
    ['an extra key in the bounds', { ...good, bounds: { ...good.bounds, display: 'HDMI-1' } }],
  ])('refuses %s', (_what, value) => {
    expect(parseWindowState(value)).toBeNull();
  });
});
