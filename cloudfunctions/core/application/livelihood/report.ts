// 评估: the round's report — each chosen project's completion (milestones done) and satisfaction
// (满意 + 基本满意 over all ratings) — and its export as Excel (exceljs) or PDF (deps.pdf.render).
import { RATING_LABELS, RATINGS, type LivelihoodReport, type ParsedInput, type Rating } from '@minyi/types'
import type { Caller } from '../../domain/caller'
import { recordAudit } from '../audit/recordAudit'
import type { Deps } from '../deps'
import { loadManagedRound, presentRound, projectsOf } from './shared'

const rate = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 1000 : null)

export async function roundReport(deps: Deps, caller: Caller, roundId: string): Promise<LivelihoodReport> {
  const round = await loadManagedRound(deps, caller, roundId)
  const now = deps.clock.now().toISOString()
  const chosen = await projectsOf(deps).find({ roundId: round._id, status: 'chosen', removed: false }, { sort: [['no', 1]], limit: 1000 })
  let done = 0
  let total = 0
  let good = 0
  let rated = 0
  const projects = chosen.map((p) => {
    const milestones = Object.values(p.milestones)
    const milestonesDone = milestones.filter((m) => m.doneAt).length
    const ratings: Record<Rating, number> = { satisfied: 0, basically: 0, unsatisfied: 0 }
    for (const r of Object.values(p.ratings)) ratings[r.rating] += 1
    const count = RATINGS.reduce((s, r) => s + ratings[r], 0)
    done += milestonesDone
    total += milestones.length
    good += ratings.satisfied + ratings.basically
    rated += count
    return {
      id: p._id,
      title: p.title,
      unitName: p.unitName,
      votes: p.votes,
      milestonesDone,
      milestonesTotal: milestones.length,
      overdue: milestones.filter((m) => !m.doneAt && m.dueAt <= now).length,
      completion: rate(milestonesDone, milestones.length) ?? 0,
      ratings,
      satisfactionRate: rate(ratings.satisfied + ratings.basically, count),
    }
  })
  return { round: await presentRound(deps, caller, round), projects, completion: rate(done, total) ?? 0, satisfactionRate: rate(good, rated) }
}

const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value * 1000) / 10}%`)

export async function exportReport(deps: Deps, caller: Caller, input: ParsedInput<'livelihood.report.export'>, requestId: string) {
  const report = await roundReport(deps, caller, input.roundId)
  const title = `${report.round.regionName}${report.round.year}年度民生实事项目总结`
  const header = ['序号', '项目', '责任单位', '得票', '节点完成', '逾期节点', '完成率', ...RATINGS.map((r) => RATING_LABELS[r]), '满意率']
  const rows = report.projects.map((p, i) => [
    String(i + 1),
    p.title,
    p.unitName,
    p.votes === null ? '—' : String(p.votes),
    `${p.milestonesDone}/${p.milestonesTotal}`,
    String(p.overdue),
    percent(p.completion),
    ...RATINGS.map((r) => String(p.ratings[r])),
    percent(p.satisfactionRate),
  ])
  let buffer: Buffer
  let mimeType: string
  if (input.format === 'xlsx') {
    buffer = await deps.xlsx.write({
      sheetName: '项目完成和满意度',
      preamble: [title, `总体完成率 ${percent(report.completion)}，总体满意率 ${percent(report.satisfactionRate)}`],
      headers: header,
      rows,
    })
    mimeType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  } else {
    buffer = await deps.pdf.render({
      title,
      blocks: [
        { kind: 'heading', text: title },
        { kind: 'text', text: `总体完成率 ${percent(report.completion)}，总体满意率 ${percent(report.satisfactionRate)}` },
        { kind: 'space', height: 8 },
        {
          kind: 'table',
          columns: [28, 110, 80, 30, 40, 30, 40, 30, 36, 36, 36].map((width, i) => ({ header: header[i], width })),
          rows,
        },
      ],
    })
    mimeType = 'application/pdf'
  }
  await recordAudit(deps, caller, requestId, { objectType: 'export', objectId: report.round.id, objectLabel: title, action: `export_${input.format}`, summary: `导出${title}` })
  return { fileName: `${title}.${input.format}`, mimeType, base64: buffer.toString('base64') }
}
