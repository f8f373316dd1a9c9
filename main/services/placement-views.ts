/**
 * What the placement screens show, put together from the placements, the deadline engine and
 * the check engine: the list with each placement's overdue count, and one placement's page.
 */
import type { ChecksService } from './checks';
import type { DeadlinesService } from './deadlines';
import { placementListRow, withHomesHidden, type PlacementsService } from './placements';
import type { Deadline } from '../domain/deadlines';
import type { ListPlacementPageInput, PLACEMENT_PAGE_LIMIT, PlacementDetail, PlacementListRow, PlacementPage } from '../../preload/api/placements';

/** The contract's cap on a page (services take types alone from it: a different number does not compile). */
const PAGE_LIMIT: typeof PLACEMENT_PAGE_LIMIT = 500;

const noCounts: ReadonlyMap<string, number> = new Map();

export function createPlacementViews(placements: PlacementsService, deadlines: DeadlinesService, checks: ChecksService) {
  // The overdue count per placement, made once per run of the deadline engine (which keeps its
  // answer until anything is written): every page of the list asks for it.
  const overdueByRun = new WeakMap<readonly Deadline[], Map<string, number>>();
  async function overdueCounts(date: string): Promise<ReadonlyMap<string, number>> {
    const all = await deadlines.compute(date);
    let overdue = overdueByRun.get(all);
    if (!overdue) {
      overdue = new Map();
      for (const d of all) {
        if (d.status === 'overdue' && d.placementId !== null) overdue.set(d.placementId, (overdue.get(d.placementId) ?? 0) + 1);
      }
      overdueByRun.set(all, overdue);
    }
    return overdue;
  }

  return {
    /** Every placement the search finds, newest first (the whole list: see `page` for what a window shows). */
    async list({ date, query, activeOnly }: { date: string; query?: string | undefined; activeOnly: boolean }): Promise<PlacementListRow[]> {
      const overdue = await overdueCounts(date);
      const { ids } = await placements.findPlacements({ date, query, activeOnly, sort: { column: 'startedOn', direction: 'desc' } }, overdue);
      return placements.placementRows(ids, date, overdue);
    },

    /**
     * One page of the list of placements: the search, "Bara pågående" and the order are the
     * database's (findPlacements), and only the page's rows are built. A limit above
     * PLACEMENT_PAGE_LIMIT is cut to it (the channel refuses one).
     */
    async page(input: ListPlacementPageInput): Promise<PlacementPage> {
      const { date, offset } = input;
      const limit = Math.min(Math.max(1, Math.trunc(input.limit)), PAGE_LIMIT);
      const start = Math.max(0, Math.trunc(offset));
      // Only the order by overdue deadlines needs every placement's count; otherwise the page's own.
      const byOverdue = input.sort.column === 'overdue';
      const everyCount = byOverdue ? await overdueCounts(date) : noCounts;
      const { ids, hidden } = await placements.findPlacements(input, everyCount);
      const shown = ids.slice(start, start + limit);
      const overdue = byOverdue ? everyCount : await deadlines.overdueOf(date, shown);
      return { rows: await placements.placementRows(shown, date, overdue), total: ids.length, hidden };
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
