// A reporter has no 待办: this tab is 我的上报 — what waits for their confirmation first, then all.
import { useState } from 'react'
import type { Workbench } from '../../../../types/api/ticket-lists'
import { usePaged } from '../../../hooks/use-paged'
import { call } from '../../../services'
import { PagedList } from './PagedList'
import { Tabs } from './Tabs'

type Tab = 'confirm' | 'all'

export function ReporterInbox({ wb, tick }: { wb: Workbench; tick: number }): JSX.Element {
  const [tab, setTab] = useState<Tab>(wb.awaitingConfirm > 0 ? 'confirm' : 'all')
  const list = usePaged(
    (before) => call('ticket', 'mine', { before, awaitingConfirm: tab === 'confirm' || undefined }),
    [tab, tick],
  )
  return (
    <>
      <Tabs
        tabs={[
          { key: 'confirm' as Tab, label: '待我确认', count: wb.awaitingConfirm },
          { key: 'all' as Tab, label: '全部上报' },
        ]}
        active={tab}
        onChoose={setTab}
      />
      <PagedList
        list={list}
        emptyText={tab === 'confirm' ? '没有需要你确认的隐患' : '还没有上报过隐患'}
      />
    </>
  )
}
