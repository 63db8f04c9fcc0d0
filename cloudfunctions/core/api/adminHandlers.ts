// Handlers of the administration console's actions (`admin.*`), spread into handlers.ts.
import { listAudit } from '../application/audit/auditQueries'
import type { Handlers } from './handlers'

export const adminHandlers: Pick<Handlers, 'admin.audit.list'> = {
  'admin.audit.list': ({ deps, caller }, input) => listAudit(deps, caller, input),
}
