/**
 * The gate every call passes after its input is checked: who is signed in, whether their role may
 * use the channel (permissions.ts), and the log context the call's writes are logged under. A
 * refused call gets a Swedish message and is logged; a read of a child's file is logged with whose
 * file it was, a reveal of a protected identity as a reveal.
 */
import { channels, type Channel, type ChannelArgs, type ChannelOutput } from '../../preload/api';
import { roleAllows, roleLabels } from '../domain/roles';
import type { OwnEntry, Services } from '../services';
import { ServiceError } from '../services/errors';
import type { Handlers } from './dispatch';
import { channelAccess, exportSource, type Access } from './permissions';

/** The entry a read of a child's file leaves, or null for a call that reads none. */
function readEntry<C extends Channel>(channel: C, input: ChannelArgs<C>, output: ChannelOutput<C>): OwnEntry | null {
  if (channel === 'getPlacement') {
    const { id, reveal, reason } = input as ChannelArgs<'getPlacement'>;
    // The placement's child, as the answer names it (an answer without one is still logged, by placement).
    const child = (output as Partial<ChannelOutput<'getPlacement'>> | undefined)?.child;
    return { action: reveal ? 'reveal' : 'read', entity: 'placements', entityId: id, childId: child?.id ?? null, detail: reveal ? { reason } : null };
  }
  if (channel === 'searchNotes') {
    // What was searched for in everyone's notes about children, and how much it found.
    const { query } = input as ChannelArgs<'searchNotes'>;
    if (query.trim() === '') return null;
    const found = output as Partial<ChannelOutput<'searchNotes'>> | undefined;
    return { action: 'search', entity: 'notes', entityId: null, childId: null, detail: { query, hits: found?.total ?? 0 } };
  }
  if (channel === 'getAuditFile') {
    // An audited file is the child's file: whose it was, by its placement.
    const file = output as Partial<ChannelOutput<'getAuditFile'>> | undefined;
    if (!file?.placementId) return null;
    return { action: 'read', entity: 'placements', entityId: file.placementId, childId: file.childId ?? null, detail: { auditRound: file.roundId, file: file.label } };
  }
  if (channel === 'startExport') {
    // A list written to a file: which list, with which filter, in which format and how many rows.
    const { list, filter, format } = input as ChannelArgs<'startExport'>;
    const started = output as Partial<ChannelOutput<'startExport'>> | undefined;
    return { action: 'export', entity: 'export', entityId: list, childId: null, detail: { format, rows: started?.total ?? 0, filter, job: started?.jobId ?? null } };
  }
  if (channel === 'getChild') {
    const { id, reveal, reason } = input as ChannelArgs<'getChild'>;
    return { action: reveal ? 'reveal' : 'read', entity: 'children', entityId: id, childId: id, detail: reveal ? { reason } : null };
  }
  return null;
}

/**
 * The role a call needs: its channel's, and for an export the higher of that and the exported
 * list's (a role that may not read a list may not export it either).
 */
function neededFor<C extends Channel>(channel: C, input: ChannelArgs<C>): Access {
  const own = channelAccess[channel];
  if (channel !== 'startExport') return own;
  const list = channelAccess[exportSource[(input as ChannelArgs<'startExport'>).list]];
  if (own === 'signed-out') return list;
  if (list === 'signed-out') return own;
  return roleAllows(own, list) ? own : list;
}

/** The fields of a record that say who made, changed or removed it. */
const whoFields = ['recordedBy', 'changedBy', 'removedBy'] as const;

/**
 * The input with every "who" field the signed-in user's name: who recorded, changed or removed
 * something is who is signed in, whatever a window sends.
 */
function signedBy<T>(input: T, name: string): T {
  if (typeof input !== 'object' || input === null || !whoFields.some((field) => field in input)) return input;
  const signed: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  for (const field of whoFields) if (field in signed) signed[field] = name;
  return signed as T;
}

/** `handlers` behind the gate: the only handlers the window's calls reach. */
export function guard(handlers: Handlers, services: Services): Handlers {
  const guarded = <C extends Channel>(channel: C) => {
    const handler = handlers[channel] as (input: ChannelArgs<C>) => Promise<ChannelOutput<C>>;
    return async (input: ChannelArgs<C>): Promise<ChannelOutput<C>> => {
      const user = await services.users.currentUser();
      const context = { userId: user?.id ?? null, channel, at: services.clock.now(), rowChanges: true };
      return services.accessLog.within(context, async () => {
        const needed: Access = neededFor(channel, input);
        if (needed !== 'signed-out') {
          if (user === null) throw new ServiceError('FORBIDDEN', 'Välj vem du är innan du fortsätter.');
          if (!roleAllows(user.role, needed)) {
            await services.accessLog.append({ action: 'refused', entity: null, entityId: null, childId: null, detail: { role: user.role, needed } });
            throw new ServiceError(
              'FORBIDDEN',
              `Det här får bara en ${roleLabels[needed].toLocaleLowerCase('sv')} göra. Du är inloggad som ${roleLabels[user.role].toLocaleLowerCase('sv')}.`,
            );
          }
        }
        const output = await handler(user === null ? input : signedBy(input, user.name));
        const read = readEntry(channel, input, output);
        if (read !== null) await services.accessLog.append(read);
        return output;
      });
    };
  };
  return Object.fromEntries(channels.map((channel) => [channel, guarded(channel)])) as Handlers;
}
