// Worker-thread entries are built next to the bundle that starts them (out/node, out/main), while the code
// that starts them may sit in a chunk one folder down. From source (unit tests) there is no built script.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The built script `fileName` beside (or one folder above) the module at `moduleUrl`, or null. */
export function findSiblingScript(fileName: string, moduleUrl: string): string | null {
  for (const rel of [`./${fileName}`, `../${fileName}`]) {
    try {
      const candidate = fileURLToPath(new URL(rel, moduleUrl));
      if (fs.existsSync(candidate)) return candidate;
    } catch {
      // not a file: URL (e.g. bundled for another host)
    }
  }
  return null;
}
