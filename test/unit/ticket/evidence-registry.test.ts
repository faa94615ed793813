// Every action's evidence fields are in the evidence registry, and every field a person fills has a
// widget on the ticket page: the compiler demands both, and this proves the maps hold them at run time.
import { ACT_INPUTS, EVIDENCE_FIELDS, evidenceOf } from '../../../types/api/ticket'
import { TICKET_ACTIONS } from '../../../types/ticket'
import { EVIDENCE, formOf } from '../../../cloudfunctions/_shared/ticket/evidence'
import { TRANSITIONS } from '../../../cloudfunctions/_shared/ticket/domain/machine'
import { FIELD_WIDGETS } from '../../../src/pages/ticket/parts/field-widgets'

// Only the widget map's entries are read here; the page renders them for real in test/weapp. The UI
// libraries ship as ES modules node cannot load, so they stand empty.
jest.mock('@tarojs/components', () => ({}))
jest.mock('@tarojs/taro', () => ({}))
jest.mock('@nutui/nutui-react-taro', () => ({}))

const CASES = TICKET_ACTIONS.flatMap((action) =>
  evidenceOf(action).map((field) => [action, field] as const),
)

describe('evidence as a registry', () => {
  it('reads every action’s evidence off its schema, beyond id, action, version and note', () => {
    for (const action of TICKET_ACTIONS)
      expect([...evidenceOf(action), 'id', 'action', 'version', 'note'].sort()).toEqual(
        Object.keys(ACT_INPUTS[action].shape).sort(),
      )
    expect(CASES.length).toBeGreaterThan(10)
  })

  it.each(CASES)('%s: %s has a registry entry and, unless the system’s, a widget', (_a, field) => {
    const entry = EVIDENCE[field]
    expect(entry).toBeDefined()
    expect(entry.label).not.toEqual('')
    if (entry.kind !== 'system') expect(FIELD_WIDGETS[entry.kind]).toBeDefined()
    if (entry.kind === 'choice') expect(entry.choices).toBeInstanceOf(Function)
  })

  it('holds no entry for a field no action asks for', () => {
    expect(Object.keys(EVIDENCE).sort()).toEqual([...EVIDENCE_FIELDS].sort())
  })

  it.each(TICKET_ACTIONS)('%s: a person’s form shows every field but the system’s', (action) => {
    const form = formOf(action)
    const shown = evidenceOf(action).filter((f) => EVIDENCE[f].kind !== 'system')
    expect(form.fields.map((f) => f.name)).toEqual(shown)
    // A field only the system fills belongs to an action only the system takes.
    if (shown.length < evidenceOf(action).length)
      expect(TRANSITIONS[action].who).toEqual(['system'])
  })
})
