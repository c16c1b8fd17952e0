import { Box } from '@mui/material';
import { isolateBidi } from '@shared/kernel/bidi';
import { useTranslation } from 'react-i18next';
import type { CaseEntity } from '@shared/model/entities';
import { rulesKind, rulesLabel } from '@shared/rules/rules-query';
import { deadlineStanding, standingIsOwed, standingIsLate } from '@shared/register/standing';
import { useDeskState } from '../desk/desk-state';
import { formatDateTime } from '../vocabulary/format';
import type { CaseListColumn } from './CaseListTable';
import { useDeskServices } from '../desk/services';
import { standingWords } from '../vocabulary/standing';
import { CaseDeadlineText } from './CaseDeadlineText';

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
  /**
   * The deadline with what is left, exemption and the overdue and due-soon marks, and below it
   * the dispatch and interim deadlines while owed or when they were missed.
   */
  readonly deadline: CaseColumnOf;
  /** The dispatch deadline alone (the to-dispatch queues). */
  readonly dispatchDeadline: CaseColumnOf;
  /** The interim step's deadline alone (the interim queues). */
  readonly interimDeadline: CaseColumnOf;
}

/**
 * The columns that several case lists show alike; a list adjusts one by spreading it
 * (`{ ...columns.subject(header), maxWidth: 320 }`) and writes its own columns beside them.
 */
export function useCaseColumns(): CaseColumns {
  const { t } = useTranslation();
  const { rules, locale, deadlineContext } = useDeskState();
  const { now } = useDeskServices();
  /** Whether the dispatch or interim deadline is worth a line under the reply deadline. */
  const worthShowing = (item: CaseEntity, kind: 'dispatch' | 'interim') => {
    const standing = deadlineStanding(item, now(), deadlineContext, kind);
    return standingIsOwed(standing) || standingIsLate(standing);
  };
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
        <>
          <CaseDeadlineText caseEntity={item} />
          {(['dispatch', 'interim'] as const)
            .filter((kind) => worthShowing(item, kind))
            .map((kind) => (
              <Box key={kind} component="span" sx={{ display: 'block', mt: 0.5 }}>
                {standingWords(locale).kind[kind]}：
                <CaseDeadlineText caseEntity={item} kind={kind} inline />
              </Box>
            ))}
        </>
      ),
    }),
    dispatchDeadline: (header) => ({
      id: 'dispatchDeadline',
      header,
      noWrap: true,
      cell: (item) => <CaseDeadlineText caseEntity={item} kind="dispatch" />,
    }),
    interimDeadline: (header) => ({
      id: 'interimDeadline',
      header,
      noWrap: true,
      cell: (item) => <CaseDeadlineText caseEntity={item} kind="interim" />,
    }),
  };
}
