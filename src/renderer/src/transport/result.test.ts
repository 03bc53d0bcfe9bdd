import { describe, expect, it } from 'vitest';
import { asResult, transportFailure } from './result';

describe('asResult', () => {
  it('passes results through', () => {
    expect(asResult({ ok: true, value: { n: 1 } }, 'x')).toEqual({ ok: true, value: { n: 1 } });
    expect(
      asResult({ ok: false, error: { code: 'NOT_FOUND', message: 'No prompt with id 9.', details: { id: 9 } } }, 'x'),
    ).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No prompt with id 9.', details: { id: 9 } },
    });
  });

  it('turns anything else into a readable INTERNAL error', () => {
    expect(asResult('<html>502 Bad Gateway</html>', 'prompts.page')).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'prompts.page: the host sent an unexpected reply.' },
    });
    expect(asResult({ ok: false, error: { code: 'SOMETHING_NEW', message: '' } }, 'prompts.get')).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'prompts.get failed.' },
    });
    expect(asResult({ ok: false }, 'jobs.get')).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'jobs.get failed.' },
    });
  });

  it('describes thrown transport errors', () => {
    expect(transportFailure('stats.get', new TypeError('Failed to fetch'))).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'stats.get: Failed to fetch' },
    });
  });
});
