// Real SQLite files in a fresh temp directory for each test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function tempDir(prefix = 'rl-curator-test-'): { dir: string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** The shared real-data fixtures (../shared/fixtures); absent on a user's fresh clone. */
export const FIXTURES_DIR = path.resolve(__dirname, '../../shared/fixtures');
export const hasFixtures = fs.existsSync(FIXTURES_DIR);
export const FIXTURES_SKIP_REASON =
  `real-data fixtures not found ` + `at ${FIXTURES_DIR} (they live in ../shared/fixtures beside the checkout)`;
export function fixture(name: string): string {
  return path.join(FIXTURES_DIR, name);
}
