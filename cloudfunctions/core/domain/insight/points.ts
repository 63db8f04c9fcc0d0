// The points scheme (履职积分, 百分制) as data: items, points per unit, caps. The default is modelled
// on the 百分制 履职考核 of the seeds; a district overrides it with `pointsScheme` on its region
// document. Points are computed from the record's figures every time, never stored.
import type { PointsScheme, RecordFigures, RecordMetric } from '@minyi/types'

export const DEFAULT_POINTS_SCHEME: PointsScheme = {
  name: '代表履职积分（百分制）',
  total: 100,
  items: [
    { key: 'duty', label: '参加民情接待日', metrics: ['dutiesAttended'], points: 4, cap: 20 },
    { key: 'onsite', label: '现场答复群众', metrics: ['answeredOnSite'], points: 1, cap: 15 },
    { key: 'passOn', label: '收集并提请转办民意', metrics: ['passedOn', 'visitsRecorded'], points: 0.5, cap: 10 },
    { key: 'suggest', label: '提出议案建议', metrics: ['suggestionsSubmitted'], points: 3, cap: 15 },
    { key: 'answered', label: '议案建议获答复', metrics: ['suggestionsAnswered'], points: 1, cap: 5 },
    { key: 'satisfaction', label: '群众满意度', metrics: ['satisfactionRate'], points: 10, cap: 10 },
    { key: 'inspect', label: '视察、调研、代表行动', metrics: ['activity.inspection', 'activity.research', 'activity.action'], points: 2, cap: 10 },
    { key: 'training', label: '参加培训', metrics: ['activity.training'], points: 1, cap: 5 },
    { key: 'meeting', label: '出席会议', metrics: ['activity.meeting'], points: 1, cap: 5 },
    { key: 'report', label: '向选民述职', metrics: ['activity.report'], points: 5, cap: 5 },
    { key: 'absence', label: '无故缺席接待日（扣分）', metrics: ['dutiesMissed'], points: -2, cap: 10 },
  ],
}

export interface PointsLine {
  key: string
  label: string
  counted: number
  points: number
  cap: number
}

export function metricValue(metric: RecordMetric, figures: RecordFigures, activities: Record<string, number>): number {
  if (metric.startsWith('activity.')) return activities[metric.slice('activity.'.length)] ?? 0
  if (metric === 'satisfactionRate') return figures.satisfactionRate === null ? 0 : figures.satisfactionRate / 100
  return figures[metric as Exclude<RecordMetric, `activity.${string}` | 'satisfactionRate'>] as number
}

/** Each item's points within its cap (deductions at most `cap` off), and the score within 0…total. */
export function scorePoints(scheme: PointsScheme, figures: RecordFigures, activities: Record<string, number>): { score: number; lines: PointsLine[] } {
  const lines = scheme.items.map((item) => {
    const counted = item.metrics.reduce((sum, m) => sum + metricValue(m, figures, activities), 0)
    const raw = counted * item.points
    const points = raw >= 0 ? Math.min(raw, item.cap) : Math.max(raw, -item.cap)
    return { key: item.key, label: item.label, counted: Math.round(counted * 1000) / 1000, points: Math.round(points * 10) / 10, cap: item.cap }
  })
  const sum = lines.reduce((s, l) => s + l.points, 0)
  return { score: Math.round(Math.min(scheme.total, Math.max(0, sum)) * 10) / 10, lines }
}
