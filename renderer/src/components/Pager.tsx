import { useEffect, useRef } from 'react';

const count = new Intl.NumberFormat('sv-SE');
/** A number as Swedish writes it: 43 600 (a space that never breaks the number across lines). */
export const swedishNumber = (n: number): string => count.format(n);

interface Props {
  /** The first row of the page asked for (0 for the first page). */
  offset: number;
  pageSize: number;
  /** The rows of the whole list, every filter applied. */
  total: number;
  /** The page's rows shown now: the text says them while the next page is on its way. */
  shown: { offset: number; rows: number };
  /** The nav's name, e.g. "Sidor i bevakningslistan". */
  label: string;
  onPage: (offset: number) => void;
  /** How the total is said when the number alone would mislead ("fler än 10 000" for a capped count). */
  totalText?: string;
}

type Move = 'first' | 'previous' | 'next' | 'last';

/**
 * "Visar 1–100 av 43 600" and the buttons to the other pages, under a list that main pages. A
 * button that leads nowhere is disabled; when the button pressed becomes so (the first or the last
 * page reached), focus goes to the one that leads back, so the keyboard is never left on nothing.
 */
export function Pager({ offset, pageSize, total, shown, label, onPage, totalText }: Props) {
  const last = total === 0 ? 0 : Math.floor((total - 1) / pageSize) * pageSize;
  const atFirst = offset <= 0;
  const atLast = offset >= last;
  const buttons = useRef<Partial<Record<Move, HTMLButtonElement | null>>>({});
  const pressed = useRef<Move | null>(null);
  useEffect(() => {
    const move = pressed.current;
    pressed.current = null;
    const button = move ? buttons.current[move] : null;
    if (!button?.disabled) return;
    const instead = move === 'first' || move === 'previous' ? buttons.current.next : buttons.current.previous;
    if (instead && !instead.disabled) instead.focus();
  }, [offset]);

  const range = (from: number) => `${swedishNumber(from + 1)}–${swedishNumber(Math.min(from + pageSize, total))}`;
  const go = (move: Move, to: number) => {
    pressed.current = move;
    onPage(to);
  };
  const first = shown.rows === 0 ? 0 : shown.offset + 1;
  const previousStart = Math.max(0, offset - pageSize);
  const nextStart = Math.min(last, offset + pageSize);
  return (
    <nav className="pager" aria-label={label}>
      <p className="pager__status" aria-live="polite">
        Visar {swedishNumber(first)}–{swedishNumber(shown.offset + shown.rows)} av {totalText ?? swedishNumber(total)}
      </p>
      <div className="pager__buttons">
        <button
          type="button"
          className="button button--quiet"
          ref={(element) => {
            buttons.current.first = element;
          }}
          disabled={atFirst}
          aria-label={`Första sidan, visa ${range(0)}`}
          onClick={() => go('first', 0)}
        >
          Första
        </button>
        <button
          type="button"
          className="button"
          ref={(element) => {
            buttons.current.previous = element;
          }}
          disabled={atFirst}
          aria-label={`Föregående sida, visa ${range(previousStart)}`}
          onClick={() => go('previous', previousStart)}
        >
          <span aria-hidden="true">‹</span> Föregående
        </button>
        <button
          type="button"
          className="button"
          ref={(element) => {
            buttons.current.next = element;
          }}
          disabled={atLast}
          aria-label={`Nästa sida, visa ${range(nextStart)}`}
          onClick={() => go('next', nextStart)}
        >
          Nästa <span aria-hidden="true">›</span>
        </button>
        <button
          type="button"
          className="button button--quiet"
          ref={(element) => {
            buttons.current.last = element;
          }}
          disabled={atLast}
          aria-label={`Sista sidan, visa ${range(last)}`}
          onClick={() => go('last', last)}
        >
          Sista
        </button>
      </div>
    </nav>
  );
}
