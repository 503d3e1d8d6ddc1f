/** The machine the figures were measured on: cores × CPU model, memory, Node version. */
export function machine(): string;
/** Rewrites the section `name` of docs/benchmarks.md, stamped with date, machine and command. */
export function writeSection(name: string, command: string, markdown: string): void;
