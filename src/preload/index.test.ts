// The preload entry with electron mocked (the real module would try to download a binary): it must
// expose exactly one key, `curator`, and hand the page nothing from ipcRenderer.
import { describe, expect, it, vi } from 'vitest';

const exposed: Array<[string, unknown]> = [];
const fakeIpcRenderer = {
  invoke: vi.fn(async () => null),
  on: vi.fn(),
  removeListener: vi.fn(),
  send: vi.fn(),
  sendSync: vi.fn(),
};

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.push([key, api]) },
  ipcRenderer: fakeIpcRenderer,
}));

describe('preload entry', () => {
  it('exposes only window.curator, whose members are functions and the platform string', async () => {
    await import('./index');
    expect(exposed.map(([key]) => key)).toEqual(['curator']);
    const api = exposed[0]?.[1] as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(['call', 'on', 'pickFile', 'platform']);
    expect(api.platform).toBe(process.platform);
    for (const [key, value] of Object.entries(api)) {
      if (key === 'platform') continue;
      expect(typeof value).toBe('function');
      expect(value).not.toBe(fakeIpcRenderer.invoke);
      expect(value).not.toBe(fakeIpcRenderer.on);
    }
    expect(Object.values(api)).not.toContain(fakeIpcRenderer);
  });
});
