import type { Services } from '../services';
import { ServiceError } from '../services/errors';
import type { Handlers } from './dispatch';
import { guard } from './gate';

export type { Handlers } from './dispatch';

export interface HandlerContext {
  host: 'electron' | 'browser';
  /** The register's file, or the shared register's login, server and database. */
  databasePath: string;
  encrypted: boolean;
  version: string;
  /** A file on this computer (the default) or the unit's shared register on PostgreSQL. */
  register?: 'local' | 'shared';
}

/**
 * One handler per channel of the contract, each a thin call into a service. Inputs arrive
 * already parsed by the channel's schema (dispatch), so handlers trust their argument's shape.
 */
export function createHandlers(services: Services, context: HandlerContext): Handlers {
  return guard(serviceCalls(services, context), services);
}

/** Whose exports a call may see: the signed-in user's (the gate has let only a signed-in user through). */
async function owner(services: Services): Promise<string> {
  const user = await services.users.currentUser();
  if (user === null) throw new ServiceError('FORBIDDEN', 'Välj vem du är innan du fortsätter.');
  return user.id;
}

/** The calls themselves, before the gate: only `createHandlers` hands them out, behind it. */
function serviceCalls(services: Services, context: HandlerContext) {
  return {
    getAppInfo: async () => ({
      version: context.version,
      host: context.host,
      databasePath: context.databasePath,
      encrypted: context.encrypted,
      register: context.register ?? 'local',
      homeCount: await services.homes.count(),
      demoData: await services.demo.present(),
    }),
    getChangeStamp: async () => ({ stamp: await services.changeStamp() }),
    listHomes: (input) => services.homes.list(input),
    searchHomes: (input) => services.homes.search(input),
    getHome: ({ id }) => services.homes.get(id),
    saveHome: (input) => services.homes.save(input),
    setHomeActive: ({ id, active, rowVersion }) => services.homes.setActive(id, active, rowVersion),
    findSimilarHomes: (input) => services.homes.findSimilar(input),
    loadDemoData: ({ today }) => services.demo.load(today),
    removeDemoData: () => services.demo.remove(),

    listChildren: (input) => services.placements.listChildren(input),
    getChild: ({ id, reveal }) => services.placements.getChild(id, reveal),
    saveChild: (input) => services.placements.saveChild(input),

    listPlacements: (input) => services.placementViews.list(input),
    listPlacementPage: (input) => services.placementViews.page(input),
    getPlacement: (input) => services.placementViews.detail(input),
    savePlacement: (input) => services.placements.savePlacement(input),
    getPlacementSuggestions: () => services.placements.suggestions(),
    movePlacement: (input) => services.placements.move(input),
    undoMove: (input) => services.placements.undoMove(input),
    removePlacement: (input) => services.placements.removePlacement(input),
    removeChild: (input) => services.placements.removeChild(input),
    endPlacement: (input) => services.placements.end(input),

    recordEvent: (input) => services.placements.recordEvent(input),
    removeEvent: ({ id }) => services.placements.removeEvent(id),
    listHomeEvents: ({ homeId }) => services.placements.listHomeEvents(homeId),

    listDeadlines: ({ date }) => services.deadlines.overview(date),
    listDeadlinePage: (input) => services.deadlines.page(input),
    countDeadlines: ({ date }) => services.deadlines.counts(date),

    getHomeChecks: ({ homeId, date }) => services.registerChecks.homeChecks(homeId, date),
    recordRegisterCheck: (input) => services.registerChecks.record(input),
    correctRegisterCheck: (input) => services.registerChecks.correct(input),
    removeRegisterCheck: (input) => services.registerChecks.remove(input),
    checkReadiness: (input) => services.checks.readiness(input),
    listCheckPage: (input) => services.checks.page(input),
    countChecks: ({ date }) => services.checks.counts(date),

    listNotes: (input) => services.notes.list(input),
    listNoteDrafts: () => services.notes.drafts(),
    saveNoteDraft: (input) => services.notes.saveDraft(input),
    removeNoteDraft: ({ id }) => services.notes.removeDraft(id),
    signNote: ({ id }) => services.notes.sign(id),
    searchNotes: (input) => services.notes.search(input),
    listAssessments: ({ placementId }) => services.journal.listAssessments(placementId),
    recordAssessment: (input) => services.journal.recordAssessment(input),
    listDeviationPage: (input) => services.journal.deviationPage(input),
    countDeviations: ({ date }) => services.journal.countDeviations(date),
    getDeviation: ({ id, date }) => services.journal.getDeviation(id, date),
    recordDeviation: (input) => services.journal.recordDeviation(input),
    addDeviationStep: (input) => services.journal.addStep(input),
    getHomeHistory: ({ homeId, date }) => services.journal.homeHistory(homeId, date),
    getHomeHistoryReport: async ({ homeId, date }) => {
      const { fileName, pdf } = await services.reports.homePdf(homeId, date);
      return { fileName, base64: Buffer.from(pdf).toString('base64') };
    },
    getHomeQuality: ({ homeId, date }) => services.quality.homeQuality(homeId, date),
    getQualitySummaries: ({ homeIds, date }) => services.quality.summaries(homeIds, date),
    matchHomes: (input) => services.quality.match(input),
    getAccuracy: (input) => services.quality.accuracy(input),
    getQualitySettings: () => services.quality.getSettings(),
    saveQualitySettings: (input) => services.quality.saveSettings(input),
    getAuditChecklist: () => services.audits.checklistView(),
    saveAuditChecklist: async (input) => {
      await services.audits.saveChecklist(input);
      return services.audits.checklistView();
    },
    listAuditRounds: () => services.audits.listRounds(),
    previewAuditRound: (input) => services.audits.preview(input),
    createAuditRound: (input) => services.audits.createRound(input),
    getAuditRound: ({ id }) => services.audits.getRound(id),
    getAuditFile: ({ roundId, ordinal }) => services.audits.getFile(roundId, ordinal),
    saveAuditFile: (input) => services.audits.saveFile(input),
    saveAuditAnalysis: (input) => services.audits.saveAnalysis(input),
    addAuditAction: (input) => services.audits.addAction(input),
    completeAuditAction: (input) => services.audits.completeAction(input),
    getAuditReport: async (input) => {
      const user = await services.users.currentUser();
      return services.audits.report({ ...input, author: user?.name ?? '' });
    },

    getBoardReport: (input) => services.reports.board(input),
    getBoardReportPdf: (input) => services.reports.boardFile(input),
    getIvoListPdf: (input) => services.reports.ivoListFile(input),

    getRuleSettings: () => services.settings.get(),
    saveRuleSettings: (input) => services.settings.save(input),

    getSession: () => services.users.session(),
    createFirstAdministrator: (input) => services.users.createFirstAdministrator(input),
    signIn: (input) => services.users.signIn(input),
    signOut: () => services.users.signOut(),
    listUsers: () => services.users.list(),
    saveUser: (input) => services.users.save(input),
    listAccessLog: (input) => services.users.accessLog(input),
    verifyAccessLog: () => services.users.verifyAccessLog(),

    startExport: async (input) => services.exports.start(input, await owner(services)),
    exportProgress: async ({ jobId }) => services.exports.progress(await owner(services), jobId),
    cancelExport: async ({ jobId }) => services.exports.cancel(await owner(services), jobId),
    exportResult: async ({ jobId }) => services.exports.result(await owner(services), jobId),

    getRegisterProtection: async () => services.backups.protection(),
    backUpNow: () => services.backups.backUpNow(),
    restoreBackup: ({ name }) => services.backups.restore(name),
    changeRegisterKey: () => services.backups.changeKey(),
    saveBackupSettings: async (input) => services.backups.saveSettings(input),

    getPreferences: async () => services.preferences.get(),
    savePreferences: async (input) => services.preferences.save(input),

    getRegisterChoice: () => services.registerChoice.get(),
    testRegisterConnection: (input) => services.registerChoice.testConnection(input),
    saveRegisterChoice: (input) => services.registerChoice.save(input),
    chooseRegisterCaFile: () => services.registerChoice.chooseCaFile(),
  } satisfies Handlers;
}
