import { describe, expect, it } from 'vitest';
import { STAFF_ROLES } from '../model/entities';
import {
  CASE_EVENT_PERMISSION,
  PERMISSIONS,
  ROLE_PERMISSIONS,
  caseEventPermission,
  permissionsOf,
  permissionsTableMarkdown,
  roleMay,
  rolesMay,
  rolesMayAppend,
} from './permissions';

describe('the role table', () => {
  it('lists every permission once, each held by known roles and always by an administrator', () => {
    expect(new Set(PERMISSIONS).size).toBe(PERMISSIONS.length);
    expect(Object.keys(ROLE_PERMISSIONS).sort()).toEqual([...PERMISSIONS].sort());
    for (const permission of PERMISSIONS) {
      for (const role of ROLE_PERMISSIONS[permission]) expect(STAFF_ROLES).toContain(role);
      expect(roleMay('admin', permission)).toBe(true);
    }
  });

  it('keeps the separation DOMAIN.md section 8 names', () => {
    // The clerk registers and answers; dispatch and urging belong to the shift lead.
    expect(rolesMay(['clerk'], 'case.register')).toBe(true);
    expect(rolesMay(['clerk'], 'case.dispatch')).toBe(false);
    expect(rolesMay(['shiftLead'], 'case.dispatch')).toBe(true);
    expect(rolesMay(['shiftLead'], 'case.urge')).toBe(true);
    // Supervision, review, responsibility, invalidity and exemption belong to the office.
    for (const p of [
      'case.supervise',
      'case.review',
      'case.determineResponsibility',
      'case.markInvalid',
      'case.exempt',
    ] as const) {
      expect(rolesMay(['clerk'], p)).toBe(false);
      expect(rolesMay(['handler'], p)).toBe(false);
      expect(rolesMay(['supervisor'], p)).toBe(true);
    }
    // The unit handler accepts, returns and replies; nothing at the desk's settings.
    expect(rolesMay(['handler'], 'case.accept')).toBe(true);
    expect(rolesMay(['handler'], 'case.register')).toBe(false);
    expect(rolesMay(['handler'], 'accounts.manage')).toBe(false);
    expect(rolesMay(['supervisor'], 'accounts.manage')).toBe(false);
    // Supervisors and administrators read confidential cases by role (a case's own handlers are
    // per case: shared/access/mask.ts).
    expect(STAFF_ROLES.filter((role) => roleMay(role, 'case.readConfidential'))).toEqual([
      'supervisor',
      'admin',
    ]);
  });

  it('gives several roles the union of their permissions, and no role nothing', () => {
    expect(rolesMay([], 'print')).toBe(false);
    expect(permissionsOf([])).toEqual([]);
    const both = permissionsOf(['clerk', 'handler']);
    expect(both).toContain('case.register');
    expect(both).toContain('case.accept');
    expect(both).not.toContain('case.dispatch');
    expect(permissionsOf(['admin'])).toEqual([...PERMISSIONS]);
  });

  it('names a permission for every case event', () => {
    expect(caseEventPermission('case/received')).toBe('case.register');
    expect(caseEventPermission('case/supervised')).toBe('case.supervise');
    expect(caseEventPermission('case/followUpWaived')).toBe('case.followUp');
    for (const permission of Object.values(CASE_EVENT_PERMISSION))
      expect(PERMISSIONS).toContain(permission);
    expect(rolesMayAppend(['handler'], 'case/supervised')).toBe(false);
    expect(rolesMayAppend(['supervisor'], 'case/supervised')).toBe(true);
  });

  it('prints a table with a row per permission and a column per role', () => {
    const lines = permissionsTableMarkdown().split('\n');
    expect(lines).toHaveLength(PERMISSIONS.length + 2);
    expect(lines[0]).toMatch(
      /^\| permission +\| clerk +\| shiftLead +\| supervisor +\| handler +\| admin +\|$/,
    );
    const dispatch = lines.find((line) => line.includes('`case.dispatch`')) ?? '';
    expect(dispatch.split('|').map((cell) => cell.trim())).toEqual([
      '',
      '`case.dispatch`',
      '',
      '✓',
      '',
      '',
      '✓',
      '',
    ]);
  });
});
