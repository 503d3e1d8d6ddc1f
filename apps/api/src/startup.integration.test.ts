import { execFile, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { appendAudit, createDatabase, createNetwork } from '@coproduce/db';
import { createTestDatabase } from '@coproduce/db/testing';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const apiDir = join(import.meta.dirname, '..');

/** The test's environment without DATABASE_URL: this process runs on its own PGlite. */
function withoutDatabase() {
  const { DATABASE_URL: _unused, ...rest } = process.env;
  return rest;
}

/** Runs a script of this package as `npm start` / `npm run audit:verify` would, with `env`. */
async function runScript(script: string, env: Record<string, string>) {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !['DATABASE_URL', 'PORT', 'PUBLIC_URL'].includes(name),
    ),
  );
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', script], {
      cwd: apiDir,
      env: { ...base, LOG_LEVEL: 'silent', ...env },
      timeout: 150_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

// Each case starts a real process (PGlite compiles its WebAssembly anew): generous limits.
describe('start-up configuration', { timeout: 120_000 }, () => {
  it.each([
    [{ PORT: 'abc' }, /^Configuration error: PORT must be a whole number \(got "abc"\)$/],
    [{ PORT: '70000' }, /^Configuration error: PORT must be between 0 and 65535/],
    [
      { DATABASE_URL: 'mysql://x@localhost/db' },
      /^Configuration error: DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/,
    ],
    [{ NODE_ENV: 'production' }, /^Configuration error: AUTH_SECRET is required in production$/],
    [
      { DATABASE_URL: 'postgres://nobody:secret@127.0.0.1:1/nowhere' },
      /^Start-up failed: cannot use DATABASE_URL \(127\.0\.0\.1:1\/nowhere\): /,
    ],
  ])('refuses %j with one clear line and a non-zero exit', async (env, message) => {
    const result = await runScript('src/main.ts', {
      DATA_DIR: mkdtempSync(join(tmpdir(), 'coproduce-startup-')),
      ...env,
    });
    expect(result.code).not.toBe(0);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(result.stderr).not.toContain('secret');
  });

  it('refuses a port already in use', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const result = await runScript('src/main.ts', {
        PORT: String(port),
        DATA_DIR: mkdtempSync(join(tmpdir(), 'coproduce-startup-')),
        SEED_DEMO: 'never',
      });
      expect(result.code).not.toBe(0);
      expect(result.stderr.trim()).toBe(
        'Start-up failed: PORT is already in use; set PORT to a free port.',
      );
    } finally {
      blocker.close();
    }
  });
});

describe('shutdown', { timeout: 180_000 }, () => {
  it('stops gracefully on SIGTERM: in-flight work finishes, the database closes, exit code 0', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const address = probe.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: apiDir,
      env: {
        ...withoutDatabase(),
        PORT: String(port),
        SEED_DEMO: 'never',
        LOG_LEVEL: 'info',
        DATA_DIR: mkdtempSync(join(tmpdir(), 'coproduce-shutdown-')),
      },
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += String(chunk);
    });
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    for (
      let attempt = 0;
      attempt < 240 &&
      !(await fetch(`http://127.0.0.1:${port}/health`).then(
        (r) => r.ok,
        () => false,
      ));
      attempt += 1
    ) {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('"event":"shutdown","signal":"SIGTERM"');
  });
});

describe('npm run audit:verify', { timeout: 180_000 }, () => {
  it('passes an intact chain and names the first entry edited in SQL', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'coproduce-verify-'));
    const onServer = process.env.DATABASE_URL ? await createTestDatabase() : undefined;
    const database = onServer ?? createDatabase({ dataDir: join(dataDir, 'pglite') });
    const env: Record<string, string> = onServer?.url
      ? { DATABASE_URL: onServer.url }
      : { DATA_DIR: dataDir };
    try {
      await database.migrate();
      const network = await createNetwork(database.db, { slug: 'verify', name: 'Verify' });
      for (let i = 1; i <= 5; i += 1) {
        await database.db.transaction((tx) =>
          appendAudit(tx, {
            networkId: network.id,
            actor: null,
            action: 'membership.granted',
            objectType: 'membership',
            objectId: `m${i}`,
          }),
        );
      }
      if (!onServer) await database.close();
      const intact = await runScript('src/cli/audit-verify.ts', env);
      expect(intact.code).toBe(0);
      expect(intact.stdout).toContain(`network ${network.id}: intact, 5 entries checked`);

      const tamper = onServer ?? createDatabase({ dataDir: join(dataDir, 'pglite') });
      await tamper.db.transaction(async (tx) => {
        await tx.execute(sql`alter table audit_entries disable trigger audit_entries_append_only`);
        await tx.execute(sql`update audit_entries set object_id = 'forged' where seq = 3`);
        await tx.execute(sql`alter table audit_entries enable trigger audit_entries_append_only`);
      });
      if (!onServer) await tamper.close();
      const broken = await runScript('src/cli/audit-verify.ts', env);
      expect(broken.code).toBe(1);
      expect(broken.stdout).toMatch(
        new RegExp(
          `network ${network.id}: BROKEN at entry 3 \\(membership.granted, .*\\): its content no longer matches its hash`,
        ),
      );
    } finally {
      await onServer?.dispose();
    }
  });
});
