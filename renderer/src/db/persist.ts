/**
 * Asks the browser to keep the desk's data when disk space runs low (DESIGN.md "Data model"):
 * without it, a best-effort origin's IndexedDB may be evicted.
 */
export type PersistenceState = 'persisted' | 'denied' | 'unsupported';

export async function storageRequestPersistence(): Promise<PersistenceState> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (!storage || typeof storage.persist !== 'function') return 'unsupported';
  if (typeof storage.persisted === 'function' && (await storage.persisted())) return 'persisted';
  return (await storage.persist()) ? 'persisted' : 'denied';
}
