import { generate } from 'otplib';

/** A browser-like HTTP client for tests: keeps cookies and sends our Origin. */
export class TestBrowser {
  readonly cookies = new Map<string, { value: string; attributes: string }>();

  constructor(readonly baseUrl: string) {}

  cookieHeader(): string {
    return [...this.cookies].map(([name, { value }]) => `${name}=${value}`).join('; ');
  }

  async request(
    path: string,
    init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = { origin: this.baseUrl, ...init.headers };
    if (this.cookies.size > 0) headers.cookie = this.cookieHeader();
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(new URL(path, this.baseUrl), {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      redirect: 'manual',
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = /max-age=0/i.test(line) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, { value, attributes: attributes.join(';') });
    }
    const text = await response.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    return {
      status: response.status,
      headers: response.headers,
      json,
    };
  }

  signIn(email: string, password: string) {
    return this.request('/api/auth/sign-in/email', { body: { email, password } });
  }

  verifyTotp(code: string) {
    return this.request('/api/auth/two-factor/verify-totp', { body: { code } });
  }

  signOut() {
    return this.request('/api/auth/sign-out', { body: {} });
  }

  query(path: string, input?: unknown) {
    const search = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    return this.request(`/trpc/${path}${search}`);
  }

  mutate(path: string, input: unknown = {}) {
    return this.request(`/trpc/${path}`, { body: input });
  }
}

export function totpCode(secret: string, epoch = Date.now()): Promise<string> {
  return generate({ secret, epoch: Math.floor(epoch / 1000) });
}
