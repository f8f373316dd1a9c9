import type { RefObject } from 'react';

interface Props {
  id: string;
  /** "Sök" unless told otherwise. */
  label?: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  /** For the pages that focus the search (a shortcut, or back from a closed form). */
  inputRef?: RefObject<HTMLInputElement | null>;
  /** The shortcuts the page has for the field, for screen readers (aria-keyshortcuts). */
  keyShortcuts?: string;
}

/** A list's quick search, in the toolbar: Esc empties it first. */
export function SearchField({ id, label = 'Sök', placeholder, value, onChange, inputRef, keyShortcuts }: Props) {
  return (
    <div className="field field--search">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        ref={inputRef}
        type="search"
        className="input"
        placeholder={placeholder}
        aria-keyshortcuts={keyShortcuts}
        autoComplete="off"
        // The contract allows 200 characters: longer could only fail.
        maxLength={200}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          // Esc empties the search first (as browsers do); with nothing to empty it goes on, e.g. to
          // close the detail panel (App's handler, which skips a prevented event).
          if (event.key === 'Escape' && value !== '') {
            event.preventDefault();
            onChange('');
          }
        }}
      />
    </div>
  );
}
