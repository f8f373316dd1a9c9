/** Träffsäkerhet: the index beside how placements ended (built next). */
export function AccuracyPage(_props: { today: string; version: number }) {
  return <h1>Träffsäkerhet</h1>;
}
