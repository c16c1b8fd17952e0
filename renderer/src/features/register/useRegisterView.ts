import { useEffect, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import type { RegisterFilter, RegisterSort } from '@shared/register/query';
import { registerViewFromParams, registerViewToParams, type RegisterView } from './register-params';

export interface RegisterViewControls {
  readonly view: RegisterView;
  /** Changes some filter fields; the address is replaced, not pushed (typing is not history). */
  readonly setFilter: (patch: Partial<RegisterFilter>) => void;
  readonly setSort: (sort: RegisterSort) => void;
  readonly clearFilter: () => void;
  /** Lists only the cases of one matter (the other filters would hide some of them). */
  readonly showMatter: (matterId: string) => void;
}

/** The register's filter and sort, kept in the address so that a reload keeps them. */
export function useRegisterView(): RegisterViewControls {
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => registerViewFromParams(params), [params]);
  // The address changes a moment after it is set: a second change made before then (two date
  // fields filled in quick succession) builds on the first, not on the address it replaces.
  const pending = useRef<RegisterView | null>(null);
  useEffect(() => {
    if (pending.current && registerViewToParams(pending.current).toString() === params.toString()) {
      pending.current = null;
    }
  }, [params]);

  return useMemo(() => {
    const current = () => pending.current ?? view;
    const replace = (next: RegisterView) => {
      pending.current = next;
      setParams(registerViewToParams(next), { replace: true });
    };
    return {
      view,
      setFilter: (patch) => {
        const base = current();
        replace({ ...base, filter: { ...base.filter, ...patch } });
      },
      setSort: (sort) => replace({ ...current(), sort }),
      clearFilter: () => replace({ filter: {}, sort: current().sort }),
      showMatter: (matterId) => replace({ filter: { matterId }, sort: current().sort }),
    };
  }, [view, setParams]);
}
