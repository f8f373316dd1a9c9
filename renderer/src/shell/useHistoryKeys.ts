import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { entryIndex } from '../routing/history';

/** macOS goes back with ⌘[ (the menu in Electron, the browser itself), and ⌥← moves by word in a field. */
const isMac = /Mac/.test(navigator.userAgent);

/**
 * Back and Forward as in a browser: Alt+← / Alt+→ and the mouse's back and forward buttons
 * (3 and 4). Electron does neither by default, and in the browser host the page handles them
 * first, so each step is taken once. Both go through the router, so the unsaved-changes guard asks.
 */
export function useHistoryKeys(): void {
  const navigate = useNavigate();
  useEffect(() => {
    // While a modal dialog (the guard's question) is open, a second step would pile on the first.
    const asking = () => document.querySelector('dialog[open]') !== null;

    function back(event: Event) {
      // On the app's first entry Back belongs to the browser (Electron has nothing before it).
      if ((entryIndex(window.history.state) ?? 0) === 0) return;
      event.preventDefault();
      if (!asking()) void navigate(-1);
    }
    function forward(event: Event) {
      event.preventDefault();
      if (!asking()) void navigate(1);
    }

    function onKeyDown(event: KeyboardEvent) {
      if (isMac || !event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
      // Caught on the way down, before a grid takes the arrow for its own cell-to-cell moves.
      event.stopPropagation();
      if (event.key === 'ArrowLeft') back(event);
      else forward(event);
    }
    // Chromium navigates on these buttons itself unless the page cancels both the press and the release.
    function onMouseDown(event: MouseEvent) {
      if (event.button === 3 || event.button === 4) event.preventDefault();
    }
    function onMouseUp(event: MouseEvent) {
      if (event.button === 3) back(event);
      else if (event.button === 4) forward(event);
    }

    const capture = { capture: true };
    window.addEventListener('keydown', onKeyDown, capture);
    window.addEventListener('mousedown', onMouseDown, capture);
    window.addEventListener('mouseup', onMouseUp, capture);
    return () => {
      window.removeEventListener('keydown', onKeyDown, capture);
      window.removeEventListener('mousedown', onMouseDown, capture);
      window.removeEventListener('mouseup', onMouseUp, capture);
    };
  }, [navigate]);
}
