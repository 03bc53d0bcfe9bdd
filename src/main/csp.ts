// The Content-Security-Policy sent with every page. Production is strict: scripts only from the bundle,
// nothing remote. Styles need 'unsafe-inline' because AG Grid injects <style> elements and KaTeX writes
// style="" attributes (verified in Chromium; see docs/reference notes). Dev loosens exactly two
// directives: the React Refresh preamble is an inline script, and HMR talks over a websocket.

type Directives = ReadonlyArray<readonly [name: string, sources: readonly string[]]>;

const PRODUCTION: Directives = [
  ['default-src', ["'none'"]],
  ['script-src', ["'self'"]],
  ['style-src', ["'self'", "'unsafe-inline'"]],
  ['img-src', ["'self'", 'data:']],
  ['font-src', ["'self'", 'data:']],
  ['connect-src', ["'self'"]],
  ['object-src', ["'none'"]],
  ['base-uri', ["'none'"]],
  ['form-action', ["'none'"]],
  ['frame-src', ["'none'"]],
];

function serialize(directives: Directives): string {
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

export const PRODUCTION_CSP = serialize(PRODUCTION);

/**
 * The CSP for the electron-vite dev server page (origin like http://localhost:5173): 'unsafe-inline'
 * scripts for @vitejs/plugin-react's preamble and a ws:// connect source for HMR. Never used packaged.
 */
export function devCsp(devOrigin: string): string {
  const ws = devOrigin.replace(/^http/, 'ws');
  return serialize(
    PRODUCTION.map(([name, sources]) => {
      if (name === 'script-src') return [name, [...sources, "'unsafe-inline'"]] as const;
      if (name === 'connect-src') return [name, [...sources, ws]] as const;
      return [name, sources] as const;
    }),
  );
}

/** Response headers with our CSP replacing any the server sent (header names are case-insensitive). */
export function withCspHeader(headers: Record<string, string[]> | undefined, csp: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') out[name] = value;
  }
  out['Content-Security-Policy'] = [csp];
  return out;
}
