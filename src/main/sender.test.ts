import { describe, expect, it } from 'vitest';
import type { FrameLike } from './sender';
import { checkSenderFrame } from './sender';

const ALLOWED = ['app://bundle'];
const top = (url: string, destroyed = false): FrameLike => ({ url, parent: null, isDestroyed: () => destroyed });

describe('checkSenderFrame', () => {
  it('accepts the live top-level app frame', () => {
    expect(checkSenderFrame(top('app://bundle/index.html'), ALLOWED)).toEqual({ ok: true });
  });

  it.each<[string, FrameLike | null | undefined, RegExp]>([
    ['null frame', null, /no sender frame/],
    ['undefined frame', undefined, /no sender frame/],
    ['destroyed frame', top('app://bundle/index.html', true), /destroyed/],
    ['subframe of the app', { url: 'app://bundle/inner.html', parent: top('app://bundle/index.html') }, /subframe/],
    ['foreign top frame', top('https://app.attacker.com/'), /origin not allowed/],
    ['lookalike host', top('app://bundle.evil/index.html'), /origin not allowed/],
    ['file page', top('file:///etc/passwd'), /origin not allowed/],
    ['data page', top('data:text/html,hi'), /origin not allowed/],
    ['about:blank', top('about:blank'), /origin not allowed/],
    ['dev server while packaged', top('http://localhost:5173/'), /origin not allowed/],
  ])('rejects a %s', (_name, frame, reason) => {
    const result = checkSenderFrame(frame, ALLOWED);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('accepts the dev server only when it is in the allowed list', () => {
    expect(checkSenderFrame(top('http://localhost:5173/'), [...ALLOWED, 'http://localhost:5173']).ok).toBe(true);
  });
});
