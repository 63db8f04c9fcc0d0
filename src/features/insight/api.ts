// 统计分析 and 履职档案 actions as the pages use them (imported only from the packageInsight subpackage).
import type { ActionInput } from '@minyi/types/actions'
import { callApi } from '../../services/api'

export const getDashboard = (input: ActionInput<'insight.dashboard'>) => callApi('insight.dashboard', input)
export const getHotspots = (input: ActionInput<'insight.hotspots'> = {}) => callApi('insight.hotspots', input)
export const exportTable = (input: ActionInput<'insight.export'>, requestId: string) => callApi('insight.export', input, { requestId })
export const listRecordDeputies = () => callApi('record.deputies', {}).then((r) => r.deputies)
export const getRecord = (input: ActionInput<'record.get'>) => callApi('record.get', input)
export const getAnnualReport = (input: ActionInput<'record.report'>) => callApi('record.report', input)
export const addActivity = (input: ActionInput<'record.addActivity'>, requestId: string) => callApi('record.addActivity', input, { requestId })
export const recordAssessment = (input: ActionInput<'record.recordAssessment'>, requestId: string) =>
  callApi('record.recordAssessment', input, { requestId })
export const publicRecord = (code: string) => callApi('record.public', { code })
