#!/usr/bin/env node
// Fails when the JavaScript a first visit downloads is over budget: the app's entry chunk and
// every chunk it imports statically (recursively), as listed in Vite's dist/.vite/manifest.json,
// measured gzipped. Lazily loaded screens are not counted: they load when first visited.
//
// Usage: node scripts/check-bundle-size.mjs [hub|site ...]   (default: both; run after `vite build`)
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const LIMITS_KB = { hub: 200, site: 150 };

function firstScreenFiles(manifest) {
  const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
  if (entries.length !== 1) throw new Error(`expected one entry chunk, found ${entries.length}`);
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const imported of manifest[key]?.imports ?? []) visit(imported);
  };
  visit(entries[0][0]);
  return [...seen].map((key) => manifest[key].file).filter((file) => file.endsWith('.js'));
}

let failed = false;
const apps = process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(LIMITS_KB);
for (const app of apps) {
  const limit = LIMITS_KB[app];
  if (limit === undefined) {
    console.error(`unknown app "${app}" (expected ${Object.keys(LIMITS_KB).join(' or ')})`);
    process.exit(2);
  }
  const dist = join(root, 'apps', app, 'dist');
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
  } catch {
    console.error(
      `${app}: no dist/.vite/manifest.json – run \`npm run build -w @coproduce/${app}\` first`,
    );
    process.exit(2);
  }
  const files = firstScreenFiles(manifest);
  const bytes = files.reduce(
    (sum, file) => sum + gzipSync(readFileSync(join(dist, file)), { level: 9 }).length,
    0,
  );
  const kb = bytes / 1024;
  const over = kb > limit;
  failed ||= over;
  console.log(
    `${app} first-screen JS: ${kb.toFixed(1)} KB gzipped in ${files.length} file${files.length === 1 ? '' : 's'} (limit ${limit} KB)${over ? ' – OVER BUDGET' : ''}`,
  );
}
process.exit(failed ? 1 : 0);
