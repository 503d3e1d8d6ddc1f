import { useT } from '../../i18n.ts';

/** A readable name for an action code; a code added later without a message shows as it is. */
export function useActionLabel(): (action: string) => string {
  const t = useT();
  return (action) => t.optional(`auditAction.${action}`) ?? action;
}
