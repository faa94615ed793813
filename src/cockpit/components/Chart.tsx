// One ECharts chart through taro-react-echarts (canvas on weapp and H5), with only the chart
// types the cockpit uses registered.
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
  return (
    <Echarts
      echarts={echarts}
      option={option}
      className={`cockpit-chart ${className}`}
      style={{ height, width: '100%' }}
    />
  )
}
