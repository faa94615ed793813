// The rules of checklist versions and answers, table-driven: an edit makes the next version (and an
// edit that changes nothing makes none); items keep their ids and new ones never reuse an old id; a
// retired template takes no edit and starts no round; a round walks the version it pinned; a second
// answer to an item replays, replaces or is refused.
import {
  planSave,
  versionToWalk,
  type TemplateDoc,
  type TemplateEdit,
} from '../../../cloudfunctions/_shared/rounds/domain/templates'
import { planAnswer, type AnswerDoc } from '../../../cloudfunctions/_shared/rounds/domain/answers'
import { nextDate } from '../../../cloudfunctions/_shared/rounds/domain/schedule'

const item = (id: string, text = `检查${id}`) => ({
  id,
  text,
  howTo: '',
  categoryId: 'fire-exit',
  grade: 'general' as const,
  photoRequired: false,
})
const version = (v: number, ids: string[], extra: Partial<TemplateDoc> = {}): TemplateDoc => ({
  _id: `t:v${v}`,
  templateId: 't',
  version: v,
  name: '消防',
  sections: [{ title: '通道', items: ids.map((id) => item(id)) }],
  retired: false,
  current: true,
  createdAt: new Date(0),
  createdBy: 'u',
  createdByName: '安全办',
  ...extra,
})
const edit = (items: Array<{ id?: string; text?: string }>, name = '消防'): TemplateEdit => ({
  name,
  sections: [
    {
      title: '通道',
      items: items.map((i) => {
        const { id: _drop, ...rest } = item('x', i.text ?? (i.id ? `检查${i.id}` : '新项'))
        return i.id ? { ...rest, id: i.id } : rest
      }),
    },
  ],
})

describe('template versions', () => {
  it.each([
    [
      'a new template starts at version 1 with items i1…',
      [],
      edit([{}, {}]),
      { kind: 'new', version: 1, ids: ['i1', 'i2'] },
    ],
    [
      'an edit makes the next version',
      [version(1, ['i1', 'i2'])],
      edit([{ id: 'i1' }, { id: 'i2', text: '改过' }]),
      { kind: 'new', version: 2, ids: ['i1', 'i2'] },
    ],
    [
      'an edit that changes nothing writes nothing',
      [version(1, ['i1', 'i2'])],
      edit([{ id: 'i1' }, { id: 'i2' }]),
      { kind: 'unchanged' },
    ],
    [
      'a renamed template is a new version',
      [version(1, ['i1'])],
      edit([{ id: 'i1' }], '消防通道'),
      { kind: 'new', version: 2, ids: ['i1'] },
    ],
    [
      'a new item never reuses a removed item’s id',
      [version(1, ['i1', 'i2', 'i3']), version(2, ['i1'], { current: true })],
      edit([{ id: 'i1' }, {}]),
      { kind: 'new', version: 3, ids: ['i1', 'i4'] },
    ],
    [
      'a removed item may come back with its id',
      [version(1, ['i1', 'i2']), version(2, ['i1'])],
      edit([{ id: 'i1' }, { id: 'i2' }]),
      { kind: 'new', version: 3, ids: ['i1', 'i2'] },
    ],
    [
      'an id the template never had is refused',
      [version(1, ['i1'])],
      edit([{ id: 'i9' }]),
      { kind: 'refused', path: 'sections.0.items.0.id' },
    ],
    [
      'an item twice is refused',
      [version(1, ['i1'])],
      edit([{ id: 'i1' }, { id: 'i1' }]),
      { kind: 'refused', path: 'sections.0.items.1.id' },
    ],
    [
      'a retired template takes no edit',
      [version(1, ['i1'], { retired: true })],
      edit([{ id: 'i1' }, {}]),
      { kind: 'refused', path: 'templateId' },
    ],
  ] as const)('%s', (_name, versions, e, want) => {
    const plan = planSave(versions as unknown as TemplateDoc[], e)
    expect(plan.kind).toBe(want.kind)
    if (plan.kind === 'new' && 'ids' in want) {
      expect(plan.version).toBe(want.version)
      expect(plan.sections.flatMap((s) => s.items.map((i) => i.id))).toEqual(want.ids)
    }
    if (plan.kind === 'refused' && 'path' in want) expect(plan.refusal.path).toBe(want.path)
  })

  it.each([
    [
      'a started round keeps its version after edits',
      1,
      { version: 3, retired: false },
      { version: 1 },
    ],
    [
      'a started round keeps its version after retirement',
      2,
      { version: 3, retired: true },
      { version: 2 },
    ],
    [
      'a round starting now takes the current version',
      null,
      { version: 3, retired: false },
      { version: 3 },
    ],
    [
      'a round cannot start on a retired template',
      null,
      { version: 3, retired: true },
      { refused: '检查表已停用，请重新安排巡查' },
    ],
    ['a round cannot start without its template', null, null, { refused: '检查表不存在' }],
  ] as const)('%s', (_name, pinned, current, want) => {
    expect(versionToWalk(pinned, current)).toEqual(want)
  })
})

describe('answers', () => {
  const stored = (over: Partial<AnswerDoc>): AnswerDoc => ({
    _id: 'r:f:i1',
    roundId: 'r',
    floorId: 'f',
    buildingId: 'b',
    itemId: 'i1',
    itemText: '',
    categoryId: 'fire-exit',
    grade: 'general',
    value: 'pass',
    note: '',
    photos: [],
    clientKey: 'key-1',
    byId: 'u',
    byName: '',
    at: new Date(0),
    ticketId: null,
    fixedOnSpot: false,
    ...over,
  })
  const photo = ['cloud://env.b/photos/u/1.jpg']
  it.each([
    [
      'the same key replays',
      item('i1'),
      { clientKey: 'key-1', value: 'fail' },
      stored({}),
      'replay',
    ],
    [
      'a 合格 without a photo is kept',
      item('i1'),
      { clientKey: 'k2', value: 'pass' },
      null,
      'write',
    ],
    ['a 不合格 needs its photo', item('i1'), { clientKey: 'k2', value: 'fail' }, null, 'photos'],
    [
      'an item asking for a photo needs one for 合格',
      { ...item('i1'), photoRequired: true },
      { clientKey: 'k2', value: 'pass' },
      null,
      'photos',
    ],
    [
      '不适用 needs no photo',
      { ...item('i1'), photoRequired: true },
      { clientKey: 'k2', value: 'na' },
      null,
      'write',
    ],
    [
      '立行立改 only with 不合格',
      item('i1'),
      { clientKey: 'k2', value: 'pass', fixedPhotos: photo },
      null,
      'fixedPhotos',
    ],
    [
      'a new key replaces a 合格',
      item('i1'),
      { clientKey: 'k2', value: 'fail', photos: photo },
      stored({}),
      'write',
    ],
    [
      'a finding is never answered away',
      item('i1'),
      { clientKey: 'k2', value: 'pass' },
      stored({ value: 'fail', ticketId: 't1' }),
      'value',
    ],
  ] as const)('%s', (_name, it_, input, existing, want) => {
    const plan = planAnswer(it_, input as never, existing)
    expect(plan.kind === 'refused' ? plan.path : plan.kind).toBe(want)
  })
})

describe('recurrence', () => {
  it.each([
    ['2026-11-25', 'none', null],
    ['2026-11-25', 'weekly', '2026-12-02'],
    ['2026-11-25', 'monthly', '2026-12-25'],
    ['2027-01-31', 'monthly', '2027-02-28'],
    ['2026-12-28', 'weekly', '2027-01-04'],
  ] as const)('%s %s → %s', (date, recurrence, want) => {
    expect(nextDate(date, recurrence)).toBe(want)
  })
})
