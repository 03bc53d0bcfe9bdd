import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, appOrigins, devServerOrigin, isAllowedUrl, originOf } from './origins';

const PACKAGED = appOrigins({ isPackaged: true, devServerUrl: 'http://localhost:5173/' });
const DEV = appOrigins({ isPackaged: false, devServerUrl: 'http://localhost:5173/' });

describe('originOf', () => {
  it.each([
    ['app://bundle/index.html', 'app://bundle'],
    ['app://bundle', 'app://bundle'],
    ['APP://bundle/x', 'app://bundle'],
    ['app://bundle.evil/index.html', 'app://bundle.evil'],
    ['app://bundle:8080/', 'app://bundle:8080'],
    ['http://localhost:5173/src/main.tsx', 'http://localhost:5173'],
    ['https://app.attacker.com/', 'https://app.attacker.com'],
  ])('%s -> %s', (url, origin) => {
    expect(originOf(url)).toBe(origin);
  });

  it.each([
    'javascript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'blob:app://bundle/123',
    'app://user:pw@bundle/',
    'app://bundle@evil.com/',
    'not a url',
    '',
  ])('%s has no trusted origin', (url) => {
    expect(originOf(url)).toBeNull();
  });
});

describe('isAllowedUrl', () => {
  it.each([
    ['app://bundle/index.html', true],
    ['app://bundle/assets/index-abc.js', true],
    ['app://bundle.evil/index.html', false],
    ['app://evil.bundle/index.html', false],
    ['app://bundle@evil/index.html', false],
    ['app://bundle:1/index.html', false],
    ['https://app.attacker.com/', false],
    ['https://bundle/', false],
    ['http://bundle/', false],
    ['javascript:location="app://bundle"', false],
    ['file:///etc/passwd', false],
    ['data:text/html,app://bundle', false],
    ['http://localhost:5173/', false],
  ])('packaged: %s -> %s', (url, allowed) => {
    expect(isAllowedUrl(url, PACKAGED)).toBe(allowed);
  });

  it.each([
    ['http://localhost:5173/', true],
    ['http://localhost:5173/src/App.tsx', true],
    ['http://localhost:5174/', false],
    ['https://localhost:5173/', false],
    ['http://localhost.attacker.com:5173/', false],
    ['http://127.0.0.1:5173/', false],
    ['app://bundle/index.html', true],
  ])('dev: %s -> %s', (url, allowed) => {
    expect(isAllowedUrl(url, DEV)).toBe(allowed);
  });
});

describe('appOrigins', () => {
  it('is only app://bundle when packaged, whatever the environment says', () => {
    expect(PACKAGED).toEqual([APP_ORIGIN]);
  });
  it('adds a loopback dev server when unpackaged', () => {
    expect(DEV).toEqual([APP_ORIGIN, 'http://localhost:5173']);
    expect(appOrigins({ isPackaged: false, devServerUrl: 'http://[::1]:5173' })).toEqual([
      APP_ORIGIN,
      'http://[::1]:5173',
    ]);
  });
  it.each(['https://app.attacker.com:5173/', 'file:///tmp/index.html', 'javascript:1', 'garbage'])(
    'ignores a non-loopback or non-http dev URL %s',
    (url) => {
      expect(devServerOrigin(url)).toBeNull();
      expect(appOrigins({ isPackaged: false, devServerUrl: url })).toEqual([APP_ORIGIN]);
    },
  );
});
