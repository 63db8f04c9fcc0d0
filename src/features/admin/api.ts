// The console's calls (管理台, part A). Types only from @minyi/types/actions: no zod in the bundle.
import type { ActionInput } from '@minyi/types/actions'
import { callApi } from '../../services/api'

export const listRegions = () => callApi('admin.region.list', {}).then((r) => r.regions)
export const createRegion = (input: ActionInput<'admin.region.create'>, requestId: string) => callApi('admin.region.create', input, { requestId })
export const updateRegion = (input: ActionInput<'admin.region.update'>, requestId: string) => callApi('admin.region.update', input, { requestId })
export const retireRegion = (input: ActionInput<'admin.region.retire'>, requestId: string) => callApi('admin.region.retire', input, { requestId })
export const listAdminStations = () => callApi('admin.station.list', {}).then((r) => r.stations)
export const createStation = (input: ActionInput<'admin.station.create'>, requestId: string) => callApi('admin.station.create', input, { requestId })
export const updateStation = (input: ActionInput<'admin.station.update'>, requestId: string) => callApi('admin.station.update', input, { requestId })
export const retireStation = (input: ActionInput<'admin.station.retire'>, requestId: string) => callApi('admin.station.retire', input, { requestId })
export const listAdminDeputies = () => callApi('admin.deputy.list', {}).then((r) => r.deputies)
export const createDeputy = (input: ActionInput<'admin.deputy.create'>, requestId: string) => callApi('admin.deputy.create', input, { requestId })
export const updateDeputy = (input: ActionInput<'admin.deputy.update'>, requestId: string) => callApi('admin.deputy.update', input, { requestId })
export const listAdminUnits = () => callApi('admin.unit.list', {})
export const createUnit = (input: ActionInput<'admin.unit.create'>, requestId: string) => callApi('admin.unit.create', input, { requestId })
export const updateUnit = (input: ActionInput<'admin.unit.update'>, requestId: string) => callApi('admin.unit.update', input, { requestId })
export const setRouting = (input: ActionInput<'admin.routing.set'>, requestId: string) => callApi('admin.routing.set', input, { requestId })
export const getGoals = (stationId: string, year: number) => callApi('admin.goal.get', { stationId, year })
export const saveGoals = (input: ActionInput<'admin.goal.save'>, requestId: string) => callApi('admin.goal.save', input, { requestId })
export const listAudit = (input: ActionInput<'admin.audit.list'>) => callApi('admin.audit.list', input)
