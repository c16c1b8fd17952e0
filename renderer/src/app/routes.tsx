import ContactPhoneIcon from '@mui/icons-material/ContactPhone';
import EditNoteIcon from '@mui/icons-material/EditNote';
import HomeIcon from '@mui/icons-material/Home';
import InsightsIcon from '@mui/icons-material/Insights';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import PhoneCallbackIcon from '@mui/icons-material/PhoneCallback';
import ListAltIcon from '@mui/icons-material/ListAlt';
import MenuBookIcon from '@mui/icons-material/MenuBook';
import SettingsIcon from '@mui/icons-material/Settings';
import type { ReactElement } from 'react';
import type { Permission } from '@shared/access/permissions';
import { Navigate, type RouteObject } from 'react-router';
import { CasePage } from '../features/case/CasePage';
import { FollowUpQueuePage } from '../features/followup/FollowUpQueuePage';
import { HomePage } from '../features/home/HomePage';
import { QueueListPage } from '../features/home/QueueListPage';
import { CalendarSettingsPage } from '../features/settings/calendar/CalendarSettingsPage';
import { CustomerFilePage } from '../features/customers/CustomerFilePage';
import { CustomersPage } from '../features/customers/CustomersPage';
import { IntakePage } from '../features/intake/IntakePage';
import { KnowledgePage } from '../features/knowledge/KnowledgePage';
import { RegisterPage } from '../features/register/RegisterPage';
import { ReportsPage } from '../features/reports/ReportsPage';
import { ImportPage } from '../features/import/ImportPage';
import { AidsSettingsPage } from '../features/settings/aids/AidsSettingsPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { SecuritySettingsPage } from '../features/settings/security/SecuritySettingsPage';
import { SyncSettingsPage } from '../features/sync/SyncSettingsPage';
import { StaffPage } from '../features/settings/staff/StaffPage';
import { AuditPage } from '../features/settings/audit/AuditPage';
import { UnitsPage } from '../features/settings/units/UnitsPage';
import { PrintPreviewPage } from '../features/print/PrintPreviewPage';
import { PrintSettingsPage } from '../features/print/PrintSettingsPage';
import { BackupPage } from '../features/backup/BackupPage';

/** One entry of the main menu; `labelKey` is an i18n key. */
export interface NavItem {
  readonly to: string;
  readonly labelKey: string;
  readonly icon: ReactElement;
  /** Shown only to roles that hold it (shared/access/permissions.ts). */
  readonly permission?: Permission;
}

/**
 * The screens of the desk, one line per feature. Features add their routes and menu entries
 * here; the screens themselves live in `features/<name>/`.
 */
export const FEATURE_ROUTES: RouteObject[] = [
  { index: true, element: <HomePage /> },
  { path: 'queues/:queueId', element: <QueueListPage /> },
  { path: 'follow-up', element: <FollowUpQueuePage /> },
  { path: 'settings/calendar', element: <CalendarSettingsPage /> },
  { path: 'intake', element: <IntakePage /> },
  { path: 'register', element: <RegisterPage /> },
  { path: 'cases/:caseId', element: <CasePage /> },
  { path: 'customers', element: <CustomersPage /> },
  { path: 'customers/:customerId', element: <CustomerFilePage /> },
  { path: 'knowledge', element: <KnowledgePage /> },
  { path: 'settings', element: <SettingsPage /> },
  { path: 'settings/units', element: <UnitsPage /> },
  { path: 'settings/staff', element: <StaffPage /> },
  { path: 'settings/audit', element: <AuditPage /> },
  { path: 'settings/aids', element: <AidsSettingsPage /> },
  { path: 'settings/security', element: <SecuritySettingsPage /> },
  { path: 'settings/sync', element: <SyncSettingsPage /> },
  { path: 'print/:form', element: <PrintPreviewPage /> },
  { path: 'settings/print', element: <PrintSettingsPage /> },
  { path: 'settings/backup', element: <BackupPage /> },
  { path: 'reports', element: <ReportsPage /> },
  { path: 'import', element: <ImportPage /> },
];

export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', labelKey: 'home.nav', icon: <HomeIcon /> },
  { to: '/intake', labelKey: 'nav.intake', icon: <EditNoteIcon /> },
  { to: '/register', labelKey: 'nav.register', icon: <ListAltIcon /> },
  { to: '/follow-up', labelKey: 'followUp.nav', icon: <PhoneCallbackIcon /> },
  { to: '/customers', labelKey: 'customers.nav', icon: <ContactPhoneIcon /> },
  { to: '/knowledge', labelKey: 'knowledge.nav', icon: <MenuBookIcon /> },
  { to: '/reports', labelKey: 'nav.reports', icon: <InsightsIcon />, permission: 'reports.view' },
  { to: '/import', labelKey: 'nav.import', icon: <UploadFileIcon />, permission: 'import' },
  { to: '/settings', labelKey: 'settings.nav', icon: <SettingsIcon /> },
];

/** Where the desk opens, and where unknown addresses go. */
export const HOME_PATH = '/';

export const FALLBACK_ROUTES: RouteObject[] = [
  { path: '*', element: <Navigate to={HOME_PATH} replace /> },
];
