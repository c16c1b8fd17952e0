import { staffIsAdmin } from '../../../../shared/staff';
import { useDeskState } from '../../app/desk-state';

/** Whether the operator at the keyboard may change settings, units and staff. */
export function useCanEditSettings(): boolean {
  return staffIsAdmin(useDeskState().operator);
}
