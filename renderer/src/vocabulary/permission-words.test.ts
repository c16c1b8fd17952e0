import { describe, expect, it } from 'vitest';
import { PERMISSIONS } from '@shared/access/permissions';
import { permissionLocale, permissionWordKey } from './permission-words';

describe('the words of the permissions', () => {
  it('name every permission in both languages, each once', () => {
    for (const words of [permissionLocale.zh, permissionLocale.en]) {
      const named = PERMISSIONS.map((permission) => {
        const [, key] = permissionWordKey(permission).split('.');
        return (words as Record<string, string>)[key ?? ''];
      });
      expect(named.filter((w) => !w)).toEqual([]);
      expect(new Set(named).size).toBe(PERMISSIONS.length);
      expect(Object.keys(words)).toHaveLength(PERMISSIONS.length);
    }
  });

  it('keys a permission without the dots i18next would read as nesting', () => {
    expect(permissionWordKey('case.supervise')).toBe('permission.case_supervise');
    expect(permissionWordKey('restoreCase')).toBe('permission.restoreCase');
  });
});
