// 科室与隐患类别: departments (who receives deferred work) and hazard categories with their
// default severity, default grade (一般 / 重大), response minutes per severity and the urgent flag.
import { View, Text, Input, Switch } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { StateView } from '../../../components/StateView'
import { useRequest } from '../../../hooks/use-request'
import { call, messageOf } from '../../../services'
import type { AdminCategory } from '../../../../types/api/org-admin'
import { GRADE_LABELS, GRADES } from '../../../../types/grade'
import { AdminNav } from '../../parts/AdminNav'
import '../../parts/admin.scss'

const SEVERITY: Array<[AdminCategory['severity'], string]> = [
  ['high', '高'],
  ['medium', '中'],
  ['low', '低'],
]
const BLANK: AdminCategory = {
  id: '',
  name: '',
  icon: '📌',
  severity: 'medium',
  grade: 'general',
  responseMinutes: { high: 120, medium: 120, low: 240 },
  urgent: false,
  order: 0,
  active: true,
}

export default function CatalogPage(): JSX.Element {
  const [persona, setPersona] = useState(0)
  const categories = useRequest(() => call('org', 'categories.all', {}), [persona])
  const departments = useRequest(() => call('org', 'departments.list', {}), [persona])
  const [notice, setNotice] = useState<{ ok: boolean; text: string }>()
  const [dept, setDept] = useState('')
  const act = async (work: () => Promise<string>) => {
    setNotice(undefined)
    try {
      setNotice({ ok: true, text: await work() })
      await Promise.all([categories.reload(), departments.reload()])
    } catch (error) {
      setNotice({ ok: false, text: messageOf(error) })
    }
  }
  return (
    <View className="page admin-page catalog-page">
      <AdminNav title="科室与隐患类别" onPersona={() => setPersona((n) => n + 1)} />
      {notice && (
        <View className="section">
          <Text className={notice.ok ? 'admin-ok catalog-notice' : 'admin-error catalog-notice'}>
            {notice.text}
          </Text>
        </View>
      )}
      <View className="admin-grid">
        <View className="section catalog-categories">
          <Text className="section-title">隐患类别</Text>
          <StateView loading={categories.loading && !categories.data} error={categories.error} />
          {[...(categories.data ?? []), BLANK].map((c) => (
            <CategoryRow
              key={c.id || 'new'}
              category={c}
              onSave={(next) =>
                act(async () => {
                  const { id, ...rest } = next
                  await call('org', 'category.save', { ...rest, id: id || undefined })
                  return `已保存「${next.name}」`
                })
              }
            />
          ))}
        </View>
        <View className="section catalog-departments">
          <Text className="section-title">科室</Text>
          <StateView loading={departments.loading && !departments.data} error={departments.error} />
          {departments.data?.map((d) => (
            <View key={d.id} className="admin-row">
              <Text className="admin-row-main">{d.name}</Text>
              <Text className={`admin-tag ${d.active ? '' : 'admin-tag-off'}`}>
                {d.active ? '在用' : '停用'}
              </Text>
              <Button
                size="small"
                onClick={() =>
                  void act(async () => {
                    await call('org', 'department.save', {
                      id: d.id,
                      name: d.name,
                      kind: d.kind,
                      active: !d.active,
                    })
                    return d.active ? `${d.name}已停用` : `${d.name}已恢复`
                  })
                }
              >
                {d.active ? '停用' : '恢复'}
              </Button>
            </View>
          ))}
          <View className="admin-form">
            <Input
              className="admin-input"
              placeholder="新科室名称"
              value={dept}
              onInput={(e) => setDept(e.detail.value)}
            />
            <Button
              size="small"
              type="primary"
              onClick={() =>
                void act(async () => {
                  await call('org', 'department.save', { name: dept })
                  setDept('')
                  return '已新增科室'
                })
              }
            >
              新增
            </Button>
          </View>
        </View>
      </View>
    </View>
  )
}

function CategoryRow({
  category,
  onSave,
}: {
  category: AdminCategory
  onSave: (c: AdminCategory) => Promise<void>
}) {
  const [c, setC] = useState(category)
  const minutes = (key: keyof AdminCategory['responseMinutes'], v: string) =>
    setC({ ...c, responseMinutes: { ...c.responseMinutes, [key]: Number(v) || 0 } })
  return (
    <View className="admin-row catalog-category">
      <View className="admin-form admin-row-main">
        <Input
          className="admin-input"
          style={{ width: '80px' }}
          value={c.icon}
          onInput={(e) => setC({ ...c, icon: e.detail.value })}
        />
        <Input
          className="admin-input"
          placeholder={category.id ? '' : '新类别名称'}
          value={c.name}
          onInput={(e) => setC({ ...c, name: e.detail.value })}
        />
        <Text className="muted">默认严重程度</Text>
        {SEVERITY.map(([key, label]) => (
          <Button
            key={key}
            size="small"
            type={c.severity === key ? 'primary' : 'default'}
            onClick={() => setC({ ...c, severity: key })}
          >
            {label}
          </Button>
        ))}
        <Text className="muted">默认隐患等级</Text>
        {GRADES.map((g) => (
          <Button
            key={g}
            size="small"
            className={`catalog-grade catalog-grade-${g}`}
            type={c.grade === g ? 'primary' : 'default'}
            onClick={() => setC({ ...c, grade: g })}
          >
            {GRADE_LABELS[g]}
          </Button>
        ))}
        <Text className="muted">响应时限（分钟）高/中/低</Text>
        {SEVERITY.map(([key]) => (
          <Input
            key={key}
            className="admin-input"
            style={{ width: '120px' }}
            type="number"
            value={String(c.responseMinutes[key])}
            onInput={(e) => minutes(key, e.detail.value)}
          />
        ))}
        <Text className="muted">紧急</Text>
        <Switch checked={c.urgent} onChange={(e) => setC({ ...c, urgent: e.detail.value })} />
        <Text className="muted">启用</Text>
        <Switch checked={c.active} onChange={(e) => setC({ ...c, active: e.detail.value })} />
      </View>
      <Button size="small" type="primary" onClick={() => void onSave(c)}>
        {category.id ? '保存' : '新增'}
      </Button>
    </View>
  )
}
