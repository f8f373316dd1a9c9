import { vi } from 'vitest';
import { channels, type Channel } from '../../../preload/api';
import type { Handlers } from '../../../main/ipc/dispatch';

/** A handler per channel that records its calls and answers `{ channel }`. */
export function fakeHandlers() {
  return Object.fromEntries(channels.map((c) => [c, vi.fn(async () => ({ channel: c }))])) as unknown as Handlers & {
    [C in Channel]: ReturnType<typeof vi.fn>;
  };
}

/** A valid input per channel: a missing channel here is a compile error. */
export const validInputs: Record<Channel, unknown> = {
  getAppInfo: {},
  listHomes: { query: 'Solgården' },
  getHome: { id: 'h-1' },
  saveHome: { kind: 'hvb', name: 'Solgården HVB' },
  setHomeActive: { id: 'h-1', active: false },
  loadDemoData: { today: '2026-11-22' },
  removeDemoData: {},
  listChildren: { date: '2026-11-22', query: 'Tolvan' },
  getChild: { id: 'c-1', reveal: true },
  saveChild: { name: 'T.T.', birthDate: '2012-12-12', personnummer: '20121212-1212', protectedIdentity: false },
  listPlacements: { date: '2026-11-22', activeOnly: true },
  getPlacement: { id: 'pl-1', date: '2026-11-22' },
  savePlacement: {
    childId: 'c-1', legalBasis: 'LVU2', decidedOn: '2026-01-10', startedOn: '2026-01-12',
    stays: [{ homeId: 'h-1', from: '2026-01-12' }],
  },
  movePlacement: { id: 'pl-1', on: '2026-06-01', homeId: 'h-2' },
  endPlacement: { id: 'pl-1', on: '2026-06-01', reason: 'planerad' },
  recordEvent: { placementId: 'pl-1', type: 'overvagande', date: '2026-11-22', comment: 'Nämnden 20 nov' },
  removeEvent: { id: 'e-1' },
  listHomeEvents: { homeId: 'h-1' },
  listDeadlines: { date: '2026-11-22' },
  countDeadlines: { date: '2026-11-22' },
  getHomeChecks: { homeId: 'h-1', date: '2026-11-22' },
  recordRegisterCheck: {
    homeId: 'h-1',
    register: 'ivo-tillstand',
    checkedOn: '2026-11-20',
    outcome: 'giltigt',
    reference: 'IVO 3.5.1-1234/2019',
    permit: { forms: ['hvb'], minAge: 13, maxAge: 17, places: 8, targetGroup: 'Pojkar med missbruk', holderOrgNr: '556677-8899' },
    recordedBy: 'Handläggare A',
  },
  correctRegisterCheck: {
    id: 'rc-1',
    personId: 'p-1',
    register: 'belastningsregistret',
    checkedOn: '2026-11-20',
    outcome: 'utan-anmarkning',
    recordedBy: 'Handläggare A',
    reason: 'Fel datum',
  },
  removeRegisterCheck: { id: 'rc-1', reason: 'Registrerad på fel person', removedBy: 'Handläggare A' },
  checkReadiness: { homeId: 'h-1', decisionOn: '2026-11-22', from: '2026-11-23', childId: 'c-1', birthDate: '2012-03-04', date: '2026-11-22' },
  listChecks: { date: '2026-11-22' },
  getRuleSettings: {},
  saveRuleSettings: {
    parameters: { leadDays: 14 },
    references: [{ rule: 'sol-overvagande', reference: 'SoL 6 kap. 8 §' }],
    catalogue: [{ register: 'belastningsregistret', required: true, roles: ['uppdragstagare'], maxAgeMonths: 12, recheckMonths: null }],
    version: 0,
  },
};

/** Bad input that every channel must refuse, whatever its schema. */
export const badForEveryChannel: unknown[] = [null, undefined, 42, 'listHomes', [], true, { __unknownKey: 1 }];

/** Channel-specific bad values, each wrong in exactly one way. */
export const badInputs: Record<Channel, unknown[]> = {
  getAppInfo: [{ id: 'h-1' }],
  listHomes: [{ query: 5 }, { query: 'x'.repeat(201) }, { query: null }],
  getHome: [{}, { id: '' }, { id: '   ' }, { id: 5 }, { id: 'x'.repeat(101) }, { id: 'h-1', extra: 1 }],
  saveHome: [
    {},
    { kind: 'villa', name: 'A' },
    { kind: 'hvb', name: '' },
    { kind: 'hvb', name: '   ' },
    { kind: 'hvb', name: 'x'.repeat(201) },
    { kind: 'hvb', name: 'A', capacity: -1 },
    { kind: 'hvb', name: 'A', capacity: 1.5 },
    { kind: 'hvb', name: 'A', capacity: '3' },
    { kind: 'hvb', name: 'A', operator: 'privat' },
    { kind: 'hvb', name: 'A', orgNr: 'x'.repeat(21) },
    { kind: 'hvb', name: 'A', targetGroup: { minAge: 15, maxAge: 12 } },
    { kind: 'hvb', name: 'A', targetGroup: { minAge: 30 } },
    { kind: 'familjehem', name: 'A', persons: [{ name: 'Tolvan Tolvansson', role: 'chef' }] },
    { kind: 'familjehem', name: 'A', persons: [{ name: 'Tolvan Tolvansson', role: 'uppdragstagare', personnummer: '19121212-1212' }] },
    { kind: 'familjehem', name: 'A', persons: Array.from({ length: 31 }, () => ({ name: 'B', role: 'annan-vuxen' })) },
  ],
  setHomeActive: [{ id: 'h-1' }, { id: 'h-1', active: 'ja' }, { active: true }],
  loadDemoData: [{ force: true }, { today: '2026-02-30' }, { today: '22/11/2026' }],
  removeDemoData: [{ homes: ['EXEMPEL-H01'] }],
  listChildren: [{}, { date: '2026-13-01' }, { date: '2026-11-22', query: 5 }],
  getChild: [{}, { id: '' }, { id: 'c-1', reveal: 'ja' }],
  saveChild: [
    {},
    { name: 'T.T.' },
    { birthDate: '2012-02-30' },
    { birthDate: '20121212' },
    { birthDate: '2012-12-12', protectedIdentity: 'ja' },
    { birthDate: '2012-12-12', name: 'x'.repeat(201) },
  ],
  listPlacements: [{}, { date: 'idag' }, { date: '2026-11-22', activeOnly: 1 }],
  getPlacement: [{ id: 'pl-1' }, { date: '2026-11-22' }, { id: 'pl-1', date: '2026-11-31' }],
  savePlacement: [
    { childId: 'c-1', legalBasis: 'LVU', decidedOn: '2026-01-10', startedOn: '2026-01-12', stays: [{ homeId: 'h-1', from: '2026-01-12' }] },
    { childId: 'c-1', legalBasis: 'SoL', decidedOn: '2026-01-10', startedOn: '2026-01-12', stays: [] },
    { childId: 'c-1', legalBasis: 'SoL', decidedOn: '2026-01-10', startedOn: '2026-01-12', stays: [{ homeId: 'h-1' }] },
    { childId: 'c-1', legalBasis: 'SoL', decidedOn: '2026-01-10', startedOn: '2026-01-12', stays: [{ homeId: 'h-1', from: '2026-01-12', form: 'hvb' }] },
    { childId: 'c-1', legalBasis: 'SoL', decidedOn: '2026-01-10', startedOn: '2026-01-12', endReason: 'flytt', stays: [{ homeId: 'h-1', from: '2026-01-12' }] },
    { legalBasis: 'SoL', decidedOn: '2026-01-10', startedOn: '2026-01-12', stays: [{ homeId: 'h-1', from: '2026-01-12' }] },
    {
      childId: 'c-1', newChild: { birthDate: '2012-12-12' }, legalBasis: 'SoL', decidedOn: '2026-01-10', startedOn: '2026-01-12',
      stays: [{ homeId: 'h-1', from: '2026-01-12' }],
    },
    {
      newChild: { birthDate: '2012-02-30' }, legalBasis: 'SoL', decidedOn: '2026-01-10', startedOn: '2026-01-12',
      stays: [{ homeId: 'h-1', from: '2026-01-12' }],
    },
  ],
  movePlacement: [{ id: 'pl-1', on: '2026-06-01' }, { id: 'pl-1', on: '2026-06-31', homeId: 'h-2' }],
  endPlacement: [{ id: 'pl-1', on: '2026-06-01' }, { id: 'pl-1', on: '2026-06-01', reason: 'flytt' }],
  recordEvent: [
    { type: 'overvagande', date: '2026-11-22' },
    { placementId: 'pl-1', homeId: 'h-1', type: 'overvagande', date: '2026-11-22' },
    { placementId: 'pl-1', type: 'fika', date: '2026-11-22' },
    { placementId: 'pl-1', type: 'overvagande', date: '2026-11-22T10:00' },
    { placementId: 'pl-1', type: 'overvagande', date: '2026-11-22', comment: 'x'.repeat(2001) },
    { homeId: 'h-1', type: 'ivo-tillsyn', date: '2026-11-22', verdict: 'bra' },
  ],
  removeEvent: [{}, { id: 5 }],
  listHomeEvents: [{}, { id: 'h-1' }],
  listDeadlines: [{}, { date: '2026-02-29' }, { date: null }],
  countDeadlines: [{}, { date: '20261122' }],
  getHomeChecks: [{ homeId: 'h-1' }, { homeId: '', date: '2026-11-22' }],
  recordRegisterCheck: [
    { register: 'belastningsregistret', checkedOn: '2026-11-20', outcome: 'utan-anmarkning', recordedBy: 'A' },
    { personId: 'p-1', homeId: 'h-1', register: 'belastningsregistret', checkedOn: '2026-11-20', outcome: 'utan-anmarkning', recordedBy: 'A' },
    { personId: 'p-1', register: 'brottsregistret', checkedOn: '2026-11-20', outcome: 'utan-anmarkning', recordedBy: 'A' },
    { personId: 'p-1', register: 'belastningsregistret', checkedOn: '2026-02-30', outcome: 'utan-anmarkning', recordedBy: 'A' },
    { personId: 'p-1', register: 'belastningsregistret', checkedOn: '2026-11-20', outcome: 'ok', recordedBy: 'A' },
    { personId: 'p-1', register: 'belastningsregistret', checkedOn: '2026-11-20', outcome: 'utan-anmarkning', recordedBy: ' ' },
    { personId: 'p-1', register: 'belastningsregistret', checkedOn: '2026-11-20', outcome: 'utan-anmarkning' },
    { personId: 'p-1', register: 'belastningsregistret', checkedOn: '2026-11-20', outcome: 'utan-anmarkning', recordedBy: 'A', extract: 'text' },
    { homeId: 'h-1', register: 'ivo-tillstand', checkedOn: '2026-11-20', outcome: 'giltigt', recordedBy: 'A', permit: { forms: [] } },
    { homeId: 'h-1', register: 'ivo-tillstand', checkedOn: '2026-11-20', outcome: 'giltigt', recordedBy: 'A', permit: { forms: ['sis'] } },
    { homeId: 'h-1', register: 'ivo-tillstand', checkedOn: '2026-11-20', outcome: 'giltigt', recordedBy: 'A', permit: { forms: ['hvb'], minAge: 17, maxAge: 13 } },
  ],
  correctRegisterCheck: [
    { personId: 'p-1', register: 'belastningsregistret', checkedOn: '2026-11-20', outcome: 'utan-anmarkning', recordedBy: 'A', reason: 'Fel' },
    { id: 'rc-1', personId: 'p-1', register: 'belastningsregistret', checkedOn: '2026-11-20', outcome: 'utan-anmarkning', recordedBy: 'A' },
    { id: 'rc-1', personId: 'p-1', register: 'belastningsregistret', checkedOn: '2026-11-20', outcome: 'utan-anmarkning', recordedBy: 'A', reason: '' },
  ],
  removeRegisterCheck: [{ id: 'rc-1', removedBy: 'A' }, { id: 'rc-1', reason: 'Fel' }, { reason: 'Fel', removedBy: 'A' }],
  checkReadiness: [
    { decisionOn: '2026-11-22', date: '2026-11-22' },
    { homeId: 'h-1', date: '2026-11-22' },
    { homeId: 'h-1', decisionOn: '2026-11-22' },
    { homeId: 'h-1', decisionOn: '2026-11-22', birthDate: '2012-13-01', date: '2026-11-22' },
    { homeId: 'h-1', decisionOn: '2026-11-22', childId: '', date: '2026-11-22' },
  ],
  listChecks: [{}, { date: '2026-11-31' }],
  getRuleSettings: [{ version: 1 }],
  saveRuleSettings: [
    { parameters: {}, references: [] },
    { parameters: { leadDays: -1 }, references: [], version: 0 },
    { parameters: { leadDays: 1.5 }, references: [], version: 0 },
    { parameters: {}, references: [{ rule: 'okand', reference: 'X' }], version: 0 },
    { parameters: {}, references: [{ rule: 'barnsamtal', reference: '' }], version: 0 },
    { parameters: {}, references: [], catalogue: [{ register: 'ivo-tillstand', required: true, roles: [], maxAgeMonths: 12, recheckMonths: null }], version: 0 },
    { parameters: {}, references: [], catalogue: [{ register: 'kronofogden', required: true, roles: ['uppdragstagare'], maxAgeMonths: 0, recheckMonths: null }], version: 0 },
    { parameters: {}, references: [], catalogue: [{ register: 'kronofogden', required: true, roles: ['grannar'], maxAgeMonths: 12, recheckMonths: null }], version: 0 },
  ],
};
