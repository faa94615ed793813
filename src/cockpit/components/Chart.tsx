// One ECharts chart through taro-react-echarts (canvas on weapp and H5), with only the chart
// types the cockpit uses registered.
import { View } from '@tarojs/components'
import Echarts from 'taro-react-echarts'
import * as echarts from 'echarts/core'
import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer])

/** Draws `option` in a box of the given height. */
export function Chart({
  option,
  height,
  className,
}: {
  option: Record<string, unknown>
  height: string
  className: string
}): JSX.Element {
  // The wrapper carries the class (the library's H5 container takes none); the width is left to
  // the container so the chart fills it (a '100%' string would reach echarts.init as a width).
  return (
    <View className={`cockpit-chart ${className}`} style={{ height }}>
      <Echarts echarts={echarts} option={option} style={{ height }} />
    </View>
  )
}
