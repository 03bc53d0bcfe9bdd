import { describe, expect, it } from 'vitest';
import type { GuardableContents, NavigationEvent, PermissionSession, WindowOpenDetails } from './web-contents-guards';
import { denyAllPermissions, denyPopupsAndWebviews, guardWebContents } from './web-contents-guards';
import { appOrigins, isAllowedUrl } from './origins';

type Listener = (event: never) => void;

/** A webContents stand-in that records what the guards register. */
class FakeContents implements GuardableContents {
  readonly listeners = new Map<string, Listener[]>();
  openHandler: ((details: WindowOpenDetails) => { action: 'deny' }) | undefined;
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  setWindowOpenHandler(handler: (details: WindowOpenDetails) => { action: 'deny' }): void {
    this.openHandler = handler;
  }
  /** Emits like Electron: returns whether a listener called preventDefault(). */
  emit(event: string, url = ''): boolean {
    let prevented = false;
    const e: NavigationEvent = { url, preventDefault: () => (prevented = true) };
    for (const listener of this.listeners.get(event) ?? []) (listener as (e: NavigationEvent) => void)(e);
    return prevented;
  }
}

const allowed = appOrigins({ isPackaged: true });
const isAppUrl = (url: string) => isAllowedUrl(url, allowed);

describe('guardWebContents', () => {
  const contents = new FakeContents();
  const logged: string[] = [];
  guardWebContents(contents, isAppUrl, (m) => logged.push(m));

  it('registers exactly the navigation, redirect and webview guards', () => {
    expect([...contents.listeners.keys()].sort()).toEqual([
      'will-attach-webview',
      'will-frame-navigate',
      'will-navigate',
      'will-redirect',
    ]);
  });

  it.each([
    'https://app.attacker.com/',
    'app://bundle.evil/index.html',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<h1>x</h1>',
    'http://localhost:5173/',
    'about:blank',
  ])('blocks navigation, frame navigation and redirects to %s', (url) => {
    expect(contents.emit('will-navigate', url)).toBe(true);
    expect(contents.emit('will-frame-navigate', url)).toBe(true);
    expect(contents.emit('will-redirect', url)).toBe(true);
  });

  it('lets the app navigate within its own origin', () => {
    expect(contents.emit('will-navigate', 'app://bundle/index.html')).toBe(false);
    expect(contents.emit('will-redirect', 'app://bundle/index.html#/prompts')).toBe(false);
  });

  it('prevents every <webview> attach', () => {
    expect(contents.emit('will-attach-webview')).toBe(true);
  });

  it.each(['https://example.com/', 'app://bundle/index.html', 'about:blank', ''])('denies window.open(%s)', (url) => {
    expect(contents.openHandler?.({ url })).toEqual({ action: 'deny' });
  });

  it('logs what it blocked', () => {
    expect(logged.some((m) => m.includes('https://app.attacker.com/'))).toBe(true);
  });
});

describe('denyPopupsAndWebviews', () => {
  it('denies popups and webviews but leaves navigation alone', () => {
    const contents = new FakeContents();
    denyPopupsAndWebviews(contents);
    expect(contents.openHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    expect(contents.emit('will-attach-webview')).toBe(true);
    expect(contents.listeners.has('will-navigate')).toBe(false);
  });
});

describe('denyAllPermissions', () => {
  it.each(['notifications', 'media', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen'])(
    'refuses %s on request and check',
    (permission) => {
      let request: ((wc: unknown, p: string, cb: (granted: boolean) => void) => void) | undefined;
      let check: ((wc: unknown, p: string) => boolean) | undefined;
      const session: PermissionSession = {
        setPermissionRequestHandler: (h) => (request = h),
        setPermissionCheckHandler: (h) => (check = h),
      };
      denyAllPermissions(session);
      const answers: boolean[] = [];
      request?.({}, permission, (granted) => answers.push(granted));
      expect(answers).toEqual([false]);
      expect(check?.({}, permission)).toBe(false);
    },
  );
});
