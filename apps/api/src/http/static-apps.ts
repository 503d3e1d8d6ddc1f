import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

export const APPS = [
  { name: 'hub', title: 'Hub', description: 'For the hub, commissioners, finance and auditors.' },
  {
    name: 'site',
    title: 'Site',
    description: 'For site leads, practitioners and community researchers.',
  },
] as const;

/**
 * Serves each built React app under its own path. Unknown paths inside an app get its
 * index.html, so every screen has a shareable URL.
 */
export async function registerStaticApps(app: FastifyInstance, appsDir: string) {
  const roots = APPS.map(({ name }) => ({ name, root: join(appsDir, name, 'dist') }));
  for (const [index, { name, root }] of roots.entries()) {
    if (!existsSync(root)) {
      app.log.warn(
        { event: 'static.missing', app: name },
        `apps/${name}/dist is missing: run npm run build`,
      );
      continue;
    }
    await app.register(fastifyStatic, {
      root,
      prefix: `/${name}/`,
      decorateReply: index === 0,
      index: false,
      wildcard: false,
      globIgnore: ['index.html'],
      setHeaders(res, path) {
        const immutable = path.includes(`${join(name, 'dist', 'assets')}`);
        res.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    const sendIndex = (reply: FastifyReply) =>
      reply.header('cache-control', 'no-cache').sendFile('index.html', root);
    app.get(`/${name}`, (_req, reply) => reply.redirect(`/${name}/`));
    app.get(`/${name}/`, (_req, reply) => sendIndex(reply));
    app.get(`/${name}/*`, (req, reply) => {
      const looksLikeAFile = /\.[a-z0-9]+$/i.test(req.url.split('?')[0] ?? '');
      return looksLikeAFile ? reply.code(404).send({ error: 'not-found' }) : sendIndex(reply);
    });
  }
}

const LANDING_CSS =
  'body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#0b0c0c}a{color:#1d4e89}a:focus{outline:3px solid #fd0;background:#fd0;color:#0b0c0c;text-decoration:none}';

/** `/`: a plain page pointing to both apps (its style is a file: the CSP allows no inline CSS). */
export function registerLandingPage(app: FastifyInstance) {
  const links = APPS.map(
    (a) => `<li><a href="/${a.name}/">Coproduce ${a.title}</a>: ${a.description}</li>`,
  ).join('');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Coproduce</title><link rel="stylesheet" href="/landing.css"></head><body><main><h1>Coproduce</h1><p>Commission, deliver, evidence and pay for community health programmes by outcomes.</p><ul>${links}</ul></main></body></html>`;
  app.get('/', (_req, reply) => reply.type('text/html; charset=utf-8').send(html));
  app.get('/landing.css', (_req, reply) => reply.type('text/css; charset=utf-8').send(LANDING_CSS));
}
