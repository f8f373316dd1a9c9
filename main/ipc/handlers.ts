import type { Services } from '../services';
import type { Handlers } from './dispatch';

export type { Handlers } from './dispatch';

export interface HandlerContext {
  host: 'electron' | 'browser';
  databasePath: string;
  encrypted: boolean;
  version: string;
}

/**
 * One handler per channel of the contract, each a thin call into a service. Inputs arrive
 * already parsed by the channel's schema (dispatch), so handlers trust their argument's shape.
 */
export function createHandlers(services: Services, context: HandlerContext) {
  return {
    getAppInfo: async () => ({
      version: context.version,
      host: context.host,
      databasePath: context.databasePath,
      encrypted: context.encrypted,
      homeCount: await services.homes.count(),
      demoData: await services.demo.present(),
    }),
    listHomes: (input) => services.homes.list(input),
    getHome: ({ id }) => services.homes.get(id),
    saveHome: (input) => services.homes.save(input),
    setHomeActive: ({ id, active }) => services.homes.setActive(id, active),
    loadDemoData: () => services.demo.load(),
    removeDemoData: () => services.demo.remove(),
  } satisfies Handlers;
}
