import { describe, expect, it } from 'vitest';
import { entryIndex, numberTypedEntries } from '../../../renderer/src/routing/history';
import { menuCurrent, openedFrom, openedState, paths, sectionOf, unsavedWhat } from '../../../renderer/src/routing/paths';

describe('addresses', () => {
  it('give every placement and home its own, the id kept whole', () => {
    expect(paths.placement('p-1')).toBe('/placeringar/p-1');
    expect(paths.home('h 1/2')).toBe('/register/hem/h%201%2F2');
    expect(paths.newHome).toBe('/register/nytt');
  });

  it('put a placement under the menu item it was opened from, else under Placeringar', () => {
    const fromDeadlines = openedState('/bevakning', null);
    expect(sectionOf('/placeringar/p-1', fromDeadlines)).toBe('bevakning');
    // From one placement to another (the child's history): still the list it all began in.
    expect(sectionOf('/placeringar/p-2', openedState('/placeringar/p-1', fromDeadlines))).toBe('bevakning');
    expect(sectionOf('/placeringar/p-1', null)).toBe('placeringar');
    expect(sectionOf('/placeringar', fromDeadlines)).toBe('placeringar');
    expect(sectionOf('/register/hem/h-1', fromDeadlines)).toBe('register');
    expect(sectionOf('/finns-inte', null)).toBeNull();
  });

  it('mark the page shown as "page" and the list a placement came from as "true"', () => {
    const fromDeadlines = openedState('/bevakning', null);
    expect(menuCurrent('bevakning', '/bevakning', null)).toBe('page');
    expect(menuCurrent('bevakning', '/placeringar/p-1', fromDeadlines)).toBe('true');
    expect(menuCurrent('placeringar', '/placeringar/p-1', fromDeadlines)).toBeUndefined();
    // A home's panel is the register page itself.
    expect(menuCurrent('register', '/register/hem/h-1', fromDeadlines)).toBe('page');
    expect(menuCurrent('register', '/placeringar/p-1', openedState('/register/hem/h-1', null))).toBe('true');
  });

  it('read only a well-formed opener from a history entry', () => {
    expect(openedFrom({ from: '/bevakning', section: 'bevakning' })).toEqual({ from: '/bevakning', section: 'bevakning' });
    expect(openedFrom({ from: '/bevakning', section: 'okänd' })).toBeNull();
    expect(openedFrom({ section: 'bevakning' })).toBeNull();
    expect(openedFrom(null)).toBeNull();
    expect(openedFrom('/bevakning')).toBeNull();
  });

  it('name what unsaved edits are lost in, as the question before leaving says', () => {
    expect(unsavedWhat('/register/hem/h-1')).toBe('hemmet');
    expect(unsavedWhat('/register/nytt')).toBe('hemmet');
    expect(unsavedWhat('/placeringar/p-1')).toBe('placeringen');
    expect(unsavedWhat('/regler')).toBe('reglerna');
    expect(unsavedWhat('/registerval')).toBe('registervalet');
    expect(unsavedWhat('/placeringar')).toBe('formuläret');
  });
});

/** A window whose history holds one state, and whose popstate the test fires. */
function fakeWindow(state: unknown) {
  const listeners: (() => void)[] = [];
  const win = {
    history: {
      state,
      replaceState(data: unknown) {
        win.history.state = data;
      },
    },
    addEventListener: (_type: 'popstate', listener: () => void) => listeners.push(listener),
    removeEventListener: (_type: 'popstate', listener: () => void) => listeners.splice(listeners.indexOf(listener), 1),
    pop(next: unknown) {
      win.history.state = next;
      for (const listener of [...listeners]) listener();
    },
  };
  return win;
}

describe('numberTypedEntries: an address typed in the address bar can be held by the guard', () => {
  it('numbers a typed entry one after the entry it was typed over', () => {
    const win = fakeWindow({ usr: null, key: 'a', idx: 0 });
    const typed = numberTypedEntries(win);
    // The router pushes two pages (no event), and says so.
    win.history.state = { usr: null, key: 'c', idx: 2 };
    typed.remember();
    win.pop(null);
    expect(entryIndex(win.history.state)).toBe(3);
    expect(win.history.state).toMatchObject({ usr: null, idx: 3 });
  });

  it('leaves the router’s own entries as they are and follows them', () => {
    const win = fakeWindow({ usr: null, key: 'a', idx: 4 });
    const typed = numberTypedEntries(win);
    const own = { usr: { from: '/bevakning' }, key: 'b', idx: 1 };
    win.pop(own);
    expect(win.history.state).toBe(own);
    win.pop(null);
    expect(entryIndex(win.history.state)).toBe(2);
    typed.stop();
    win.pop(null);
    expect(win.history.state).toBeNull();
  });

  it('reads no number from a state without one', () => {
    expect(entryIndex(null)).toBeNull();
    expect(entryIndex({ idx: '1' })).toBeNull();
    expect(entryIndex({ idx: 0 })).toBe(0);
  });
});
