import * as echarts from 'echarts/core'
import { BarChart } from 'echarts/charts'
import { GridComponent } from 'echarts/components'
import { SVGRenderer } from 'echarts/renderers'
echarts.use([BarChart, GridComponent, SVGRenderer])
const chart = echarts.init(null as never, null, { renderer: 'svg', ssr: true, width: 340, height: 200 })
chart.setOption({ animation: false, xAxis: { type: 'category', data: ['1月', '2月'] }, yAxis: { type: 'value' }, series: [{ type: 'bar', data: [3, 5] }] })
const svg = chart.renderToSVGString()
console.log(svg.length, svg.slice(0, 200))
