// Inspection rounds through the real functions over the demo hospital: a round led by the 楼长 of
// 7号楼 with a hospital leader and a coordinator walks every floor; each 不合格 becomes exactly one
// hazard on its floor through the ticket door (its 层长 pushed), 立行立改 where fixed there; a re-sync
// of every answer changes nothing; the report and the figures agree with the tickets' journal; the
// leader is reminded the day before; an outsider is refused and nothing is written.
import { startBackend, type Backend } from './helpers/backend'
import { TEMPLATE_IDS } from '../../types/api/notify'
import type {
  AnswerInput,
  AnswerResult,
  RoundFigures,
  RoundReport,
  RoundView,
  TemplateVersion,
} from '../../types/api/rounds'
import type { Summary } from '../../types/api/stats'

const SAFETY = 'demo-safety'
const LEADER = 'demo-building-captain' // 楼长 of B07
const HOSPITAL_LEADER = 'demo-leader' // 院领导
const COORDINATOR = 'demo-coordinator'
const OUTSIDER = 'demo-staff'
const BUILDING = 'B07'
const TODAY = '2026-11-25' // the still clock's day

interface Walk {
  round: RoundView
  template: TemplateVersion | null
  answers: Array<{ floorId: string; itemId: string; clientKey: string; ticketId: string | null }>
}

describe('inspection rounds through the emulator', () => {
  let b: Backend
  let round: RoundView
  let template: TemplateVersion
  /** Every answer the round sent, floor by floor, as the devices would queue them. */
  const batches = new Map<string, { openid: string; answers: AnswerInput[] }>()
  /** What each failed answer should become: its floor, category and whether it was fixed there. */
  const expected: Array<{ floorId: string; categoryId: string; fixed: boolean; by: string }> = []

  const rows = async <T>(collection: string, where: object): Promise<T[]> =>
    ((await b.db.collection(collection).where(where).limit(1000).get()) as unknown as { data: T[] })
      .data
  const roundTickets = () =>
    rows<{ _id: string; floorId: string; categoryId: string; status: string; reporterId: string }>(
      'tickets',
      { 'source.roundId': round.id },
    )
  const call = <T>(openid: string, action: string, input: unknown) =>
    b.callAs<T>(openid, 'rounds', action, input)

  beforeAll(async () => {
    b = await startBackend({ seed: true })
  }, 60_000)
  afterAll(() => b.stop())

  it('seeds the eight checklists and two scheduled rounds', async () => {
    const list = await b.okAs<{ items: Array<{ name: string; items: number }> }>(
      SAFETY,
      'rounds',
      'templates.list',
      {},
    )
    expect(list.items.map((t) => t.name).sort()).toEqual(
      [
        '6S 管理',
        '危化品',
        '医疗废物',
        '地面与防滑',
        '氧气与燃气',
        '消防通道与疏散',
        '电梯',
        '电气安全',
      ].sort(),
    )
    expect(list.items.every((t) => t.items >= 4)).toBe(true)
    const scheduled = await b.okAs<{ items: RoundView[] }>(SAFETY, 'rounds', 'list', {
      status: 'scheduled',
    })
    expect(scheduled.items.map((r) => r.id).sort()).toEqual([
      'demo-round-b01-electric',
      'demo-round-b07-fire',
    ])
  })

  it('reminds the leader the day before, once', async () => {
    await b.consent(LEADER, [TEMPLATE_IDS.round])
    const remind = async () =>
      (
        (await b.sdk.callFunction({
          name: 'rounds',
          data: { action: 'remind', input: {} },
        })) as unknown as {
          result: { ok: boolean; data: { reminded: number } }
        }
      ).result
    // Tomorrow (2026-11-26) holds the demo building's fire round; the electrical round is the day after.
    expect(await remind()).toEqual({ ok: true, data: { reminded: 1 } })
    expect(await remind()).toEqual({ ok: true, data: { reminded: 0 } })
    const outbox = (await (
      await fetch(`${b.url}/_emulator/outbox?openid=${LEADER}`)
    ).json()) as Array<{
      status: string
      templateId: string
      page: string
    }>
    expect(outbox.filter((m) => m.templateId === TEMPLATE_IDS.round)).toEqual([
      expect.objectContaining({
        status: 'sent',
        page: 'rounds/pages/walk/index?id=demo-round-b07-fire',
      }),
    ])
    // A client cannot run the timer's action.
    expect(await call(LEADER, 'remind', {})).toMatchObject({ ok: false, code: 'action.unknown' })
  })

  it('refuses scheduling by an outsider, a leader from another building and a past date, writing nothing', async () => {
    const input = {
      clientKey: 'sched-refused-01',
      buildingId: BUILDING,
      templateId: 'tpl-fire',
      leaderId: 'u-bc-B07',
      date: TODAY,
    }
    const before = (await rows('inspection_rounds', {})).length
    expect(await call(OUTSIDER, 'schedule', input)).toMatchObject({
      ok: false,
      code: 'auth.forbidden',
    })
    expect(await call(SAFETY, 'schedule', { ...input, leaderId: 'u-bc-B01' })).toMatchObject({
      ok: false,
      code: 'input.invalid',
      issues: [{ path: 'leaderId', message: '带队人应为本楼楼长或安全办人员' }],
    })
    expect(await call(SAFETY, 'schedule', { ...input, date: '2026-11-24' })).toMatchObject({
      ok: false,
      issues: [{ path: 'date', message: '巡查日期不能早于今天' }],
    })
    expect(
      await call(SAFETY, 'schedule', { ...input, participantIds: ['u-staff-2'] }),
    ).toMatchObject({ ok: false, issues: [{ path: 'participantIds.0' }] })
    expect((await rows('inspection_rounds', {})).length).toBe(before)
  })

  it('schedules a monthly round, shows it in the leader’s 待办 and pins the template when it starts', async () => {
    const input = {
      clientKey: 'sched-b07-fire-01',
      buildingId: BUILDING,
      templateId: 'tpl-fire',
      leaderId: 'u-bc-B07',
      participantIds: ['u-leader-1', 'u-co-B07-1'],
      date: TODAY,
      recurrence: 'monthly',
    }
    round = await b.okAs<RoundView>(SAFETY, 'rounds', 'schedule', input)
    // A retried schedule is the same round.
    expect((await b.okAs<RoundView>(SAFETY, 'rounds', 'schedule', input)).id).toBe(round.id)
    expect(round).toMatchObject({ status: 'scheduled', allFloors: true, templateVersion: null })
    expect(round.floors.map((f) => f.id)).toEqual(
      ['01', '02', '03', '04', '05', '06', '07'].map((n) => `B07F${n}`),
    )
    const due = await b.okAs<{ items: RoundView[] }>(LEADER, 'rounds', 'due', {})
    expect(due.items.map((r) => r.id)).toContain(round.id)
    expect(due.items.find((r) => r.id === round.id)?.canStart).toBe(true)
    // Only the leader starts it.
    expect(await call(HOSPITAL_LEADER, 'start', { id: round.id })).toMatchObject({
      ok: false,
      code: 'auth.forbidden',
    })
    round = await b.okAs<RoundView>(LEADER, 'rounds', 'start', { id: round.id })
    expect(round).toMatchObject({ status: 'open', templateVersion: 1, canAnswer: true })
  })

  it('keeps the round on the version it started with when the safety office edits the checklist', async () => {
    const v1 = await b.okAs<TemplateVersion>(SAFETY, 'rounds', 'templates.get', {
      templateId: 'tpl-fire',
    })
    const edited = await b.okAs<TemplateVersion>(SAFETY, 'rounds', 'templates.save', {
      templateId: 'tpl-fire',
      name: v1.name,
      sections: [
        ...v1.sections,
        {
          title: '新增',
          items: [{ text: '楼梯间无吸烟痕迹', categoryId: 'fire-exit' }],
        },
      ],
    })
    expect(edited.version).toBe(2)
    expect(edited.sections.at(-1)!.items[0].id).toBe('i8')
    const walk = await b.okAs<Walk>(LEADER, 'rounds', 'get', { id: round.id })
    expect(walk.template?.version).toBe(1)
    template = walk.template!
    expect(template.sections.flatMap((s) => s.items)).toHaveLength(7)
  })

  it('refuses a checklist naming an unknown category, and a retired one starts no round', async () => {
    const before = (await rows('round_templates', {})).length
    expect(
      await call(SAFETY, 'templates.save', {
        name: '临时检查',
        sections: [{ title: '一', items: [{ text: '检查', categoryId: 'no-such-category' }] }],
      }),
    ).toMatchObject({
      ok: false,
      code: 'input.invalid',
      issues: [{ path: 'sections.0.items.0.categoryId', message: '隐患类别不存在' }],
    })
    expect(
      await call(COORDINATOR, 'templates.save', {
        name: '临时检查',
        sections: [{ title: '一', items: [{ text: '检查', categoryId: 'other' }] }],
      }),
    ).toMatchObject({ ok: false, code: 'auth.forbidden' })
    expect((await rows('round_templates', {})).length).toBe(before)

    await b.okAs(SAFETY, 'rounds', 'templates.retire', { templateId: 'tpl-chem' })
    const listed = async (includeRetired: boolean) =>
      (
        await b.okAs<{ items: Array<{ templateId: string }> }>(SAFETY, 'rounds', 'templates.list', {
          includeRetired,
        })
      ).items.map((t) => t.templateId)
    expect(await listed(false)).not.toContain('tpl-chem')
    expect(await listed(true)).toContain('tpl-chem')
    expect(
      await call(SAFETY, 'schedule', {
        clientKey: 'sched-retired-01',
        buildingId: BUILDING,
        templateId: 'tpl-chem',
        leaderId: 'u-bc-B07',
        date: TODAY,
      }),
    ).toMatchObject({ ok: false, issues: [{ path: 'templateId', message: '检查表已停用' }] })
    const v1 = await b.okAs<TemplateVersion>(SAFETY, 'rounds', 'templates.get', {
      templateId: 'tpl-chem',
    })
    expect(
      await call(SAFETY, 'templates.save', {
        templateId: 'tpl-chem',
        name: v1.name,
        sections: v1.sections,
      }),
    ).toMatchObject({
      ok: false,
      issues: [{ path: 'templateId', message: '检查表已停用，不能修改' }],
    })
  })

  it('walks every floor: each 不合格 becomes exactly one hazard on its floor, its 层长 pushed', async () => {
    const items = template.sections.flatMap((s) => s.items)
    const photos: Record<string, string> = {}
    for (const who of [LEADER, HOSPITAL_LEADER, COORDINATOR]) photos[who] = await b.photo(who)
    for (const [f, floor] of round.floors.entries()) {
      // The hospital leader answers floor 5, the coordinator floor 6, the 楼长 the rest.
      const openid = f === 4 ? HOSPITAL_LEADER : f === 5 ? COORDINATOR : LEADER
      const answers: AnswerInput[] = items.map((item, i) => {
        const fail = (f + i) % 5 === 0
        const fixed = fail && i % 2 === 0
        const answer: AnswerInput = {
          clientKey: `walk-${floor.id}-${item.id}`,
          floorId: floor.id,
          itemId: item.id,
          value: fail ? 'fail' : i === 6 && f === 1 ? 'na' : 'pass',
          ...(fail || item.photoRequired ? { photos: [photos[openid]] } : {}),
          ...(fail ? { note: `${floor.name}发现问题` } : {}),
          ...(fixed ? { fixedPhotos: [photos[openid]] } : {}),
        }
        if (fail)
          expected.push({
            floorId: floor.id,
            categoryId: item.categoryId,
            // A hospital leader is no handler of hazards: their 立行立改 is refused, the hazard stands;
            // a 重大 item's hazard is never fixed on the spot (it needs its 五定 plan and sign-offs).
            fixed: fixed && openid !== HOSPITAL_LEADER && item.grade !== 'major',
            by: openid,
          })
        return answer
      })
      batches.set(floor.id, { openid, answers })
      const { results } = await b.okAs<{ results: AnswerResult[] }>(openid, 'rounds', 'answer', {
        id: round.id,
        answers,
      })
      for (const [i, r] of results.entries()) {
        expect(r).toMatchObject({ clientKey: answers[i].clientKey, ok: true })
        expect(Boolean(r.ticketId)).toBe(answers[i].value === 'fail')
        if (answers[i].fixedPhotos && items[i].grade === 'major') expect(r.fixedOnSpot).toBe(false)
        if (answers[i].fixedPhotos && openid === HOSPITAL_LEADER) {
          expect(r.fixedOnSpot).toBe(false)
          expect(r.fixRefused).toBeTruthy()
        }
      }
    }
    const tickets = await roundTickets()
    expect(tickets).toHaveLength(expected.length)
    // Each finding carries its item's grade: the checklist's 重大 items report 重大 hazards.
    const majorItems = items.filter((i) => i.grade === 'major').length
    expect(tickets.some((t) => (t as { grade?: string }).grade === 'major')).toBe(majorItems > 0)
    expect(expected.length).toBeGreaterThan(5)
    const perFloor = (list: Array<{ floorId: string }>) =>
      list.reduce<Record<string, number>>(
        (m, t) => ({ ...m, [t.floorId]: (m[t.floorId] ?? 0) + 1 }),
        {},
      )
    expect(perFloor(tickets)).toEqual(perFloor(expected))
    expect(tickets.filter((t) => t.status === 'fixed')).toHaveLength(
      expected.filter((e) => e.fixed).length,
    )
    // Reported by whoever found it.
    const reporters = new Set(tickets.map((t) => t.reporterId))
    expect(reporters).toEqual(new Set(['u-bc-B07', 'u-leader-1', 'u-co-B07-1']))
    // Each hazard was handed to its floor's 层长 with a push.
    const assigned = await rows<{ ticketId: string; to: { userId: string }; kind: string }>(
      'notifications',
      { kind: 'assigned', ticketId: b.db.command.in(tickets.map((t) => t._id)) },
    )
    expect(assigned).toHaveLength(tickets.length)
    for (const t of tickets)
      expect(assigned.find((a) => a.ticketId === t._id)?.to.userId).toBe(`u-fc-${t.floorId}`)
  })

  it('re-syncs every answer without a second hazard, and refuses re-answering a finding', async () => {
    const before = (await roundTickets()).length
    for (const { openid, answers } of batches.values()) {
      const { results } = await b.okAs<{ results: AnswerResult[] }>(openid, 'rounds', 'answer', {
        id: round.id,
        answers,
      })
      expect(results.every((r) => r.ok)).toBe(true)
    }
    expect(await roundTickets()).toHaveLength(before)
    const [failed] = [...batches.values()]
      .flatMap((x) => x.answers)
      .filter((a) => a.value === 'fail')
    const again = await b.okAs<{ results: AnswerResult[] }>(LEADER, 'rounds', 'answer', {
      id: round.id,
      answers: [
        {
          ...failed,
          clientKey: 'walk-changed-mind',
          value: 'pass',
          photos: undefined,
          fixedPhotos: undefined,
        },
      ],
    })
    expect(again.results[0]).toMatchObject({
      ok: false,
      path: 'answers.0.value',
      message: '该项已记为隐患，请在隐患单中继续处理',
    })
    // A 不合格 without its photo is refused, and nothing is kept.
    const noPhoto = await b.okAs<{ results: AnswerResult[] }>(LEADER, 'rounds', 'answer', {
      id: round.id,
      answers: [
        { ...failed, clientKey: 'walk-no-photo-1', floorId: 'B07F07', itemId: 'i7', photos: [] },
      ],
    })
    expect(noPhoto.results[0]).toMatchObject({ ok: false, path: 'answers.0.photos' })
  })

  it('refuses an outsider everything and reveals nothing', async () => {
    const answers = [{ clientKey: 'outsider-0001', floorId: 'B07F01', itemId: 'i1', value: 'pass' }]
    expect(await call(OUTSIDER, 'answer', { id: round.id, answers })).toMatchObject({
      ok: false,
      code: 'round.not_found',
    })
    expect(await call(OUTSIDER, 'get', { id: round.id })).toMatchObject({
      ok: false,
      code: 'round.not_found',
    })
    expect(await call(OUTSIDER, 'report', { id: round.id })).toMatchObject({ ok: false })
    expect(await call(OUTSIDER, 'templates.save', { name: 'x', sections: [] })).toMatchObject({
      ok: false,
    })
    expect(await call(OUTSIDER, 'openOnFloor', { floorId: 'B07F01' })).toEqual({
      ok: true,
      data: { items: [] },
    })
    expect(
      (await rows<{ byId: string }>('round_answers', { roundId: round.id })).some(
        (a) => a.byId === 'u-staff-1',
      ),
    ).toBe(false)
  })

  it('offers the open round on each of its floors to its people', async () => {
    const open = await b.okAs<{ items: RoundView[] }>(COORDINATOR, 'rounds', 'openOnFloor', {
      floorId: 'B07F03',
    })
    expect(open.items.map((r) => r.id)).toEqual([round.id])
  })

  it('reports per floor what the tickets’ journal says', async () => {
    const report = await b.okAs<RoundReport>(LEADER, 'rounds', 'report', { id: round.id })
    const items = template.sections.flatMap((s) => s.items).length
    expect(report.floors).toHaveLength(7)
    const tickets = await roundTickets()
    const ids = tickets.map((t) => t._id)
    const events = await rows<{ ticketId: string; action: string; source?: { roundId: string } }>(
      'ticket_events',
      { ticketId: b.db.command.in(ids) },
    )
    const created = events.filter((e) => e.action === 'create' && e.source?.roundId === round.id)
    const fixed = events.filter((e) => e.action === 'fix')
    const floorOf = new Map(tickets.map((t) => [t._id, t.floorId]))
    for (const floor of report.floors) {
      const here = (e: { ticketId: string }) => floorOf.get(e.ticketId) === floor.floorId
      expect(floor.checked).toBe(items)
      expect(floor.failed).toBe(created.filter(here).length)
      expect(floor.fixedOnSpot).toBe(fixed.filter(here).length)
      expect(floor.stillOpen).toBe(floor.failed - floor.fixedOnSpot)
      expect(floor.findings).toHaveLength(floor.failed)
    }
    expect(report.totals).toMatchObject({
      checked: items * 7,
      failed: expected.length,
      fixedOnSpot: expected.filter((e) => e.fixed).length,
      na: 1,
    })
  })

  it('ends the round, schedules its next month and counts it in the figures', async () => {
    expect(await call(HOSPITAL_LEADER, 'finish', { id: round.id })).toMatchObject({
      ok: false,
      code: 'auth.forbidden',
    })
    const done = await b.okAs<RoundView>(LEADER, 'rounds', 'finish', { id: round.id })
    expect(done.status).toBe('done')
    expect(await b.okAs<RoundView>(LEADER, 'rounds', 'finish', { id: round.id })).toMatchObject({
      status: 'done',
    })
    const next = await rows<{ date: string; seriesId: string; status: string }>(
      'inspection_rounds',
      {
        seriesId: round.id,
        status: 'scheduled',
      },
    )
    expect(next.map((r) => r.date)).toEqual(['2026-12-25'])
    // Answers to a finished round are refused.
    const late = await call(LEADER, 'answer', {
      id: round.id,
      answers: [{ clientKey: 'late-answer-01', floorId: 'B07F01', itemId: 'i1', value: 'pass' }],
    })
    expect(late).toMatchObject({ ok: false, code: 'round.invalid_state' })

    const figures = await b.okAs<RoundFigures>(HOSPITAL_LEADER, 'rounds', 'figures', {
      from: TODAY,
      to: TODAY,
    })
    const fixed = expected.filter((e) => e.fixed).length
    expect(figures).toEqual({
      rounds: 1,
      findings: expected.length,
      fixedOnSpot: fixed,
      line: `巡查 1 次，发现 ${expected.length} 项，立行立改 ${fixed} 项`,
    })
    expect(await call(OUTSIDER, 'figures', { from: TODAY, to: TODAY })).toMatchObject({
      ok: false,
      code: 'auth.forbidden',
    })
    // The cockpit's summary (and so each bulletin frozen from it) carries the same line; the
    // building's own summary counts the round too.
    const summary = await b.okAs<Summary>(HOSPITAL_LEADER, 'stats', 'summary', {
      from: TODAY,
      to: TODAY,
    })
    expect(summary.rounds).toEqual(figures)
    const other = await b.okAs<Summary>(HOSPITAL_LEADER, 'stats', 'summary', {
      from: TODAY,
      to: TODAY,
      buildingId: 'B01',
    })
    expect(other.rounds).toMatchObject({ rounds: 0, findings: 0 })
  })

  it('takes more findings from one person than the hourly report limit allows a scan', async () => {
    // The 6S checklist over five floors, every item failed by the coordinator: 30 findings in minutes.
    const sixS = await b.okAs<RoundView>(SAFETY, 'rounds', 'schedule', {
      clientKey: 'sched-b07-6s-0001',
      buildingId: BUILDING,
      floorIds: ['B07F01', 'B07F02', 'B07F03', 'B07F04', 'B07F05'],
      templateId: 'tpl-6s',
      leaderId: 'u-bc-B07',
      participantIds: ['u-co-B07-1'],
      date: TODAY,
    })
    await b.okAs(LEADER, 'rounds', 'start', { id: sixS.id })
    const walk = await b.okAs<Walk>(COORDINATOR, 'rounds', 'get', { id: sixS.id })
    const photo = await b.photo(COORDINATOR)
    const answers = sixS.floors.flatMap((f) =>
      walk.template!.sections.flatMap((s) =>
        s.items.map((i) => ({
          clientKey: `six-${f.id}-${i.id}`,
          floorId: f.id,
          itemId: i.id,
          value: 'fail',
          photos: [photo],
        })),
      ),
    )
    expect(answers.length).toBeGreaterThan(20)
    const { results } = await b.okAs<{ results: AnswerResult[] }>(COORDINATOR, 'rounds', 'answer', {
      id: sixS.id,
      answers,
    })
    expect(results.filter((r) => !r.ok)).toEqual([])
    const tickets = await rows('tickets', { 'source.roundId': sixS.id })
    expect(tickets).toHaveLength(answers.length)
  })

  it('prints the report as a PDF from the admin function, for the round’s people only', async () => {
    const file = await b.okAs<{ fileID: string; url: string }>(LEADER, 'admin', 'rounds.pdf', {
      id: round.id,
    })
    const bytes = Buffer.from(await (await fetch(file.url)).arrayBuffer())
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
    expect(bytes.length).toBeGreaterThan(10_000) // the embedded CJK font subset
    expect(await b.callAs(OUTSIDER, 'admin', 'rounds.pdf', { id: round.id })).toMatchObject({
      ok: false,
      code: 'round.not_found',
    })
  })
  it('offers a 楼长 the people they may invite, and schedules some floors with one of them', async () => {
    const whoami = async (openid: string) =>
      (await b.okAs<{ user: { id: string } }>(openid, 'user', 'whoami', {})).user.id
    const { people } = await b.okAs<{ people: Array<{ id: string; role: string }> }>(
      LEADER,
      'rounds',
      'invitees',
      { buildingId: BUILDING },
    )
    const leaderId = await whoami(HOSPITAL_LEADER)
    expect(people).toContainEqual(expect.objectContaining({ id: leaderId, role: 'leader' }))
    expect(people).toContainEqual(
      expect.objectContaining({ id: await whoami(COORDINATOR), role: 'coordinator' }),
    )
    expect(people.map((p) => p.id)).not.toContain(await whoami(LEADER))
    expect(await b.callAs(OUTSIDER, 'rounds', 'invitees', { buildingId: BUILDING })).toMatchObject({
      ok: false,
      code: 'auth.forbidden',
    })
    const round = await b.okAs<{
      floors: Array<{ id: string }>
      participants: Array<{ id: string }>
    }>(LEADER, 'rounds', 'schedule', {
      clientKey: 'invite-some-floors',
      buildingId: BUILDING,
      floorIds: ['B07F03', 'B07F01'],
      templateId: 'tpl-fire',
      leaderId: await whoami(LEADER),
      participantIds: [leaderId],
      date: TODAY,
    })
    expect(round.floors.map((f) => f.id)).toEqual(['B07F01', 'B07F03'])
    expect(round.participants.map((p) => p.id)).toEqual([leaderId])
  })
})
