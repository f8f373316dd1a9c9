/**
 * An obviously fictional register to try the app with: invented homes, people and org.nr (valid
 * check digits, "Exempel" in every family name, ids prefixed EXEMPEL-). It is loaded only into an
 * empty register, so demo data never mixes with real data.
 */
import type { Kysely } from 'kysely';
import * as repo from '../db/homes-repository';
import type { Database } from '../db/schema';
import { ServiceError } from './errors';
import type { HomeKind, Operator, PersonRole, TargetGroup } from './homes';

interface DemoHome {
  id: string;
  kind: HomeKind;
  name: string;
  orgNr?: string;
  operator?: Operator;
  municipality: string;
  capacity?: number;
  targetGroup?: TargetGroup;
  agency?: string;
  active?: false;
  persons?: [id: string, name: string, role: PersonRole, birthYear: number][];
}

// The needs are words from `commonNeeds` in preload/api.ts.
const demoHomes: DemoHome[] = [
  {
    id: 'EXEMPEL-H01', kind: 'hvb', name: 'Östergårdens HVB', orgNr: '556000-0019', operator: 'enskild',
    municipality: 'Timrå', capacity: 8,
    targetGroup: { minAge: 13, maxAge: 17, gender: 'alla', needs: ['missbruk', 'kriminalitet'] },
  },
  {
    id: 'EXEMPEL-H02', kind: 'stodboende', name: 'Åkerbackens stödboende', orgNr: '212000-9994', operator: 'kommunal',
    municipality: 'Sundsvall', capacity: 6,
    targetGroup: { minAge: 16, maxAge: 20, gender: 'alla', needs: ['ensamkommande', 'psykisk-ohalsa'] },
  },
  {
    id: 'EXEMPEL-H03', kind: 'jourhem', name: 'Älvängens jourhem', municipality: 'Härnösand', capacity: 2,
    persons: [
      ['EXEMPEL-P01', 'Eva Exempeldotter', 'uppdragstagare', 1972],
      ['EXEMPEL-P02', 'Jonas Exempeldotter', 'uppdragstagare', 1970],
    ],
  },
  {
    id: 'EXEMPEL-H04', kind: 'familjehem', name: 'Familjen Exempelsson', municipality: 'Sundsvall', capacity: 1,
    agency: 'Konsulentstöd Exempel AB',
    persons: [
      ['EXEMPEL-P03', 'Anna Exempelsson', 'uppdragstagare', 1980],
      ['EXEMPEL-P04', 'Bertil Exempelsson', 'uppdragstagare', 1978],
      ['EXEMPEL-P05', 'Cecilia Exempelsson', 'barn-i-hemmet', 2012],
    ],
  },
  {
    id: 'EXEMPEL-H05', kind: 'sis', name: 'Statens exempelhem', orgNr: '202100-9994', operator: 'statlig',
    municipality: 'Örnsköldsvik', capacity: 12,
    targetGroup: { minAge: 15, maxAge: 18, gender: 'pojkar', needs: ['kriminalitet', 'missbruk', 'skyddsbehov'] },
  },
  {
    id: 'EXEMPEL-H06', kind: 'natverkshem', name: 'Mormor Exempelgrens nätverkshem', municipality: 'Ånge', capacity: 1,
    persons: [
      ['EXEMPEL-P06', 'Gun Exempelgren', 'uppdragstagare', 1958],
      ['EXEMPEL-P07', 'Olle Exempelgren', 'annan-vuxen', 1955],
    ],
  },
  {
    id: 'EXEMPEL-H07', kind: 'hvb', name: 'Björkhagens HVB', orgNr: '556000-0027', operator: 'enskild',
    municipality: 'Sundsvall', capacity: 5,
    targetGroup: { minAge: 13, maxAge: 17, gender: 'flickor', needs: ['sjalvskada', 'psykisk-ohalsa', 'hedersrelaterat-vald'] },
  },
  {
    id: 'EXEMPEL-H08', kind: 'hvb', name: 'Norrvikens HVB', orgNr: '556000-0035', operator: 'region',
    municipality: 'Härnösand', capacity: 10, active: false,
    targetGroup: { minAge: 10, maxAge: 15, gender: null, needs: ['neuropsykiatri'] },
  },
  {
    id: 'EXEMPEL-H09', kind: 'familjehem', name: 'Familjen Provström-Exempel', municipality: 'Timrå', capacity: 2,
    persons: [
      ['EXEMPEL-P08', 'Dragan Provström-Exempel', 'uppdragstagare', 1975],
      ['EXEMPEL-P09', 'Ylva Exempelberg', 'annan-vuxen', 1999],
    ],
  },
  {
    id: 'EXEMPEL-H10', kind: 'jourhem', name: 'Ödmårdens jourhem', municipality: 'Ånge', capacity: 1, active: false,
    persons: [['EXEMPEL-P10', 'Siv Exempelqvist', 'uppdragstagare', 1965]],
  },
  {
    id: 'EXEMPEL-H11', kind: 'stodboende', name: 'Solbackens stödboende', orgNr: '556000-0043', operator: 'enskild',
    municipality: 'Örnsköldsvik', capacity: 4, active: false,
    targetGroup: { minAge: 18, maxAge: 20, gender: 'alla', needs: [] },
  },
  {
    id: 'EXEMPEL-H12', kind: 'familjehem', name: 'Familjen Exempelhed', municipality: 'Örnsköldsvik', capacity: 1,
    agency: 'Konsulentstöd Exempel AB',
    persons: [
      ['EXEMPEL-P11', 'Kim Exempelhed', 'uppdragstagare', 1984],
      ['EXEMPEL-P12', 'Ali Exempelhed', 'barn-i-hemmet', 2015],
      ['EXEMPEL-P13', 'Mira Exempelhed', 'barn-i-hemmet', 2018],
    ],
  },
];

/** Every demo id starts with this; nothing real ever does (the form's ids are UUIDs). */
export const demoIdPrefix = 'EXEMPEL-';

export function createDemoService(db: Kysely<Database>) {
  return {
    /** Whether the register holds demo homes, so the app can say so until they are removed. */
    async present(): Promise<boolean> {
      return (await repo.countHomesWithIdPrefix(db, demoIdPrefix)) > 0;
    },

    /** Removes the demo homes and households; refused while real records refer to them. */
    async remove(): Promise<{ homes: number; persons: number }> {
      try {
        return await repo.inTransaction(db, (trx) => repo.deleteHomesWithIdPrefix(trx, demoIdPrefix));
      } catch (error) {
        if ((error as { code?: unknown }).code !== 'SQLITE_CONSTRAINT_FOREIGNKEY') throw error;
        throw new ServiceError(
          'CONFLICT',
          'Exempeldata kan inte tas bort: uppgifter som placeringar, kontroller eller anteckningar hänvisar till exempelhemmen. Ingenting har tagits bort.',
        );
      }
    },

    async load(): Promise<{ homes: number; persons: number }> {
      return repo.inTransaction(db, async (trx) => {
        if ((await repo.countHomes(trx)) > 0) {
          throw new ServiceError(
            'CONFLICT',
            'Exempeldata kan bara laddas i ett tomt register. Registret har redan hem, och exempeldata blandas aldrig med riktiga uppgifter.',
          );
        }
        let persons = 0;
        for (const home of demoHomes) {
          await repo.saveHome(
            trx,
            {
              id: home.id,
              kind: home.kind,
              name: home.name,
              orgNr: home.orgNr ?? null,
              operator: home.operator ?? null,
              municipality: home.municipality,
              capacity: home.capacity ?? null,
              targetGroup: home.targetGroup ? JSON.stringify(home.targetGroup) : null,
              agency: home.agency ?? null,
              active: home.active ?? true,
            },
            (home.persons ?? []).map(([id, name, role, birthYear]) => ({ id, name, role, birthYear })),
          );
          persons += home.persons?.length ?? 0;
        }
        return { homes: demoHomes.length, persons };
      });
    },
  };
}

export type DemoService = ReturnType<typeof createDemoService>;
