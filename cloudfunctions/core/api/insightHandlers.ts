// Handlers of 履职档案 and the dashboards (`insight.*`, `record.*`), spread into handlers.ts.
import { DomainError } from '../domain/errors'
import { dashboard } from '../application/insight/dashboard'
import { exportTable } from '../application/insight/exportTable'
import { hotspots } from '../application/insight/hotspots'
import { addActivity, getRecord, listRecordDeputies, publicRecord, recordAssessment } from '../application/insight/record'
import { annualReport } from '../application/insight/report'
import type { HandlerContext, Handlers } from './handlers'

type InsightAction =
  | 'insight.dashboard'
  | 'insight.hotspots'
  | 'insight.export'
  | 'record.deputies'
  | 'record.get'
  | 'record.public'
  | 'record.report'
  | 'record.addActivity'
  | 'record.recordAssessment'

function requestIdOf(ctx: HandlerContext): string {
  if (!ctx.requestId) throw new DomainError('INVALID_INPUT', '缺少请求编号')
  return ctx.requestId
}

export const insightHandlers: Pick<Handlers, InsightAction> = {
  'insight.dashboard': ({ deps, caller }, input) => dashboard(deps, caller, input),
  'insight.hotspots': ({ deps, caller }, input) => hotspots(deps, caller, input),
  'insight.export': (ctx, input) => exportTable(ctx.deps, ctx.caller, input, requestIdOf(ctx)),
  'record.deputies': async ({ deps, caller }) => ({ deputies: await listRecordDeputies(deps, caller) }),
  'record.get': ({ deps, caller }, input) => getRecord(deps, caller, input),
  'record.public': ({ deps }, input) => publicRecord(deps, input.code),
  'record.report': ({ deps, caller }, input) => annualReport(deps, caller, input),
  'record.addActivity': (ctx, input) => addActivity(ctx.deps, ctx.caller, input, requestIdOf(ctx)),
  'record.recordAssessment': (ctx, input) => {
    // 述职评议 results are the congress office's to record: admins and staff of an office, not station staff.
    if (ctx.caller.role === 'staff' && !ctx.caller.office) throw new DomainError('FORBIDDEN', '只有人大机关可以记录述职评议结果')
    return recordAssessment(ctx.deps, ctx.caller, input, requestIdOf(ctx))
  },
}
