/**
 * Schema version 1: the indexes of every table, primary key first (Dexie lists only indexed
 * properties; everything else is stored without being named here).
 *
 * Cases are listed newest received first with the id as tiebreak, so each filter the register
 * pages by has a compound index ending in `receivedAt+id`: a page continues strictly below the
 * last `[..., receivedAt, id]` seen (keyset paging, never `offset()`).
 */
export const SCHEMA_V1 = {
  cases: [
    'id',
    '&number',
    'status',
    'customer.phone',
    'customer.customerId',
    'matterId',
    // Multi-entry: one index entry per search piece (bigram, character, Latin/digit word).
    '*searchTerms',
    // Present only between a case's save and the write of its search pieces (repos/cases.ts).
    'searchPending',
    '[receivedAt+id]',
    '[status+receivedAt+id]',
    '[kindId+receivedAt+id]',
    '[unitId+receivedAt+id]',
    '[levelId+receivedAt+id]',
    '[channelId+receivedAt+id]',
    '[categoryId+receivedAt+id]',
    // The register's other filters, its deadline sort and the intake's duplicate check.
    'handlerName',
    '[handlerName+receivedAt+id]',
    '[matterId+receivedAt+id]',
    '[openDueAt+id]',
    '[unitId+openDueAt+id]',
    'customer.address',
    // Present only while a case is open and not exempt: due-soon and overdue queues.
    'openDueAt',
    'followUp.state',
    // The follow-up queue and "my cases", paged by key (id breaks ties).
    '[followUp.state+followUp.dueAt+id]',
    'receiverId',
    '[receiverId+status+receivedAt+id]',
    'repliedAt',
  ].join(', '),
  // A case's history in order ([caseId+hlc]); a day's dispatches for printing (at).
  events: 'id, caseId, [caseId+hlc], at',
  customers: 'id, *phones, address, name, [name+id]',
  units: 'id, parentId, name',
  staff: 'id, name',
  settings: 'key',
  audit: 'id, at, action, target',
  outbox: 'id, hlc, caseId',
  knowledge: 'id, *searchTerms, updatedAt, categoryId, sourceCaseId',
  drafts: 'key',
  // Derived counts of cases (shared/register/tallies.ts): one row, rebuilt when missing, never synced.
  tallies: 'key',
} as const;

export type DeskTableName = keyof typeof SCHEMA_V1;
