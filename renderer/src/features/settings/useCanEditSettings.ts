import { rolesMay, type Permission } from '@shared/access/permissions';
import { useDeskState } from '../../desk/desk-state';

/**
 * Whether the operator at the keyboard may change the settings `permission` names (the rules,
 * units and staff by default: administrators); the repositories refuse the others anyway.
 */
export function useCanEditSettings(permission: Permission = 'settings.rules'): boolean {
  return rolesMay(useDeskState().operator.roles, permission);
}
