import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './free-port.ts';

export const NGINX_BIN = '/usr/sbin/nginx';
const TEMPLATE = join(import.meta.dirname, '../../../../infra/nginx/coproduce.conf');

/** Whether Debian's nginx is installed here (`apt-get install -y nginx`). */
export const canStartNginx = () => existsSync(NGINX_BIN);

export interface LocalNginx {
  readonly url: string;
  readonly port: number;
  /** Its error log so far. */
  errorLog(): string;
  /** Stops it (SIGQUIT: graceful) and removes its directory. */
  stop(): Promise<void>;
}

/**
 * infra/nginx/coproduce.conf with its `@bench` lines replaced: the given upstream servers
 * (host:port) and `listen 127.0.0.1:<port>`. Everything else is the deployment template as is.
 */
export function renderCoproduceConf(upstreams: readonly string[], port: number): string {
  const lines = readFileSync(TEMPLATE, 'utf8').split('\n');
  const out: string[] = [];
  let section: 'upstream' | 'listen' | null = null;
  for (const line of lines) {
    if (line.includes('# @bench upstream servers')) {
      section = 'upstream';
      out.push(...upstreams.map((at) => `    server ${at} max_fails=3 fail_timeout=10s;`));
      continue;
    }
    if (line.includes('# @bench listen')) {
      section = 'listen';
      continue;
    }
    if (section === 'upstream' && /^\s*server\s/.test(line)) continue;
    if (section === 'listen' && /^\s*listen\s/.test(line)) {
      out.push(`    listen 127.0.0.1:${port};`);
      section = null;
      continue;
    }
    if (section === 'upstream' && !/^\s*server\s/.test(line)) section = null;
    out.push(line);
  }
  return out.join('\n');
}

/**
 * nginx in the foreground as a child process (`daemon off`), with its own prefix directory in
 * /tmp (config, pid, logs, temp files), in front of the given API instances, on 127.0.0.1.
 * As root, the workers run as `nobody`.
 */
export async function startNginx(options: {
  upstreams: readonly string[];
  port?: number;
}): Promise<LocalNginx> {
  const port = options.port ?? (await freePort());
  const prefix = mkdtempSync('/tmp/coproduce-nginx-');
  chmodSync(prefix, 0o755);
  const errorLogPath = join(prefix, 'error.log');
  const root = process.getuid?.() === 0;
  const conf = [
    'worker_processes 1;',
    root ? 'user nobody nogroup;' : '',
    `pid ${join(prefix, 'nginx.pid')};`,
    `error_log ${errorLogPath} warn;`,
    'events { worker_connections 1024; }',
    'http {',
    '  access_log off;',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
      (kind) => `  ${kind}_temp_path ${join(prefix, kind)};`,
    ),
    renderCoproduceConf(options.upstreams, port),
    '}',
    '',
  ].join('\n');
  const confPath = join(prefix, 'nginx.conf');
  writeFileSync(confPath, conf);

  let stderr = '';
  const child: ChildProcess = spawn(
    NGINX_BIN,
    ['-p', prefix, '-c', confPath, '-e', errorLogPath, '-g', 'daemon off;'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  const errorLog = () => {
    try {
      return readFileSync(errorLogPath, 'utf8') + stderr;
    } catch {
      return stderr;
    }
  };
  for (let attempt = 0; ; attempt += 1) {
    if (child.exitCode !== null || attempt > 100) {
      child.kill('SIGKILL');
      rmSync(prefix, { recursive: true, force: true });
      throw new Error(`nginx did not start: ${errorLog().slice(0, 2000)}`);
    }
    try {
      if ((await fetch(`${url}/nginx-health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    port,
    errorLog,
    async stop() {
      if (child.exitCode === null) {
        await new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGQUIT');
        });
      }
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}
