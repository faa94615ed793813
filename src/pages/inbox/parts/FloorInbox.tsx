// 层长: every hazard on their floors, by state, whatever its level (each row says where it stands),
// and 已办结 so fixed work does not vanish.
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { STATE_LABELS, type TicketState } from '../../../../types/ticket'
import { usePaged, type PageLike } from '../../../hooks/use-paged'
import { call } from '../../../services'
import { INBOX_TAB } from '../../../services/tab-bar'
import { PagedList } from './PagedList'
import { Tabs } from './Tabs'

type Tab = 'pending' | 'processing' | 'rectifying' | 'reviewing' | 'done'
const OPEN_TABS: TicketState[] = ['pending', 'processing', 'rectifying', 'reviewing']
const DONE: TicketState[] = ['fixed', 'closed', 'rejected', 'duplicate']

export function FloorInbox({ tick, onTap }: { tick: number; onTap: () => void }): JSX.Element {
  const [tab, setTab] = useState<Tab>('pending')
  const inbox = usePaged<PageLike & { counts?: Record<string, number> }>(
    (before) =>
      tab === 'done'
        ? call('ticket', 'done', { before })
        : call('ticket', 'inbox', { status: tab, before }),
    [tab, tick],
  )
  const counts = useCounts(inbox.first?.counts, tick)
  const pending = counts.pending ?? 0
  useEffect(() => {
    // The red dot on the 待办 tab: new hazards are waiting.
    const dot =
      pending > 0
        ? Taro.showTabBarRedDot({ index: INBOX_TAB })
        : Taro.hideTabBarRedDot({ index: INBOX_TAB })
    void Promise.resolve(dot).catch(() => undefined)
  }, [pending])
  const done = DONE.reduce((n, s) => n + (counts[s] ?? 0), 0)
  return (
    <>
      <Tabs
        tabs={[
          ...OPEN_TABS.map((s) => ({ key: s as Tab, label: STATE_LABELS[s], count: counts[s] })),
          { key: 'done' as Tab, label: '已办结', count: done },
        ]}
        active={tab}
        onChoose={(next) => {
          onTap()
          setTab(next)
        }}
      />
      <PagedList
        list={inbox}
        emptyText={tab === 'done' ? '还没有办结的隐患' : `没有${STATE_LABELS[tab]}的隐患`}
      />
    </>
  )
}

/**
 * The floors' counts per state: those of the list on screen (the same answer, so list and counts
 * never disagree), or the last ones asked for while 已办结 is shown.
 */
function useCounts(
  latest: Record<string, number> | undefined,
  tick: number,
): Record<string, number> {
  const [kept, setKept] = useState<Record<string, number>>({})
  useEffect(() => {
    if (latest) setKept(latest)
  }, [latest])
  useEffect(() => {
    if (latest) return
    void call('ticket', 'inbox', { limit: 1 })
      .then((p) => setKept(p.counts))
      .catch(() => undefined)
  }, [tick, latest])
  return latest ?? kept
}
