// 述职报告: a deputy's annual report to the voters, generated from the record (figures, activities,
// suggestions and outcomes, points) as a printable PDF, with room for the voters' assessment (述职评议).
import { RATING_LABELS } from '@minyi/types'
import type { Caller } from '../../domain/caller'
import type { PdfBlock } from '../../ports/pdf'
import type { Deps } from '../deps'
import { getRecord } from './record'

/**
 * The report is yearly within a term (述职 is yearly): the given year, by default the report year of
 * the given term (the current one: this year, or the term's last year once it has ended).
 */
export async function annualReport(
  deps: Deps,
  caller: Caller,
  input: { deputyId?: string; termId?: string; year?: number },
): Promise<{ fileName: string; contentBase64: string; pages: number | null }> {
  const year = input.year ?? (await getRecord(deps, caller, { deputyId: input.deputyId, termId: input.termId })).year
  const r = await getRecord(deps, caller, { ...input, year })
  const t = r.termOfOffice
  const f = r.figures
  const pct = (v: number | null) => (v === null ? '暂无评价' : `${v}%`)
  const blocks: PdfBlock[] = [
    { kind: 'heading', text: `人大代表${r.deputy.name}${r.year}年度述职报告`, size: 20, align: 'center' },
    { kind: 'text', text: `${t.name}${r.deputy.level}人大代表（任期${t.from}至${t.to}）`, align: 'center' },
    { kind: 'text', text: `述职期间：${r.period.from}至${r.period.to} · 联系家站点：${r.deputy.stations.join('、') || '—'}`, align: 'center' },
    { kind: 'space', height: 12 },
    { kind: 'heading', text: '一、联系群众、收集民意', size: 14 },
    {
      kind: 'table',
      columns: [{ header: '项目', width: 300 }, { header: '数量', width: 199 }],
      rows: [
        ['收到群众反映的民意', String(f.casesReceived)],
        ['现场答复', String(f.answeredOnSite)],
        ['提请转办', String(f.passedOn)],
        ['接待日登记群众诉求', String(f.visitsRecorded)],
        ['参加民情接待日（出席 / 缺席）', `${f.dutiesAttended} / ${f.dutiesMissed}`],
        ['群众满意率（已评价件）', `${pct(f.satisfactionRate)}（${f.rated}件）`],
      ],
    },
    { kind: 'space', height: 8 },
    { kind: 'heading', text: '二、履职活动', size: 14 },
    r.activities.length
      ? {
          kind: 'table',
          columns: [{ header: '日期', width: 90 }, { header: '类别', width: 80 }, { header: '内容', width: 200 }, { header: '佐证', width: 129 }],
          rows: r.activities.map((a) => [a.date, a.kindLabel, a.title, a.evidence ?? '']),
        }
      : { kind: 'text', text: '本年度暂无登记的履职活动。' },
    { kind: 'space', height: 8 },
    { kind: 'heading', text: '三、议案建议及办理结果', size: 14 },
    { kind: 'text', text: `本年起草${f.suggestionsDrafted}件，提交${f.suggestionsSubmitted}件，获答复${f.suggestionsAnswered}件；对答复满意${f.suggestionRatings.satisfied}件（共评价${f.suggestionRatings.rated}件）。` },
    r.suggestions.length
      ? {
          kind: 'table',
          columns: [{ header: '编号', width: 90 }, { header: '标题', width: 280 }, { header: '办理情况', width: 129 }],
          rows: r.suggestions.map((s) => [s.no ?? '草稿', s.title, s.statusLabel]),
        }
      : { kind: 'text', text: '本年度暂无议案建议。' },
    { kind: 'space', height: 8 },
    { kind: 'heading', text: `四、履职积分（${r.points.scheme}）`, size: 14 },
    {
      kind: 'table',
      columns: [{ header: '项目', width: 250 }, { header: '计数', width: 80 }, { header: '得分', width: 80 }, { header: '上限', width: 89 }],
      rows: [...r.points.lines.map((l) => [l.label, String(l.counted), String(l.points), String(l.cap)]), ['合计', '', String(r.points.score), String(r.points.total)]],
    },
    { kind: 'pageBreak' },
    { kind: 'heading', text: '五、选民评议（述职评议）', size: 14 },
    { kind: 'text', text: `评议结果：□ ${RATING_LABELS.satisfied}　　□ ${RATING_LABELS.basically}　　□ ${RATING_LABELS.unsatisfied}` },
    { kind: 'space', height: 10 },
    { kind: 'text', text: '选民意见：' },
    { kind: 'space', height: 160 },
    { kind: 'text', text: '评议组织单位（盖章）：                         日期：      年    月    日' },
    ...(r.assessment ? ([{ kind: 'space', height: 12 }, { kind: 'text', text: `已记录评议结果：${r.assessment.result}${r.assessment.note ? `（${r.assessment.note}）` : ''}，记录人：${r.assessment.recordedByName}` }] as PdfBlock[]) : []),
  ]
  const title = `${r.deputy.name}${r.year}年度述职报告`
  const pdf = await deps.pdf.render({ title, blocks })
  return { fileName: `${title}.pdf`, contentBase64: pdf.toString('base64'), pages: null }
}
