/**
 * What the placement screens show, put together from the placements, the deadline engine and
 * the check engine: the list with each placement's overdue count, and one placement's page.
 */
import type { ChecksService } from './checks';
import type { DeadlinesService } from './deadlines';
import { placementListRow, withHomesHidden, type PlacementsService } from './placements';
import type { PlacementDetail, PlacementListRow } from '../../preload/api/placements';

export function createPlacementViews(placements: PlacementsService, deadlines: DeadlinesService, checks: ChecksService) {
  return {
    async list({ date, query, activeOnly }: { date: string; query?: string | undefined; activeOnly: boolean }): Promise<PlacementListRow[]> {
      const overdue = new Map<string, number>();
      for (const d of await deadlines.compute(date)) {
        if (d.status === 'overdue' && d.placementId !== null) overdue.set(d.placementId, (overdue.get(d.placementId) ?? 0) + 1);
      }
      // The search is the placements service's: it knows the children's identities and which are protected.
      return (await placements.listPlacementRows(date, overdue, query ?? ''))
        .filter((row) => !activeOnly || row.active)
        .sort((a, b) => (a.startedOn < b.startedOn ? 1 : a.startedOn > b.startedOn ? -1 : a.id < b.id ? -1 : 1));
    },

    async detail({ id, date, reveal }: { id: string; date: string; reveal: boolean }): Promise<PlacementDetail> {
      const placement = await placements.getPlacement(id);
      const child = await placements.getChild(placement.childId, reveal);
      // A protected child's homes are withheld like its name until the user reveals them here.
      const [events, overview, siblings, placementChecks] = await Promise.all([
        placements.listPlacementEvents(id),
        deadlines.overview(date, id, false, !child.masked),
        placements.childPlacements(placement.childId),
        checks.forPlacement(id, date, !child.masked),
      ]);
      const label = child.label;
      return {
        placement: child.masked ? withHomesHidden(placement) : placement,
        child,
        events,
        deadlines: overview.rows.filter((d) => d.placementId === id),
        otherPlacements: siblings
          .filter((p) => p.id !== id)
          .map((p) =>
            placementListRow(p, label, date, overview.rows.filter((d) => d.placementId === p.id && d.status === 'overdue').length, child.masked),
          ),
        checks: placementChecks,
      };
    },
  };
}

export type PlacementViews = ReturnType<typeof createPlacementViews>;
