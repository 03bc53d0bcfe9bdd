// Worker-thread entries are built next to the bundle that starts them (out/node, out/main), while the code
// that starts them may sit in a chunk one folder down. The Node build emits ES modules (.mjs); the desktop
// build emits CommonJS (.js) for the same entries. From source (unit tests) there is no built script.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The built script `fileName` (or its .js twin) beside, or one folder above, the module at `moduleUrl`; else null. */
export function findSiblingScript(fileName: string, moduleUrl: string): string | null {
  const names = fileName.endsWith('.mjs') ? [fileName, `${fileName.slice(0, -'.mjs'.length)}.js`] : [fileName];
  for (const dir of ['./', '../']) {
    for (const name of names) {
      try {
        const candidate = fileURLToPath(new URL(`${dir}${name}`, moduleUrl));
        if (fs.existsSync(candidate)) return candidate;
      } catch {
        // not a file: URL (e.g. bundled for another host)
      }
    }
  }
  return null;
}
