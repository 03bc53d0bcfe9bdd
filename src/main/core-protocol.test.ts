import { describe, expect, it } from 'vitest';
import { encodeCoreConfig, isCoreToMain, isMainToCore, parseCoreConfig } from './core-protocol';

describe('core protocol guards', () => {
  it.each<[unknown, boolean]>([
    [{ type: 'call', id: 1, method: 'app.info', input: {} }, true],
    [{ type: 'call', id: 2, method: 'app.info' }, true],
    [{ type: 'shutdown' }, true],
    [{ type: 'call', id: '1', method: 'app.info' }, false],
    [{ type: 'call', id: 1.5, method: 'app.info' }, false],
    [{ type: 'call', id: 1, method: 7 }, false],
    [{ type: 'exec' }, false],
    [null, false],
    ['shutdown', false],
  ])('isMainToCore(%j) = %s', (message, expected) => {
    expect(isMainToCore(message)).toBe(expected);
  });

  it.each<[unknown, boolean]>([
    [{ type: 'ready' }, true],
    [{ type: 'closed' }, true],
    [{ type: 'result', id: 3, result: { ok: true, value: 1 } }, true],
    [{ type: 'event', event: 'job.updated', payload: {} }, true],
    [{ type: 'fatal', error: { code: 'DB_TOO_NEW', message: 'x' } }, true],
    [{ type: 'result', id: 3 }, false],
    [{ type: 'result', id: 'x', result: {} }, false],
    [{ type: 'event', event: 1 }, false],
    [{ type: 'fatal' }, false],
    [{}, false],
    [undefined, false],
  ])('isCoreToMain(%j) = %s', (message, expected) => {
    expect(isCoreToMain(message)).toBe(expected);
  });
});

describe('core config', () => {
  const config = {
    dbPath: '/u/workspace.db',
    workerScript: '/app/out/main/job-worker.js',
    nativeBinding: '/r/native/b.node',
    version: '0.1.0',
  };

  it('round-trips through the environment string', () => {
    expect(parseCoreConfig(encodeCoreConfig(config))).toEqual(config);
    const { nativeBinding: _omit, ...withoutBinding } = config;
    expect(parseCoreConfig(encodeCoreConfig(withoutBinding))).toEqual(withoutBinding);
  });

  it.each<[string | undefined, RegExp]>([
    [undefined, /is not set/],
    ['', /is not set/],
    ['{not json', /not valid JSON/],
    ['{"dbPath":"","workerScript":"w","version":"1"}', /dbPath/],
    ['{"dbPath":"d","workerScript":"w","version":"1","extra":1}', /bad RL_CURATOR_CORE_CONFIG/],
  ])('rejects %j', (raw, message) => {
    expect(() => parseCoreConfig(raw)).toThrow(message);
  });
});
