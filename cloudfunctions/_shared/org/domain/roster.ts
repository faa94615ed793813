// The duty roster as a spreadsheet: validate rows against the organisation, and diff them against
// the roster in force. Pure: rows and snapshots in, issues and a plan out.

import { Role } from '../../../../types/roles'
import type { RosterDuty } from '../../../../types/roles'
export const ROSTER_COLUMNS = ['楼栋', '楼层', '角色', '姓名', '手机', '科室'] as const
export type RosterColumn = (typeof ROSTER_COLUMNS)[number]
export const ROSTER_ROLES = ['楼长', '协管员', '协管员(备)', '层长', '层长(备)'] as const
export type RosterRole = (typeof ROSTER_ROLES)[number]
export type DutyKind = RosterDuty

/** One spreadsheet row as text, with its 1-based row number in the sheet. */
export interface RosterRow {
  row: number
  楼栋: string
  楼层: string
  角色: string
  姓名: string
  手机: string
  科室: string
}

/** A problem found in the file: its row and column when it has one, and what is wrong (Chinese). */
export interface RosterIssue {
  row: number | null
  column: RosterColumn | null
  message: string
}

export interface PlaceSnapshot {
  buildings: Array<{ id: string; name: string; code?: string }>
  floors: Array<{ id: string; buildingId: string; name: string }>
}

/** A duty in force, with its holder, as the diff needs it. */
export interface CurrentAssignment {
  dutyId: string
  kind: DutyKind
  buildingId: string
  floorId: string | null
  deputy: boolean
  userId: string
  name: string
  phone: string
  departmentName: string
}

export interface KnownUser {
  id: string
  name: string
  phone: string
  departmentName: string
}

/** A validated row: what duty it describes, for whom. */
export interface Assignment {
  row: number
  kind: DutyKind
  buildingId: string
  floorId: string | null
  deputy: boolean
  name: string
  phone: string
  departmentName: string
}

export interface ChangeItem {
  role: RosterRole
  place: string
  name: string
  phone: string
  previous?: { name: string; phone: string }
  fields?: string[]
}

export interface RosterPlan {
  added: ChangeItem[]
  changed: ChangeItem[]
  handedOver: ChangeItem[]
  removed: ChangeItem[]
  unchanged: number
  /** Duties to end (their ids). */
  end: string[]
  /** Duties to start. */
  start: Assignment[]
  /** People to create or update, keyed by phone; `id` set when they already exist. */
  people: Array<{ id?: string; phone: string; name: string; departmentName: string }>
  /** Users whose phone changes (same person, same duty, new number). */
  phoneChanges: Array<{ id: string; phone: string }>
}

const MOBILE = /^1[3-9]\d{9}$/

/** The duty, deputy flag and label of a 角色 cell, or null when it is not a roster role. */
export function parseRole(text: string): { kind: DutyKind; deputy: boolean } | null {
  const t = text.replace(/\s/g, '').replace('（', '(').replace('）', ')')
  if (t === '楼长') return { kind: Role.buildingCaptain, deputy: false }
  if (t === '协管员') return { kind: Role.coordinator, deputy: false }
  if (t === '协管员(备)') return { kind: Role.coordinator, deputy: true }
  if (t === '层长') return { kind: Role.floorCaptain, deputy: false }
  if (t === '层长(备)') return { kind: Role.floorCaptain, deputy: true }
  return null
}

/** The 角色 label of a duty. */
export function roleLabel(kind: DutyKind, deputy: boolean): RosterRole {
  if (kind === Role.buildingCaptain) return '楼长'
  if (kind === Role.coordinator) return deputy ? '协管员(备)' : '协管员'
  return deputy ? '层长(备)' : '层长'
}

/** A mobile number as digits (spaces, dashes and a +86 prefix removed). */
export function normalisePhone(text: string): string {
  return text
    .replace(/[\s-]/g, '')
    .replace(/^\+?86(?=1\d{10}$)/, '')
    .trim()
}

/** Checks the header row; returns the issues (empty when it is exactly the roster header). */
export function checkHeader(cells: string[]): RosterIssue[] {
  const issues: RosterIssue[] = []
  ROSTER_COLUMNS.forEach((col, i) => {
    const got = (cells[i] ?? '').trim()
    if (got !== col)
      issues.push({
        row: 1,
        column: col,
        message: got ? `第 ${i + 1} 列应为「${col}」，实为「${got}」` : `缺少「${col}」列`,
      })
  })
  return issues
}

/** Whether a duty may have deputies: 层长 and 协管员 do, a building has one 楼长 and no deputy. */
export function deputyAllowed(kind: DutyKind): boolean {
  return kind !== 'building_captain'
}

/** A duty as far as the roster's completeness is concerned. */
export interface DutySlot {
  kind: DutyKind
  buildingId: string
  floorId: string | null
  deputy: boolean
  /** The sheet row it came from, when it came from a file. */
  row?: number
}

/**
 * What a roster still lacks: a building without 楼长, a floor with only 层长(备), a building with only
 * 协管员(备). The administration pages can leave a roster so (a building is added before its 楼长 is
 * appointed), so these are warnings, never refusals: whatever the pages produce, a file can carry.
 */
export function rosterGaps(slots: readonly DutySlot[], places: PlaceSnapshot): RosterIssue[] {
  const gaps: RosterIssue[] = []
  const primary = new Set<string>()
  const firstRowOf = new Map<string, number>()
  for (const s of slots) {
    if (!s.deputy) primary.add(`${s.kind}|${s.floorId ?? s.buildingId}`)
    if (s.row !== undefined && !firstRowOf.has(s.buildingId)) firstRowOf.set(s.buildingId, s.row)
  }
  for (const b of places.buildings) {
    if (primary.has(`building_captain|${b.id}`)) continue
    gaps.push({
      row: firstRowOf.get(b.id) ?? null,
      column: '角色',
      message: `「${b.name}」还没有楼长：隐患升级到楼长一级时将直接交安全办`,
    })
  }
  const warned = new Set<string>()
  for (const s of slots) {
    if (!s.deputy) continue
    const key = `${s.kind}|${s.floorId ?? s.buildingId}`
    if (primary.has(key) || warned.has(key)) continue
    warned.add(key)
    const where = placeLabel(places, s.buildingId, s.kind === 'floor_captain' ? s.floorId : null)
    gaps.push({
      row: s.row ?? null,
      column: '角色',
      message:
        s.kind === 'floor_captain'
          ? `「${where}」只有层长(备)，还没有层长`
          : `「${where}」只有协管员(备)，还没有主协管员`,
    })
  }
  return gaps.sort((x, y) => (x.row ?? 0) - (y.row ?? 0))
}

/**
 * Validates every row against the organisation; returns the assignments, every issue found (any
 * refuses the file) and the warnings (what the roster still lacks, shown with the preview).
 */
export function validateRoster(
  rows: RosterRow[],
  places: PlaceSnapshot,
): { assignments: Assignment[]; issues: RosterIssue[]; warnings: RosterIssue[] } {
  const issues: RosterIssue[] = []
  const at = (row: number, column: RosterColumn, message: string) =>
    issues.push({ row, column, message })
  // Codes first, then names: a building's name wins over another building's code.
  const buildingByName = new Map<string, { id: string; name: string }>()
  for (const b of places.buildings) if (b.code) buildingByName.set(b.code, b)
  for (const b of places.buildings) buildingByName.set(b.name, b)
  const floorsOf = new Map<string, Map<string, string>>()
  for (const f of places.floors) {
    const m = floorsOf.get(f.buildingId) ?? new Map<string, string>()
    m.set(f.name, f.id)
    floorsOf.set(f.buildingId, m)
  }
  const assignments: Assignment[] = []
  const nameOfPhone = new Map<string, { name: string; row: number }>()
  const seen = new Map<string, number>()
  for (const r of rows) {
    const before = issues.length
    const building = buildingByName.get(r.楼栋.trim())
    if (!r.楼栋.trim()) at(r.row, '楼栋', '楼栋不能为空')
    else if (!building) at(r.row, '楼栋', `没有名为「${r.楼栋.trim()}」的楼栋`)
    const role = parseRole(r.角色)
    if (!r.角色.trim()) at(r.row, '角色', '角色不能为空')
    else if (!role)
      at(r.row, '角色', `角色「${r.角色.trim()}」应为 ${ROSTER_ROLES.join(' / ')} 之一`)
    let floorId: string | null = null
    if (role?.kind === Role.floorCaptain && building) {
      if (!r.楼层.trim()) at(r.row, '楼层', '层长须填写楼层')
      else {
        floorId = floorsOf.get(building.id)?.get(r.楼层.trim()) ?? null
        if (!floorId) at(r.row, '楼层', `「${building.name}」没有「${r.楼层.trim()}」`)
      }
    }
    const name = r.姓名.trim()
    if (!name) at(r.row, '姓名', '姓名不能为空')
    else if ([...name].length > 20) at(r.row, '姓名', '姓名最多 20 个字')
    const phone = normalisePhone(r.手机)
    if (!phone) at(r.row, '手机', '手机不能为空')
    else if (!MOBILE.test(phone)) at(r.row, '手机', `「${r.手机.trim()}」不是有效的手机号`)
    else if (name) {
      const first = nameOfPhone.get(phone)
      if (first && first.name !== name)
        at(
          r.row,
          '手机',
          `手机 ${phone} 在第 ${first.row} 行属于「${first.name}」，这里却是「${name}」`,
        )
      else if (!first) nameOfPhone.set(phone, { name, row: r.row })
    }
    const dept = r.科室.trim()
    if ([...dept].length > 30) at(r.row, '科室', '科室最多 30 个字')
    if (issues.length > before || !building || !role) continue
    const key = [role.kind, role.deputy ? 'd' : 'p', building.id, floorId ?? '', phone].join('|')
    const dup = seen.get(key)
    if (dup) {
      at(r.row, '姓名', `与第 ${dup} 行重复`)
      continue
    }
    seen.set(key, r.row)
    assignments.push({
      row: r.row,
      kind: role.kind,
      buildingId: building.id,
      floorId,
      deputy: role.deputy,
      name,
      phone,
      departmentName: dept,
    })
  }
  // One primary 层长 per floor, one 楼长 per building; the first 协管员 of a building is primary
  // (a 协管员(备) is a deputy wherever it stands).
  const primaryAt = new Map<string, Assignment>()
  const coordinators = new Set<string>()
  for (const a of assignments) {
    if (a.kind === Role.coordinator) {
      if (a.deputy) continue
      a.deputy = coordinators.has(a.buildingId)
      coordinators.add(a.buildingId)
      continue
    }
    if (a.deputy) continue
    const slot = `${a.kind}|${a.floorId ?? a.buildingId}`
    const first = primaryAt.get(slot)
    if (first) {
      const where =
        a.kind === Role.floorCaptain ? `这一层` : `「${nameOfBuilding(places, a.buildingId)}」`
      at(
        a.row,
        '角色',
        `${where}已有${roleLabel(a.kind, false)}「${first.name}」（第 ${first.row} 行），只能有一位；其他人请填「${a.kind === Role.floorCaptain ? '层长(备)' : '协管员'}」`,
      )
    } else primaryAt.set(slot, a)
  }
  issues.sort((x, y) => (x.row ?? 0) - (y.row ?? 0))
  return { assignments, issues, warnings: rosterGaps(assignments, places) }
}

function nameOfBuilding(places: PlaceSnapshot, id: string): string {
  return places.buildings.find((b) => b.id === id)?.name ?? id
}

/** A readable place: building name, plus the floor name for floor duties. */
export function placeLabel(places: PlaceSnapshot, buildingId: string, floorId: string | null) {
  const b = nameOfBuilding(places, buildingId)
  const f = floorId ? places.floors.find((x) => x.id === floorId)?.name : ''
  return f ? `${b} ${f}` : b
}

/** Compares the validated file with the roster in force: what is added, changed, handed over, removed. */
export function planRoster(
  assignments: Assignment[],
  current: CurrentAssignment[],
  users: KnownUser[],
  places: PlaceSnapshot,
): RosterPlan {
  const slot = (x: { kind: string; buildingId: string; floorId: string | null; deputy: boolean }) =>
    [x.kind, x.buildingId, x.floorId ?? '', x.deputy ? 'd' : 'p'].join('|')
  const wanted = new Map<string, Assignment[]>()
  for (const a of assignments) wanted.set(slot(a), [...(wanted.get(slot(a)) ?? []), a])
  const held = new Map<string, CurrentAssignment[]>()
  for (const c of current) held.set(slot(c), [...(held.get(slot(c)) ?? []), c])
  const userByPhone = new Map(users.filter((u) => u.phone).map((u) => [u.phone, u]))
  const plan: RosterPlan = {
    added: [],
    changed: [],
    handedOver: [],
    removed: [],
    unchanged: 0,
    end: [],
    start: [],
    people: [],
    phoneChanges: [],
  }
  const people = new Map<string, RosterPlan['people'][number]>()
  const needPerson = (a: Assignment) => {
    const known = userByPhone.get(a.phone)
    people.set(a.phone, {
      id: known?.id,
      phone: a.phone,
      name: a.name,
      departmentName: a.departmentName,
    })
  }
  const item = (a: {
    kind: DutyKind
    deputy: boolean
    buildingId: string
    floorId: string | null
  }) => ({
    role: roleLabel(a.kind, a.deputy),
    place: placeLabel(places, a.buildingId, a.floorId),
  })
  for (const key of new Set([...wanted.keys(), ...held.keys()])) {
    const want = wanted.get(key) ?? []
    const have = held.get(key) ?? []
    const staying = want.filter((w) => have.some((h) => h.phone === w.phone))
    const arriving = want.filter((w) => !have.some((h) => h.phone === w.phone))
    const leaving = have.filter((h) => !want.some((w) => w.phone === h.phone))
    for (const w of staying) {
      const h = have.find((x) => x.phone === w.phone)!
      const fields = [
        h.name !== w.name ? '姓名' : '',
        h.departmentName !== w.departmentName ? '科室' : '',
      ].filter(Boolean)
      if (fields.length) {
        plan.changed.push({ ...item(w), name: w.name, phone: w.phone, fields })
        needPerson(w)
      } else plan.unchanged++
    }
    const pairs = Math.min(arriving.length, leaving.length)
    for (let i = 0; i < arriving.length; i++) {
      const w = arriving[i]
      const h = i < pairs ? leaving[i] : undefined
      if (h && h.name === w.name && !userByPhone.has(w.phone)) {
        // The same person under a new number: update the phone, the duty stays.
        plan.changed.push({ ...item(w), name: w.name, phone: w.phone, fields: ['手机'] })
        plan.phoneChanges.push({ id: h.userId, phone: w.phone })
        continue
      }
      needPerson(w)
      plan.start.push(w)
      if (h) {
        plan.handedOver.push({
          ...item(w),
          name: w.name,
          phone: w.phone,
          previous: { name: h.name, phone: h.phone },
        })
        plan.end.push(h.dutyId)
      } else plan.added.push({ ...item(w), name: w.name, phone: w.phone })
    }
    for (const h of leaving.slice(pairs)) {
      plan.removed.push({ ...item(h), name: h.name, phone: h.phone })
      plan.end.push(h.dutyId)
    }
  }
  // People whose row data differs from their user record, even where no duty changes.
  for (const a of assignments) {
    const u = userByPhone.get(a.phone)
    if (u && (u.name !== a.name || u.departmentName !== a.departmentName)) needPerson(a)
  }
  plan.people = [...people.values()]
  return plan
}

/** The roster in force as spreadsheet rows, in a stable order (building, role, floor, deputy). */
export function rosterRows(current: CurrentAssignment[], places: PlaceSnapshot): string[][] {
  const bOrder = new Map(places.buildings.map((b, i) => [b.id, i]))
  const fOrder = new Map(places.floors.map((f, i) => [f.id, i]))
  const kOrder: Record<DutyKind, number> = { building_captain: 0, coordinator: 1, floor_captain: 2 }
  return [...current]
    .filter((c) => bOrder.has(c.buildingId) && (!c.floorId || fOrder.has(c.floorId)))
    .sort(
      (a, b) =>
        bOrder.get(a.buildingId)! - bOrder.get(b.buildingId)! ||
        kOrder[a.kind] - kOrder[b.kind] ||
        (a.floorId ? fOrder.get(a.floorId)! : -1) - (b.floorId ? fOrder.get(b.floorId)! : -1) ||
        Number(a.deputy) - Number(b.deputy) ||
        a.dutyId.localeCompare(b.dutyId),
    )
    .map((c) => [
      nameOfBuilding(places, c.buildingId),
      c.floorId ? (places.floors.find((f) => f.id === c.floorId)?.name ?? '') : '',
      roleLabel(c.kind, c.deputy),
      c.name,
      c.phone,
      c.departmentName,
    ])
}
