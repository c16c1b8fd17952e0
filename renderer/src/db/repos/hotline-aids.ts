/**
 * The call scripts and referral directory, stored in the desk's rules (settings key `rules`).
 * Each change replaces only its own part of the rules, read in the same transaction, so an
 * edit of the scripts never undoes someone else's change to the kinds or deadlines.
 */
import {
  aidsReferralsCheck,
  aidsReferralsClean,
  aidsScriptsCheck,
  aidsScriptsClean,
  type AidsError,
} from '@shared/intake/hotline-aids';
import type { CallScripts, DeskRules, ReferralEntry } from '@shared/rules/rules';
import { StorageError } from '../errors';
import type { DeskSession } from '../session';
import { ChangeRefusedError, withRefusals } from './refused';
import { settingsChange, settingsGet } from './settings';
import { sessionRequire } from '../access';

export interface AidsChange {
  /** New scripts; `null` stops using scripts (the desk then shows none at intake). */
  readonly scripts?: CallScripts | null;
  readonly referrals?: readonly ReferralEntry[];
}

/**
 * Writes the scripts and/or the referral directory into the rules, audited (by the session's
 * operator). Throws
 * `ChangeRefusedError<AidsError>` when `aidsScriptsCheck` or `aidsReferralsCheck` refuses.
 */
export async function rulesAidsChange(
  session: DeskSession,
  change: AidsChange,
): Promise<DeskRules> {
  const { db } = session;
  sessionRequire(session, 'settings.aids');
  const problems: AidsError[] = [
    ...(change.scripts ? aidsScriptsCheck(change.scripts) : []),
    ...(change.referrals ? aidsReferralsCheck(change.referrals) : []),
  ];
  if (problems.length > 0) throw new ChangeRefusedError<AidsError>(problems);
  return withRefusals(() =>
    db.transaction('rw', [db.settings, db.audit], async () => {
      const rules = await settingsGet(db, 'rules');
      if (!rules) throw new StorageError('notFound', { message: 'No rules on this desk' });
      const { scripts: _scripts, ...rest } = rules;
      const scripts = change.scripts === undefined ? rules.scripts : (change.scripts ?? undefined);
      const next: DeskRules = {
        ...rest,
        ...(scripts ? { scripts: aidsScriptsClean(scripts) } : {}),
        referrals: change.referrals ? aidsReferralsClean(change.referrals) : rules.referrals,
      };
      await settingsChange(session, 'rules', next, 'settings.aids');
      return next;
    }),
  );
}
