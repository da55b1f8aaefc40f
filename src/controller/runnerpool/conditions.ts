import type { Condition as ConditionT } from '../../api/v1alpha1/index.js';

export interface ConditionInput {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason: string;
  message: string;
}

/** metav1.Time: RFC 3339 in whole seconds (what the apiserver stores), so equal instants compare equal. */
export function toKubeTime(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/**
 * Sets one condition in a list, kubebuilder's `meta.SetStatusCondition` semantics: `lastTransitionTime` moves only
 * when the status changes; reason, message and observedGeneration follow the input. Returns a new list.
 */
export function setCondition(
  conditions: readonly ConditionT[] | undefined,
  input: ConditionInput,
  generation: number,
  now: number,
): ConditionT[] {
  const list = [...(conditions ?? [])];
  const i = list.findIndex((c) => c.type === input.type);
  const previous = i >= 0 ? list[i] : undefined;
  const next: ConditionT = {
    type: input.type,
    status: input.status,
    observedGeneration: generation,
    lastTransitionTime:
      previous && previous.status === input.status ? previous.lastTransitionTime : toKubeTime(now),
    reason: input.reason,
    message: input.message,
  };
  if (i >= 0) list[i] = next;
  else list.push(next);
  return list;
}

export function findCondition(
  conditions: readonly ConditionT[] | undefined,
  type: string,
): ConditionT | undefined {
  return conditions?.find((c) => c.type === type);
}

/** Drops a condition type (e.g. CarbonPolicyResolved once the pool no longer references a policy). */
export function removeCondition(conditions: readonly ConditionT[], type: string): ConditionT[] {
  return conditions.filter((c) => c.type !== type);
}
