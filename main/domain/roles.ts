/**
 * Who may do what (issue: users and roles). Three roles, each with everything of the one before:
 * a handläggare works with placements, children, checks and notes; an enhetschef also runs audits,
 * removes records with a reason and reads the access log; an administratör also edits users and
 * the rule settings. Which role each channel needs is one table in main (main/ipc/permissions).
 */
export const roles = ['handlaggare', 'enhetschef', 'administrator'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  handlaggare: 'Handläggare',
  enhetschef: 'Enhetschef',
  administrator: 'Administratör',
};

/** Whether `role` has what `needed` has (the roles are ordered, each with the rights of the one before). */
export function roleAllows(role: Role, needed: Role): boolean {
  return roles.indexOf(role) >= roles.indexOf(needed);
}
