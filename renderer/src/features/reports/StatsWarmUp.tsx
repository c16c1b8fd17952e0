import { useEffect } from 'react';
import { statsHasCases } from '../../db/repos/stats';
import { useDeskState } from '../../desk/desk-state';
import { useDeskServices } from '../../desk/services';
import { statsWarm } from './stats-client';
import { reportWarmUnits, useCurrentChoice } from './useReportData';

/** How long the desk is left alone after it starts before the statistics are counted ahead. */
const WARM_AFTER_MS = 5_000;

/**
 * Counts ahead, in the statistics worker, the figures the reports screen opens on (the current
 * month, the month before, the current quarter and year), so that its first view comes from
 * kept figures: once per page load, a few seconds after sign-in, when the browser is idle and
 * the page visible. Renders nothing. A head office, which registers nothing, does not, nor a
 * desk that starts without cases (a first run: nothing to count in this page load); the worker
 * skips pieces whose kept figures are still valid.
 */
export function StatsWarmUp() {
  const { db, now } = useDeskServices();
  const { rules, headOffice } = useDeskState();
  const current = useCurrentChoice();
  const isHospital = rules.presetId === 'hospital';

  useEffect(() => {
    if (headOffice) return;
    let idle: number | undefined;
    let stopped = false;
    // Whether the desk had cases when it started, asked at once: cases that come later (an
    // import, the first sync) are counted when the screen asks.
    const hadCases = statsHasCases(db).catch(() => false);
    const start = () => {
      // Hidden (another tab, minimised): wait until the page is seen again.
      if (document.visibilityState === 'hidden') {
        document.addEventListener('visibilitychange', start, { once: true });
        return;
      }
      const warm = () =>
        statsWarm(
          db.name,
          now(),
          reportWarmUnits(current, rules, isHospital ? current.year : undefined),
        );
      void hadCases.then((has) => {
        if (!has || stopped) return;
        idle =
          typeof requestIdleCallback === 'function'
            ? requestIdleCallback(warm, { timeout: WARM_AFTER_MS })
            : undefined;
        if (idle === undefined) warm();
      });
    };
    const timer = setTimeout(start, WARM_AFTER_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', start);
      if (idle !== undefined) cancelIdleCallback(idle);
    };
    // Once per page load: not again for each change of the settings or the clock.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, headOffice]);
  return null;
}
