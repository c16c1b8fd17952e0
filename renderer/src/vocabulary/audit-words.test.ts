import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '@shared/model/entities';
import { auditActionLabel } from './words';

describe('auditActionLabel', () => {
  it('names every audit action in both languages', () => {
    for (const action of AUDIT_ACTIONS) {
      expect(auditActionLabel(action, 'zh-CN'), action).toMatch(/\S/);
      expect(auditActionLabel(action, 'en'), action).toMatch(/\S/);
    }
    expect(auditActionLabel('case.viewed', 'zh-CN')).toBe('查看保密件');
  });
});
