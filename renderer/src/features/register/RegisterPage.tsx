import { Alert, Box, Button, Chip, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseId } from '@shared/kernel/brand';
import { registerCriteria, type RegisterViewer } from '@shared/register/query';
import { caseGet } from '../../db/repos/cases';
import { registerCounts } from '../../db/repos/register';
import { useDeskState } from '../../desk/desk-state';
import { useDeskServices } from '../../desk/services';
import { registerViewIsFiltered, registerViewToParams } from './register-params';
import { RegisterPrintButtons } from '../print/RegisterPrintButtons';
import { RegisterFilterBar } from './RegisterFilterBar';
import { RegisterTable, type RegisterTableHandle } from './RegisterTable';
import { useRegisterRows } from './useRegisterRows';
import { useRegisterView } from './useRegisterView';

/**
 * The register (登记表): every case, filtered, searched and sorted as the clerk asks (kept in
 * the address), paged by key, with the counts of cases and of matters.
 */
export function RegisterPage() {
  const { t } = useTranslation();
  const desk = useDeskState();
  const { db, now } = useDeskServices();
  const { view, setFilter, setSort, clearFilter, showMatter } = useRegisterView();
  const tableRef = useRef<RegisterTableHandle>(null);
  const { operator } = desk;
  const viewer: RegisterViewer = operator;
  const viewKey = registerViewToParams(view).toString();

  // `now` is read when the view changes: "overdue" means overdue when the filter was set.
  const checked = useMemo(
    () =>
      registerCriteria(view.filter, {
        rules: desk.rules,
        timeZone: desk.deadlineContext.timeZone,
        now: now(),
        ...(desk.identity.deskCode ? { ownDeskCode: desk.identity.deskCode } : {}),
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [viewKey, desk.rules, desk.deadlineContext.timeZone, desk.identity.deskCode],
  );
  const criteria = checked.ok ? checked.criteria : undefined;
  const { rows, matterSizes, hasMore, loaded, loadMore } = useRegisterRows(
    criteria,
    view.sort,
    viewer,
    viewKey,
  );
  const counts = useLiveQuery(
    async () => (criteria ? registerCounts(db, criteria, viewer) : null),
    // The view key stands for the criteria (derived from it).
    [db, viewKey, operator.id],
  );
  const matterCase = useLiveQuery(
    async () => (view.filter.matterId ? caseGet(db, view.filter.matterId as CaseId) : undefined),
    [db, view.filter.matterId],
  );
  const filtered = registerViewIsFiltered(view);

  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 2, mb: 2, flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1">
          {t('register.title')}
        </Typography>
        {counts ? (
          <Typography color="text.secondary" data-testid="register-count">
            {t('register.count', { cases: counts.cases, matters: counts.matters })}
          </Typography>
        ) : null}
        {view.filter.matterId ? (
          <Chip
            color="secondary"
            label={t('register.filters.matter', {
              number: matterCase?.number ?? view.filter.matterId,
            })}
            onDelete={() => setFilter({ matterId: undefined })}
          />
        ) : null}
        <Box sx={{ flexGrow: 1 }} />
        <RegisterPrintButtons />
        <Typography variant="body2" color="text.secondary">
          {t('register.keyboardHint')}
        </Typography>
      </Box>
      <RegisterFilterBar
        filter={view.filter}
        errors={checked.ok ? [] : checked.errors}
        onChange={setFilter}
        onClear={filtered ? clearFilter : undefined}
        onSearchArrowDown={() => tableRef.current?.focusRows()}
      />
      {!checked.ok ? (
        <Alert severity="error">{t('register.fixFilter')}</Alert>
      ) : loaded && rows.length === 0 ? (
        <Typography>{filtered ? t('register.noMatch') : t('register.empty')}</Typography>
      ) : (
        <RegisterTable
          ref={tableRef}
          rows={rows}
          matterSizes={matterSizes}
          sort={view.sort}
          onSort={setSort}
          onMatter={showMatter}
          hasMore={hasMore}
          onLoadMore={loadMore}
        />
      )}
      {checked.ok && rows.length > 0 ? (
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mt: 2 }}>
          <Typography variant="body2" color="text.secondary">
            {t('register.shown', { shown: rows.length })}
          </Typography>
          {hasMore ? <Button onClick={loadMore}>{t('register.loadMore')}</Button> : null}
        </Box>
      ) : null}
    </Box>
  );
}
