import { spellOutReference } from '../../../preload/api';

/**
 * A legal reference as lists cite it ("SoL 22 kap. 13 §"), its laws spelled out as an
 * abbreviation's expansion ("socialtjänstlagen (2025:400) 22 kap. 13 §") for the law in force on `on`.
 */
export function LegalRef({ reference, on, className }: { reference: string; on: string; className?: string }) {
  const full = spellOutReference(reference, on);
  if (full === reference) return <span className={className}>{reference}</span>;
  return (
    <abbr className={className} title={full}>
      {reference}
    </abbr>
  );
}
