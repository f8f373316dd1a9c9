/**
 * The rules in plain Swedish: what the bevakningslista, a placement's page, the command line and
 * the reports say about a deadline. One place, so they all say the same; the numbers come from
 * the municipality's parameters, so the text never contradicts the computation.
 */
import type { DeadlineBasis } from './deadlines';
import type { DeadlineRule, RuleParameters } from './rule-settings';

export const ruleTitles: Record<DeadlineRule, string> = {
  'sol-overvagande': 'Övervägande (SoL)',
  'lvu-overvagande': 'Övervägande (LVU 2 §)',
  'lvu-omprovning': 'Omprövning (LVU 3 §)',
  vardnadsoverflyttning: 'Övervägande om vårdnadsöverflyttning',
  'jourhem-tidsgrans': 'Tidsgräns i jourhem',
  barnsamtal: 'Enskilt samtal med barnet',
  vardplan: 'Vårdplan',
  genomforandeplan: 'Genomförandeplan',
  halsoundersokning: 'Hälsoundersökning begärd',
  'uppfoljning-efter-lvu': 'Uppföljning efter avslutad LVU-vård',
  'fler-an-tre-barn': 'Anmälan till IVO: fler än tre barn i hemmet',
};

const every = (months: number) => (months === 1 ? 'varje månad' : `minst var ${months}:e månad`);

/** One sentence: what the law (or the recommendation) asks, with the municipality's numbers. */
export function ruleExplanation(rule: DeadlineRule, p: RuleParameters): string {
  switch (rule) {
    case 'sol-overvagande':
      return `Nämnden ska överväga ${every(p.overvagandeMonths)} om vården behövs och hur den ska inriktas.`;
    case 'lvu-overvagande':
      return `Nämnden ska överväga ${every(p.overvagandeMonths)} om vård enligt LVU fortfarande behövs.`;
    case 'lvu-omprovning':
      return `Nämnden ska ${every(p.omprovningMonths)} pröva om vården enligt 3 § LVU ska upphöra.`;
    case 'vardnadsoverflyttning':
      return `När barnet bott ${p.vardnadsoverflyttningFirstMonths} månader i samma familjehem ska nämnden överväga vårdnadsöverflyttning, därefter var ${p.vardnadsoverflyttningThenMonths}:e månad.`;
    case 'jourhem-tidsgrans':
      return `Ett barn får vara högst ${p.jourhemAfterInvestigationMonths} månader i jourhem efter avslutad utredning, om inte särskilda skäl finns.`;
    case 'barnsamtal':
      return `Socialsekreteraren bör samtala enskilt med barnet ${every(p.barnsamtalMonths)}.`;
    case 'vardplan':
      return 'En vårdplan ska finnas när placeringen börjar.';
    case 'genomforandeplan':
      return `En genomförandeplan ska upprättas inom ${p.genomforandeplanDays} dagar från placeringen.`;
    case 'halsoundersokning':
      return `Nämnden ska begära hälsoundersökning hos regionen inom ${p.halsoundersokningDays} dagar från placeringen.`;
    case 'uppfoljning-efter-lvu':
      return `Barnets situation ska följas upp inom ${p.uppfoljningEfterLvuMonths} månader efter att LVU-vården upphört.`;
    case 'fler-an-tre-barn':
      return `Fler än ${p.flerAnTreBarnLimit} barn placerade i samma familjehem eller jourhem ska anmälas till IVO.`;
  }
}

export const basisLabels: Record<DeadlineBasis, string> = {
  'placement-start': 'placeringen började',
  'latest-event': 'senast gjort',
  'same-home-since': 'barnet har bott i hemmet sedan',
  'investigation-completed': 'utredningen avslutades',
  'jourhem-stay-start': 'barnet kom till jourhemmet (utredningen inte avslutad)',
  'placement-end': 'vården upphörde',
  'over-limit-since': 'fler än gränsen sedan',
};

export const statusLabels = {
  overdue: 'Försenad',
  'due-soon': 'Snart',
  upcoming: 'Kommande',
} as const;
