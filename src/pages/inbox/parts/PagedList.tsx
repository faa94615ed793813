// The body of a paged list: states, rows (flat or grouped by floor), and "加载更多".
import { View, Text } from '@tarojs/components'
import { StateView } from '../../../components/StateView'
import { FloorGroupedList, TicketList } from '../../../components/TicketList'
import type { PageLike, PagedState } from '../../../hooks/use-paged'

export function PagedList<P extends PageLike>({
  list,
  emptyText,
  openByFloor,
}: {
  list: PagedState<P>
  emptyText: string
  /** When given, rows are grouped by floor with these counts in the headings. */
  openByFloor?: Record<string, number>
}): JSX.Element {
  return (
    <View className="paged-list">
      <StateView
        loading={list.loading && !list.first}
        error={list.error}
        onRetry={list.reload}
        empty={Boolean(list.first) && list.items.length === 0}
        emptyText={emptyText}
      />
      {openByFloor ? (
        <FloorGroupedList items={list.items} openByFloor={openByFloor} />
      ) : (
        <TicketList items={list.items} />
      )}
      {list.hasMore && (
        <View className="list-more" onClick={list.more}>
          <Text>{list.loading ? '加载中…' : '加载更多'}</Text>
        </View>
      )}
    </View>
  )
}
