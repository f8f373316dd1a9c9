/** A user signed in to `services`, as the window's calls need one (main/ipc/gate). Fictional names. */
import type { Services } from '../main/services';
import type { Role } from '../main/domain/roles';

const names: Record<Role, string> = {
  handlaggare: 'Hanna Handläggarsson',
  enhetschef: 'Elin Enhetschefsson',
  administrator: 'Ada Administratörsson',
};

export async function signInAs(services: Services, role: Role = 'administrator'): Promise<string> {
  const name = names[role];
  const initials = name.split(' ').map((part) => part[0]).join('');
  const existing = (await services.users.list()).find((user) => user.name === name);
  const id = existing?.id ?? (await services.users.insert({ name, initials, role, units: ['Barn och unga'], active: true, pin: null }));
  await services.users.signIn({ userId: id });
  return id;
}
