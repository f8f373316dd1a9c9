/**
 * The reports for the board and IVO, built from the domain's definitions and the report builders
 * in main/reports (loaded when a report is asked for, as the other reports are).
 */
import type { Kysely } from 'kysely';
import { readBoardFacts, readIvoListFacts } from '../db/reports-repository';
import type { Database } from '../db/schema';
import { boardReport, yearBefore, type BoardPlacement, type BoardReport, type BoardStay } from '../domain/board-report';
import type { IsoDate } from '../domain/dates';
import { findMunicipality } from '../domain/municipalities';
import type { PdfFile } from '../../preload/api/journal';
import { ivoList, ivoNotifications } from '../domain/ivo-list';
import type { DeviationKind, EndReason, HomeKind, LegalBasis, Severity } from '../domain/vocabulary';
import type { AuditsService } from './audits';
import type { Clock } from './clock';
import { ServiceError } from './errors';
import type { JournalService } from './journal';
import type { QualityService } from './quality';
import type { SettingsService } from './settings';

export interface IvoListInput {
  from: IsoDate;
  to: IsoDate;
  unit: string | null;
  municipality: string | null;
}

export interface BoardInput {
  from: IsoDate;
  to: IsoDate;
  unit: string | null;
}

interface Collaborators {
  journal: JournalService;
  settings: SettingsService;
  quality: QualityService;
  audits: AuditsService;
}

export function createReportsService(db: Kysely<Database>, clock: Clock, { journal, settings, quality, audits }: Collaborators) {
  /** The nämndrapport's figures for the period and the same period a year earlier. */
  async function board({ from, to, unit }: BoardInput): Promise<BoardReport & { unit: string | null }> {
    checkPeriod(from, to);
    const read = await readBoardFacts(db, yearBefore({ from, to }).from, to, unit);
    const staysOf = new Map<string, BoardStay[]>();
    for (const s of read.stays) {
      const list = staysOf.get(s.placementId) ?? [];
      list.push({ homeId: s.homeId, form: s.form as HomeKind, from: s.from, to: s.to, decidedOn: s.decidedOn, investigationCompletedOn: s.investigationCompletedOn });
      staysOf.set(s.placementId, list);
    }
    const eventsOf = new Map<string, { type: string; date: IsoDate }[]>();
    for (const { placementId, type, dates } of read.events) {
      const list = eventsOf.get(placementId) ?? [];
      for (const date of dates.split(',')) list.push({ type, date });
      eventsOf.set(placementId, list);
    }
    // The words as the database's CHECKs keep them.
    // Stays in date order, whatever order they were stored in (checks.ts orders them so too).
    for (const list of staysOf.values()) list.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
    const placements: BoardPlacement[] = read.placements.map((p) => ({
      ...p,
      legalBasis: p.legalBasis as LegalBasis,
      endReason: p.endReason as EndReason | null,
      stays: staysOf.get(p.id) ?? [],
      events: eventsOf.get(p.id) ?? [],
    }));
    const endedInWindow = placements.filter((p) => p.endedOn !== null && p.endedOn >= yearBefore({ from, to }).from && p.stays.length > 0);
    const [rules, gradeAtStart, rounds] = await Promise.all([
      settings.effective(),
      quality.gradesAtStart(endedInWindow.map((p) => ({ id: p.id, homeId: p.stays[0]!.homeId, startedOn: p.startedOn }))),
      Promise.all(read.rounds.map(async (r) => ({ row: r, overall: (await audits.getRound(r.id)).overall }))),
    ]);
    const report = boardReport(
      {
        placements,
        homes: new Map(read.homes.map((h) => [h.id, { kind: h.kind as HomeKind, name: h.name, operator: h.operator, agency: h.agency }])),
        deviations: read.deviations.map((d) => ({ reportedOn: d.reportedOn, kind: d.kind as DeviationKind, severity: d.severity as Severity })),
        auditRounds: rounds.map(({ row, overall }) => ({ name: row.name, fromDate: row.fromDate, toDate: row.toDate, drawnOn: row.createdAt.slice(0, 10), files: row.size, compliance: overall })),
        checks: { persons: read.persons, checks: read.checks },
        gradeAtStart,
      },
      { from, to },
      { parameters: rules.parameters, catalogue: rules.catalogue },
    );
    return { ...report, unit };
  }

  /** The municipality as SCB names it, or a Swedish error at the field. */
  function municipalityOf(name: string | null): string | null {
    if (name === null) return null;
    const found = findMunicipality(name);
    if (!found) throw new ServiceError('VALIDATION', 'Välj kommunen i listan.', [{ path: '/municipality', message: 'Välj en av Sveriges 290 kommuner.' }]);
    return found.name;
  }

  const fileName = (title: string, { from, to, unit }: BoardInput) => `${[title, unit, `${from} – ${to}`].filter(Boolean).join(' ').replace(/[\\/:*?"<>|]+/g, '-')}.pdf`;

  return {
    board,

    /** The nämndrapport as a file for the window. */
    async boardFile(input: BoardInput & { municipality: string | null }): Promise<PdfFile> {
      const pdf = await this.boardPdf({ ...input, municipality: municipalityOf(input.municipality) });
      return { fileName: fileName('Nämndrapport', input), base64: Buffer.from(pdf).toString('base64') };
    },

    /** Förteckningen till IVO as a file for the window. */
    async ivoListFile(input: BoardInput & { municipality: string | null }): Promise<PdfFile> {
      const pdf = await this.ivoListPdf({ ...input, municipality: municipalityOf(input.municipality) });
      return { fileName: fileName('Förteckning till IVO', input), base64: Buffer.from(pdf).toString('base64') };
    },

    /** The nämndrapport as a PDF. */
    async boardPdf(input: BoardInput & { municipality: string | null }): Promise<Uint8Array> {
      const report = await board(input);
      const [{ boardReportDocument }, { renderPdf }] = await Promise.all([import('../reports/board-report'), import('../reports/pdf')]);
      return renderPdf(boardReportDocument({ ...report, municipality: input.municipality, date: clock.today() }));
    },

    /** A home's history (Vårdgivarhistorik) as of `date` as a PDF, and a file name for it. */
    async homePdf(homeId: string, date: IsoDate): Promise<{ fileName: string; pdf: Uint8Array }> {
      const [history, index] = await Promise.all([journal.homeHistory(homeId, date), quality.homeQuality(homeId, date)]);
      const [{ homeReport }, { renderPdf }] = await Promise.all([import('../reports/home-report'), import('../reports/pdf')]);
      const pdf = await renderPdf(
        homeReport({
          ...history,
          date,
          quality: {
            ...index,
            components: index.components.filter((c) => c.weight > 0).map((c) => ({ name: c.name, score: c.score, evidence: c.evidence })),
            reasons: [...index.barriers, ...(index.missing === null ? [] : [index.missing])],
          },
        }),
      );
      return { fileName: `Vårdgivarhistorik ${history.home.name.replace(/[\\/:*?"<>|]+/g, '-')} ${date}.pdf`, pdf };
    },

    /** Förteckningen till IVO over [from, to] (both days included) as a PDF. */
    async ivoListPdf({ from, to, unit, municipality }: IvoListInput): Promise<Uint8Array> {
      checkPeriod(from, to);
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

function checkPeriod(from: IsoDate, to: IsoDate): void {
  if (to < from) throw new ServiceError('VALIDATION', 'Perioden kan inte användas.', [{ path: '/to', message: `Perioden slutar (${to}) innan den börjar (${from}).` }]);
}

export type ReportsService = ReturnType<typeof createReportsService>;
