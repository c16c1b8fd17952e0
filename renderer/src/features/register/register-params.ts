/**
 * The register's filter and sort in the address (`#/register?kind=complaint&sort=deadlineAsc`),
 * so a reload, the back button or a copied link keeps them.
 */
import {
  REGISTER_DEFAULT_SORT,
  REGISTER_SORTS,
  type RegisterFilter,
  type RegisterSort,
  type RegisterStatusFilter,
} from '@shared/register/query';

/** The address parameter of each filter field (short, stable: links are shared). */
const PARAMS = {
  receivedFrom: 'from',
  receivedTo: 'to',
  kindId: 'kind',
  categoryId: 'category',
  levelId: 'level',
  status: 'status',
  unitId: 'unit',
  handlerName: 'handler',
  channelId: 'channel',
  overdue: 'overdue',
  matterId: 'matter',
  text: 'q',
  deskCode: 'desk',
} as const satisfies { readonly [K in keyof RegisterFilter]-?: string };

type TextField = Exclude<keyof RegisterFilter, 'overdue' | 'status'>;

const TEXT_FIELDS = Object.keys(PARAMS).filter(
  (field): field is TextField => field !== 'overdue' && field !== 'status',
);

export interface RegisterView {
  readonly filter: RegisterFilter;
  readonly sort: RegisterSort;
}

/** Reads the filter and sort from the address; unknown sorts fall back to the default. */
export function registerViewFromParams(params: URLSearchParams): RegisterView {
  const filter: { -readonly [K in keyof RegisterFilter]: RegisterFilter[K] } = {};
  for (const field of TEXT_FIELDS) {
    const value = params.get(PARAMS[field]);
    if (value) filter[field] = value;
  }
  const status = params.get(PARAMS.status);
  // Checked against the rules with the rest of the filter (registerCriteria).
  if (status) filter.status = status as RegisterStatusFilter;
  if (params.get(PARAMS.overdue) === '1') filter.overdue = true;
  const sort = params.get('sort');
  return {
    filter,
    sort: REGISTER_SORTS.includes(sort as RegisterSort)
      ? (sort as RegisterSort)
      : REGISTER_DEFAULT_SORT,
  };
}

/** The address parameters of a filter and sort (empty fields and the default sort left out). */
export function registerViewToParams(view: RegisterView): URLSearchParams {
  const params = new URLSearchParams();
  for (const field of TEXT_FIELDS) {
    const value = view.filter[field];
    if (value) params.set(PARAMS[field], value);
  }
  if (view.filter.status) params.set(PARAMS.status, view.filter.status);
  if (view.filter.overdue) params.set(PARAMS.overdue, '1');
  if (view.sort !== REGISTER_DEFAULT_SORT) params.set('sort', view.sort);
  return params;
}

/** Whether any filter is set (the "clear filters" button shows then). */
export function registerViewIsFiltered(view: RegisterView): boolean {
  return Object.values(view.filter).some(
    (value) => value !== undefined && value !== '' && value !== false,
  );
}
