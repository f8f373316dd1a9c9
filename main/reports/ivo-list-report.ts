/**
 * "Förteckning över barn i familjehem" for IVO (SoF 3 kap. 4 §; SOSFS 2003:15): the children who
 * stayed in a familjehem, jourhem or nätverkshem during the period, with the home and the days
 * there, and the notifications of more than three children in one home. A child with skyddad
 * identitet is initials and birth year only (main/domain/ivo-list).
 */
import type { IsoDate } from '../domain/dates';
import type { IvoListRow, IvoNotification } from '../domain/ivo-list';
import { heading, keyValues, paragraph, table } from './document';
import { CREATOR, type DocumentDefinition } from './pdf';

export const IVO_LIST_TITLE = 'Förteckning över barn i familjehem';

export interface IvoListReportInput {
  /** The municipality sending it; null when not given. */
  municipality: string | null;
  unit: string | null;
  from: IsoDate;
  to: IsoDate;
  /** The day the list was made. */
  date: IsoDate;
  rows: readonly IvoListRow[];
  notifications: readonly IvoNotification[];
  createdAt?: Date;
}

const periodText = (periods: IvoListRow['periods']) => periods.map((p) => (p.first === p.last ? p.first : `${p.first} – ${p.last}`)).join('\n');

export function ivoListReport({ municipality, unit, from, to, date, rows, notifications, createdAt }: IvoListReportInput): DocumentDefinition {
  const children = new Set(rows.map((row) => `${row.child}\u0000${row.identity}`)).size;
  return {
    title: IVO_LIST_TITLE,
    author: municipality ?? unit ?? CREATOR,
    subject: `Barn som vistats i familjehem, jourhem eller nätverkshem ${from} – ${to}, och anmälningar om fler än tre barn i ett hem`,
    ...(createdAt ? { createdAt } : {}),
    content: [
      heading(IVO_LIST_TITLE, 1),
      keyValues([
        ...(municipality === null ? [] : [['Kommun', municipality] as const]),
        ...(unit === null ? [] : [['Enhet', unit] as const]),
        ['Period', `${from} – ${to}`],
        ['Barn', `${children} barn, ${rows.length} ${rows.length === 1 ? 'rad' : 'rader'} (ett barn har en rad per hem)`],
        ['Datum', date],
      ]),
      paragraph(
        'Förteckningen tar upp varje barn som under perioden vistades i ett familjehem (också jourhem och nätverkshem), ' +
          'med hemmet och dagarna där. Ett barn med skyddade personuppgifter anges bara med initialer och födelseår, utan hem. ' +
          'En kopia ska lämnas till IVO senast den 31 januari för året innan.',
      ),
      heading('Barn i familjehem', 2),
      rows.length === 0
        ? paragraph('Inget barn vistades i familjehem under perioden.')
        : table({
            header: ['Barn', 'Personnummer', 'Familjehem', 'Kommun', 'Slag', 'Vistelse'],
            rows: rows.map((row) => [row.child, row.identity, row.home, row.municipality ?? '–', row.form, periodText(row.periods)]),
            widths: ['*', 'auto', '*', 'auto', 'auto', 'auto'],
          }),
      heading('Anmälningar till IVO om fler än tre barn i ett hem', 2),
      notifications.length === 0
        ? paragraph('Inga anmälningar om fler än tre barn gjordes under perioden.')
        : table({ header: ['Datum', 'Familjehem'], rows: notifications.map((n) => [n.date, n.home]), widths: ['auto', '*'] }),
    ],
  };
}
