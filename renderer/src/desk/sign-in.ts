import { createContext, useContext } from 'react';
import type { DeskId, StaffId } from '@shared/kernel/brand';

/** Why the desk shows the sign-in screen again. */
export type SignOutReason = 'signedOut' | 'idle';

/**
 * Who is signed in at this window (features/accounts): the operator every write is made as.
 * Only a password gets an operator here (`accountSignIn`), and signing out or the idle lock
 * clears it.
 */
export interface SignInState {
  readonly staffId: StaffId | null;
  /** Why nobody is signed in, when someone was. */
  readonly reason?: SignOutReason;
  /** The operator who was signed in before the lock (offered first on the sign-in screen). */
  readonly lastStaffId?: StaffId;
  readonly signIn: (staffId: StaffId) => void;
  readonly signOut: (reason: SignOutReason) => void;
}

export const SignInContext = createContext<SignInState | null>(null);
SignInContext.displayName = 'SignInContext';

export function useSignIn(): SignInState {
  const state = useContext(SignInContext);
  if (!state) throw new Error('useSignIn outside the app');
  return state;
}

/**
 * The window keeps its sign-in across a reload, in sessionStorage: it ends with the window (or
 * the browser tab), and another window signs in on its own.
 */
const STORAGE_KEY = 'complaint-desk.signedIn';

interface StoredSignIn {
  readonly deskId: DeskId;
  readonly staffId: StaffId;
}

export function signInStored(deskId: DeskId | undefined): StaffId | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (!raw || !deskId) return null;
    const stored = JSON.parse(raw) as Partial<StoredSignIn>;
    return stored.deskId === deskId && typeof stored.staffId === 'string' ? stored.staffId : null;
  } catch {
    // A storage the browser refuses (private mode) or a damaged entry: sign in again.
    return null;
  }
}

export function signInStore(deskId: DeskId, staffId: StaffId | null): void {
  try {
    if (staffId === null) sessionStorage.removeItem(STORAGE_KEY);
    else sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ deskId, staffId }));
  } catch {
    // Not kept: the next reload asks for the password again, which is safe.
  }
}
