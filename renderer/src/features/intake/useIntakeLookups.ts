import { useLiveQuery } from 'dexie-react-hooks';
import type { IsoInstant } from '@shared/kernel/brand';
import type { DuplicateCandidate, DuplicateProbe } from '@shared/intake/duplicates';
import { duplicatePhoneKey } from '@shared/intake/duplicates';
import type { CaseEntity, CustomerEntity } from '@shared/model/entities';
import type { RegisterViewer } from '@shared/register/query';
import { casesOfCustomer } from '../../db/repos/cases';
import { customersByAddress, customersByPhone, customersForViewer } from '../../db/repos/customers';
import { duplicateWindowDays, duplicatesFind } from '../../db/repos/duplicates';
import { useDeskServices } from '../../desk/services';

/** The most files and duplicates the side panel shows. */
const FILES_SHOWN = 3;
const DUPLICATES_SHOWN = 5;

export interface IntakeFile {
  readonly customer: CustomerEntity;
  /** Open ones first, then newest received. */
  readonly cases: readonly CaseEntity[];
}

export interface IntakeLookups {
  readonly files: readonly IntakeFile[];
  readonly duplicates: readonly DuplicateCandidate<CaseEntity>[];
  readonly windowDays: number;
}

/** The text fields the lookups depend on, as typed. */
export type IntakeProbeText = Omit<DuplicateProbe, 'at'>;

/**
 * The customer files that match the phone or the room, with their cases, and the possible
 * duplicates (DOMAIN.md section 2). Live: a case registered meanwhile shows at once.
 */
export function useIntakeLookups(
  probe: IntakeProbeText,
  at: IsoInstant,
  viewer: RegisterViewer,
): IntakeLookups | undefined {
  const { db } = useDeskServices();
  return useLiveQuery(async () => {
    const [byPhone, byAddress, windowDays] = await Promise.all([
      duplicatePhoneKey(probe.phone).length >= 5 ? customersByPhone(db, probe.phone) : [],
      customersByAddress(db, probe.address),
      duplicateWindowDays(db),
    ]);
    const customers = await customersForViewer(
      db,
      [...new Map([...byPhone, ...byAddress].map((c) => [c.id, c])).values()],
      viewer,
    );
    const files = await Promise.all(
      customers.slice(0, FILES_SHOWN).map(async (customer) => ({
        customer,
        cases: await casesOfCustomer(db, customer.id, viewer),
      })),
    );
    const duplicates = await duplicatesFind(
      db,
      { ...probe, at },
      { windowDays, viewer, limit: DUPLICATES_SHOWN },
    );
    return { files, duplicates, windowDays };
  }, [db, probe.phone, probe.address, probe.subject, probe.content, at, viewer]);
}
