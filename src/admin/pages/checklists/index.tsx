// 巡查检查表: the safety office's checklist templates. Each save of an edit writes a new version (a
// round keeps the version it started with); 停用 stops new rounds from using a template.
import { Input, Switch, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import type { ChecklistItemInput, TemplateVersion } from '../../../../types/api/rounds'
import { GRADES, GRADE_LABELS } from '../../../../types/grade'
import { StateView } from '../../../components/StateView'
import { useRequest } from '../../../hooks/use-request'
import { call, messageOf } from '../../../services'
import { AdminNav } from '../../parts/AdminNav'
import '../../parts/admin.scss'

interface Draft {
  templateId?: string
  name: string
  sections: Array<{ title: string; items: ChecklistItemInput[] }>
}

const blankItem = (categoryId: string): ChecklistItemInput => ({
  text: '',
  howTo: '',
  categoryId,
  grade: 'general',
  photoRequired: false,
})
const draftOf = (t: TemplateVersion): Draft => ({
  templateId: t.templateId,
  name: t.name,
  sections: t.sections.map((s) => ({ title: s.title, items: s.items.map((i) => ({ ...i })) })),
})

export default function ChecklistsPage(): JSX.Element {
  const [persona, setPersona] = useState(0)
  const list = useRequest(
    () => call('rounds', 'templates.list', { includeRetired: true }),
    [persona],
  )
  const categories = useRequest(() => call('org', 'categories', {}), [])
  const [draft, setDraft] = useState<Draft>()
  const [notice, setNotice] = useState<{ ok: boolean; text: string }>()
  const firstCategory = categories.data?.[0]?.id ?? 'other'

  const act = async (work: () => Promise<string>) => {
    setNotice(undefined)
    try {
      setNotice({ ok: true, text: await work() })
      await list.reload()
    } catch (error) {
      setNotice({ ok: false, text: messageOf(error) })
    }
  }
  const edit = (id: string) =>
    act(async () => {
      setDraft(draftOf(await call('rounds', 'templates.get', { templateId: id })))
      return '已打开，修改后保存为新版本'
    })
  const change = (fn: (d: Draft) => void) =>
    setDraft((d) => {
      if (!d) return d
      const next: Draft = JSON.parse(JSON.stringify(d)) as Draft
      fn(next)
      return next
    })
  const save = () =>
    act(async () => {
      if (!draft) return ''
      const saved = await call('rounds', 'templates.save', draft)
      setDraft(draftOf(saved))
      return `已保存：${saved.name} 第 ${saved.version} 版`
    })

  return (
    <View className="page admin-page checklists-page">
      <AdminNav title="巡查检查表" onPersona={() => setPersona((n) => n + 1)} />
      {notice && <Text className={notice.ok ? 'admin-ok' : 'admin-error'}>{notice.text}</Text>}
      <StateView
        loading={list.loading && !list.data}
        error={list.error}
        onRetry={() => void list.reload()}
      />
      {!draft && (
        <View className="section">
          {list.data?.items.map((t) => (
            <View key={t.templateId} className="admin-row checklist-row">
              <Text>
                {t.name} · 第 {t.version} 版 · {t.items} 项{t.retired ? ' · 已停用' : ''}
              </Text>
              {!t.retired && (
                <View className="admin-actions">
                  <Text className="link checklist-edit" onClick={() => void edit(t.templateId)}>
                    编辑
                  </Text>
                  <Text
                    className="link checklist-retire"
                    onClick={() =>
                      void act(async () => {
                        await call('rounds', 'templates.retire', { templateId: t.templateId })
                        return `已停用：${t.name}`
                      })
                    }
                  >
                    停用
                  </Text>
                </View>
              )}
            </View>
          ))}
          <Button
            className="checklist-new"
            onClick={() =>
              setDraft({
                name: '',
                sections: [{ title: '检查项', items: [blankItem(firstCategory)] }],
              })
            }
          >
            新建检查表
          </Button>
        </View>
      )}
      {draft && (
        <View className="section checklist-editor">
          <Input
            className="admin-input checklist-name"
            placeholder="检查表名称"
            value={draft.name}
            onInput={(e) => change((d) => void (d.name = e.detail.value))}
          />
          {draft.sections.map((s, si) => (
            <View key={si} className="checklist-section">
              <Input
                className="admin-input checklist-section-title"
                placeholder="分组名称"
                value={s.title}
                onInput={(e) => change((d) => void (d.sections[si].title = e.detail.value))}
              />
              {s.items.map((item, ii) => (
                <View key={item.id ?? `new-${ii}`} className="checklist-item">
                  <Input
                    className="admin-input checklist-item-text"
                    placeholder="检查内容"
                    value={item.text}
                    onInput={(e) =>
                      change((d) => void (d.sections[si].items[ii].text = e.detail.value))
                    }
                  />
                  <Input
                    className="admin-input checklist-item-how"
                    placeholder="检查方法"
                    value={item.howTo ?? ''}
                    onInput={(e) =>
                      change((d) => void (d.sections[si].items[ii].howTo = e.detail.value))
                    }
                  />
                  <View className="checklist-item-options">
                    {(categories.data ?? []).map((c) => (
                      <Text
                        key={c.id}
                        className={`admin-chip${c.id === item.categoryId ? ' admin-chip-on' : ''}`}
                        onClick={() =>
                          change((d) => void (d.sections[si].items[ii].categoryId = c.id))
                        }
                      >
                        {c.name}
                      </Text>
                    ))}
                  </View>
                  <View className="checklist-item-options">
                    {GRADES.map((g) => (
                      <Text
                        key={g}
                        className={`admin-chip checklist-grade-${g}${(item.grade ?? 'general') === g ? ' admin-chip-on' : ''}`}
                        onClick={() => change((d) => void (d.sections[si].items[ii].grade = g))}
                      >
                        {GRADE_LABELS[g]}
                      </Text>
                    ))}
                    <Text>需拍照</Text>
                    <Switch
                      checked={Boolean(item.photoRequired)}
                      onChange={(e) =>
                        change(
                          (d) => void (d.sections[si].items[ii].photoRequired = e.detail.value),
                        )
                      }
                    />
                    <Text
                      className="link checklist-item-remove"
                      onClick={() => change((d) => void d.sections[si].items.splice(ii, 1))}
                    >
                      删除
                    </Text>
                  </View>
                </View>
              ))}
              <Text
                className="link checklist-item-add"
                onClick={() =>
                  change((d) => void d.sections[si].items.push(blankItem(firstCategory)))
                }
              >
                + 添加检查项
              </Text>
            </View>
          ))}
          <Text
            className="link checklist-section-add"
            onClick={() =>
              change((d) => void d.sections.push({ title: '', items: [blankItem(firstCategory)] }))
            }
          >
            + 添加分组
          </Text>
          <View className="admin-actions">
            <Button type="primary" className="checklist-save" onClick={() => void save()}>
              保存为新版本
            </Button>
            <Button className="checklist-close" onClick={() => setDraft(undefined)}>
              返回列表
            </Button>
          </View>
        </View>
      )}
    </View>
  )
}
