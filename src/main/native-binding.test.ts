import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronBindingFileName, selectNativeBinding, SQLITE_BINDING_ENV } from './native-binding';

const RESOURCES = path.resolve('/opt/rl-curator/resources');
const BUNDLED_150 = path.join(RESOURCES, 'native', 'better_sqlite3-electron-150.node');

function select(env: Record<string, string | undefined>, abi: string | undefined, existing: string[]) {
  const files = new Set(existing);
  return selectNativeBinding({ env, resourcesDir: RESOURCES, abi, fileExists: (p) => files.has(p) });
}

describe('selectNativeBinding', () => {
  it('names the Electron build by ABI', () => {
    expect(electronBindingFileName('150')).toBe('better_sqlite3-electron-150.node');
  });

  it.each<[string, Record<string, string | undefined>, string | undefined, string[], string | undefined]>([
    [
      'env wins over the bundled file',
      { [SQLITE_BINDING_ENV]: '/custom/b.node' },
      '150',
      ['/custom/b.node', BUNDLED_150],
      '/custom/b.node',
    ],
    ['bundled file for the running ABI', {}, '150', [BUNDLED_150], BUNDLED_150],
    ['empty env value is ignored', { [SQLITE_BINDING_ENV]: '' }, '150', [BUNDLED_150], BUNDLED_150],
    [
      'no file for this ABI -> Node build',
      {},
      '150',
      [path.join(RESOURCES, 'native', 'better_sqlite3-electron-143.node')],
      undefined,
    ],
    ['nothing bundled -> Node build', {}, '150', [], undefined],
    ['unknown ABI -> Node build', {}, undefined, [BUNDLED_150], undefined],
    [
      'non-numeric ABI is not used in a path',
      {},
      '../../x',
      [path.join(RESOURCES, 'native', 'better_sqlite3-electron-../../x.node')],
      undefined,
    ],
  ])('%s', (_name, env, abi, existing, expected) => {
    expect(
      select(
        env,
        abi,
        existing.map((p) => path.resolve(p)),
      ),
    ).toBe(expected === undefined ? undefined : path.resolve(expected));
  });

  it('fails loudly when the env var points at a missing file', () => {
    expect(() => select({ [SQLITE_BINDING_ENV]: '/nope/b.node' }, '150', [BUNDLED_150])).toThrow(
      /RL_CURATOR_SQLITE_BINDING=\/nope\/b.node: no such file/,
    );
  });
});
