// The building × floor grid: one row per building, one cell per floor coloured by its open and
// overdue hazards; tapping a floor lists what is open there.
import { Text, View } from '@tarojs/components'
import type { Grid } from '../../../types/api/stats'
import { cellTone } from '../charts'

/** The grid map; `onPick` receives the floor tapped. */
export function GridMap({
  grid,
  selected,
  onPick,
}: {
  grid: Grid
  selected?: string
  onPick: (floor: { id: string; label: string }) => void
}): JSX.Element {
  return (
    <View className="grid-map">
      <View className="grid-legend">
        <Text className="grid-cell-calm grid-legend-item">无隐患</Text>
        <Text className="grid-cell-open grid-legend-item">有未办结</Text>
        <Text className="grid-cell-busy grid-legend-item">3 条以上</Text>
        <Text className="grid-cell-overdue grid-legend-item">有逾期</Text>
      </View>
      {grid.buildings.map((b) => (
        <View key={b.id} className="grid-row">
          <Text className="grid-building">
            {b.name}
            {b.open ? ` · ${b.open}` : ''}
          </Text>
          <View className="grid-floors">
            {b.floors.map((f) => (
              <View
                key={f.id}
                className={`grid-cell grid-cell-${cellTone(f)}${selected === f.id ? ' grid-cell-selected' : ''}`}
                data-floor={f.id}
                onClick={() => onPick({ id: f.id, label: `${b.name} ${f.name}` })}
              >
                <Text className="grid-cell-name">{f.name.replace('层', '')}</Text>
                {f.open > 0 && <Text className="grid-cell-count">{f.open}</Text>}
              </View>
            ))}
          </View>
        </View>
      ))}
    </View>
  )
}
