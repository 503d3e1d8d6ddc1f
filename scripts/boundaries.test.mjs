// Proves `npm run lint` refuses an import that breaks the dependency direction (ADR 0001):
// writes a probe file with a forbidden import into each package, lints it, removes it.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

function lintWith(folder, source) {
  const probe = join(root, folder, `boundary-probe-${process.pid}.ts`);
  writeFileSync(probe, source);
  try {
    return spawnSync(join(root, 'node_modules', '.bin', 'biome'), ['lint', probe], {
      cwd: root,
      encoding: 'utf8',
    });
  } finally {
    rmSync(probe, { force: true });
  }
}

describe('dependency direction', { timeout: 60_000 }, () => {
  it.each([
    [
      'packages/domain/src',
      "import { createDatabase } from '@coproduce/db';\nexport const x = createDatabase;\n",
    ],
    [
      'packages/domain/src',
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
    ],
    [
      'packages/workflow/src',
      "import { createDatabase } from '@coproduce/db';\nexport const x = createDatabase;\n",
    ],
    [
      'packages/db/src',
      "import { WORKFLOWS } from '@coproduce/workflow';\nexport const x = WORKFLOWS;\n",
    ],
    [
      'apps/hub/src',
      "import { createDatabase } from '@coproduce/db';\nexport const x = createDatabase;\n",
    ],
    ['apps/api/src', "import { Button } from '@coproduce/ui';\nexport const x = Button;\n"],
  ])('refuses a forbidden import in %s', (folder, source) => {
    const result = lintWith(folder, source);
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toContain('noRestrictedImports');
  });

  it('accepts an allowed import', () => {
    const result = lintWith(
      'packages/workflow/src',
      "import { ROLES } from '@coproduce/domain';\nexport const x = ROLES;\n",
    );
    expect(result.stdout + result.stderr).not.toContain('noRestrictedImports');
  });
});
