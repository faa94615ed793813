// Hostile inputs for any action, generated from its zod schema in the API map (so a new action or
// a reshaped one — e.g. a discriminated union — is fuzzed the moment it is declared).
import fc from 'fast-check'
import { z } from 'zod'

const nest = (depth: number, leaf: unknown): unknown =>
  depth === 0 ? leaf : depth % 2 ? [nest(depth - 1, leaf)] : { a: nest(depth - 1, leaf) }

/** Values no field should ever accept as they come: wrong types, giants, operators, prototype keys. */
export const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, NaN, 1e308, -0, 2 ** 53 + 1, '', ' ', '0'),
  fc.string({ maxLength: 80, unit: 'binary' }),
  fc.string({ maxLength: 40, unit: 'grapheme' }),
  fc.nat(6000).map((n) => '长'.repeat(n)),
  fc.constantFrom(
    { $gt: '' },
    { $ne: null },
    { $where: 'sleep(1000)' },
    { $regex: '.*' },
    { $numberInt: 'x' },
    { $date: { $numberLong: 'NaN' } },
    { $tcb_server_date: { offset: 1 } },
    ['$gt'],
    '$where',
    'cloud://',
    'cloud://x',
    `cloud://${'x'.repeat(5000)}`,
    '2026-13-01T00:00:00.000Z|abc',
    '2026-02-30T99:99:99.999Z',
  ),
  fc.constantFrom(
    JSON.parse('{"__proto__": {"polluted": true}}'),
    JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
    { toString: 'x', valueOf: 1, hasOwnProperty: null },
  ),
  fc.constantFrom(
    '\u202e\u2066evil\u2069',
    '\u0000\u0007\u001b[31m',
    'e\u0301',
    '\ud800',
    '💥'.repeat(300),
  ),
  fc.nat(40).map((d) => nest(d, 'deep')),
  fc.array(fc.oneof(fc.string({ maxLength: 10 }), fc.integer()), { maxLength: 60 }),
  fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 8 }),
)

type Def = { typeName: string; [k: string]: unknown }
const def = (s: z.ZodTypeAny): Def => (s as unknown as { _def: Def })._def

/** A plausible value for a schema: enough of them get past parsing to reach the handlers. */
function plausible(schema: z.ZodTypeAny, depth = 0): fc.Arbitrary<unknown> {
  const d = def(schema)
  switch (d.typeName) {
    case 'ZodString':
      return fc.oneof(
        fc.stringMatching(/^[a-z0-9-]{8,40}$/),
        // Real-looking ids that do not exist: a well-formed input still reaches the handler and
        // must be refused there (every id is checked), while nothing legitimate gets written.
        fc.constantFrom(
          'B99F99',
          'no-such-category',
          'u-staff-999',
          'cloud://woodpecker-local.7465-woodpecker-local-1300000000/photos/x.jpg',
          '2030-01-01T00:00:00.000Z',
          '2026-11-24T08:00:00.000Z|abc123',
          '消防通道堆放杂物',
        ),
      )
    case 'ZodNumber':
      return fc.oneof(fc.integer({ min: -2, max: 60 }), fc.double())
    case 'ZodBoolean':
      return fc.boolean()
    case 'ZodEnum':
      return fc.constantFrom(...(d.values as string[]))
    case 'ZodLiteral':
      return fc.constant(d.value)
    case 'ZodOptional':
    case 'ZodNullable':
      return fc.oneof(fc.constant(undefined), plausible(d.innerType as z.ZodTypeAny, depth))
    case 'ZodDefault':
      return fc.oneof(fc.constant(undefined), plausible(d.innerType as z.ZodTypeAny, depth))
    case 'ZodEffects':
      return plausible(d.schema as z.ZodTypeAny, depth)
    case 'ZodPipeline':
      return plausible(d.in as z.ZodTypeAny, depth)
    case 'ZodArray':
      return depth > 3
        ? fc.constant([])
        : fc.array(field(d.type as z.ZodTypeAny, depth + 1), { maxLength: 8 })
    case 'ZodRecord':
      return fc.dictionary(
        fc.string({ maxLength: 30 }),
        field(d.valueType as z.ZodTypeAny, depth + 1),
        { maxKeys: 5 },
      )
    case 'ZodObject':
      return objectOf(schema as z.AnyZodObject, depth)
    case 'ZodUnion':
    case 'ZodDiscriminatedUnion': {
      const options = (
        d.typeName === 'ZodUnion'
          ? d.options
          : [...(d.options as Map<unknown, z.ZodTypeAny>).values()]
      ) as z.ZodTypeAny[]
      return fc.oneof(...options.map((o) => plausible(o, depth)))
    }
    default:
      return hostile
  }
}

/** A field value: mostly plausible, often hostile. */
function field(schema: z.ZodTypeAny, depth: number): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: plausible(schema, depth), weight: 3 },
    { arbitrary: hostile, weight: 2 },
  )
}

function objectOf(schema: z.AnyZodObject, depth: number): fc.Arbitrary<unknown> {
  const shape = schema.shape as Record<string, z.ZodTypeAny>
  const keys = Object.keys(shape)
  const parts = Object.fromEntries(keys.map((k) => [k, field(shape[k], depth + 1)]))
  return fc
    .tuple(
      fc.record(parts, { requiredKeys: [] }),
      fc.option(
        fc.tuple(fc.constantFrom('__proto__', 'constructor', '$set', 'extra', 'a.b'), hostile),
      ),
    )
    .map(([obj, extra]) => {
      const out = { ...(obj as Record<string, unknown>) }
      if (extra) Object.defineProperty(out, extra[0], { value: extra[1], enumerable: true })
      return out
    })
}

/** Inputs for one action: whole-input garbage, schema-shaped mutations, and the odd valid-looking one. */
export function inputsFor(schema: z.ZodTypeAny): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: plausible(schema), weight: 4 }, { arbitrary: hostile, weight: 1 })
}
