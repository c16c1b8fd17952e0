/**
 * Who may do what (DOMAIN.md section 8, 不越权操作): one table of permissions by role. The data
 * layer refuses a write the session's roles may not make (renderer/src/db/access.ts) and the
 * screens offer only what the roles may do; both read this table and nothing else. The README
 * prints it (a test checks the README's copy equals this one).
 *
 * Case steps are named by the events they append (`caseEventPermission`), so a step recorded
 * through any path (a dialog, an import, a test hook) meets the same check.
 */
import type { StaffRole } from '../model/entities';
import { STAFF_ROLES } from '../model/entities';
import type { WorkQueueId } from '../register/queues';
import type { CaseEventType } from '../workflow/events';

/** Every permission, in the order the README's table lists them. */
export const PERMISSIONS = [
  // Case steps (DOMAIN.md section 2).
  'case.register',
  'case.editFields',
  'case.handleDirectly',
  'case.dispatch',
  'case.accept',
  'case.return',
  'case.reply',
  'case.requestExtension',
  'case.decideExtension',
  'case.urge',
  'case.supervise',
  'case.escalate',
  'case.review',
  'case.consult',
  'case.followUp',
  'case.close',
  'case.reopen',
  'case.determineResponsibility',
  'case.correctiveAction',
  'case.recordInterim',
  'case.changeLevel',
  'case.changeDeadline',
  'case.exempt',
  'case.convert',
  'case.markInvalid',
  'case.note',
  'case.link',
  'case.attach',
  'case.removeAttachment',
  // Reading.
  'case.readConfidential',
  'queue.dispatch',
  'queue.units',
  'queue.deadlines',
  'queue.followUp',
  'queue.escalated',
  'reports.view',
  // Records leaving or entering the desk.
  'print',
  'export',
  'import',
  'backup',
  'restore',
  'restoreCase',
  'purge',
  // Settings.
  'settings.rules',
  'settings.calendar',
  'settings.units',
  'settings.aids',
  'settings.print',
  'settings.sync',
  'knowledge.edit',
  'accounts.manage',
  'audit.read',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

/**
 * The table: for each permission, the roles that hold it. An administrator holds every
 * permission (the person who sets the desk up can do everything on it, and confidential cases
 * are visible to administrators, DOMAIN.md section 8).
 */
export const ROLE_PERMISSIONS: Readonly<Record<Permission, readonly StaffRole[]>> = {
  'case.register': ['clerk', 'shiftLead', 'supervisor', 'admin'],
  'case.editFields': ['clerk', 'shiftLead', 'supervisor', 'admin'],
  'case.handleDirectly': ['clerk', 'shiftLead', 'admin'],
  'case.dispatch': ['shiftLead', 'admin'],
  'case.accept': ['handler', 'admin'],
  'case.return': ['handler', 'admin'],
  'case.reply': ['handler', 'admin'],
  'case.requestExtension': ['handler', 'admin'],
  'case.decideExtension': ['shiftLead', 'supervisor', 'admin'],
  'case.urge': ['shiftLead', 'supervisor', 'admin'],
  'case.supervise': ['supervisor', 'admin'],
  'case.escalate': ['shiftLead', 'supervisor', 'admin'],
  'case.review': ['supervisor', 'admin'],
  'case.consult': ['clerk', 'shiftLead', 'supervisor', 'admin'],
  'case.followUp': ['clerk', 'shiftLead', 'supervisor', 'admin'],
  'case.close': ['clerk', 'shiftLead', 'supervisor', 'admin'],
  'case.reopen': ['shiftLead', 'supervisor', 'admin'],
  'case.determineResponsibility': ['supervisor', 'admin'],
  'case.correctiveAction': ['supervisor', 'handler', 'admin'],
  // The temporary countermeasure is taken by the handling unit and may be reported to the desk.
  'case.recordInterim': ['shiftLead', 'supervisor', 'handler', 'admin'],
  'case.changeLevel': ['shiftLead', 'supervisor', 'admin'],
  'case.changeDeadline': ['supervisor', 'admin'],
  'case.exempt': ['supervisor', 'admin'],
  'case.convert': ['clerk', 'shiftLead', 'supervisor', 'admin'],
  'case.markInvalid': ['supervisor', 'admin'],
  'case.note': ['clerk', 'shiftLead', 'supervisor', 'handler', 'admin'],
  'case.link': ['clerk', 'shiftLead', 'supervisor', 'admin'],
  // A unit returns the signed dispatch sheet and photos of the repair: handlers attach too.
  'case.attach': ['clerk', 'shiftLead', 'supervisor', 'handler', 'admin'],
  // A removal is an event and the file stays recoverable until purged.
  'case.removeAttachment': ['clerk', 'shiftLead', 'supervisor', 'admin'],
  'case.readConfidential': ['supervisor', 'admin'],
  'queue.dispatch': ['clerk', 'shiftLead', 'supervisor', 'admin'],
  'queue.units': ['shiftLead', 'supervisor', 'handler', 'admin'],
  'queue.deadlines': ['clerk', 'shiftLead', 'supervisor', 'handler', 'admin'],
  'queue.followUp': ['clerk', 'shiftLead', 'supervisor', 'admin'],
  'queue.escalated': ['shiftLead', 'supervisor', 'admin'],
  'reports.view': ['shiftLead', 'supervisor', 'admin'],
  print: ['clerk', 'shiftLead', 'supervisor', 'handler', 'admin'],
  export: ['shiftLead', 'supervisor', 'admin'],
  import: ['admin'],
  backup: ['supervisor', 'admin'],
  restore: ['admin'],
  // One case's lost steps appended from a backup: the administrator, who also restores the desk.
  restoreCase: ['admin'],
  purge: ['admin'],
  'settings.rules': ['admin'],
  'settings.calendar': ['admin'],
  'settings.units': ['admin'],
  'settings.aids': ['supervisor', 'admin'],
  'settings.print': ['supervisor', 'admin'],
  // The server address and the desk token decide where every case goes.
  'settings.sync': ['admin'],
  'knowledge.edit': ['shiftLead', 'supervisor', 'admin'],
  'accounts.manage': ['admin'],
  'audit.read': ['supervisor', 'admin'],
};

/** Whether an operator with `roles` holds `permission` (any of their roles is enough). */
export function rolesMay(roles: readonly StaffRole[], permission: Permission): boolean {
  const holders = ROLE_PERMISSIONS[permission];
  return roles.some((role) => holders.includes(role));
}

/** Whether `role` alone holds `permission`. */
export function roleMay(role: StaffRole, permission: Permission): boolean {
  return ROLE_PERMISSIONS[permission].includes(role);
}

/** The permissions `roles` hold, in table order. */
export function permissionsOf(roles: readonly StaffRole[]): Permission[] {
  return PERMISSIONS.filter((permission) => rolesMay(roles, permission));
}

/**
 * The permission each case event needs. `case/received` is registration; printing and exporting
 * are recorded on the case as events and need the permission of printing and exporting.
 */
export const CASE_EVENT_PERMISSION: Readonly<Record<CaseEventType, Permission>> = {
  'case/received': 'case.register',
  'case/fieldsChanged': 'case.editFields',
  'case/handledDirectly': 'case.handleDirectly',
  'case/dispatched': 'case.dispatch',
  'case/accepted': 'case.accept',
  'case/returned': 'case.return',
  'case/extensionRequested': 'case.requestExtension',
  'case/extensionDecided': 'case.decideExtension',
  'case/replied': 'case.reply',
  'case/urged': 'case.urge',
  'case/supervised': 'case.supervise',
  'case/escalated': 'case.escalate',
  'case/reviewed': 'case.review',
  'case/consulted': 'case.consult',
  'case/followUpAttempted': 'case.followUp',
  'case/followedUp': 'case.followUp',
  'case/followUpWaived': 'case.followUp',
  'case/responsibilityDetermined': 'case.determineResponsibility',
  'case/correctiveAction': 'case.correctiveAction',
  'case/interimMet': 'case.recordInterim',
  'case/closed': 'case.close',
  'case/reopened': 'case.reopen',
  'case/converted': 'case.convert',
  'case/markedInvalid': 'case.markInvalid',
  'case/exempted': 'case.exempt',
  'case/levelChanged': 'case.changeLevel',
  'case/deadlineChanged': 'case.changeDeadline',
  'case/noted': 'case.note',
  'case/linked': 'case.link',
  'case/unlinked': 'case.link',
  'case/attachmentAdded': 'case.attach',
  'case/attachmentRemoved': 'case.removeAttachment',
  'case/printed': 'print',
  'case/exported': 'export',
};

/** The permission appending an event of `type` needs. */
export function caseEventPermission(type: CaseEventType): Permission {
  return CASE_EVENT_PERMISSION[type];
}

/** Whether `roles` may append an event of `type` to a case. */
export function rolesMayAppend(roles: readonly StaffRole[], type: CaseEventType): boolean {
  return rolesMay(roles, caseEventPermission(type));
}

/** The README's table: one row per permission, a ✓ under each role that holds it. */
export function permissionsTableMarkdown(): string {
  const header = ['permission', ...STAFF_ROLES];
  const rows = PERMISSIONS.map((permission) => [
    `\`${permission}\``,
    ...STAFF_ROLES.map((role) => (roleMay(role, permission) ? '✓' : '')),
  ]);
  const widths = header.map((_, i) =>
    Math.max(...[header, ...rows].map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [
    line(header),
    `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`,
    ...rows.map(line),
  ].join('\n');
}

/** The permission each work queue of the home screen needs; `mine` is everyone's own. */
export const WORK_QUEUE_PERMISSION: Readonly<Record<WorkQueueId, Permission | undefined>> = {
  toDispatch: 'queue.dispatch',
  lateToDispatch: 'queue.dispatch',
  interimDueSoon: 'queue.deadlines',
  interimOverdue: 'queue.deadlines',
  notAccepted: 'queue.units',
  dueSoon: 'queue.deadlines',
  overdue: 'queue.deadlines',
  awaitingFollowUp: 'queue.followUp',
  escalated: 'queue.escalated',
  mine: undefined,
};

/** Whether `roles` see the work queue `id`. */
export function rolesSeeQueue(roles: readonly StaffRole[], id: WorkQueueId): boolean {
  const permission = WORK_QUEUE_PERMISSION[id];
  return permission === undefined || rolesMay(roles, permission);
}

/**
 * What a head office (the desk signed in to the sync server with a head-office account) may not
 * do whatever the operator's roles: it reads every desk's cases and never writes one (its
 * changes would never reach the desks: a head office only pulls). Every case step, importing
 * purging and restoring cases from a backup (which appends events) are refused; reading, reports, printing lists, exporting and the desk's own
 * settings stay.
 */
export function headOfficeMay(permission: Permission): boolean {
  if (permission === 'case.readConfidential') return true;
  return !(
    permission.startsWith('case.') ||
    permission === 'import' ||
    permission === 'purge' ||
    permission === 'restoreCase'
  );
}
