/** A home as read, as the input that saves it again from the version read (row versions, issue 18). */
import type { Home, HomeInput } from '../preload/api';

export const saveInputOf = (home: Home): HomeInput => ({
  id: home.id,
  rowVersion: home.rowVersion,
  kind: home.kind,
  name: home.name,
  orgNr: home.orgNr,
  operator: home.operator,
  municipality: home.municipality,
  capacity: home.capacity,
  targetGroup: home.targetGroup,
  agency: home.agency,
  persons: home.persons.map(({ homeId: _homeId, ...person }) => person),
});
