// Two 重大 hazards for the demo's 挂牌督办 board, made through the real functions at the clock's
// time: one with its 五定 plan, deferred; one completed and signed off by the safety office, waiting
// for a 院领导's sign-off. Re-running is harmless (client keys).
import { gatewayCaller } from './campaign'

const DAY = 86400_000

/** Reports and works the demo's 重大 hazards; the ids of the two tickets. */
export async function seedMajorHazards(url: string, now: number): Promise<string[]> {
  const call = gatewayCaller(url)
  const captain = 'demo-floor-captain'
  const ids: string[] = []
  const hazards = [
    { key: 'oxygen', floorId: 'B07F03', description: '氧气汇流排减压阀漏气，压力表失灵' },
    { key: 'vessel', floorId: 'B07F03', description: '消毒供应中心压力蒸汽灭菌器安全阀超期未检' },
  ]
  for (const [i, h] of hazards.entries()) {
    const t = await call<{ id: string; status: string; version: number }>(
      'demo-staff',
      'ticket',
      'create',
      {
        clientKey: `demo-major-${h.key}`,
        floorId: h.floorId,
        categoryId: 'pressure-vessel',
        photos: [await call.photo('demo-staff')],
        description: h.description,
      },
    )
    ids.push(t.id)
    if (t.status !== 'pending') continue // already worked by an earlier run
    const view = await call<{ choices: Record<string, Array<{ id: string }>> }>(
      captain,
      'ticket',
      'get',
      { id: t.id },
    )
    const deadline = new Date(now + (14 + i * 7) * DAY).toISOString()
    await call(captain, 'ticket', 'act', {
      id: t.id,
      action: 'plan',
      responsibleId: view.choices.responsibleId[view.choices.responsibleId.length - 1].id,
      measures:
        i === 0 ? '更换减压阀与压力表，加装氧气泄漏报警' : '安全阀送检，检定合格前停用该灭菌器',
      funds: i === 0 ? 18600 : 3200,
      deadline,
      contingency: i === 0 ? '关闭故障支路，切换备用汇流排供氧' : '使用备用灭菌器，必要时外送灭菌',
    })
    await call(captain, 'ticket', 'act', {
      id: t.id,
      action: 'defer',
      deadline,
      departmentId: 'equipment',
      plan: '按五定方案整改',
    })
    if (i === 0) continue
    await call(captain, 'ticket', 'act', {
      id: t.id,
      action: 'complete',
      afterPhotos: [await call.photo(captain)],
    })
    await call('demo-safety', 'ticket', 'act', {
      id: t.id,
      action: 'signoff',
      opinion: '安全阀已检定合格，同意销号',
    })
  }
  return ids
}
