import { demoRounds, roundTemplates } from './rounds'

// The demo hospital, generated deterministically: 29 buildings, 111 floors each with one 层长,
// 60 协管员, 29 楼长, a safety office, leadership, departments and hazard categories.
import type { Grade } from '../../types/grade'

export interface SeedData {
  buildings: Array<Record<string, unknown>>
  floors: Array<Record<string, unknown>>
  departments: Array<Record<string, unknown>>
  categories: Array<Record<string, unknown>>
  settings: Array<Record<string, unknown>>
  users: Array<Record<string, unknown>>
  duties: Array<Record<string, unknown>>
  round_templates: Array<Record<string, unknown>>
  inspection_rounds: Array<Record<string, unknown>>
}

export interface DemoPersona {
  openid: string
  name: string
  role: string
  label: string
}

/** The floor the demo personas belong to; its QR scene opens the report page. */
export const DEMO_FLOOR_ID = 'B07F03'
export const DEMO_SCENE = `f=${DEMO_FLOOR_ID}`

const BUILDING_NAMES = [
  '门诊楼',
  '急诊楼',
  '住院部A栋',
  '住院部B栋',
  '住院部C栋',
  '医技楼',
  '外科大楼',
  '内科大楼',
  '妇儿中心',
  '肿瘤中心',
  '心血管中心',
  '康复楼',
  '感染楼',
  '行政楼',
  '科教楼',
  '后勤保障楼',
  '药剂楼',
  '检验中心',
  '影像中心',
  '体检中心',
  '口腔楼',
  '眼科楼',
  '中医楼',
  '血透中心',
  '高压氧舱楼',
  '营养食堂',
  '动力中心',
  '职工宿舍',
  '学术报告厅',
]
// 111 floors over 29 buildings: the big clinical buildings are tall, the service ones low.
const FLOOR_COUNTS = [
  8, 4, 9, 9, 8, 6, 7, 7, 5, 5, 4, 3, 3, 4, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1,
]

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '霞',
  '平',
  '刚',
  '桂英',
  '建华',
  '晓东',
  '文静',
  '海燕',
  '志强',
  '丹',
  '萍',
  '鑫',
  '婷',
  '浩',
  '宇',
  '欣',
  '佳',
  '琳',
  '颖',
  '晨',
  '雪',
  '博',
]

// Urgent categories must be answered within 15 minutes whatever the severity; the others by severity.
const URGENT_MINUTES = { high: 15, medium: 15, low: 15 }
const ORDINARY_MINUTES = { high: 120, medium: 120, low: 240 }
const category = (
  _id: string,
  name: string,
  icon: string,
  severity: 'high' | 'medium' | 'low',
  slaHours: number,
  urgent = false,
  grade: Grade = 'general',
) => ({
  _id,
  name,
  icon,
  severity,
  grade,
  slaHours,
  urgent,
  responseMinutes: urgent ? URGENT_MINUTES : ORDINARY_MINUTES,
})

export const CATEGORIES = [
  category('fire-exit', '消防通道堵塞', '🚪', 'high', 4, true),
  category('fire-equipment', '消防设施', '🧯', 'high', 24),
  category('electrical', '电气线路', '⚡', 'high', 8, true),
  category('gas-oxygen', '燃气/氧气', '🫧', 'high', 2, true),
  category('medical-waste', '医疗废物', '🗑️', 'medium', 8),
  category('wet-floor', '地面湿滑', '💧', 'medium', 2),
  category('elevator', '电梯', '🛗', 'high', 4, true),
  category('falling-object', '高空坠物', '⚠️', 'high', 4),
  category('hazardous-chemicals', '危化品', '☣️', 'high', 4),
  category('security', '治安', '🛡️', 'medium', 8),
  category('water-leak', '漏水', '🚰', 'medium', 24),
  category('other', '其他', '📌', 'low', 72),
]

/**
 * Categories whose hazards are 重大 by default (the 五定 plan, 挂牌督办, two sign-offs); kept apart
 * from CATEGORIES, which the demo history and the tests draw everyday hazards from.
 */
export const MAJOR_CATEGORIES = [
  category('pressure-vessel', '氧气站/压力容器', '🛢️', 'high', 2, false, 'major'),
]

/** The hospital's name, printed on every floor poster. */
export const HOSPITAL_NAME = '啄木鸟示范医院'

export const DEPARTMENTS = [
  { _id: 'general-affairs', name: '总务科', kind: 'logistics' },
  { _id: 'security-dept', name: '保卫科', kind: 'security' },
  { _id: 'equipment', name: '设备科', kind: 'equipment' },
  { _id: 'property', name: '后勤物业公司', kind: 'property' },
  { _id: 'it', name: '信息科', kind: 'it' },
  { _id: 'infection-control', name: '院感科', kind: 'clinical' },
  { _id: 'safety-office', name: '安全办', kind: 'safety' },
]

/** Builds the whole demo hospital; the same call always returns the same data. */
export function buildHospital(validFrom = new Date('2026-01-01T00:00:00+08:00')): SeedData {
  let n = 0
  const name = (): string => {
    const i = n++
    return SURNAMES[(i * 7) % SURNAMES.length] + GIVEN[(i * 13) % GIVEN.length]
  }
  const phone = (i: number): string => `138${String(10000000 + i * 7919).slice(-8)}`
  const users: SeedData['users'] = []
  const duties: SeedData['duties'] = []
  const buildings: SeedData['buildings'] = []
  const floors: SeedData['floors'] = []
  const addUser = (
    id: string,
    openid: string,
    roles: string[],
    departmentId: string,
    displayName = name(),
  ): string => {
    const dept = DEPARTMENTS.find((d) => d._id === departmentId)
    users.push({
      _id: id,
      openid,
      name: displayName,
      phone: phone(users.length),
      roles,
      departmentId,
      departmentName: dept?.name ?? '',
      active: true,
    })
    return id
  }
  const duty = (
    userId: string,
    kind: string,
    where: { floorId?: string; buildingId?: string },
    deputy = false,
  ): void => {
    duties.push({
      _id: `d-${kind}-${where.floorId ?? where.buildingId ?? 'all'}-${userId}`,
      userId,
      duty: kind,
      ...where,
      deputy,
      validFrom,
      validTo: null,
    })
  }

  BUILDING_NAMES.forEach((buildingName, b) => {
    const code = `B${String(b + 1).padStart(2, '0')}`
    buildings.push({
      _id: code,
      code,
      name: `${b + 1}号楼（${buildingName}）`,
      order: b + 1,
      active: true,
    })
    const isDemo = code === 'B07'
    const captain = addUser(
      `u-bc-${code}`,
      isDemo ? 'demo-building-captain' : `o-bc-${code}`,
      ['building_captain'],
      'general-affairs',
    )
    duty(captain, 'building_captain', { buildingId: code })
    for (let c = 0; c < (b < 2 ? 3 : 2); c++) {
      if (users.filter((u) => (u.roles as string[]).includes('coordinator')).length >= 60) break
      const demoCoord = isDemo && c === 0
      const coord = addUser(
        `u-co-${code}-${c + 1}`,
        demoCoord ? 'demo-coordinator' : `o-co-${code}-${c + 1}`,
        ['coordinator'],
        'property',
      )
      duty(coord, 'coordinator', { buildingId: code }, c > 0)
    }
    for (let f = 1; f <= FLOOR_COUNTS[b]; f++) {
      const floorId = `${code}F${String(f).padStart(2, '0')}`
      floors.push({
        _id: floorId,
        buildingId: code,
        name: `${f}层`,
        level: f,
        scene: `f=${floorId}`,
        active: true,
      })
      const demoCaptain = floorId === DEMO_FLOOR_ID
      const fc = addUser(
        `u-fc-${floorId}`,
        demoCaptain ? 'demo-floor-captain' : `o-fc-${floorId}`,
        ['floor_captain', 'staff'],
        'general-affairs',
      )
      duty(fc, 'floor_captain', { floorId })
      if (f % 3 === 0) {
        const deputy = addUser(
          `u-fd-${floorId}`,
          `o-fd-${floorId}`,
          ['floor_captain', 'staff'],
          'general-affairs',
        )
        duty(deputy, 'floor_captain', { floorId }, true)
      }
    }
  })
  // Coordinators: fill to exactly 60 over the buildings, round-robin.
  let b = 2
  while (users.filter((u) => (u.roles as string[]).includes('coordinator')).length < 60) {
    const code = `B${String((b % 29) + 1).padStart(2, '0')}`
    const id = `u-co-${code}-x${b}`
    addUser(id, `o-co-${code}-x${b}`, ['coordinator'], 'property')
    duty(id, 'coordinator', { buildingId: code }, true)
    b++
  }
  const safety = ['demo-safety', 'o-safety-2', 'o-safety-3'].map((openid, i) =>
    addUser(`u-safety-${i + 1}`, openid, ['safety_office'], 'safety-office'),
  )
  safety.forEach((id, i) => duty(id, 'safety_office', {}, i > 0))
  addUser('u-leader-1', 'demo-leader', ['leader'], 'safety-office', '院领导（演示）')
  addUser('u-staff-1', 'demo-staff', ['staff'], 'infection-control', '李护士')
  for (let i = 2; i <= 12; i++)
    addUser(`u-staff-${i}`, `o-staff-${i}`, ['staff'], i % 2 ? 'property' : 'infection-control')

  const floorsOf = (buildingId: string) =>
    floors
      .filter((f) => f.buildingId === buildingId)
      .map((f) => ({ id: String(f._id), name: String(f.name) }))
  const nameOf = (userId: string) => String(users.find((u) => u._id === userId)?.name ?? '')
  return {
    buildings,
    floors,
    departments: DEPARTMENTS,
    categories: [...CATEGORIES, ...MAJOR_CATEGORIES].map((c, i) => ({
      ...c,
      order: i + 1,
      active: true,
    })),
    settings: [{ _id: 'hospital', name: HOSPITAL_NAME }],
    users,
    duties,
    round_templates: roundTemplates(validFrom),
    inspection_rounds: demoRounds(
      floorsOf,
      (id) => String(buildings.find((b) => b._id === id)?.name ?? ''),
      nameOf,
      validFrom,
    ),
  }
}

/** The personas the H5 persona picker offers. */
export function demoPersonas(data: SeedData): DemoPersona[] {
  const byOpenid = (openid: string): string =>
    String(data.users.find((u) => u.openid === openid)?.name ?? '')
  return [
    { openid: 'demo-staff', role: 'staff', label: '护士 · 上报人' },
    { openid: 'demo-floor-captain', role: 'floor_captain', label: '层长 · 7号楼3层' },
    { openid: 'demo-coordinator', role: 'coordinator', label: '协管员 · 7号楼' },
    { openid: 'demo-building-captain', role: 'building_captain', label: '楼长 · 7号楼' },
    { openid: 'demo-safety', role: 'safety_office', label: '安全办' },
    { openid: 'demo-leader', role: 'leader', label: '院领导' },
    { openid: 'demo-newcomer', role: 'staff', label: '新员工 · 未绑定' },
  ].map((p) => ({ ...p, name: byOpenid(p.openid) || '新员工' }))
}
