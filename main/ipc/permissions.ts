/**
 * Which role each channel needs: the one table that decides what a user may do (dispatch asks it
 * before any handler runs; the window hides what is refused, but that is only courtesy). A channel
 * missing here is a compile error. `signed-out`: open before anyone has signed in.
 */
import type { Channel, ExportList } from '../../preload/api';
import type { Role } from '../domain/roles';

export type Access = 'signed-out' | Role;

export const channelAccess: Record<Channel, Access> = {
  // Before anyone has signed in: what the sign-in page needs.
  getAppInfo: 'signed-out',
  getSession: 'signed-out',
  createFirstAdministrator: 'signed-out',
  signIn: 'signed-out',
  signOut: 'signed-out',

  // A handläggare works with homes, children, placements, events and checks.
  listHomes: 'handlaggare',
  searchHomes: 'handlaggare',
  getHome: 'handlaggare',
  saveHome: 'handlaggare',
  setHomeActive: 'handlaggare',
  findSimilarHomes: 'handlaggare',
  listChildren: 'handlaggare',
  getChild: 'handlaggare',
  saveChild: 'handlaggare',
  listPlacements: 'handlaggare',
  listPlacementPage: 'handlaggare',
  getPlacement: 'handlaggare',
  savePlacement: 'handlaggare',
  getPlacementSuggestions: 'handlaggare',
  movePlacement: 'handlaggare',
  undoMove: 'handlaggare',
  endPlacement: 'handlaggare',
  recordEvent: 'handlaggare',
  removeEvent: 'handlaggare',
  listHomeEvents: 'handlaggare',
  listDeadlines: 'handlaggare',
  listDeadlinePage: 'handlaggare',
  countDeadlines: 'handlaggare',
  getChangeStamp: 'handlaggare',
  getHomeChecks: 'handlaggare',
  recordRegisterCheck: 'handlaggare',
  correctRegisterCheck: 'handlaggare',
  removeRegisterCheck: 'handlaggare',
  checkReadiness: 'handlaggare',
  listCheckPage: 'handlaggare',
  countChecks: 'handlaggare',
  getRuleSettings: 'handlaggare',
  getPreferences: 'handlaggare',
  savePreferences: 'handlaggare',
  loadDemoData: 'handlaggare',
  listNotes: 'handlaggare',
  listNoteDrafts: 'handlaggare',
  saveNoteDraft: 'handlaggare',
  removeNoteDraft: 'handlaggare',
  signNote: 'handlaggare',
  searchNotes: 'handlaggare',
  listAssessments: 'handlaggare',
  recordAssessment: 'handlaggare',
  listDeviationPage: 'handlaggare',
  countDeviations: 'handlaggare',
  getDeviation: 'handlaggare',
  recordDeviation: 'handlaggare',
  addDeviationStep: 'handlaggare',
  getHomeHistory: 'handlaggare',
  getHomeHistoryReport: 'handlaggare',
  getHomeQuality: 'handlaggare',
  getQualitySummaries: 'handlaggare',
  matchHomes: 'handlaggare',
  getQualitySettings: 'handlaggare',
  // Any handläggare may audit a file of the round an enhetschef drew.
  listAuditRounds: 'handlaggare',
  getAuditChecklist: 'handlaggare',
  getAuditRound: 'handlaggare',
  getAuditFile: 'handlaggare',
  saveAuditFile: 'handlaggare',

  // Exports: each list as the role that may read it (exportAccess below); the job's own channels for anyone who may start one.
  startExport: 'handlaggare',
  exportProgress: 'handlaggare',
  cancelExport: 'handlaggare',
  exportResult: 'handlaggare',

  // An enhetschef also removes records with a reason and reads the access log.
  removePlacement: 'enhetschef',
  removeChild: 'enhetschef',
  removeDemoData: 'enhetschef',
  listAccessLog: 'enhetschef',
  verifyAccessLog: 'enhetschef',
  // Träffsäkerhet: the unit's history of placements, for the one who answers for its quality.
  getAccuracy: 'enhetschef',
  // Egenkontroll is the enhetschef's: the draw, the analysis, the actions and the report.
  previewAuditRound: 'enhetschef',
  saveAuditChecklist: 'enhetschef',
  createAuditRound: 'enhetschef',
  saveAuditAnalysis: 'enhetschef',
  addAuditAction: 'enhetschef',
  completeAuditAction: 'enhetschef',
  getAuditReport: 'enhetschef',
  // The board's report and the list to IVO are the enhetschef's to send.
  getBoardReport: 'enhetschef',
  getBoardReportPdf: 'enhetschef',
  getIvoListPdf: 'enhetschef',
  // The register's protection: an enhetschef sees it and makes a copy; restoring one (which
  // undoes everyone's work since), a new key and how many copies are kept are the administratör's.
  getRegisterProtection: 'enhetschef',
  backUpNow: 'enhetschef',

  // An administratör also edits the users and the rules.
  listUsers: 'administrator',
  saveUser: 'administrator',
  saveRuleSettings: 'administrator',
  saveQualitySettings: 'administrator',
  restoreBackup: 'administrator',
  changeRegisterKey: 'administrator',
  saveBackupSettings: 'administrator',
  // Which register this computer opens, and the login to it: the administratör's, like the key.
  getRegisterChoice: 'administrator',
  testRegisterConnection: 'administrator',
  saveRegisterChoice: 'administrator',
  chooseRegisterCaFile: 'administrator',
};

/**
 * The channel whose list each export writes: an export needs the role that may read the list
 * (the gate asks channelAccess of it as well as of startExport), so a file never holds more than
 * the window would show.
 */
export const exportSource: Record<ExportList, Channel> = {
  register: 'searchHomes',
  placements: 'listPlacementPage',
  deadlines: 'listDeadlinePage',
  checks: 'listCheckPage',
  deviations: 'listDeviationPage',
  auditRounds: 'listAuditRounds',
  matching: 'matchHomes',
};
