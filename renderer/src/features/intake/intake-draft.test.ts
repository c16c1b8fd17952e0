import { afterEach, describe, expect, it } from 'vitest';
import type { IsoInstant } from '@shared/kernel/brand';
import { PRESETS } from '@shared/rules/presets';
import { intakeChoicesForget, intakeChoicesRemember, intakeDraftEmpty } from './intake-draft';

const NOW = '2026-11-23T01:15:00.000Z' as IsoInstant;
const ZONE = 'Asia/Shanghai';

describe('intakeDraftEmpty', () => {
  afterEach(() => intakeChoicesForget());

  it('starts a hotline call at 一般诉求 by phone, received now', () => {
    const draft = intakeDraftEmpty(PRESETS.hotline, NOW, ZONE);
    expect(draft).toMatchObject({
      kindId: 'appeal',
      channelId: 'phone',
      levelId: 'general',
      receivedAtLocal: '2026-11-23T09:15',
    });
  });

  it('keeps the last saved choices for the next form of the session', () => {
    const second = PRESETS.hotline.channels[1]?.id;
    expect(second).toBeDefined();
    intakeChoicesRemember({ channelId: second ?? '', kindId: 'help', levelId: 'major' });
    expect(intakeDraftEmpty(PRESETS.hotline, NOW, ZONE)).toMatchObject({
      channelId: second,
      kindId: 'help',
      levelId: 'major',
    });
  });

  it('drops a remembered choice the rules no longer offer', () => {
    intakeChoicesRemember({ channelId: 'carrierPigeon', kindId: 'help', levelId: 'level9' });
    expect(intakeDraftEmpty(PRESETS.hotline, NOW, ZONE)).toMatchObject({
      channelId: 'phone',
      kindId: 'help',
      levelId: 'general',
    });
  });
});
