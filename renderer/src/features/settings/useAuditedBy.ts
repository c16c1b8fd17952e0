import { useCallback } from 'react';
import { staffIsAdmin } from '../../../../shared/staff';
import type { AuditedBy } from '../../db/repos/staff';
import { useDeskState } from '../../app/desk-state';
import { useDeskServices } from '../../app/services';

/** Who is making a change, and when, for the audit log: the operator at the keyboard, now. */
export function useAuditedBy(): () => AuditedBy {
  const { operator } = useDeskState();
  const { now } = useDeskServices();
  return useCallback(() => {
    const at = now();
    return { actorId: operator.id, at, wallMs: Date.parse(at) };
  }, [operator.id, now]);
}

/** Whether the operator at the keyboard may change settings, units and staff. */
export function useCanEditSettings(): boolean {
  return staffIsAdmin(useDeskState().operator);
}
