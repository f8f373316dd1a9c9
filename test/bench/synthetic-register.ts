/** A large, obviously fictional exchange file for the benchmark, deterministic for a given size. */
const municipalities = ['Timrå', 'Sundsvall', 'Härnösand', 'Örnsköldsvik', 'Ånge', 'Kramfors', 'Sollefteå'];
const fosterKinds = ['familjehem', 'jourhem', 'natverkshem'] as const;
const names = ['Östergården', 'Åkerbacken', 'Älvängen', 'Björkhagen', 'Solgläntan', 'Lindåsen'];

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function syntheticRegister({ homes, placements }: { homes: number; placements: number }) {
  const homeRows = Array.from({ length: homes }, (_, i) => {
    const institution = i % 4 === 0;
    const kind = institution ? 'hvb' : fosterKinds[i % 3]!;
    return {
      id: `H${i}`,
      kind,
      name: `${names[i % names.length]} ${institution ? 'HVB' : 'hem'} ${i}`,
      municipality: municipalities[i % municipalities.length],
      ...(institution ? { operator: 'enskild', capacity: 8, targetGroup: { minAge: 13, maxAge: 17, needs: ['missbruk'] } } : {}),
    };
  });
  const persons = homeRows
    .filter((h) => h.kind !== 'hvb')
    .map((h, i) => ({ id: `P${i}`, homeId: h.id, name: `Vuxen Exempelsson ${i}`, role: 'uppdragstagare', birthYear: 1970 + (i % 20) }));
  const children = Array.from({ length: placements }, (_, i) => ({
    id: `C${i}`,
    name: `Barn ${i}`,
    birthDate: `20${pad(8 + (i % 10))}-${pad(1 + (i % 12))}-${pad(1 + (i % 28))}`,
  }));
  const placementRows = children.map((child, i) => {
    const home = homeRows[i % homes]!;
    const startedOn = `2025-${pad(1 + (i % 12))}-${pad(1 + (i % 28))}`;
    return {
      id: `PL${i}`,
      childId: child.id,
      legalBasis: ['SoL', 'LVU2', 'LVU3'][i % 3],
      decidedOn: startedOn,
      startedOn,
      caseworker: `Handläggare ${i % 40}`,
      stays: [{ homeId: home.id, form: home.kind, from: startedOn }],
    };
  });
  const events = placementRows.flatMap((p, i) => [
    { id: `E${i}a`, placementId: p.id, type: 'vardplan', date: p.startedOn },
    { id: `E${i}b`, placementId: p.id, type: 'barnsamtal', date: '2026-06-01' },
  ]);
  return { format: 'placeringskollen-exchange', version: 1, homes: homeRows, persons, children, placements: placementRows, events };
}
