// Guards postgres.js 3.4.9 against a crash when PostgreSQL goes away (issue 6, "Faults").
//
// Upstream bug porsager/postgres#1154 / #1208 (fix proposed in PRs #1168, #1209, not released):
// a small write is deferred with setImmediate; when the connection closes first, `closed()`
// clears the timer without resetting it, and the next write either throws
// `Cannot read properties of null (reading 'write')` from a timer, which no try/catch can reach,
// so the whole API process exits, or is buffered behind the stale timer and never sent (a hang).
// The patch resets the write buffer when a connection closes and turns a write on a closed
// socket into the ordinary CONNECTION_CLOSED error (answered 503 by the API).
//
// Idempotent; run by `postinstall`. Drop it once a postgres release carries the fix.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, sep } from 'node:path';

const MARK = '/* coproduce: guarded nextWrite */';
const PATCHES = [
  [
    'function nextWrite(fn) {\n    const x = socket.write(chunk, fn)',
    `function nextWrite(fn) {\n    ${MARK}\n    if (!socket) {\n      chunk = nextWriteTimer = null\n      error(Errors.connection('CONNECTION_CLOSED', options))\n      return false\n    }\n    const x = socket.write(chunk, fn)`,
  ],
  [
    'clearImmediate(nextWriteTimer)\n    if (socket) {',
    'clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null\n    if (socket) {',
  ],
  [
    'remaining = 0\n    incomings = null\n    clearImmediate(nextWriteTimer)\n',
    'remaining = 0\n    incomings = null\n    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null\n',
  ],
];

let root;
try {
  // The package's `exports` hide package.json: find its folder from its entry point.
  const require = createRequire(join(import.meta.dirname, '../packages/db/package.json'));
  const entry = require.resolve('postgres');
  root = entry.slice(0, entry.lastIndexOf(`${sep}postgres${sep}`) + `${sep}postgres`.length);
} catch {
  console.log('patch-postgres-driver: postgres is not installed; nothing to patch.');
  process.exit(0);
}
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
if (version !== '3.4.9') {
  console.log(
    `patch-postgres-driver: postgres ${version} is not 3.4.9; check whether it still needs the guard.`,
  );
  process.exit(0);
}
for (const flavour of ['src', 'cjs/src', 'cf/src']) {
  const file = join(root, flavour, 'connection.js');
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    continue;
  }
  if (text.includes(MARK)) continue;
  for (const [from, to] of PATCHES) {
    if (!text.includes(from)) {
      console.error(
        `patch-postgres-driver: ${file} does not look like postgres 3.4.9; not patched.`,
      );
      process.exit(1);
    }
    text = text.replace(from, to);
  }
  writeFileSync(file, text);
  console.log(`patch-postgres-driver: guarded nextWrite in ${file}`);
}
