// The layering is the architecture; lint enforces it. These cases prove that forbidden imports fail.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');
const eslint = new ESLint({ cwd: root });

async function restrictedImportErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layering lint', () => {
  const forbidden: [string, string][] = [
    ['src/renderer/src/x.ts', `import Database from 'better-sqlite3';\nexport const d = Database;\n`],
    ['src/renderer/src/x.ts', `import fs from 'node:fs';\nexport const f = fs;\n`],
    ['src/renderer/src/x.ts', `import { createCore } from '../../core/index';\nexport const c = createCore;\n`],
    ['src/core/x.ts', `import { app } from 'electron';\nexport const a = app;\n`],
    ['src/core/x.ts', `import { useState } from 'react';\nexport const u = useState;\n`],
    ['src/core/x.ts', `import { startServer } from '../server/http-server';\nexport const s = startServer;\n`],
    ['src/shared/x.ts', `import path from 'node:path';\nexport const p = path;\n`],
    ['src/shared/x.ts', `import { createCore } from '../core/index';\nexport const c = createCore;\n`],
    ['src/preload/x.ts', `import fs from 'node:fs';\nexport const f = fs;\n`],
    ['src/server/x.ts', `import { app } from 'electron';\nexport const a = app;\n`],
    ['src/main/x.ts', `import React from 'react';\nexport const r = React;\n`],
    ['src/node-shared/x.ts', `import { createCore } from '../core/index';\nexport const c = createCore;\n`],
    ['src/node-shared/x.ts', `import { app } from 'electron';\nexport const a = app;\n`],
    [
      'src/renderer/src/x.ts',
      `import { isInside } from '../../node-shared/static-files';\nexport const i = isInside;\n`,
    ],
  ];
  it.each(forbidden)('%s may not: %s', async (file, code) => {
    expect(await restrictedImportErrors(file, code)).not.toHaveLength(0);
  });

  const allowed: [string, string][] = [
    ['src/renderer/src/x.ts', `import { contract } from '../../shared/contract';\nexport const c = contract;\n`],
    ['src/core/x.ts', `import Database from 'better-sqlite3';\nexport const d = Database;\n`],
    ['src/server/x.ts', `import { createCore } from '../core/index';\nexport const c = createCore;\n`],
    ['src/shared/x.ts', `import { z } from 'zod';\nexport const s = z.string();\n`],
    ['src/main/x.ts', `import { isInside } from '../node-shared/static-files';\nexport const i = isInside;\n`],
    ['src/server/x.ts', `import { isInside } from '../node-shared/static-files';\nexport const i = isInside;\n`],
  ];
  it.each(allowed)('%s may: %s', async (file, code) => {
    expect(await restrictedImportErrors(file, code)).toEqual([]);
  });
});
