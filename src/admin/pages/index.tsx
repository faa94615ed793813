// 管理 (subpackage): the administration home for the safety office and 楼长 — what they may manage.
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { StateView } from '../../components/StateView'
import { useRequest } from '../../hooks/use-request'
import { call } from '../../services'
import { auditLabel } from '../../../types/audit'
import { AdminNav } from '../parts/AdminNav'
import { shanghai } from '../parts/format'
import '../parts/admin.scss'

const MENU = [
  {
    url: '/admin/pages/places',
    title: '楼栋与楼层',
    desc: '新增、改名、停用；二维码重新生成；打印公示牌',
    all: false,
  },
  {
    url: '/admin/pages/roster',
    title: '值守名册',
    desc: '层长、协管员、楼长；交接；邀请绑定微信',
    all: false,
  },
  {
    url: '/admin/pages/import',
    title: '名册导入导出',
    desc: 'Excel / CSV 批量导入，先预览再确认',
    all: true,
  },
  {
    url: '/admin/pages/catalog',
    title: '科室与隐患类别',
    desc: '类别的严重程度、响应时限、是否紧急',
    all: true,
  },
  {
    url: '/admin/pages/checklists/index',
    title: '巡查检查表',
    desc: '检查项、默认类别与等级；修改即生成新版本；停用',
    all: true,
  },
  {
    url: '/rounds/pages/index',
    title: '安全巡查',
    desc: '安排巡查（单次或每月）；查看巡查与报告',
    all: false,
  },
]

export default function AdminHome(): JSX.Element {
  const [persona, setPersona] = useState(0)
  const scope = useRequest(() => call('org', 'admin.scope', {}), [persona])
  const audit = useRequest(
    async () => (scope.data?.all ? call('org', 'audit.list', {}) : []),
    [scope.data?.all, persona],
  )
  return (
    <View className="page admin-page">
      <AdminNav title="管理" home onPersona={() => setPersona((n) => n + 1)} />
      <StateView
        loading={scope.loading && !scope.data}
        error={scope.error}
        onRetry={() => void scope.reload()}
      />
      {scope.data && (
        <>
          <View className="section">
            <Text className="admin-scope">
              {scope.data.name} ·{' '}
              {scope.data.all ? '安全办（全院）' : `楼长（${scope.data.buildingIds.join('、')}）`}
            </Text>
          </View>
          <View className="admin-grid">
            {MENU.filter((m) => scope.data!.all || !m.all).map((m) => (
              <View
                key={m.url}
                className="section admin-menu-item"
                onClick={() => void Taro.navigateTo({ url: m.url })}
              >
                <Text className="section-title">{m.title} ›</Text>
                <View>
                  <Text className="muted">{m.desc}</Text>
                </View>
              </View>
            ))}
          </View>
          {scope.data.all && (
            <View className="section admin-audit">
              <Text className="section-title">操作记录</Text>
              <StateView
                loading={audit.loading && !audit.data}
                error={audit.error}
                empty={audit.data?.length === 0}
                emptyText="暂无记录"
              />
              {audit.data?.slice(0, 30).map((a, i) => (
                <View key={i} className="admin-row">
                  <Text className="admin-tag">{auditLabel(a.kind)}</Text>
                  <Text className="admin-row-main">
                    {a.userName} {a.note}
                  </Text>
                  <Text className="muted">
                    {a.byName ? `${a.byName} · ` : ''}
                    {shanghai(a.at)}
                  </Text>
                </View>
              ))}
            </View>
          )}
        </>
      )}
    </View>
  )
}
