// Handlers of the administration console's actions (`admin.*`), spread into handlers.ts.
import { createDeputy, listAdminDeputies, updateDeputy } from '../application/admin/deputies'
import { getGoals, saveGoals } from '../application/admin/goals'
import { createRegion, listRegions, retireRegion, updateRegion } from '../application/admin/regions'
import { createStation, listAdminStations, retireStation, updateStation } from '../application/admin/stations'
import { createUnit, listAdminUnits, setRouting, updateUnit } from '../application/admin/units'
import { listAudit } from '../application/audit/auditQueries'
import { DomainError } from '../domain/errors'
import type { adminActions } from '@minyi/types/actions/admin'
import type { HandlerContext, Handlers } from './handlers'

function rid(ctx: HandlerContext): string {
  if (!ctx.requestId) throw new DomainError('INVALID_INPUT', '缺少请求编号')
  return ctx.requestId
}

/** The console's own actions (types/actions/admin.ts and the audit log); accounts and partner keys have their own tables. */
type AdminAction = keyof typeof adminActions | 'admin.audit.list'

export const adminHandlers: Pick<Handlers, AdminAction> = {
  'admin.audit.list': ({ deps, caller }, input) => listAudit(deps, caller, input),
  'admin.region.list': ({ deps, caller }) => listRegions(deps, caller),
  'admin.region.create': (ctx, input) => createRegion(ctx.deps, ctx.caller, input, rid(ctx)),
  'admin.region.update': (ctx, input) => updateRegion(ctx.deps, ctx.caller, input, rid(ctx)),
  'admin.region.retire': (ctx, input) => retireRegion(ctx.deps, ctx.caller, input, rid(ctx)),
  'admin.station.list': ({ deps, caller }) => listAdminStations(deps, caller),
  'admin.station.create': (ctx, input) => createStation(ctx.deps, ctx.caller, input, rid(ctx)),
  'admin.station.update': (ctx, input) => updateStation(ctx.deps, ctx.caller, input, rid(ctx)),
  'admin.station.retire': (ctx, input) => retireStation(ctx.deps, ctx.caller, input, rid(ctx)),
  'admin.deputy.list': ({ deps, caller }) => listAdminDeputies(deps, caller),
  'admin.deputy.create': (ctx, input) => createDeputy(ctx.deps, ctx.caller, input, rid(ctx)),
  'admin.deputy.update': (ctx, input) => updateDeputy(ctx.deps, ctx.caller, input, rid(ctx)),
  'admin.unit.list': ({ deps, caller }) => listAdminUnits(deps, caller),
  'admin.unit.create': (ctx, input) => createUnit(ctx.deps, ctx.caller, input, rid(ctx)),
  'admin.unit.update': (ctx, input) => updateUnit(ctx.deps, ctx.caller, input, rid(ctx)),
  'admin.routing.set': (ctx, input) => setRouting(ctx.deps, ctx.caller, input, rid(ctx)),
  'admin.goal.get': ({ deps, caller }, input) => getGoals(deps, caller, input),
  'admin.goal.save': (ctx, input) => saveGoals(ctx.deps, ctx.caller, input, rid(ctx)),
}
