import { isolateBidi } from '@shared/kernel/bidi';
import { Box, Chip, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { CaseId } from '@shared/kernel/brand';
import type { CaseEntity } from '@shared/model/entities';
import { rulesCategoryPath, rulesLabel } from '@shared/rules/rules-query';
import { useLiveQuery } from 'dexie-react-hooks';
import { unitList } from '../../db/repos/units';
import { useDeskState } from '../../desk/desk-state';
import { useDeskServices } from '../../desk/services';
import { useRegisterDesks } from './useRegisterDesks';
import type { CaseListSort } from '../../ui/CaseListTable';
import { useCaseColumns, type CaseColumn } from '../../ui/useCaseColumns';

export interface RegisterColumnsOptions {
  /** Whether the operator may read the case (a confidential case is masked otherwise). */
  readonly readable: (item: CaseEntity) => boolean;
  /** How many cases each matter has (more than one: linked). */
  readonly matterSizes: ReadonlyMap<CaseId, number>;
  readonly onMatter: (matterId: CaseId) => void;
  /** The sortable headings (number, received, deadline): their direction and their click. */
  readonly sortOf: (column: 'number' | 'receivedAt' | 'deadline') => CaseListSort;
}

const SECONDARY = { display: 'block', color: 'text.secondary', fontSize: '0.85em' } as const;

/** The register's columns; a confidential case the operator may not read is masked in them. */
export function useRegisterColumns({
  readable,
  matterSizes,
  onMatter,
  sortOf,
}: Readonly<RegisterColumnsOptions>): CaseColumn[] {
  const { t } = useTranslation();
  const { rules, locale } = useDeskState();
  const caseColumns = useCaseColumns();
  const { db } = useDeskServices();
  const desks = useRegisterDesks();
  const units = useLiveQuery(() => unitList(db), [db]);
  const servedBy = new Map((units ?? []).map((u) => [u.id as string, u.deskCode]));
  const matterSize = (item: CaseEntity) => matterSizes.get(item.matterId) ?? 1;
  return [
    {
      ...caseColumns.number(t('register.columns.number')),
      noWrap: true,
      sort: sortOf('number'),
      after: (item) =>
        matterSize(item) > 1 ? (
          <Chip
            size="small"
            variant="outlined"
            color="secondary"
            label={t('register.matter', { count: matterSize(item) })}
            title={t('register.matterTitle')}
            onClick={(event) => {
              event.stopPropagation();
              onMatter(item.matterId);
            }}
            tabIndex={-1}
            sx={{ display: 'flex', mt: 0.5, width: 'fit-content' }}
          />
        ) : null,
    },
    { ...caseColumns.receivedAt(t('register.columns.receivedAt')), sort: sortOf('receivedAt') },
    {
      id: 'customer',
      header: t('register.columns.customer'),
      minWidth: 130,
      cell: (item) =>
        readable(item) ? (
          <>
            {isolateBidi(item.customer.name) || '—'}
            {item.customer.address || item.customer.phone ? (
              <Box component="span" sx={SECONDARY}>
                {[item.customer.address, item.customer.phone]
                  .filter(Boolean)
                  .map(isolateBidi)
                  .join(' · ')}
              </Box>
            ) : null}
          </>
        ) : (
          t('register.masked')
        ),
    },
    {
      id: 'subject',
      header: t('register.columns.subject'),
      minWidth: 120,
      maxWidth: 300,
      cell: (item) =>
        readable(item) ? (
          isolateBidi(item.subject)
        ) : (
          <Typography component="span" color="text.secondary" sx={{ fontSize: 'inherit' }}>
            {t('register.maskedSubject')}
          </Typography>
        ),
    },
    { ...caseColumns.kind(t('register.columns.kind')), noWrap: true },
    {
      id: 'category',
      header: t('register.columns.category'),
      noWrap: true,
      cell: (item) =>
        readable(item) && item.categoryId
          ? rulesCategoryPath(rules, item.kindId, item.categoryId)
              .map((c) => rulesLabel(c.label, locale))
              .join(' / ')
          : '',
    },
    caseColumns.status(t('register.columns.status')),
    // Where the case came from and, when its unit is served by another desk, where it went: only
    // on a database that syncs (a desk alone has one desk).
    ...(desks.shown
      ? [
          {
            id: 'desk',
            header: t('register.columns.desk'),
            noWrap: true,
            cell: (item: CaseEntity) => {
              const origin = item.originDeskCode ?? desks.ownCode;
              const served = item.unitId === undefined ? undefined : servedBy.get(item.unitId);
              return (
                <>
                  {origin ?? t('register.ownDesk')}
                  {readable(item) && served && served !== origin ? (
                    <Box component="span" sx={SECONDARY}>
                      {t('register.servedBy', { code: served })}
                    </Box>
                  ) : null}
                </>
              );
            },
          } satisfies CaseColumn,
        ]
      : []),
    {
      id: 'handler',
      header: t('register.columns.handler'),
      cell: (item) =>
        readable(item) ? (
          <>
            {item.unitName ?? ''}
            {item.handlerName ? (
              <Box component="span" sx={SECONDARY}>
                {item.handlerName}
              </Box>
            ) : null}
          </>
        ) : null,
    },
    { ...caseColumns.deadline(t('register.columns.deadline')), sort: sortOf('deadline') },
  ];
}
