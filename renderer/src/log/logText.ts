/**
 * How the Logg page and its CSV export say an access-log entry in Swedish: the action, what it is
 * about, the time in local Swedish form, and the CSV file itself. Pure, so it is unit-tested.
 */
import { accessLogActionLabel, accessLogActionLabels, exportListTitles, type AccessLogRow, type Channel } from '../../../preload/api';
import { localToday } from '../today';

/** The access log's actions in Swedish (the domain's words, shared with the command line). */
export const actionLabels = accessLogActionLabels;

/** The logged tables (main/db/access-log's loggedTables) as the user knows them. */
const entityLabels: Record<string, string> = {
  homes: 'Hem',
  persons: 'Person',
  children: 'Barn',
  placements: 'Placering',
  stays: 'Vistelse',
  events: 'Placeringshändelse',
  register_checks: 'Registerkontroll',
  backups: 'Säkerhetskopia',
  register: 'Registret',
  register_check_history: 'Registerkontroll, ändring',
  removed_records: 'Borttagen post',
  settings: 'Inställning',
  users: 'Användare',
  notes: 'Anteckning',
  assessments: 'Bedömning',
  deviations: 'Avvikelse',
  deviation_steps: 'Avvikelse, steg',
  audit_rounds: 'Granskningsomgång',
  audit_files: 'Akt i granskningsomgång',
  audit_answers: 'Svar i aktgranskning',
  audit_analyses: 'Analys av aktgranskning',
  audit_actions: 'Åtgärd efter aktgranskning',
};

/** Where in the program an entry was made: every channel of the contract, as a user would say it. */
const channelLabels: Record<Channel, string> = {
  getAppInfo: 'Programmets uppgifter',
  getSession: 'Inloggningen',
  createFirstAdministrator: 'Första administratören',
  signIn: 'Inloggning',
  signOut: 'Byte av användare',
  listUsers: 'Användarna',
  saveUser: 'Spara användare',
  listAccessLog: 'Loggen',
  startExport: 'Exportera lista',
  exportProgress: 'Exportera lista',
  cancelExport: 'Avbryt export',
  exportResult: 'Spara exporterad lista',
  verifyAccessLog: 'Verifiera loggen',
  listHomes: 'Registret',
  searchHomes: 'Sökning i registret',
  getHome: 'Ett hem',
  saveHome: 'Spara hem',
  setHomeActive: 'Aktivera eller avaktivera hem',
  findSimilarHomes: 'Kan hemmet redan finnas?',
  loadDemoData: 'Ladda exempeldata',
  removeDemoData: 'Ta bort exempeldata',
  listChildren: 'Barnen',
  getChild: 'Barnets uppgifter',
  saveChild: 'Spara barnets uppgifter',
  listPlacements: 'Placeringar',
  listPlacementPage: 'Placeringar',
  getPlacement: 'Placeringens sida',
  savePlacement: 'Spara placering',
  getPlacementSuggestions: 'Förslag i placeringsformuläret',
  movePlacement: 'Omplacering',
  undoMove: 'Ångra omplacering',
  removePlacement: 'Ta bort placering',
  removeChild: 'Ta bort barn',
  endPlacement: 'Avsluta placering',
  recordEvent: 'Registrera händelse',
  removeEvent: 'Ta bort händelse',
  listHomeEvents: 'Hemmets händelser',
  listDeadlines: 'Bevakning',
  listDeadlinePage: 'Bevakning',
  countDeadlines: 'Bevakning',
  getChangeStamp: 'Nya ändringar i registret',
  getHomeChecks: 'Hemmets kontroller',
  recordRegisterCheck: 'Registrera kontroll',
  correctRegisterCheck: 'Rätta kontroll',
  removeRegisterCheck: 'Ta bort kontroll',
  checkReadiness: 'Redo för beslut?',
  listCheckPage: 'Kontroller',
  countChecks: 'Kontroller',
  listNotes: 'Anteckningar',
  listNoteDrafts: 'Utkast till anteckningar',
  saveNoteDraft: 'Spara utkast',
  removeNoteDraft: 'Släng utkast',
  signNote: 'Signera anteckning',
  searchNotes: 'Sök i anteckningar',
  listAssessments: 'Bedömningar',
  recordAssessment: 'Spara bedömning',
  listDeviationPage: 'Avvikelser',
  countDeviations: 'Avvikelser',
  getDeviation: 'En avvikelse',
  recordDeviation: 'Ny avvikelse',
  addDeviationStep: 'Steg i avvikelse',
  getHomeHistoryReport: 'Vårdgivarhistorik som PDF',
  getHomeHistory: 'Vårdgivarhistorik',
  getHomeQuality: 'Kvalitetsindex för ett hem',
  getQualitySummaries: 'Kvalitetsindex i registret',
  matchHomes: 'Hitta placering',
  getAccuracy: 'Träffsäkerhet',
  getQualitySettings: 'Kvalitetsindexets inställningar',
  saveQualitySettings: 'Spara kvalitetsindexets inställningar',
  listAuditRounds: 'Aktgranskning',
  getAuditChecklist: 'Checklistan för aktgranskning',
  saveAuditChecklist: 'Spara checklistan för aktgranskning',
  previewAuditRound: 'Ny granskningsomgång, förhandsvisning',
  createAuditRound: 'Ny granskningsomgång',
  getAuditRound: 'En granskningsomgång',
  getAuditFile: 'En granskad akt',
  saveAuditFile: 'Spara granskning av akt',
  saveAuditAnalysis: 'Spara analys av aktgranskning',
  addAuditAction: 'Ny åtgärd efter aktgranskning',
  completeAuditAction: 'Åtgärd klar',
  getAuditReport: 'Rapport om egenkontroll',
  getBoardReport: 'Nämndrapport',
  getBoardReportPdf: 'Nämndrapport som PDF',
  getIvoListPdf: 'Förteckning till IVO',
  getRuleSettings: 'Regler',
  saveRuleSettings: 'Spara regler',
  getPreferences: 'Inställningar på datorn',
  savePreferences: 'Inställningar på datorn',
  getRegisterProtection: 'Säkerhet och säkerhetskopior',
  backUpNow: 'Säkerhetskopiera nu',
  restoreBackup: 'Återställ säkerhetskopia',
  changeRegisterKey: 'Byt krypteringsnyckel',
  saveBackupSettings: 'Spara inställning för säkerhetskopior',
  getRegisterChoice: 'Vilket register datorn öppnar',
  testRegisterConnection: 'Testa anslutningen till gemensamt register',
  saveRegisterChoice: 'Spara vilket register datorn öppnar',
  chooseRegisterCaFile: 'Välj CA-certifikat',
};

/**
 * Where an entry was made, in Swedish: a channel of the window, the command line's import, or
 * (no channel) a change made outside the program's calls.
 */
export function channelLabel(channel: string | null): string {
  if (channel === null) return 'Utanför programmet';
  if (channel === 'cli:import') return 'Inläsning från kommandoraden';
  return (channelLabels as Record<string, string>)[channel] ?? 'Annan del av programmet';
}

/** An action's Swedish label; an action this version does not know is shown as stored. */
export const actionLabel = accessLogActionLabel;

/** What an entry is about: "Placering EXEMPEL-P01"; empty for what is about nothing (a refused call). */
export function whatText(row: Pick<AccessLogRow, 'entity' | 'entityId'>): string {
  // An export names its list ("Export: Bevakningslista").
  if (row.entity === 'export') return `Export: ${(exportListTitles as Record<string, string>)[row.entityId ?? ''] ?? row.entityId ?? ''}`;
  const entity = row.entity === null ? '' : (entityLabels[row.entity] ?? row.entity);
  return [entity, row.entityId ?? ''].filter((part) => part !== '').join(' ');
}

/** An ISO instant in the user's local time, as Swedes write it: "2026-11-22 10:15". */
export function logTime(at: string): string {
  const parsed = new Date(at);
  if (Number.isNaN(parsed.getTime())) return at;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${localToday(parsed)} ${pad(parsed.getHours())}:${pad(parsed.getMinutes())}`;
}

/** The same with seconds, for the export (where two entries in one minute must still be told apart). */
function logTimeWithSeconds(at: string): string {
  const parsed = new Date(at);
  if (Number.isNaN(parsed.getTime())) return at;
  return `${logTime(at)}:${String(parsed.getSeconds()).padStart(2, '0')}`;
}

export const CSV_HEADER = ['Löpnummer', 'Tid', 'Användare', 'Användar-id', 'Händelse', 'Vad', 'Barn', 'Var i programmet', 'Detaljer'] as const;

/**
 * One CSV field: quoted when it holds the separator, a quote or a line break; and a field that a
 * spreadsheet would take for a formula (=, +, -, @) starts with an apostrophe, so opening the
 * export never runs what someone typed as a name.
 */
export function csvField(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The entries as a CSV file for Excel in Swedish: semicolons, CRLF, a BOM so it opens as UTF-8. */
export function logCsv(rows: readonly AccessLogRow[]): string {
  const lines = [
    CSV_HEADER.join(';'),
    ...rows.map((row) =>
      [
        row.seq,
        logTimeWithSeconds(row.at),
        row.userName,
        row.userId,
        actionLabel(row.action),
        whatText(row),
        row.childId,
        channelLabel(row.channel),
        row.detail,
      ]
        .map(csvField)
        .join(';'),
    ),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
