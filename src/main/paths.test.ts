import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appLayout, USER_DATA_ENV, userDataOverride, workspaceDbPath } from './paths';

describe('paths', () => {
  it('finds the built parts next to out/main', () => {
    const layout = appLayout({
      mainDir: '/repo/out/main',
      isPackaged: false,
      resourcesPath: '/electron/resources',
      appPath: '/repo',
    });
    expect(layout).toEqual({
      rendererRoot: path.resolve('/repo/out/renderer'),
      preload: path.resolve('/repo/out/preload/index.js'),
      coreProcess: path.join('/repo/out/main', 'core-process.js'),
      jobWorker: path.join('/repo/out/main', 'job-worker.js'),
      resourcesDir: path.join('/repo', 'resources'),
    });
  });

  it('uses process.resourcesPath when packaged', () => {
    expect(
      appLayout({
        mainDir: '/app.asar/out/main',
        isPackaged: true,
        resourcesPath: '/opt/RL/resources',
        appPath: '/app.asar',
      }).resourcesDir,
    ).toBe('/opt/RL/resources');
  });

  it('keeps the workspace in userData/workspace.db', () => {
    expect(workspaceDbPath('/home/u/.config/rl-curator')).toBe(path.join('/home/u/.config/rl-curator', 'workspace.db'));
  });

  it('honours the user-data override, made absolute', () => {
    expect(userDataOverride({})).toBeUndefined();
    expect(userDataOverride({ [USER_DATA_ENV]: '' })).toBeUndefined();
    expect(userDataOverride({ [USER_DATA_ENV]: 'rel/profile' })).toBe(path.resolve('rel/profile'));
  });
});
