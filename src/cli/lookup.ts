// Finding a run or a dataset by the name a user typed, with the known names in the error when there is none.
import type { Core } from '../core/index';
import { CuratorError } from '../shared/errors';

export async function idByName(core: Core, kind: 'run' | 'dataset', name: string): Promise<number> {
  const listed = kind === 'run' ? await core.invoke('runs.list', {}) : await core.invoke('datasets.list', {});
  if (!listed.ok) throw new CuratorError(listed.error.code, listed.error.message);
  const items = listed.value as { id: number; name: string }[];
  const found = items.find((item) => item.name === name);
  if (!found) {
    const known = items.length ? `${kind}s: ${items.map((i) => `"${i.name}"`).join(', ')}` : `no ${kind}s yet`;
    throw new CuratorError('NOT_FOUND', `No ${kind} named "${name}" (${known}).`);
  }
  return found.id;
}
