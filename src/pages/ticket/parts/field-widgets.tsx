// One widget per kind of evidence field (types/api/ticket.ts FIELD_KINDS): how a form shows a field
// the server describes, what it starts with, and what the act sends for it. The field's words
// (label, what an empty choice says) come from the server.
import { View, Text, Textarea, Image, Picker, Input } from '@tarojs/components'
import { Rate } from '@nutui/nutui-react-taro'
import type { FieldKind, FormField, TicketView } from '../../../../types/api/ticket'
import { hospitalClock } from '../../../../types/deadline'
import type { PhotoUploads } from '../../../hooks/usePhotoUploads'
import { FloorChoice } from './FloorChoice'

/** What every widget of a form shares: the ticket and the form's photo uploads. */
export interface FormParts {
  ticket: TicketView
  photos: PhotoUploads
}

/** How one kind of field is shown, starts and is sent. */
export interface FieldWidget<V> {
  /** The value a fresh form starts with. */
  initial(parts: FormParts): V
  /** What the act sends for the field (undefined: nothing filled in yet). */
  input(value: V, field: FormField, parts: FormParts): unknown
  /** True while the field cannot be filled in (a choice with nothing to choose). */
  blocked?(field: FormField, parts: FormParts): boolean
  Show(props: { field: FormField; value: V; set: (v: V) => void; parts: FormParts }): JSX.Element
}

/** The kinds a person fills in; a `system` field never reaches a form. */
export type FormKind = Exclude<FieldKind, 'system'>

/** A widget checked against its own value type, then held beside widgets of other values. */
const widget = <V,>(w: FieldWidget<V>): FieldWidget<unknown> => w as FieldWidget<unknown>

/** The hospital's today plus `days`, from the server's clock, never the phone's. */
const dayAfter = (ticket: TicketView, days: number) =>
  hospitalClock(Date.parse(ticket.now) + days * 86400_000).slice(0, 10)

const optionsOf = (field: FormField, ticket: TicketView) => ticket.choices[field.name] ?? []

/** Every kind's widget: a kind without one is a compile error. */
export const FIELD_WIDGETS: { [K in FormKind]: FieldWidget<unknown> } = {
  photos: widget<null>({
    initial: () => null,
    input: (_v, _f, { photos }) => photos.ids,
    Show: ({ field, parts: { photos } }) => (
      <View className="action-photos">
        {photos.ids.map((id) => (
          <Image
            key={id}
            className="action-photo action-photo-done"
            src={photos.previews[id] ?? id}
            mode="aspectFill"
          />
        ))}
        {photos.canAdd && (
          <View className="action-photo action-photo-add" onClick={() => void photos.add()}>
            <Text>{photos.uploading ? '上传中…' : `📷 ${field.label}`}</Text>
          </View>
        )}
      </View>
    ),
  }),
  // A day (the server reads it as its end in Shanghai), or a time of that day with its offset.
  deadline: widget<{ day: string; time: string }>({
    initial: ({ ticket }) => ({ day: dayAfter(ticket, 3), time: '' }),
    input: ({ day, time }) => (time ? `${day}T${time}:00+08:00` : day),
    Show: ({ field, value, set, parts: { ticket } }) => (
      <>
        <Picker
          mode="date"
          value={value.day}
          start={dayAfter(ticket, 0)}
          end={dayAfter(ticket, 365)}
          onChange={(e) => set({ ...value, day: e.detail.value })}
        >
          <View className="action-field action-deadline-day">
            {field.label}：{value.day}
          </View>
        </Picker>
        <Picker
          mode="time"
          value={value.time || '17:00'}
          onChange={(e) => set({ ...value, time: e.detail.value })}
        >
          <View className="action-field action-deadline-time">
            截止时间：{value.time || '当天内（23:59 前）'}
          </View>
        </Picker>
        {value.time && (
          <Text className="muted action-deadline-whole" onClick={() => set({ ...value, time: '' })}>
            改为当天内
          </Text>
        )}
      </>
    ),
  }),
  // One of the options the server listed for this field; the value is its index.
  choice: widget<number>({
    initial: () => 0,
    input: (i, field, { ticket }) => optionsOf(field, ticket)[i]?.id,
    blocked: (field, { ticket }) => optionsOf(field, ticket).length === 0,
    Show: ({ field, value, set, parts: { ticket } }) => {
      const options = optionsOf(field, ticket)
      if (options.length === 0) return <Text className="muted">{field.empty}</Text>
      return (
        <Picker
          mode="selector"
          range={options.map((o) => o.label)}
          value={value}
          onChange={(e) => set(Number(e.detail.value))}
        >
          <View className={`action-field action-${field.name}`}>
            {field.label}：{options[value]?.label}
          </View>
        </Picker>
      )
    },
  }),
  floor: widget<string>({
    initial: () => '',
    input: (floorId) => floorId || undefined,
    Show: ({ value, set, parts: { ticket } }) => (
      <FloorChoice value={value} exclude={ticket.floorId} onChange={set} />
    ),
  }),
  text: widget<string>({
    initial: () => '',
    input: (text) => text || undefined,
    Show: ({ field, value, set }) => (
      <Textarea
        className={`action-${field.name}`}
        maxlength={200}
        placeholder={field.label}
        value={value}
        onInput={(e) => set(e.detail.value)}
      />
    ),
  }),
  // An amount of money in yuan, typed as digits; sent as a number (nothing while empty).
  amount: widget<string>({
    initial: () => '',
    input: (text) => (text.trim() === '' ? undefined : Number(text)),
    Show: ({ field, value, set }) => (
      <View className="action-amount">
        <Text>{field.label}：</Text>
        <Input
          className={`action-field action-${field.name}`}
          type="digit"
          placeholder="0"
          value={value}
          onInput={(e) => set(e.detail.value)}
        />
      </View>
    ),
  }),
  rating: widget<number>({
    initial: () => 5,
    input: (stars) => stars,
    Show: ({ field, value, set }) => (
      <View className="action-rating">
        <Text>{field.label}：</Text>
        <Rate value={value} onChange={(v) => set(Number(v))} />
      </View>
    ),
  }),
}

/** The widget of a field a form shows, typed loosely for the form's generic loop. */
export const widgetOf = (field: FormField): FieldWidget<unknown> | undefined =>
  field.kind === 'system' ? undefined : FIELD_WIDGETS[field.kind]
