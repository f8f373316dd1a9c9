/**
 * The reports for the board and IVO, built from the domain's definitions and the report builders
 * in main/reports (loaded when a report is asked for, as the other reports are).
 */
import type { Kysely } from 'kysely';
import { readIvoListFacts } from '../db/reports-repository';
import type { Database } from '../db/schema';
import type { IsoDate } from '../domain/dates';
import { ivoList, ivoNotifications } from '../domain/ivo-list';
import type { Clock } from './clock';
import { ServiceError } from './errors';
import type { JournalService } from './journal';

export interface IvoListInput {
  from: IsoDate;
  to: IsoDate;
  unit: string | null;
  municipality: string | null;
}

export function createReportsService(db: Kysely<Database>, clock: Clock, journal: JournalService) {
  return {
    /** A home's history (Vårdgivarhistorik) as of `date` as a PDF, and a file name for it. */
    async homePdf(homeId: string, date: IsoDate): Promise<{ fileName: string; pdf: Uint8Array }> {
      const history = await journal.homeHistory(homeId, date);
      const [{ homeReport }, { renderPdf }] = await Promise.all([import('../reports/home-report'), import('../reports/pdf')]);
      const pdf = await renderPdf(homeReport({ ...history, date }));
      return { fileName: `Vårdgivarhistorik ${history.home.name.replace(/[\\/:*?"<>|]+/g, '-')} ${date}.pdf`, pdf };
    },

    /** Förteckningen till IVO over [from, to] (both days included) as a PDF. */
    async ivoListPdf({ from, to, unit, municipality }: IvoListInput): Promise<Uint8Array> {
      if (to < from) throw new ServiceError('VALIDATION', 'Perioden kan inte användas.', [{ path: '/to', message: `Perioden slutar (${to}) innan den börjar (${from}).` }]);
      const facts = await readIvoListFacts(db, from, to, unit);
      const [{ ivoListReport }, { renderPdf }] = await Promise.all([import('../reports/ivo-list-report'), import('../reports/pdf')]);
      return renderPdf(
        ivoListReport({
          municipality,
          unit,
          from,
          to,
          date: clock.today(),
          rows: ivoList(facts, from, to),
          notifications: ivoNotifications(facts.notifications, facts.homes, from, to),
        }),
      );
    },
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;
