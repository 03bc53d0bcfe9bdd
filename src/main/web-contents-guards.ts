// Navigation, popup and webview guards for a webContents, and the deny-all permission policy for a
// session. Written against structural types (no electron import) so tests drive them with fakes.

export interface PreventableEvent {
  preventDefault(): void;
}
/** Electron passes the target URL on the event object (details.url) for will-navigate and friends. */
export interface NavigationEvent extends PreventableEvent {
  readonly url: string;
}
export interface WindowOpenDetails {
  readonly url: string;
}

export interface GuardableContents {
  on(event: 'will-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-frame-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-redirect', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: WindowOpenDetails) => { action: 'deny' }): void;
}

export type GuardLog = (message: string) => void;

/** Popups and webviews are always refused; navigation and redirects only within `isAllowed` URLs. */
export function guardWebContents(
  contents: GuardableContents,
  isAllowed: (url: string) => boolean,
  log: GuardLog = () => {},
): void {
  const guardNavigation = (kind: string) => (event: NavigationEvent) => {
    if (isAllowed(event.url)) return;
    event.preventDefault();
    log(`blocked ${kind} to ${String(event.url).slice(0, 200)}`);
  };
  contents.on('will-navigate', guardNavigation('navigation'));
  contents.on('will-frame-navigate', guardNavigation('frame navigation'));
  contents.on('will-redirect', guardNavigation('redirect'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('blocked a <webview>');
  });
  contents.setWindowOpenHandler((details) => {
    log(`blocked window.open of ${String(details.url).slice(0, 200)}`);
    return { action: 'deny' };
  });
}

/** Popups and webviews refused for any webContents (DevTools included), without touching navigation. */
export function denyPopupsAndWebviews(
  contents: Pick<GuardableContents, 'on' | 'setWindowOpenHandler'>,
  log: GuardLog = () => {},
): void {
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('blocked a <webview>');
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export interface PermissionSession {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
}

/** The app needs no browser permission (camera, notifications, clipboard-read, …): refuse all. */
export function denyAllPermissions(session: PermissionSession, log: GuardLog = () => {}): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`denied permission request: ${permission}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
}
