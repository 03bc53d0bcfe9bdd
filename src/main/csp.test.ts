import { describe, expect, it } from 'vitest';
import { devCsp, PRODUCTION_CSP, withCspHeader } from './csp';

const parse = (csp: string) => new Map(csp.split('; ').map((d) => [d.split(' ')[0] as string, d.split(' ').slice(1)]));

describe('CSP', () => {
  it('pins the production policy exactly', () => {
    expect(PRODUCTION_CSP).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' " +
        "data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'",
    );
    expect(PRODUCTION_CSP).not.toMatch(/unsafe-eval/);
  });

  it('dev differs from production only in script-src (inline preamble) and connect-src (HMR websocket)', () => {
    const dev = parse(devCsp('http://localhost:5173'));
    const prod = parse(PRODUCTION_CSP);
    expect([...dev.keys()]).toEqual([...prod.keys()]);
    const changed = [...dev.keys()].filter((name) => dev.get(name)?.join(' ') !== prod.get(name)?.join(' '));
    expect(changed).toEqual(['script-src', 'connect-src']);
    expect(dev.get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(dev.get('connect-src')).toEqual(["'self'", 'ws://localhost:5173']);
    expect(devCsp('http://localhost:5173')).not.toMatch(/unsafe-eval/);
  });

  it('replaces any CSP header the server sent, whatever its case, and keeps the others', () => {
    const headers = withCspHeader(
      { 'content-security-policy': ['default-src *'], 'CONTENT-SECURITY-POLICY': ['x'], 'Content-Type': ['text/html'] },
      PRODUCTION_CSP,
    );
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [PRODUCTION_CSP] });
    expect(withCspHeader(undefined, 'a')).toEqual({ 'Content-Security-Policy': ['a'] });
  });
});
