// Which origins the app's own pages come from, and how a URL's origin is computed. Pure (no electron):
// navigation guards, IPC sender checks and event broadcasts all ask this one module.

export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

const ORIGIN_PROTOCOLS = new Set(['app:', 'http:', 'https:']);
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * `scheme://host[:port]` of a URL, or null when it has none we could ever trust (javascript:, data:,
 * file:, about:, blob:, credentials in the URL, unparsable input). We build the string ourselves because
 * WHATWG `URL.origin` is "null" for non-special schemes such as app:, which would make every app:// URL
 * look alike.
 */
export function originOf(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (!ORIGIN_PROTOCOLS.has(url.protocol)) return null;
  if (url.username !== '' || url.password !== '' || url.host === '') return null;
  return `${url.protocol}//${url.host}`;
}

/** True only when the URL's origin is exactly one of `allowed` (never a prefix or suffix match). */
export function isAllowedUrl(raw: string, allowed: readonly string[]): boolean {
  const origin = originOf(raw);
  return origin !== null && allowed.includes(origin);
}

/**
 * The origins the app's pages may have: app://bundle always; the electron-vite dev server too when the
 * app is not packaged, and only if that server is on a loopback address (a stray env var must not make
 * a remote site trusted).
 */
export function appOrigins(options: { isPackaged: boolean; devServerUrl?: string | undefined }): string[] {
  const origins = [APP_ORIGIN];
  if (options.isPackaged || !options.devServerUrl) return origins;
  const dev = devServerOrigin(options.devServerUrl);
  if (dev) origins.push(dev);
  return origins;
}

/** The dev server's http(s) origin if the URL points at loopback, else null. */
export function devServerOrigin(devServerUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(devServerUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!LOOPBACK_HOSTS.has(url.hostname)) return null;
  return originOf(devServerUrl);
}
