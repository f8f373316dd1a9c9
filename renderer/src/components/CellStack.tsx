import type { ReactNode } from 'react';

/** Two lines in one grid cell: the main text and, smaller, what explains it. */
export function CellStack({ first, second, strong }: { first: ReactNode; second?: ReactNode; strong?: boolean }) {
  return (
    <span className="cell-stack">
      <span className={strong ? 'cell-stack__line cell-stack__line--strong' : 'cell-stack__line'}>{first}</span>
      {second && <span className="cell-stack__line cell-stack__line--muted">{second}</span>}
    </span>
  );
}
