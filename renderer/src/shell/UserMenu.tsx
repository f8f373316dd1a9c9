import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { roleAllows, roleLabels, type User } from '../../../preload/api';
import { paths } from '../routing/paths';

interface Props {
  user: User;
  /** The Användare page is shown. */
  usersCurrent: boolean;
  /** The Logg page is shown. */
  logCurrent: boolean;
  /** The Säkerhet page is shown. */
  securityCurrent: boolean;
  /** The Registerval page is shown. */
  registerChoiceCurrent: boolean;
  onSwitchUser: () => void;
}

/**
 * Who is working, at the header's end: the initials, which open the name and role, Användare
 * (administratör), Logg and Säkerhet (enhetschef), Registerval (administratör) and Byt användare. Small, so the main menu keeps its room at 900 px.
 */
export function UserMenu({ user, usersCurrent, logCurrent, securityCurrent, registerChoiceCurrent, onSwitchUser }: Props) {
  const [open, setOpen] = useState(false);
  const wrap = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  // Closed by Esc (focus back on the button) and by a click anywhere else.
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    const onClick = (event: MouseEvent) => {
      if (!wrap.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onClick);
    };
  }, [open]);

  return (
    <div className="user-menu" ref={wrap}>
      <button
        ref={button}
        type="button"
        className="user-menu__button"
        aria-expanded={open}
        aria-controls="user-menu-panel"
        // The initials shown start the name, so someone who says what they see ("UP") reaches it (WCAG 2.5.3).
        aria-label={`${user.initials} ${user.name}, ${roleLabels[user.role].toLocaleLowerCase('sv')}`}
        onClick={() => setOpen((now) => !now)}
      >
        <span aria-hidden="true">{user.initials}</span>
      </button>
      {open && (
        <div id="user-menu-panel" className="user-menu__panel">
          <p className="user-menu__name">{user.name}</p>
          <p className="user-menu__role">{roleLabels[user.role]}</p>
          {user.role === 'administrator' && (
            <Link to={paths.users} className="user-menu__item" aria-current={usersCurrent ? 'page' : undefined} onClick={() => setOpen(false)}>
              Användare
            </Link>
          )}
          {roleAllows(user.role, 'enhetschef') && (
            <Link to={paths.log} className="user-menu__item" aria-current={logCurrent ? 'page' : undefined} onClick={() => setOpen(false)}>
              Logg
            </Link>
          )}
          {roleAllows(user.role, 'enhetschef') && (
            <Link to={paths.security} className="user-menu__item" aria-current={securityCurrent ? 'page' : undefined} onClick={() => setOpen(false)}>
              Säkerhet
            </Link>
          )}
          {user.role === 'administrator' && (
            <Link to={paths.registerChoice} className="user-menu__item" aria-current={registerChoiceCurrent ? 'page' : undefined} onClick={() => setOpen(false)}>
              Registerval
            </Link>
          )}
          <button
            type="button"
            className="user-menu__item"
            onClick={() => {
              setOpen(false);
              onSwitchUser();
            }}
          >
            Byt användare
          </button>
        </div>
      )}
    </div>
  );
}
