import { hkdfSync } from 'node:crypto';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';

const repoRoot = resolve(import.meta.dirname, '../../..');
const DEV_AUTH_SECRET = 'coproduce-local-development-secret-not-for-production-use';

const ZEnv = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce
      .number({ error: 'must be a whole number' })
      .int('must be a whole number')
      .min(0, 'must be between 0 and 65535')
      .max(65535, 'must be between 0 and 65535')
      .default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATABASE_URL: z
      .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' })
      .optional(),
    /** A streaming replica of DATABASE_URL's database: reports read from it (docs/scaling.md). */
    DATABASE_READ_URL: z
      .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' })
      .optional(),
    /** Comma list of proxy addresses or CIDRs whose X-Forwarded-* headers are believed. */
    TRUST_PROXY: z
      .string()
      .refine(
        (value) => value.split(',').every((item) => isProxyAddress(item.trim())),
        'must be a comma list of proxy IP addresses or CIDR ranges, e.g. 127.0.0.1,10.0.0.0/8',
      )
      .optional(),
    /** Names this process in an `x-served-by` response header (several instances behind a proxy). */
    INSTANCE_NAME: z
      .string()
      .regex(
        /^[A-Za-z0-9._-]{1,64}$/,
        'must be up to 64 letters, digits, dots, dashes or underscores',
      )
      .optional(),
    DATA_DIR: z.string().min(1).default(resolve(repoRoot, '.data')),
    PUBLIC_URL: z
      .url({ error: 'must be an absolute URL such as https://coproduce.example.org' })
      .optional(),
    AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    SMTP_URL: z
      .url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' })
      .optional(),
    MAIL_FROM: z.string().min(3).default('Coproduce <no-reply@coproduce.example.org>'),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
    /** base64 of 32 random bytes: the AES-256-GCM key for bank details (ADR 0008). */
    BANK_DETAILS_KEY: z
      .string()
      .refine(
        (value) => Buffer.from(value, 'base64').length === 32,
        'must be 32 bytes in base64 (e.g. `openssl rand -base64 32`)',
      )
      .optional(),
    /** The hub's own account, which Bacs payments are made from. */
    BACS_ORIGINATOR_SORT_CODE: z
      .string()
      .regex(/^\d{2}-?\d{2}-?\d{2}$/, 'must be a sort code such as 20-00-00')
      .optional(),
    BACS_ORIGINATOR_ACCOUNT: z
      .string()
      .regex(/^\d{8}$/, 'must be 8 digits')
      .optional(),
    BACS_SERVICE_USER_NUMBER: z
      .string()
      .regex(/^\d{6}$/, 'must be 6 digits')
      .optional(),
    BACS_ORIGINATOR_NAME: z
      .string()
      .regex(/^[A-Za-z0-9.&/ -]{1,18}$/, 'must be up to 18 letters, digits, spaces or . & / -')
      .optional(),
  })
  .superRefine((env, ctx) => {
    if (env.DATABASE_READ_URL && !env.DATABASE_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['DATABASE_READ_URL'],
        message: 'needs DATABASE_URL too (the read replica is of that primary database)',
      });
    }
    if (env.NODE_ENV === 'production' && !env.AUTH_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['AUTH_SECRET'], message: 'is required in production' });
    }
    if (env.NODE_ENV !== 'production') return;
    for (const name of [
      'BANK_DETAILS_KEY',
      'BACS_ORIGINATOR_SORT_CODE',
      'BACS_ORIGINATOR_ACCOUNT',
      'BACS_SERVICE_USER_NUMBER',
      'BACS_ORIGINATOR_NAME',
    ] as const) {
      if (!env[name])
        ctx.addIssue({ code: 'custom', path: [name], message: 'is required in production' });
    }
  });

/** The hub's bank account and Bacs identity, written into every bank file. */
export interface BacsOriginator {
  readonly sortCode: string;
  readonly accountNumber: string;
  readonly serviceUserNumber: string;
  readonly name: string;
}

/** Outside production only: a demo originator (not a real account). */
const DEMO_ORIGINATOR: BacsOriginator = {
  sortCode: '401276',
  accountNumber: '41000001',
  serviceUserNumber: '900001',
  name: 'COPRODUCE HUB',
};

export interface Config {
  readonly nodeEnv: 'development' | 'production' | 'test';
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string | undefined;
  /** A read replica for reports; undefined means reports read DATABASE_URL's primary. */
  readonly databaseReadUrl: string | undefined;
  /** Proxies whose X-Forwarded-For/-Proto/-Host are believed; empty means none (direct). */
  readonly trustProxy: readonly string[];
  /** Sent as `x-served-by` on every response when set. */
  readonly instanceName: string | undefined;
  /** PGlite's files (when no DATABASE_URL) and the mail outbox live here. */
  readonly dataDir: string;
  readonly publicUrl: string;
  readonly authSecret: string;
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  readonly logLevel: string;
  readonly seedDemo: boolean;
  readonly appsDir: string;
  readonly money: {
    /** 32 bytes; from BANK_DETAILS_KEY, or derived from AUTH_SECRET outside production. */
    readonly bankDetailsKey: Buffer;
    readonly bankDetailsKeyDerived: boolean;
    readonly originator: BacsOriginator;
  };
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Reads and checks the environment once; the only place that reads `process.env`. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set", as shells and compose files often leave them.
  const parsed = ZEnv.safeParse(
    Object.fromEntries(Object.entries(source).filter(([, value]) => value !== '')),
  );
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path.join('.') || 'environment';
    const value = issue?.path.length ? source[String(issue.path[0])] : undefined;
    throw new ConfigError(
      `Configuration error: ${name} ${issue?.message ?? 'is invalid'}${value === undefined ? '' : ` (got "${redact(name, value)}")`}`,
    );
  }
  const env = parsed.data;
  return {
    nodeEnv: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    databaseUrl: env.DATABASE_URL,
    databaseReadUrl: env.DATABASE_READ_URL,
    trustProxy: (env.TRUST_PROXY ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== ''),
    instanceName: env.INSTANCE_NAME,
    dataDir: env.DATA_DIR,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
    authSecret: env.AUTH_SECRET ?? DEV_AUTH_SECRET,
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    logLevel: env.LOG_LEVEL,
    seedDemo: env.SEED_DEMO === 'auto',
    appsDir: resolve(repoRoot, 'apps'),
    money: {
      bankDetailsKey: env.BANK_DETAILS_KEY
        ? Buffer.from(env.BANK_DETAILS_KEY, 'base64')
        : deriveBankDetailsKey(env.AUTH_SECRET ?? DEV_AUTH_SECRET),
      bankDetailsKeyDerived: !env.BANK_DETAILS_KEY,
      originator: {
        sortCode: env.BACS_ORIGINATOR_SORT_CODE?.replace(/-/g, '') ?? DEMO_ORIGINATOR.sortCode,
        accountNumber: env.BACS_ORIGINATOR_ACCOUNT ?? DEMO_ORIGINATOR.accountNumber,
        serviceUserNumber: env.BACS_SERVICE_USER_NUMBER ?? DEMO_ORIGINATOR.serviceUserNumber,
        name: env.BACS_ORIGINATOR_NAME?.toUpperCase() ?? DEMO_ORIGINATOR.name,
      },
    },
  };
}

/** An IP address, a CIDR range, or one of proxy-addr's names (loopback, linklocal, uniquelocal). */
function isProxyAddress(item: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(item)) return true;
  const [address = '', bits, extra] = item.split('/');
  const version = isIP(address);
  if (version === 0 || extra !== undefined) return false;
  if (bits === undefined) return true;
  if (!/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (version === 4 ? 32 : 128);
}

/** Development and tests only (production requires BANK_DETAILS_KEY): HKDF-SHA256 of AUTH_SECRET. */
function deriveBankDetailsKey(authSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', authSecret, 'coproduce', 'bank-details-key v1', 32));
}

/** Never echo secrets or credentials back, even in an error. */
function redact(name: string, value: string): string {
  if (name === 'AUTH_SECRET' || name === 'BANK_DETAILS_KEY') return '…';
  try {
    const url = new URL(value);
    if (url.password) url.password = '…';
    return url.toString();
  } catch {
    return value;
  }
}
