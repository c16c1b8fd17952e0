/**
 * Matters (DOMAIN.md section 2: one matter reported several times or by several people is
 * linked, 准确绑定, and counted once). The cases of a matter share the id of its first case
 * (its root, the earliest received). Linking and unlinking are decided here as the events to
 * append: `case/linked` sets a case's matter, `case/unlinked` makes a case its own matter.
 */
import type { CaseId } from '../kernel/brand';
import type { CaseEntity } from '../model/entities';
import type { CasePayloadOf } from './events';

export type MatterMember = Pick<CaseEntity, 'id' | 'matterId' | 'receivedAt'>;

/** One event a link or an unlink appends, to which case. */
export type MatterStep =
  | {
      readonly caseId: CaseId;
      readonly type: 'case/linked';
      readonly payload: CasePayloadOf<'case/linked'>;
    }
  | {
      readonly caseId: CaseId;
      readonly type: 'case/unlinked';
      readonly payload: CasePayloadOf<'case/unlinked'>;
    };

export type MatterRefusalCode =
  /** Linking a case with itself. */
  | 'selfLink'
  /** The two cases are already one matter. */
  | 'alreadyLinked'
  /** Unlinking a case that is its matter's only case. */
  | 'notLinked';

export type MatterPlan =
  | { readonly ok: true; readonly steps: readonly MatterStep[] }
  | { readonly ok: false; readonly code: MatterRefusalCode };

function isEarlier(a: MatterMember, b: MatterMember): boolean {
  return a.receivedAt !== b.receivedAt ? a.receivedAt < b.receivedAt : a.id < b.id;
}

/** The first case of a matter: the earliest received (the smaller id among equal times). */
export function matterRoot<M extends MatterMember>(members: readonly M[]): M | undefined {
  let root: M | undefined;
  for (const member of members) if (!root || isEarlier(member, root)) root = member;
  return root;
}

function linked(caseId: CaseId, matterId: CaseId, otherCaseId: CaseId): MatterStep {
  return { caseId, type: 'case/linked', payload: { matterId, otherCaseId } };
}

function unlinked(caseId: CaseId, otherCaseId: CaseId): MatterStep {
  return { caseId, type: 'case/unlinked', payload: { otherCaseId } };
}

/**
 * Links case `a` with case `b`: their two matters become one, kept under the earlier root.
 * Both cases get a `case/linked` naming the other; the other cases of the matter that moves
 * follow it, each naming the case of the pair they were joined to.
 *
 * @param aMatter every case of `a`'s matter (including `a`); likewise `bMatter`.
 */
export function matterLinkPlan(
  a: MatterMember,
  aMatter: readonly MatterMember[],
  b: MatterMember,
  bMatter: readonly MatterMember[],
): MatterPlan {
  if (a.id === b.id) return { ok: false, code: 'selfLink' };
  if (a.matterId === b.matterId) return { ok: false, code: 'alreadyLinked' };
  const aRoot = matterRoot(aMatter) ?? a;
  const bRoot = matterRoot(bMatter) ?? b;
  const keepA = isEarlier(aRoot, bRoot);
  const matterId = keepA ? aRoot.id : bRoot.id;
  const [stay, move] = keepA ? [a, b] : [b, a];
  const movers = (keepA ? bMatter : aMatter).filter((m) => m.id !== move.id);
  return {
    ok: true,
    steps: [
      linked(a.id, matterId, b.id),
      linked(b.id, matterId, a.id),
      ...movers.map((m) => linked(m.id, matterId, stay.id)),
    ],
  };
}

/**
 * Takes case `x` out of its matter. `x` gets a `case/unlinked` naming the root of what
 * remains, and that root one naming `x` (an unlinked root keeps its own id, so its matter is
 * unchanged). When `x` was the root, the earliest remaining case becomes the root and the
 * others follow it with a `case/linked`.
 *
 * @param matter every case of `x`'s matter (including `x`).
 */
export function matterUnlinkPlan(x: MatterMember, matter: readonly MatterMember[]): MatterPlan {
  const rest = matter.filter((m) => m.id !== x.id);
  const root = matterRoot(rest);
  if (!root) return { ok: false, code: 'notLinked' };
  const wasRoot = x.matterId === x.id;
  return {
    ok: true,
    steps: [
      unlinked(x.id, root.id),
      unlinked(root.id, x.id),
      ...(wasRoot
        ? rest.filter((m) => m.id !== root.id).map((m) => linked(m.id, root.id, root.id))
        : []),
    ],
  };
}

/** The matter ids the plan leaves each case of the plan with (for checks and tests). */
export function matterPlanResult(
  members: readonly MatterMember[],
  steps: readonly MatterStep[],
): Map<CaseId, CaseId> {
  const result = new Map(members.map((m) => [m.id, m.matterId]));
  for (const step of steps) {
    result.set(step.caseId, step.type === 'case/linked' ? step.payload.matterId : step.caseId);
  }
  return result;
}
