// The contract names each action's evidence: a missing field is refused at the boundary with
// input.invalid naming it, for every action and every field, and nothing is written.
import { startBackend, type Backend } from './helpers/backend'
import { STILL_START } from '../../emulator/src/clock'
import { ACT_INPUTS, evidenceOf, type EvidenceField } from '../../types/api/ticket'
import { TICKET_ACTIONS } from '../../types/ticket'

const FULL: Record<EvidenceField, unknown> = {
  afterPhotos: ['cloud://woodpecker-local.7465-woodpecker-local-1300000000/uploads/a.jpg'],
  deadline: new Date(STILL_START + 3 * 86400_000).toISOString(),
  departmentId: 'property',
  plan: '联系物业',
  targetFloorId: 'B07F04',
  duplicateOf: 'some-ticket',
  reason: '原因',
  rating: 5,
  target: 'owner',
  grade: 'major',
  responsibleId: 'someone',
  measures: '更换管道',
  funds: 12000,
  contingency: '停用并设警示',
  opinion: '同意销号',
}
const CASES = TICKET_ACTIONS.flatMap((action) =>
  evidenceOf(action).map((field) => [action, field] as const),
)

describe('act: evidence at the boundary', () => {
  let b: Backend
  beforeAll(async () => {
    b = await startBackend({ seed: true })
  }, 60_000)
  afterAll(() => b.stop())

  it('has a case for every evidence field of every action', () => {
    const expected = Object.values(ACT_INPUTS).reduce(
      (n, s) => n + Object.keys(s.shape).filter((k) => k in FULL).length,
      0,
    )
    expect(CASES).toHaveLength(expected)
    expect(CASES.length).toBeGreaterThan(10)
  })

  it.each(CASES)('%s without %s → input.invalid naming it', async (action, field) => {
    const input: Record<string, unknown> = { id: 'whatever', action }
    for (const f of evidenceOf(action)) if (f !== field) input[f] = FULL[f]
    const before = await b.db.collection('ticket_events').count()
    const res = await b.callAs('demo-floor-captain', 'ticket', 'act', input)
    expect(res).toMatchObject({ ok: false, code: 'input.invalid' })
    if (!res.ok) expect(res.issues?.map((i) => i.path)).toContain(field)
    expect(await b.db.collection('ticket_events').count()).toEqual(before)
  })

  it.each(TICKET_ACTIONS)('%s refuses a field that is not its evidence', async (action) => {
    const foreign = (Object.keys(FULL) as EvidenceField[]).find(
      (f) => !evidenceOf(action).includes(f as never),
    )!
    const input: Record<string, unknown> = { id: 'x', action, [foreign]: FULL[foreign] }
    for (const f of evidenceOf(action)) input[f] = FULL[f]
    await expect(b.callAs('demo-floor-captain', 'ticket', 'act', input)).resolves.toMatchObject({
      ok: false,
      code: 'input.invalid',
    })
  })
})
