import { isolateBidi } from '@shared/kernel/bidi';
import { useTranslation } from 'react-i18next';
import type { CaseEntity } from '@shared/model/entities';
import { rulesKind, rulesLabel } from '@shared/rules/rules-query';
import { caseIsOpen } from '@shared/workflow/reducer';
import { useDeskState } from '../desk/desk-state';
import { formatDateTime } from '../vocabulary/format';
import type { CaseListColumn } from './CaseListTable';
import { DeadlineText } from './DeadlineText';

export type CaseColumn = CaseListColumn<CaseEntity>;

/** Builds a column from its heading (already translated: each list has its own words). */
type CaseColumnOf = (header: string) => CaseColumn;

export interface CaseColumns {
  /** The case number, linking to the case page. */
  readonly number: CaseColumnOf;
  readonly receivedAt: CaseColumnOf;
  /** The customer's name, or a dash. */
  readonly customer: CaseColumnOf;
  readonly subject: CaseColumnOf;
  /** The kind in the desk's language (its id where the rules no longer know it). */
  readonly kind: CaseColumnOf;
  readonly status: CaseColumnOf;
  /** The deadline with what is left, exemption and the overdue and due-soon marks. */
  readonly deadline: CaseColumnOf;
}

/**
 * The columns that several case lists show alike; a list adjusts one by spreading it
 * (`{ ...columns.subject(header), maxWidth: 320 }`) and writes its own columns beside them.
 */
export function useCaseColumns(): CaseColumns {
  const { t } = useTranslation();
  const { rules, locale, deadlineContext } = useDeskState();
  return {
    number: (header) => ({ id: 'number', header, linksToCase: true, cell: (item) => item.number }),
    receivedAt: (header) => ({
      id: 'receivedAt',
      header,
      noWrap: true,
      cell: (item) => formatDateTime(item.receivedAt, deadlineContext.timeZone),
    }),
    customer: (header) => ({
      id: 'customer',
      header,
      cell: (item) => isolateBidi(item.customer.name) || '—',
    }),
    subject: (header) => ({ id: 'subject', header, cell: (item) => isolateBidi(item.subject) }),
    kind: (header) => ({
      id: 'kind',
      header,
      cell: (item) => {
        const kind = rulesKind(rules, item.kindId);
        return kind ? rulesLabel(kind.label, locale) : item.kindId;
      },
    }),
    status: (header) => ({
      id: 'status',
      header,
      noWrap: true,
      cell: (item) => t(`status.${item.status}`),
    }),
    deadline: (header) => ({
      id: 'deadline',
      header,
      noWrap: true,
      cell: (item) => (
        <DeadlineText
          deadline={item.deadline}
          showRemaining
          exempt={item.exemptReason !== undefined}
          exemptReason={item.exemptReason}
          open={caseIsOpen(item)}
        />
      ),
    }),
  };
}
