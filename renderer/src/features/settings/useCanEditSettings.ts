import { staffIsAdmin } from '@shared/organisation/staff';
import { useDeskState } from '../../desk/desk-state';

/** Whether the operator at the keyboard may change settings, units and staff. */
export function useCanEditSettings(): boolean {
  return staffIsAdmin(useDeskState().operator);
}
