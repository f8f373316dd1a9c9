/**
 * THE contract between the renderer and the main process, one file per capability.
 *
 * One entry per channel: a zod schema for the input (checked in main on every call, whoever
 * calls) and the type of the output. Each type is written once, here or (for the words of the
 * domain and what the domain owns) in main/domain, which this contract may import; the services
 * import the types they implement from here (type-only), so main stays free of IPC code. The
 * preload exposes one function per channel, the browser host's HTTP bridge implements the same
 * `Api`, and main/ipc registers one handler per channel (docs/decisions.md, decision 1).
 */
import type { z } from 'zod';
import { appChannels } from './app';
import { auditChannels } from './audits';
import { backupChannels } from './backups';
import type { Result } from './channel';
import { checkChannels } from './checks';
import { deadlineChannels } from './deadlines';
import { exportChannels } from './exports';
import { homeChannels } from './homes';
import { journalChannels } from './journal';
import { placementChannels } from './placements';
import { preferenceChannels } from './preferences';
import { qualityChannels } from './quality';
import { registerChoiceChannels } from './register-choice';
import { reportChannels } from './reports';
import { settingsChannels } from './settings';
import { userChannels } from './users';

export * from '../../main/domain/vocabulary';
export * from './app';
export * from './audits';
export * from './backups';
export * from './channel';
export * from './checks';
export * from './deadlines';
export * from './exports';
export { dateProblem, isCalendarDate } from './fields';
// How the window spells out a reference's laws; the words themselves are the domain's.
export { spellOutReference } from '../../main/domain/rule-texts';
// A child's age as main judges it (the permit's ages, placements under 21), for what the form says before saving.
export { ageOn } from '../../main/domain/checks';
// A placement's daily cost: the bounds the contract checks, and how the window writes it.
export { DAILY_COST_MAX, DAILY_COST_MESSAGE, formatDailyCost } from '../../main/domain/daily-cost';
export { checkListStatuses, checkStatusRank, isCheckProblem, isDueSoon, needsAction } from '../../main/domain/check-list';
// The kommun of a home is chosen from SCB's list; the list and the matching are the domain's.
export { findMunicipality, municipalityNames } from '../../main/domain/municipalities';
export * from './homes';
export * from './journal';
export * from './placements';
export * from './preferences';
export * from './quality';
export * from './register-choice';
export * from './reports';
export * from './settings';
export * from './users';
export { roleAllows, roleLabels, roles, type Role } from '../../main/domain/roles';

export const contract = {
  ...appChannels,
  ...homeChannels,
  ...placementChannels,
  ...deadlineChannels,
  ...checkChannels,
  ...journalChannels,
  ...qualityChannels,
  ...auditChannels,
  ...reportChannels,
  ...settingsChannels,
  ...preferenceChannels,
  ...userChannels,
  ...exportChannels,
  ...backupChannels,
  ...registerChoiceChannels,
};

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const channels = Object.keys(contract) as Channel[];

export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelArgs<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = Contract[C]['output'];

/** What the renderer sees as `window.api`: one async function per channel. */
export type Api = { [C in Channel]: (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>> };

/** How one call travels: over IPC in Electron, over HTTP to the browser host. */
export type Transport = <C extends Channel>(channel: C, input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;

/**
 * An `Api` with one function per channel of the contract, the channel fixed in a closure. Both
 * implementations (preload, HTTP bridge) are built here, so neither can miss or mistype a channel.
 */
export function implementApi(transport: Transport): Api {
  const bind = <C extends Channel>(channel: C) => (input: ChannelInput<C>) => transport(channel, input);
  // Object.fromEntries loses the per-key types; `bind` gives each key exactly Api[C].
  return Object.fromEntries(channels.map((channel) => [channel, bind(channel)])) as Api;
}

