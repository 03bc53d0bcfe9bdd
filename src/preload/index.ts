// Sandboxed preload (CommonJS, may require only 'electron'): exposes exactly one object, window.curator.
import { contextBridge, ipcRenderer } from 'electron';
import { createCuratorBridge } from './bridge';

contextBridge.exposeInMainWorld('curator', createCuratorBridge(ipcRenderer, process.platform));
