// A chart drawn by Apache ECharts (tree-shaken: bar, line and pie with the SVG renderer) in its
// server-side mode: the option becomes an SVG string shown as an image. The same code renders on
// weapp and h5 — no canvas adapter, no DOM — and the chart is printable and screenshot-stable.
import { useMemo } from 'react'
import { Image, View } from '@tarojs/components'
import * as echarts from 'echarts/core'
import { BarChart, LineChart, PieChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TitleComponent } from 'echarts/components'
import { SVGRenderer } from 'echarts/renderers'
import type { EChartsCoreOption } from 'echarts/core'
import './Chart.scss'

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer])

export const CHART_COLORS = ['#c0262d', '#e0803a', '#d9b23a', '#4f8a5b', '#3a7bbf', '#7a5fb0', '#8c8c8c', '#b0556a']

/** UTF-8 to base64 without btoa (weapp has none). */
function base64(text: string): string {
  const bytes = unescape(encodeURIComponent(text))
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes.charCodeAt(i), bytes.charCodeAt(i + 1), bytes.charCodeAt(i + 2)]
    const n = (a << 16) | ((b || 0) << 8) | (c || 0)
    out += chars[(n >> 18) & 63] + chars[(n >> 12) & 63] + (i + 1 < bytes.length ? chars[(n >> 6) & 63] : '=') + (i + 2 < bytes.length ? chars[n & 63] : '=')
  }
  return out
}

export function renderChartSvg(option: EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null as unknown as HTMLElement, null, { renderer: 'svg', ssr: true, width, height })
  chart.setOption({ animation: false, color: CHART_COLORS, textStyle: { fontFamily: 'sans-serif' }, ...option })
  const svg = chart.renderToSVGString()
  chart.dispose()
  return svg
}

interface ChartProps {
  option: EChartsCoreOption
  height?: number
  /** Drawing width in px; the image scales to the card's width. */
  width?: number
  label: string
  testId?: string
}

export function Chart({ option, height = 220, width = 360, label, testId }: ChartProps) {
  const src = useMemo(() => `data:image/svg+xml;base64,${base64(renderChartSvg(option, width, height))}`, [option, width, height])
  return (
    // The box keeps the drawing's aspect ratio at any width (phone or desk); the image fills it.
    <View className='mx-chart' data-testid={testId}>
      <View className='mx-chart__box' style={{ paddingBottom: `${((height / width) * 100).toFixed(2)}%` }}>
        <Image className='mx-chart__image' src={src} mode='scaleToFill' ariaLabel={label} />
      </View>
    </View>
  )
}

/** Bars of labelled counts. */
export function barOption(items: Array<{ label: string; count: number }>, { horizontal = false } = {}): EChartsCoreOption {
  const names = items.map((i) => i.label)
  const values = items.map((i) => i.count)
  const category = { type: 'category', data: names, axisLabel: { fontSize: 11, interval: 0, rotate: horizontal ? 0 : names.length > 6 ? 40 : 0 } }
  const value = { type: 'value', minInterval: 1, axisLabel: { fontSize: 11 } }
  return {
    grid: { left: horizontal ? 130 : 36, right: 16, top: 16, bottom: horizontal ? 24 : names.length > 6 ? 56 : 28 },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? { ...category, inverse: true } : value,
    series: [{ type: 'bar', data: values, barMaxWidth: 28, label: { show: true, position: horizontal ? 'right' : 'top', fontSize: 10 } }],
  }
}

export function lineOption(items: Array<{ label: string; count: number }>): EChartsCoreOption {
  return {
    grid: { left: 36, right: 16, top: 16, bottom: 40 },
    xAxis: { type: 'category', data: items.map((i) => i.label), axisLabel: { fontSize: 10, rotate: 40 } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 11 } },
    series: [{ type: 'line', data: items.map((i) => i.count), smooth: true, symbolSize: 4, areaStyle: { opacity: 0.15 } }],
  }
}

export function pieOption(items: Array<{ label: string; count: number }>): EChartsCoreOption {
  return {
    legend: { bottom: 0, textStyle: { fontSize: 11 } },
    series: [{ type: 'pie', radius: ['35%', '62%'], center: ['50%', '42%'], data: items.filter((i) => i.count > 0).map((i) => ({ name: i.label, value: i.count })), label: { formatter: '{b} {c}', fontSize: 11 } }],
  }
}
