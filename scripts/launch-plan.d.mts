// Types for launch-plan.mjs (plain JS so `npm start` needs no TypeScript step).
export type BinaryLookup = { ok: true; executable: string } | { ok: false; reason: string };

export interface MachineFacts {
  env: Record<string, string | undefined>;
  /** Folder of node_modules/electron, or null when the package is not installed. */
  electronDir: string | null;
  isFile(p: string): boolean;
  readText(p: string): string | null;
}

export interface LaunchInput extends MachineFacts {
  platform: string;
  /** Arguments after `node scripts/start.mjs`. */
  argv: string[];
  isRoot: boolean;
}

export type LaunchPlan =
  | { mode: 'electron'; executable: string; args: string[]; notes: string[] }
  | { mode: 'browser'; reason: string; args: string[] };

export function findElectronBinary(input: MachineFacts): BinaryLookup;
export function planLaunch(input: LaunchInput): LaunchPlan;
