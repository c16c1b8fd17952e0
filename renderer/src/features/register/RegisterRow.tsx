import { Box, Chip, Link, TableCell, TableRow, Typography } from '@mui/material';
import type { KeyboardEvent, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { CaseId } from '../../../../shared/brand';
import type { CaseEntity } from '../../../../shared/entities';
import { caseDeadlineState } from '../../../../shared/queues';
import { rulesCategoryPath, rulesKind, rulesLabel } from '../../../../shared/rules-query';
import { caseIsOpen } from '../../../../shared/workflow/reducer';
import { useDeskState } from '../../app/desk-state';
import { useDeskServices } from '../../app/services';
import { formatDateTime } from '../../app/format';
import { DeadlineText } from '../../ui/DeadlineText';

export interface RegisterRowProps {
  readonly item: CaseEntity;
  /** Whether the operator may read it (a confidential case is masked otherwise). */
  readonly readable: boolean;
  /** How many cases its matter has (more than one: linked). */
  readonly matterSize: number;
  readonly selected: boolean;
  /** The one row Tab reaches (the keyboard cursor). */
  readonly tabbable: boolean;
  readonly rowRef: Ref<HTMLTableRowElement>;
  readonly onSelect: () => void;
  readonly onKeyDown: (event: KeyboardEvent<HTMLTableRowElement>) => void;
  readonly onMatter: (matterId: CaseId) => void;
}

const SECONDARY = { display: 'block', color: 'text.secondary', fontSize: '0.85em' } as const;

/** One line of the register; overdue and due-soon lines are marked at the left edge too. */
export function RegisterRow({
  item,
  readable,
  matterSize,
  selected,
  tabbable,
  rowRef,
  onSelect,
  onKeyDown,
  onMatter,
}: Readonly<RegisterRowProps>) {
  const { t } = useTranslation();
  const { rules, locale, deadlineContext } = useDeskState();
  const { now } = useDeskServices();
  const kind = rulesKind(rules, item.kindId);
  const category =
    readable && item.categoryId
      ? rulesCategoryPath(rules, item.kindId, item.categoryId)
          .map((c) => rulesLabel(c.label, locale))
          .join(' / ')
      : '';
  const open = caseIsOpen(item);
  const state = open
    ? caseDeadlineState(item.deadline, now(), deadlineContext, {
        exempt: item.exemptReason !== undefined,
      })
    : 'none';
  const edge =
    state === 'overdue' ? 'error.main' : state === 'dueSoon' ? 'warning.main' : 'transparent';

  return (
    <TableRow
      hover
      selected={selected}
      aria-selected={selected}
      tabIndex={tabbable ? 0 : -1}
      ref={rowRef}
      onClick={onSelect}
      onFocus={onSelect}
      onKeyDown={onKeyDown}
      sx={{
        cursor: 'default',
        '& > td:first-of-type': { borderLeft: 4, borderLeftColor: edge },
        '&:focus-visible': { outline: 2, outlineColor: 'primary.main', outlineOffset: -2 },
      }}
    >
      <TableCell sx={{ whiteSpace: 'nowrap' }}>
        {readable ? (
          <Link component={RouterLink} to={`/cases/${item.id}`} tabIndex={-1}>
            {item.number}
          </Link>
        ) : (
          item.number
        )}
        {matterSize > 1 ? (
          <Chip
            size="small"
            variant="outlined"
            color="secondary"
            label={t('register.matter', { count: matterSize })}
            title={t('register.matterTitle')}
            onClick={(event) => {
              event.stopPropagation();
              onMatter(item.matterId);
            }}
            tabIndex={-1}
            sx={{ display: 'flex', mt: 0.5, width: 'fit-content' }}
          />
        ) : null}
      </TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>
        {formatDateTime(item.receivedAt, deadlineContext.timeZone)}
      </TableCell>
      <TableCell sx={{ minWidth: 130 }}>
        {readable ? (
          <>
            {item.customer.name || '—'}
            {item.customer.address || item.customer.phone ? (
              <Box component="span" sx={SECONDARY}>
                {[item.customer.address, item.customer.phone].filter(Boolean).join(' · ')}
              </Box>
            ) : null}
          </>
        ) : (
          t('register.masked')
        )}
      </TableCell>
      <TableCell sx={{ minWidth: 120, maxWidth: 300 }}>
        {readable ? (
          item.subject
        ) : (
          <Typography component="span" color="text.secondary" sx={{ fontSize: 'inherit' }}>
            {t('register.maskedSubject')}
          </Typography>
        )}
      </TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>
        {kind ? rulesLabel(kind.label, locale) : item.kindId}
      </TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>{category}</TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>{t(`status.${item.status}`)}</TableCell>
      <TableCell>
        {readable ? (
          <>
            {item.unitName ?? ''}
            {item.handlerName ? (
              <Box component="span" sx={SECONDARY}>
                {item.handlerName}
              </Box>
            ) : null}
          </>
        ) : null}
      </TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>
        <DeadlineText
          deadline={item.deadline}
          showRemaining
          exempt={item.exemptReason !== undefined}
          exemptReason={item.exemptReason}
          open={open}
        />
      </TableCell>
    </TableRow>
  );
}
