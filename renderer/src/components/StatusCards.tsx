export interface StatusCard<T extends string> {
  value: T;
  label: string;
  /** Said after the label, in parentheses (e.g. how far "snart" reaches). */
  detail?: string;
  count: number;
  /** The colour of the card (status-filter__button--…); the value unless told otherwise. */
  tone?: string;
}

interface Props<T extends string> {
  /** The group's accessible name. */
  label: string;
  cards: readonly StatusCard<T>[];
  selected: T;
  onSelect: (value: T) => void;
}

/** The cards above a list that choose which statuses it shows, each with how many rows it would show. */
export function StatusCards<T extends string>({ label, cards, selected, onSelect }: Props<T>) {
  return (
    <div className="status-filter" role="group" aria-label={label}>
      {cards.map((card) => (
        <button
          key={card.value}
          type="button"
          className={`status-filter__button status-filter__button--${card.tone ?? card.value}`}
          aria-pressed={selected === card.value}
          onClick={() => onSelect(card.value)}
        >
          <span className="status-filter__count">{card.count}</span>
          <span className="status-filter__label">
            {card.label}
            {card.detail && <span className="status-filter__detail"> ({card.detail})</span>}
          </span>
        </button>
      ))}
    </div>
  );
}
