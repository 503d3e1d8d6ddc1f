// Rewrites one section of docs/benchmarks.md with fresh figures, stamped with the date, the
// machine and the command that produced them. Each benchmark owns the section named after it.
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

const file = join(import.meta.dirname, '..', 'docs', 'benchmarks.md');
const HEADER = `# Benchmarks

Latest measured figures. Every section is rewritten by \`npm run bench\` (or the command it
names); targets live here, never in timed unit tests.
`;

export function machine() {
  return `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

export function writeSection(name, command, markdown) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    text = HEADER;
  }
  const start = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const section = `${start}\n${markdown.trim()}\n\nMeasured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine()} with \`${command}\`.\n${end}`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  text =
    from >= 0 && to > from
      ? `${text.slice(0, from)}${section}${text.slice(to + end.length)}`
      : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, text);
}
