// Export (导出Excel): any dashboard table or list, and the office's archive of all cases of a period,
// as an .xlsx with Chinese headers; phone numbers only ever masked (138****1234). Every export is
// one audit record (objectType 'export'), since the files carry residents' personal data.
// Delivery: base64 in the answer (a file of EXPORT_MAX_ROWS rows is a few hundred KB), which works the
// same on weapp (write to a user file, open it) and h5 (a download link) without a file route.
import {
  CASE_STATUS_LABELS,
  CATEGORY_LABELS,
  CHANNEL_LABELS,
  EXPORT_MAX_ROWS,
  EXPORT_TABLE_LABELS,
  RATING_LABELS,
  formatChineseDateTime,
  startOfShanghaiDay,
  type ExportTable,
} from '@minyi/types'
import type { Caller } from '../../domain/caller'
import { DomainError } from '../../domain/errors'
import type { CaseDoc } from '../../domain/records'
import type { Deps } from '../deps'
import { recordAudit } from '../audit/recordAudit'
import { dashboard, monthsBetween } from './dashboard'
import { hotspots } from './hotspots'
import { insightScope } from './scope'

export interface ExportInput {
  table: ExportTable
  from?: string
  to?: string
  stationId?: string
  hotspotId?: string
}

type Sheet = { headers: string[]; rows: Array<Array<string | number | null>> }

const pct = (v: number | null) => (v === null ? '' : `${v}%`)

async function caseSheet(deps: Deps, caller: Caller, input: ExportInput, from: string, to: string): Promise<Sheet> {
  const { stations } = await insightScope(deps, caller, input.stationId)
  const names = new Map(stations.map((s) => [s._id, s.name]))
  const [ty, tm] = to.split('-').map(Number)
  const end = tm === 12 ? `${ty + 1}-01` : `${ty}-${String(tm + 1).padStart(2, '0')}`
  const filter = {
    stationId: { $in: stations.map((s) => s._id) },
    createdAt: { $gte: startOfShanghaiDay(`${from}-01`).toISOString(), $lt: startOfShanghaiDay(`${end}-01`).toISOString() },
  }
  const cases = deps.store.collection<CaseDoc>('cases')
  const total = await cases.count(filter)
  if (total > EXPORT_MAX_ROWS) throw new DomainError('INVALID_INPUT', `该期间共${total}件，超过单个文件${EXPORT_MAX_ROWS}件的上限，请按月分别导出`)
  const rows: Sheet['rows'] = []
  for (let skip = 0; skip < total; skip += 1000) {
    for (const c of await cases.find(filter, { sort: [['createdAt', 1]], skip, limit: 1000 })) {
      rows.push([
        c.trackingNo,
        formatChineseDateTime(c.createdAt),
        names.get(c.stationId) ?? '',
        CATEGORY_LABELS[c.category] ?? c.category,
        CHANNEL_LABELS[c.channel] ?? c.channel,
        c.content,
        c.place ?? '',
        c.phoneMasked ?? '',
        CASE_STATUS_LABELS[c.status],
        c.transfer?.unitName ?? '',
        c.transfer?.dueDate ?? '',
        c.replies.map((r) => r.text).join('\n'),
        c.rating ? RATING_LABELS[c.rating.value] : '',
        c.secondCount ?? 0,
      ])
    }
  }
  return { headers: ['编号', '提交时间', '家站点', '类别', '渠道', '反映内容', '地点', '联系电话', '状态', '承办单位', '办理期限', '答复', '群众评价', '附议人数'], rows }
}

async function sheetFor(deps: Deps, caller: Caller, input: ExportInput): Promise<{ sheet: Sheet; personal: boolean; from: string; to: string }> {
  const view = await dashboard(deps, caller, input)
  const { from, to } = view
  const caseRows = (list: typeof view.overdue) => list.map((c) => [c.trackingNo, c.stationName, c.category, c.status, c.holder, c.dueDate ?? '', c.overdueDays, c.summary])
  const caseHeaders = ['编号', '家站点', '类别', '状态', '办理单位', '办理期限', '超期天数', '内容摘要']
  switch (input.table) {
    case 'cases':
      return { sheet: await caseSheet(deps, caller, input, from, to), personal: true, from, to }
    case 'overdue':
      return { sheet: { headers: caseHeaders, rows: caseRows(view.overdue) }, personal: true, from, to }
    case 'supervised':
      return { sheet: { headers: caseHeaders, rows: caseRows(view.supervised) }, personal: true, from, to }
    case 'categories':
      return { sheet: { headers: ['类别', '件数'], rows: view.byCategory.map((c) => [c.label, c.count]) }, personal: false, from, to }
    case 'stations':
      return { sheet: { headers: ['家站点', '受理件数', '按时办结率', '满意率'], rows: view.stations.map((s) => [s.name, s.count, pct(s.onTimeRate), pct(s.satisfactionRate)]) }, personal: false, from, to }
    case 'units':
      return { sheet: { headers: ['承办单位', '承办件数', '按时办结率', '满意率'], rows: view.units.map((u) => [u.name, u.count, pct(u.onTimeRate), pct(u.satisfactionRate)]) }, personal: false, from, to }
    case 'hotspot': {
      const { hotspots: list } = await hotspots(deps, caller, { stationId: input.stationId })
      const chosen = input.hotspotId ? list.filter((h) => h.id === input.hotspotId) : list
      const rows = chosen.flatMap((h) => h.cases.map((c) => [h.theme, c.trackingNo, c.stationName, c.summary, formatChineseDateTime(c.createdAt)]))
      return { sheet: { headers: ['热点主题', '编号', '家站点', '内容摘要', '提交时间'], rows }, personal: true, from, to }
    }
  }
}

export async function exportTable(deps: Deps, caller: Caller, input: ExportInput, requestId: string): Promise<{ fileName: string; contentBase64: string; rows: number }> {
  if (input.from && input.to && monthsBetween(input.from, input.to).length === 0) throw new DomainError('INVALID_INPUT', '开始月份不能晚于结束月份')
  const { sheet, personal, from, to } = await sheetFor(deps, caller, input)
  const buffer = await deps.xlsx.write({ sheetName: EXPORT_TABLE_LABELS[input.table], headers: sheet.headers, rows: sheet.rows })
  const fileName = `${EXPORT_TABLE_LABELS[input.table]}_${from}至${to}.xlsx`
  await recordAudit(deps, caller, requestId, {
    objectType: 'export',
    objectId: input.table,
    objectLabel: EXPORT_TABLE_LABELS[input.table],
    action: 'export',
    summary: `导出${EXPORT_TABLE_LABELS[input.table]}（${from}至${to}，${sheet.rows.length}行${personal ? '，含个人信息，电话已脱敏' : ''}）`,
    after: { table: input.table, from, to, stationId: input.stationId ?? null, rows: sheet.rows.length, personal },
  })
  return { fileName, contentBase64: buffer.toString('base64'), rows: sheet.rows.length }
}
