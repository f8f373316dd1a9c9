import { useSession } from './SignIn';

/**
 * Who a record is made by: the signed-in user, said, never typed (main writes the same name,
 * whatever a form sends). `label` as the form's words: "Registreras av", "Tas bort av".
 */
export function SignedInAs({ label }: { label: string }) {
  const { user } = useSession();
  return (
    <p className="signed-in-as">
      <span className="signed-in-as__label">{label}</span> {user.name}
    </p>
  );
}
