import { z } from 'zod';
import { routerProcedures } from '../procedures.ts';

/**
 * Finds every input field of a tRPC procedure that holds an id, and builds an otherwise valid
 * input around chosen ids, from the procedure's own zod schema (via its JSON Schema).
 */

type JsonSchema = {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  minItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};

export interface ProcedureDef {
  readonly path: string;
  readonly type: 'query' | 'mutation';
  readonly inputs: readonly z.ZodType[];
  readonly schema: JsonSchema;
}

/** Every procedure of the app router with its input as JSON Schema (where ids are found). */
export function procedureDefs(): ProcedureDef[] {
  return routerProcedures().map(({ path, type, input }) => {
    const inputs = input ? [input] : [];
    const schema: JsonSchema = input
      ? (z.toJSONSchema(input, { unrepresentable: 'any', io: 'input' }) as JsonSchema)
      : { type: 'object' };
    return { path, type, inputs, schema };
  });
}

const ID_NAME = /(^id|Id|Ids)$/;

const isUuid = (s: JsonSchema | undefined) =>
  !!s && (s.format === 'uuid' || !!s.anyOf?.some((o) => o.format === 'uuid'));

/** Paths like `programmeId`, `draft.siteIds[]`, `register[].participantId`, `cursor.id`. */
export function idFieldPaths(schema: JsonSchema, prefix = ''): string[] {
  const out: string[] = [];
  for (const part of [...(schema.allOf ?? []), ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])])
    out.push(...idFieldPaths(part, prefix));
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const path = prefix ? `${prefix}.${name}` : name;
    const arrayOfIds = property.type === 'array' && isUuid(property.items);
    if (isUuid(property) || (ID_NAME.test(name) && !property.properties && !property.items))
      out.push(path);
    else if (arrayOfIds) out.push(`${path}[]`);
    else if (property.type === 'array' && property.items)
      out.push(...idFieldPaths(property.items, `${path}[]`));
    else out.push(...idFieldPaths(property, path));
  }
  return [...new Set(out)];
}

const PATTERN_SAMPLES: Record<string, string> = {
  '^[A-Z_]{2,40}$': 'SUBMIT',
  '^\\d{6}$': '123456',
  '^[\\x21-\\x7e]+$': 'attack-idempotency-key',
  '^[0-9+() -]{6,30}$': '020 7946 0000',
  '^[A-Z0-9-]{2,20}$': 'OUT-1',
  '^[A-Za-z0-9+/]*={0,2}$': Buffer.from('a,b\n1,2\n').toString('base64'),
  '^[a-zA-Z]{2,30}$': 'planned',
  '^\\d{2}[\\s-]?\\d{2}[\\s-]?\\d{2}$': '30-99-50',
  '^\\d{8}$': '12345678',
  '^[a-z0-9]+(-[a-z0-9]+)*$': 'follow-up-6m',
};

/**
 * A value satisfying `schema`, taking ids from `idAt(path)`. Optional properties are left out
 * unless they hold an id somewhere below.
 */
export function sample(
  schema: JsonSchema,
  idAt: (path: string) => string,
  path = '',
  optionalIdsToo = true,
): unknown {
  if (schema.allOf) {
    return Object.assign(
      {},
      ...schema.allOf.map((part) => sample(part, idAt, path, optionalIdsToo) as object),
    );
  }
  const options = schema.anyOf ?? schema.oneOf;
  if (options) {
    const uuid = options.find((o) => o.format === 'uuid');
    if (uuid) return idAt(path);
    const first = options.find((o) => o.type !== 'null') ?? options[0];
    return first ? sample(first, idAt, path, optionalIdsToo) : null;
  }
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        const child = path ? `${path}.${name}` : name;
        const required = schema.required?.includes(name);
        const holdsId = optionalIdsToo && idFieldPaths({ properties: { [name]: property } }).length;
        if (required || holdsId) out[name] = sample(property, idAt, child, optionalIdsToo);
      }
      return out;
    }
    case 'array': {
      const count = Math.max(schema.minItems ?? 0, 1);
      const item = schema.items ?? {};
      if (isUuid(item)) return Array.from({ length: count }, () => idAt(`${path}[]`));
      return Array.from({ length: count }, () => sample(item, idAt, `${path}[]`, optionalIdsToo));
    }
    case 'string': {
      if (schema.format === 'uuid') return idAt(path);
      if (schema.format === 'date') return '2026-01-15';
      if (schema.format === 'date-time') return '2026-01-15T10:00:00.000Z';
      if (schema.format === 'email') return 'attack.test@example.org';
      if (ID_NAME.test(path.split('.').pop() ?? '')) return idAt(path);
      if (schema.pattern && PATTERN_SAMPLES[schema.pattern]) return PATTERN_SAMPLES[schema.pattern];
      const length = Math.max(schema.minLength ?? 0, Math.min(12, schema.maxLength ?? 12));
      return 'attack test words'.padEnd(length, 'x').slice(0, Math.max(length, 1));
    }
    case 'integer':
    case 'number': {
      if (schema.minimum !== undefined) return Math.max(schema.minimum, 1);
      if (schema.exclusiveMinimum !== undefined) return schema.exclusiveMinimum + 1;
      return 1;
    }
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return schema.default ?? {};
  }
}

/** Sets the value at an id path (arrays: every element) in a copy of `input`. */
export function withIdAt(input: unknown, path: string, id: string): unknown {
  const copy = structuredClone(input);
  const parts = path.split('.');
  const walk = (node: unknown, index: number): unknown => {
    const part = parts[index] as string;
    const isArray = part.endsWith('[]');
    const key = isArray ? part.slice(0, -2) : part;
    const record = node as Record<string, unknown>;
    const last = index === parts.length - 1;
    if (isArray) {
      const items = (record[key] as unknown[] | undefined) ?? [];
      record[key] = last ? items.map(() => id) : items.map((item) => walk(item, index + 1));
    } else if (last) record[key] = id;
    else record[key] = walk(record[key] ?? {}, index + 1);
    return record;
  };
  return walk(copy, 0);
}

/** Whether every zod input of the procedure accepts `input` (so a refusal is not validation's). */
export function validInput(def: ProcedureDef, input: unknown): string | null {
  for (const schema of def.inputs) {
    const result = schema.safeParse(input);
    if (!result.success) return result.error.issues.map((i) => i.path.join('.')).join(', ');
  }
  return null;
}
