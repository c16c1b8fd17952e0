import EditNoteIcon from '@mui/icons-material/EditNote';
import ListAltIcon from '@mui/icons-material/ListAlt';
import type { ReactElement } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { CasePage } from '../features/case/CasePage';
import { IntakePage } from '../features/intake/IntakePage';
import { RegisterPage } from '../features/register/RegisterPage';

/** One entry of the main menu; `labelKey` is an i18n key. */
export interface NavItem {
  readonly to: string;
  readonly labelKey: string;
  readonly icon: ReactElement;
}

/**
 * The screens of the desk, one line per feature. Features add their routes and menu entries
 * here; the screens themselves live in `features/<name>/`.
 */
export const FEATURE_ROUTES: RouteObject[] = [
  { path: 'intake', element: <IntakePage /> },
  { path: 'register', element: <RegisterPage /> },
  { path: 'cases/:caseId', element: <CasePage /> },
];

export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/intake', labelKey: 'nav.intake', icon: <EditNoteIcon /> },
  { to: '/register', labelKey: 'nav.register', icon: <ListAltIcon /> },
];

/** Where the desk opens, and where unknown addresses go. */
export const HOME_PATH = '/register';

export const FALLBACK_ROUTES: RouteObject[] = [
  { index: true, element: <Navigate to={HOME_PATH} replace /> },
  { path: '*', element: <Navigate to={HOME_PATH} replace /> },
];
