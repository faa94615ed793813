// 名册导入导出: export the roster; upload an XLSX/CSV, see every error by row and column or a
// preview of what changes, then confirm. Nothing is imported while any row is wrong.
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { ApiError, call, messageOf } from '../../../services'
import type { RosterChange, RosterIssue, RosterPreview } from '../../../../types/api/org-admin'
import { AdminNav } from '../../parts/AdminNav'
import { openFile, pickAndUploadRoster } from '../../parts/files'
import '../../parts/admin.scss'

const SECTIONS: Array<[keyof RosterPreview, string]> = [
  ['added', '新增'],
  ['handedOver', '交接'],
  ['changed', '信息变更'],
  ['removed', '移除（职务结束，历史保留）'],
]

export default function ImportPage(): JSX.Element {
  const [file, setFile] = useState<{ fileID: string; name: string }>()
  const [preview, setPreview] = useState<RosterPreview>()
  const [errors, setErrors] = useState<{ message: string; rows: RosterIssue[] }>()
  const [busy, setBusy] = useState('')
  const [notice, setNotice] = useState<{ ok: boolean; text: string }>()

  const check = async (picked: { fileID: string; name: string }, dryRun: boolean) => {
    setBusy(dryRun ? 'check' : 'apply')
    setErrors(undefined)
    setNotice(undefined)
    try {
      const out = await call('admin', 'roster.import', { fileID: picked.fileID, dryRun })
      setPreview(out)
      if (!dryRun) {
        setNotice({ ok: true, text: out.applied ? '名册已导入' : '名册与现有一致，无需导入' })
        setFile(undefined)
      }
    } catch (error) {
      setPreview(undefined)
      const data =
        error instanceof ApiError
          ? (error.data as { errors?: RosterIssue[] } | undefined)
          : undefined
      setErrors({ message: messageOf(error), rows: data?.errors ?? [] })
    } finally {
      setBusy('')
    }
  }
  const upload = async () => {
    setNotice(undefined)
    try {
      const picked = await pickAndUploadRoster()
      if (!picked) return
      setFile(picked)
      await check(picked, true)
    } catch (error) {
      setNotice({ ok: false, text: messageOf(error) })
    }
  }
  const exportAs = async (format: 'xlsx' | 'csv') => {
    setBusy(format)
    try {
      const out = await call('admin', 'roster.export', { format })
      await openFile(out.url, format)
      setNotice({ ok: true, text: `已导出 ${out.rows} 行` })
    } catch (error) {
      setNotice({ ok: false, text: messageOf(error) })
    } finally {
      setBusy('')
    }
  }
  const changes = preview
    ? preview.added.length +
      preview.changed.length +
      preview.handedOver.length +
      preview.removed.length
    : 0

  return (
    <View className="page admin-page import-page">
      <AdminNav title="名册导入导出" />
      <View className="section">
        <Text className="section-title">格式</Text>
        <View>
          <Text className="muted">
            第一行为表头：楼栋, 楼层, 角色, 姓名, 手机, 科室。角色填 楼长 / 协管员 / 协管员(备) /
            层长 /
            层长(备)；楼长、协管员的楼层留空；每栋楼一位楼长、每层一位层长；第一位协管员为主协管员。名册最多
            2,000 行（不含表头）。导出的文件可直接修改后导入。
          </Text>
        </View>
        <View className="admin-actions">
          <Button
            size="small"
            loading={busy === 'xlsx'}
            className="import-export-xlsx"
            onClick={() => void exportAs('xlsx')}
          >
            导出 Excel
          </Button>
          <Button size="small" loading={busy === 'csv'} onClick={() => void exportAs('csv')}>
            导出 CSV
          </Button>
          <Button
            size="small"
            type="primary"
            loading={busy === 'check'}
            className="import-upload"
            onClick={() => void upload()}
          >
            上传名册
          </Button>
        </View>
      </View>
      {notice && (
        <View className="section">
          <Text className={notice.ok ? 'admin-ok import-notice' : 'admin-error import-notice'}>
            {notice.text}
          </Text>
        </View>
      )}
      {errors && (
        <View className="section import-errors">
          <Text className="admin-error">{errors.message}</Text>
          {errors.rows.map((e, i) => (
            <View key={i} className="admin-row import-error">
              <Text className="admin-tag admin-tag-warn">
                {e.row ? `第 ${e.row} 行` : '全表'}
                {e.column ? ` · ${e.column}` : ''}
              </Text>
              <Text className="admin-row-main">{e.message}</Text>
            </View>
          ))}
        </View>
      )}
      {preview && file && (
        <View className="section import-preview">
          <View>
            <Text className="section-title">
              {file.name}：{preview.rows} 行，{changes} 处变化，{preview.unchanged} 处不变
            </Text>
          </View>
          {preview.warnings.length > 0 && (
            <View className="import-section import-warnings">
              <View>
                <Text className="section-title">提醒（{preview.warnings.length}，不影响导入）</Text>
              </View>
              {preview.warnings.map((w, i) => (
                <View key={i} className="admin-row import-warning">
                  <Text className="admin-tag admin-tag-warn">
                    {w.row ? `第 ${w.row} 行` : '全表'}
                  </Text>
                  <Text className="admin-row-main">{w.message}</Text>
                </View>
              ))}
            </View>
          )}
          {SECTIONS.map(([key, label]) => {
            const items = preview[key] as RosterChange[]
            return items.length ? (
              <View key={key} className={`import-section import-${key}`}>
                <View>
                  <Text className="section-title">
                    {label}（{items.length}）
                  </Text>
                </View>
                {items.slice(0, 300).map((c, i) => (
                  <View key={i} className="admin-row">
                    <Text className="admin-tag">{c.role}</Text>
                    <Text className="admin-row-main">
                      {c.place} · {c.previous ? `${c.previous.name} → ` : ''}
                      {c.name} {c.phone}
                      {c.fields ? `（${c.fields.join('、')}）` : ''}
                    </Text>
                  </View>
                ))}
              </View>
            ) : null
          })}
          {changes > 0 && (
            <Button
              type="primary"
              className="import-confirm"
              loading={busy === 'apply'}
              onClick={() => void check(file, false)}
            >
              确认导入
            </Button>
          )}
        </View>
      )}
    </View>
  )
}
