// The side panel's contamination choices as conditions of the prompt filter: the chosen classes form one "is"
// condition (any of them), "not contaminated" is an "isNot" condition, and "in a near-duplicate cluster" its own.
// A class and "not contaminated" exclude each other, so choosing one clears the other.
import type { ContaminationClass, ContaminationCondition } from '../../../shared/contamination';
import type { PromptFilter } from '../../../shared/domain';

export type ContaminationChoice = ContaminationClass | 'clean' | 'inCluster';

function conditions(filter: PromptFilter): ContaminationCondition[] {
  return filter.contamination ?? [];
}

function withConditions(filter: PromptFilter, list: ContaminationCondition[]): PromptFilter {
  const { contamination: _old, ...rest } = filter;
  return list.length > 0 ? { ...rest, contamination: list } : rest;
}

export function chosenClasses(filter: PromptFilter): ContaminationClass[] {
  return conditions(filter).find((c) => c.op === 'is')?.classes ?? [];
}

export function isChosen(filter: PromptFilter, choice: ContaminationChoice): boolean {
  const list = conditions(filter);
  if (choice === 'clean') return list.some((c) => c.op === 'isNot');
  if (choice === 'inCluster') return list.some((c) => c.op === 'inCluster');
  return chosenClasses(filter).includes(choice);
}

export function choose(filter: PromptFilter, choice: ContaminationChoice, on: boolean): PromptFilter {
  const list = conditions(filter);
  const cluster = list.filter((c) => c.op === 'inCluster');
  if (choice === 'inCluster')
    return withConditions(filter, [
      ...list.filter((c) => c.op !== 'inCluster'),
      ...(on ? [{ op: 'inCluster' as const }] : []),
    ]);
  if (choice === 'clean') return withConditions(filter, [...(on ? [{ op: 'isNot' as const }] : []), ...cluster]);
  const classes = new Set(chosenClasses(filter));
  if (on) classes.add(choice);
  else classes.delete(choice);
  const is: ContaminationCondition[] = classes.size > 0 ? [{ op: 'is', classes: [...classes].sort() }] : [];
  return withConditions(filter, [...is, ...cluster]);
}

export function contaminationConditionCount(filter: PromptFilter): number {
  return conditions(filter).length;
}

export function clearContamination(filter: PromptFilter): PromptFilter {
  return withConditions(filter, []);
}
