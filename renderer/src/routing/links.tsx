import { useMemo } from 'react';
import type { MouseEventHandler, ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { openedFrom, openedState, paths } from './paths';
import type { Section } from './paths';

/**
 * Opens pages from code (a grid row, a button): the new history entry remembers where it was
 * opened from (see `Opened`). The page shown is not opened again.
 */
export function useOpen() {
  const navigate = useNavigate();
  const { pathname, state } = useLocation();
  return useMemo(() => {
    const go = (to: string, options: { replace?: boolean } = {}) => {
      if (to === pathname) return;
      void navigate(to, { state: openedState(pathname, state), ...options });
    };
    return {
      placement: (id: string) => go(paths.placement(id)),
      home: (id: string, options?: { replace?: boolean }) => go(paths.home(id), options),
      homeHistory: (id: string) => go(paths.homeHistory(id)),
      deviation: (id: string) => go(paths.deviation(id)),
      auditRound: (id: string) => go(paths.auditRound(id)),
      newHome: (options?: { replace?: boolean }) => go(paths.newHome, options),
      // A menu page belongs to no opener: no state, as when its menu item is clicked.
      section: (section: Section) => {
        if (paths.section(section) !== pathname) void navigate(paths.section(section));
      },
    };
  }, [navigate, pathname, state]);
}

/**
 * A link to a page of the app that remembers where it was followed from, like `useOpen`.
 * `tabIndex` -1 takes it out of the Tab order where its row is reached otherwise (a grid's cell).
 */
export function AppLink(props: { to: string; className?: string; children: ReactNode; onClick?: MouseEventHandler<HTMLAnchorElement>; tabIndex?: number }) {
  const { pathname, state } = useLocation();
  return (
    <Link to={props.to} state={openedState(pathname, state)} className={props.className} onClick={props.onClick} tabIndex={props.tabIndex}>
      {props.children}
    </Link>
  );
}

/** Whether the page shown was opened from another page of the app, and from which. */
export function useOpenedFrom() {
  return openedFrom(useLocation().state);
}

/**
 * "Tillbaka": one step back in the history, to the page this one was opened from: the same step
 * as Alt+← and the browser's Back, so Forward comes back here.
 */
export function BackButton({ className }: { className?: string }) {
  const navigate = useNavigate();
  return (
    <button type="button" className={className ? `text-link ${className}` : 'text-link'} onClick={() => void navigate(-1)}>
      <span aria-hidden="true">← </span>Tillbaka
    </button>
  );
}

/**
 * A home by name, linked to it; a protected child's home comes without an id and only the words
 * "Skyddat boende", which are not a link (revealed on the placement's page).
 */
export function HomeLink({ homeId, homeName, className = 'text-link' }: { homeId: string | null; homeName: string; className?: string }) {
  if (homeId === null) return <span className="muted">{homeName}</span>;
  return (
    <AppLink to={paths.home(homeId)} className={className}>
      {homeName}
    </AppLink>
  );
}
