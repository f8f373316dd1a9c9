/**
 * The reports for the board and IVO: the nämndrapport's figures (the dashboard) and its PDF, and
 * the förteckning till IVO. The figures are main/domain/board-report's, already through the
 * small-number rules: the window shows exactly what the PDF prints.
 */
import { z } from 'zod';
import type { BoardReport } from '../../main/domain/board-report';
import { channel } from './channel';
import { date, trimmed } from './fields';
import type { PdfFile } from './journal';

export type { BoardFigures, BoardReport, CostRow, LengthRow, OutcomeRow, RateFigure, ShareFigure, ShownTableFigures, ComplianceIndicator } from '../../main/domain/board-report';
export { complianceIndicators, complianceNames } from '../../main/domain/board-report';
export { boardShareText, countText, daysText, kronorText, rateText } from '../../main/domain/board-text';
export { boardComplianceChartOption, boardComplianceChartText, boardChartHeight } from '../../main/domain/board-chart';
export { HIDDEN_TEXT, SUPPRESSED_TEXT } from '../../main/domain/small-numbers';

const period = {
  from: date,
  /** The period's last day, included. */
  to: date,
  /** Only the placements of this unit (enhet); null: all. */
  unit: trimmed(100).nullable(),
};

export const boardReportInput = z.object(period).strict();
export type BoardReportInput = z.output<typeof boardReportInput>;

/** The PDFs name the municipality on their first page (one of Sweden's 290), or none. */
export const reportPdfInput = z.object({ ...period, municipality: trimmed(100).nullable() }).strict();
export type ReportPdfInput = z.output<typeof reportPdfInput>;

export type BoardReportView = BoardReport & { unit: string | null };

export const reportChannels = {
  getBoardReport: channel(boardReportInput).returns<BoardReportView>(),
  getBoardReportPdf: channel(reportPdfInput).returns<PdfFile>(),
  getIvoListPdf: channel(reportPdfInput).returns<PdfFile>(),
};
