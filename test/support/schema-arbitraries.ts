/**
 * Inputs for every root operation, generated from the schema's own argument and input types
 * (issue 14): the minimal well-typed value of an argument, and fast-check arbitraries that mix
 * well-typed values (fixture values, real ids, edge cases) with hostile ones (wrong types,
 * huge strings, unicode edge cases, out-of-range numbers, missing and extra fields).
 *
 * Nothing here knows a module: a new mutation is fuzzed as soon as it is in the schema.
 */
import fc from 'fast-check';
import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLOutputType,
} from 'graphql';

export type Variables = Record<string, unknown>;

/** What the generators draw real values from. */
export interface ValuePools {
  /** Ids of existing records of every kind (incidents, vehicles, users, other units' records...). */
  ids: readonly string[];
  /** Known-good values per input field or argument name (from the fixtures, and the modules' field hints). */
  byName: ReadonlyMap<string, readonly unknown[]>;
}

const MAX_INT = 2 ** 31 - 1;
const MIN_INT = -(2 ** 31);

/** Strings a careless server chokes on. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\t\n',
  '\u0000',
  'a\u0000b',
  '\u202Eevil\u202C', // right-to-left override
  'שלום עולם مرحبا', // right-to-left scripts
  '\u200B\u200C\u200D\uFEFF', // zero-width characters and BOM
  '🚑🚒👨‍👩‍👧‍👦🏳️‍🌈', // emoji, ZWJ sequences
  '\uD800', // lone high surrogate
  'x\uDC00y', // lone low surrogate
  'e\u0301\u0301\u0301', // stacked combining marks
  '%s%n%x',
  "'; drop table incident; --",
  '" or 1=1 --',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '${jndi:ldap://x}',
  '\\',
  'NaN',
  'Infinity',
  '-1',
  '1e309',
  '00000000-0000-0000-0000-000000000000',
  '应急指挥部'.repeat(50),
];

/** A 100 KB string (the brief's "huge string"); the HTTP body limit is 256 KB. */
export const HUGE_STRING = 'x'.repeat(100 * 1024);

/**
 * The smallest well-typed value for an input type: what an anonymous or wrong-role probe
 * sends, so that the answer is about access, not about coercion.
 */
export function minimalValue(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return minimalValue(type.ofType);
  if (isListType(type)) return [minimalValue(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined) value[field.name] = minimalValue(field.type);
    }
    return value;
  }
  switch ((type as GraphQLNamedType).name) {
    case 'Int':
      return 1;
    case 'Float':
      return 1.5;
    case 'Boolean':
      return false;
    case 'ID':
      return '00000000-0000-4000-8000-000000000000';
    case 'DateTimeISO':
      return new Date(0).toISOString();
    case 'EventPosition':
      return '0';
    case 'JSONObject':
      return {};
    default:
      return 'x';
  }
}

/** Values for every required argument of a root field (optional ones left out). */
export function minimalVariables(field: GraphQLField<unknown, unknown>): Variables {
  const variables: Variables = {};
  for (const arg of field.args) {
    // fullDocument declares every argument with its own type: a non-null one with a default still needs a value.
    if (isNonNullType(arg.type)) variables[arg.name] = arg.defaultValue !== undefined ? arg.defaultValue : minimalValue(arg.type);
  }
  return variables;
}

/**
 * A document calling one root field with EVERY argument as a variable of its own type, and
 * selecting the scalar fields of the result (so output serialisation is exercised too).
 */
export function fullDocument(kind: 'query' | 'mutation' | 'subscription', field: GraphQLField<unknown, unknown>): string {
  const declared = field.args.map((a) => `$${a.name}: ${String(a.type)}`);
  const passed = field.args.map((a) => `${a.name}: $${a.name}`);
  const head = declared.length ? `(${declared.join(', ')})` : '';
  const call = passed.length ? `(${passed.join(', ')})` : '';
  return `${kind} Fuzz_${field.name}${head} { ${field.name}${call}${selectionOf(field.type, 2)} }`;
}

function selectionOf(type: GraphQLOutputType, depth: number): string {
  const named = getNamedType(type);
  if (!isCompositeType(named)) return '';
  if (!isObjectType(named) || depth === 0) return ' { __typename }';
  const parts = ['__typename'];
  for (const f of Object.values(named.getFields())) {
    if (f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const inner = getNamedType(f.type);
    if (isLeafType(inner)) parts.push(f.name);
    else if (depth > 1 && !isListType(getNullableType(f.type))) parts.push(`${f.name}${selectionOf(inner, depth - 1)}`);
  }
  return ` { ${parts.join(' ')} }`;
}

// ---------------------------------------------------------------------------------------------
// Well-typed values: what coercion accepts, with content chosen to break what comes after it.

function scalarArb(name: string, pools: ValuePools, fieldName: string): fc.Arbitrary<unknown> {
  const known = (pools.byName.get(fieldName) ?? []).filter((v) => scalarAccepts(name, v));
  const fromKnown = known.length ? [fc.constantFrom(...known)] : [];
  const base = ((): fc.Arbitrary<unknown> => {
    switch (name) {
      case 'Int':
        return fc.oneof(
          fc.constantFrom(0, 1, -1, 2, 5, 10, 100, MAX_INT, MIN_INT, MAX_INT - 1),
          fc.integer({ min: -1_000, max: 1_000 }),
          fc.integer({ min: MIN_INT, max: MAX_INT }),
        );
      case 'Float':
        return fc.oneof(
          fc.constantFrom(0, -0, 0.5, 1, -1, 90, -90, 180.0001, 1e-300, 1.7976931348623157e308, -1.7976931348623157e308, 99.999, 1e6),
          fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e4, max: 1e4 }),
          fc.double({ noNaN: true, noDefaultInfinity: true }),
        );
      case 'Boolean':
        return fc.boolean();
      case 'ID':
        return fc.oneof(
          { weight: 4, arbitrary: pools.ids.length ? fc.constantFrom(...pools.ids) : fc.uuid() },
          { weight: 2, arbitrary: fc.uuid() },
          {
            weight: 1,
            arbitrary: fc.constantFrom(
              '',
              'not-a-uuid',
              '0',
              '-1',
              "' or 1=1 --",
              '00000000-0000-0000-0000-000000000000',
              'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
            ),
          },
        );
      case 'DateTimeISO':
        return fc.oneof(
          fc
            .date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
            .map((d) => d.toISOString()),
          fc.constantFrom(
            '0001-01-01T00:00:00.000Z',
            '+275760-09-13T00:00:00.000Z',
            '-271821-04-20T00:00:00.000Z',
            new Date().toISOString(),
          ),
        );
      case 'EventPosition':
        return fc.oneof(fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }).map(String), fc.constantFrom('0', '1', '9223372036854775807'));
      case 'JSONObject':
        return fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 });
      default:
        return stringArb();
    }
  })();
  return fromKnown.length ? fc.oneof({ weight: 3, arbitrary: fromKnown[0]! }, { weight: 2, arbitrary: base }) : base;
}

function scalarAccepts(name: string, value: unknown): boolean {
  switch (name) {
    case 'Int':
      return Number.isInteger(value);
    case 'Float':
      return typeof value === 'number';
    case 'Boolean':
      return typeof value === 'boolean';
    default:
      return typeof value === 'string';
  }
}

export function stringArb(): fc.Arbitrary<string> {
  // Huge strings are rare per field (an input has many string fields), so that most requests
  // still fit the 256 KB body limit and reach the resolvers.
  return fc.oneof(
    { weight: 30, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    { weight: 30, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 20, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
    { weight: 10, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 2, arbitrary: fc.constantFrom(HUGE_STRING, 'é'.repeat(60 * 1024), '\u{1F691}'.repeat(20 * 1024)) },
  );
}

/** A well-typed value of an input type (coercion accepts it); content hostile or real. */
export function typedValueArb(type: GraphQLInputType, pools: ValuePools, fieldName: string, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return typedValueArb(type.ofType, pools, fieldName, depth);
  if (isListType(type)) {
    const item = typedValueArb(type.ofType, pools, fieldName, depth + 1);
    return fc.oneof(
      { weight: 4, arbitrary: fc.array(item, { maxLength: 4 }) },
      { weight: 1, arbitrary: item.chain((v) => fc.constant([v, v, v])) }, // duplicates
      { weight: 1, arbitrary: fc.array(item, { minLength: 200, maxLength: 400 }) }, // long lists
    );
  }
  if (isEnumType(type)) return fc.constantFrom(...type.getValues().map((v) => v.name));
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const shape: Record<string, fc.Arbitrary<unknown>> = {};
    for (const f of fields) {
      const value = depth > 3 ? fc.constant(minimalValue(f.type)) : typedValueArb(f.type, pools, f.name, depth + 1);
      shape[f.name] = isNonNullType(f.type) ? value : fc.option(value, { nil: null, freq: 4 });
    }
    const required = fields.filter((f) => isNonNullType(f.type) && f.defaultValue === undefined).map((f) => f.name);
    return fc.record(shape, { requiredKeys: required });
  }
  if (isScalarType(type)) return scalarArb(type.name, pools, fieldName);
  return fc.constant(null);
}

// ---------------------------------------------------------------------------------------------
// Hostile values: what coercion must refuse (BAD_USER_INPUT), never a crash.

/** A value of the wrong shape for the type. */
export function wrongTypeArb(type: GraphQLInputType): fc.Arbitrary<unknown> {
  const named = getNamedType(type);
  const wrong: unknown[] = [
    { nested: { deeper: [1, 2, 3] } },
    [[['deep']]],
    true,
    -1,
    2 ** 31, // past Int
    -(2 ** 31) - 1,
    2 ** 53 + 2, // past exact doubles
    1e300,
    -1e300,
    1.5,
    'NaN',
    'Infinity',
    '',
    HUGE_STRING,
  ];
  if (isNonNullType(type)) wrong.push(null);
  if (isInputObjectType(named)) wrong.push('an object was expected', 7);
  if (isEnumType(named)) wrong.push(named.getValues()[0]!.name.toLowerCase(), 'NOT_A_VALUE', 0);
  return fc.constantFrom(...wrong);
}

/** Changes one part of a well-typed value: a wrong type, a missing required field, an unknown extra field. */
export function corruptArb(type: GraphQLInputType, value: unknown): fc.Arbitrary<unknown> {
  const named = getNullableType(type) as GraphQLInputType;
  const options: fc.Arbitrary<unknown>[] = [wrongTypeArb(type)];
  if (isInputObjectType(named) && value && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    const fields = Object.values(named.getFields());
    // Computed keys make own properties, so even "__proto__" travels as a plain JSON field.
    options.push(
      fc.constantFrom('__proto__', 'constructor', 'unknownField', 'id ', 'ID').map((extra) => ({ ...record, [extra]: 'extra' })),
    );
    const required = fields.filter((f) => isNonNullType(f.type) && f.defaultValue === undefined);
    if (required.length) {
      options.push(
        fc.constantFrom(...required).map((f) => {
          const copy = { ...record };
          delete copy[f.name];
          return copy;
        }),
      );
    }
    if (fields.length) {
      options.push(
        fc.constantFrom(...fields).chain((f) => corruptArb(f.type, record[f.name]).map((bad) => ({ ...record, [f.name]: bad }))),
      );
    }
  }
  if (isListType(named) && Array.isArray(value)) {
    options.push(corruptArb(named.ofType, value[0]).map((bad) => [...value, bad]));
  }
  return fc.oneof(...options);
}

/**
 * Variables for one root field: mostly well-typed (from a fixture's known-good variables or
 * generated), one part in three corrupted; sometimes a required argument missing or an extra
 * unknown variable.
 */
export function variablesArb(
  field: GraphQLField<unknown, unknown>,
  pools: ValuePools,
  known: readonly Variables[] = [],
): fc.Arbitrary<Variables> {
  const generated = fc.record(
    Object.fromEntries(field.args.map((a) => [a.name, argArb(a, pools)])),
    // fullDocument declares `$first: Int!` even where the argument has a default, so non-null means required here.
    { requiredKeys: field.args.filter((a) => isNonNullType(a.type)).map((a) => a.name) },
  ) as fc.Arbitrary<Variables>;
  const wellTyped = known.length
    ? fc.oneof(
        { weight: 1, arbitrary: fc.constantFrom(...known) },
        { weight: 2, arbitrary: mixArb(field, pools, known) },
        { weight: 2, arbitrary: generated },
      )
    : generated;
  if (field.args.length === 0) {
    return fc.oneof(fc.constant({}), fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }));
  }
  const corrupted = wellTyped.chain((vars) =>
    fc.constantFrom(...field.args).chain((arg) => corruptArb(arg.type, vars[arg.name]).map((bad) => ({ ...vars, [arg.name]: bad }))),
  );
  const missing = wellTyped.chain((vars) =>
    fc.constantFrom(...field.args).map((arg) => {
      const copy = { ...vars };
      delete copy[arg.name];
      return copy;
    }),
  );
  const extra = wellTyped.map((vars) => ({ ...vars, notAnArgument: 'extra', __proto__x: { polluted: true } }));
  return fc.oneof(
    { weight: 6, arbitrary: wellTyped },
    { weight: 3, arbitrary: corrupted },
    { weight: 1, arbitrary: missing },
    { weight: 1, arbitrary: extra },
  );
}

function argArb(arg: GraphQLArgument, pools: ValuePools): fc.Arbitrary<unknown> {
  const value = typedValueArb(arg.type, pools, arg.name);
  return isNonNullType(arg.type) ? value : fc.option(value, { nil: null, freq: 4 });
}

/** A known-good variable set with one field replaced by a generated well-typed value (reaches deep checks). */
function mixArb(field: GraphQLField<unknown, unknown>, pools: ValuePools, known: readonly Variables[]): fc.Arbitrary<Variables> {
  return fc.constantFrom(...known).chain((vars) =>
    fc.constantFrom(...field.args).chain((arg) => {
      const type = getNullableType(arg.type);
      const current = vars[arg.name];
      if (isInputObjectType(type) && current && typeof current === 'object') {
        const fields = Object.values(type.getFields());
        return fc
          .constantFrom(...fields)
          .chain((f) =>
            typedValueArb(f.type, pools, f.name).map((v) => ({ ...vars, [arg.name]: { ...(current as object), [f.name]: v } })),
          );
      }
      return typedValueArb(arg.type, pools, arg.name).map((v) => ({ ...vars, [arg.name]: v }));
    }),
  );
}

/** Known-good values per field name, collected from fixture variables (nested input fields included). */
export function valuesByName(samples: readonly Variables[]): Map<string, unknown[]> {
  const byName = new Map<string, unknown[]>();
  const visit = (value: unknown, name: string) => {
    if (Array.isArray(value)) return value.forEach((v) => visit(v, name));
    if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit(v, k);
      return;
    }
    if (value === null || value === undefined) return;
    const list = byName.get(name) ?? [];
    if (!list.includes(value)) list.push(value);
    byName.set(name, list);
  };
  for (const sample of samples) for (const [k, v] of Object.entries(sample)) visit(v, k);
  return byName;
}
