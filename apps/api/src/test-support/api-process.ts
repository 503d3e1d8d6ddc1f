import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.ts';

const apiDir = join(import.meta.dirname, '../..');

export interface ApiProcess {
  readonly url: string;
  readonly port: number;
  /** The running process's id (for sampling its memory), or undefined while it is stopped. */
  readonly pid: number | undefined;
  /** Everything the process wrote to standard error so far (its start-up failures). */
  stderr(): string;
  /** Starts it again on the same port and data directory (after `kill` or `stop`). */
  start(): Promise<void>;
  /** SIGTERM, waiting for a graceful exit. */
  stop(): Promise<void>;
  /** SIGKILL: the process dies wherever it is. */
  kill(): Promise<void>;
  /** Stops it and removes its data directory. */
  dispose(): Promise<void>;
}

export interface ApiProcessOptions {
  readonly databaseUrl: string;
  readonly port?: number;
  /** Extra environment, e.g. DATABASE_READ_URL or LOG_LEVEL. */
  readonly env?: Record<string, string>;
  /** Receives the process's standard output (JSON log lines) when given. */
  readonly onStdout?: (chunk: string) => void;
}

/**
 * The API as a child process (`src/main.ts`, as `npm start` runs it) on a PostgreSQL database,
 * for suites that need a process of its own: killed, restarted, load-tested, or several behind a
 * load balancer. The first start migrates and seeds the demo networks before it listens.
 */
export async function startApiProcess(options: ApiProcessOptions): Promise<ApiProcess> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'coproduce-api-'));
  let child: ChildProcess | null = null;
  let stderr = '';

  async function start() {
    const { DATABASE_URL: _ignored, ...inherited } = process.env;
    const running = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: apiDir,
      env: {
        ...inherited,
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DATABASE_URL: options.databaseUrl,
        PORT: String(port),
        PUBLIC_URL: url,
        DATA_DIR: dataDir,
        ...options.env,
      },
      stdio: ['ignore', options.onStdout ? 'pipe' : 'ignore', 'pipe'],
    });
    child = running;
    running.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    if (options.onStdout)
      running.stdout?.on('data', (chunk: Buffer) => options.onStdout?.(chunk.toString()));
    for (let attempt = 0; attempt < 3000; attempt += 1) {
      if (running.exitCode !== null)
        throw new Error(`the API exited with ${running.exitCode}: ${stderr.slice(0, 2000)}`);
      try {
        if ((await fetch(`${url}/health`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`the API did not start within 5 minutes: ${stderr.slice(0, 2000)}`);
  }

  function signal(name: NodeJS.Signals) {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return Promise.resolve();
    return new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill(name);
    });
  }

  await start();
  return {
    url,
    port,
    get pid() {
      return child?.pid;
    },
    stderr: () => stderr,
    start,
    stop: () => signal('SIGTERM'),
    kill: () => signal('SIGKILL'),
    async dispose() {
      await signal('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
