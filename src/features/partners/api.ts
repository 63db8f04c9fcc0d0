// Partner API keys and the archive export (issue 12), as the admin console's page uses them.
import type { ActionInput } from '@minyi/types/actions'
import { callApi } from '../../services/api'

export const listApiKeys = () => callApi('admin.apiKey.list', {}).then((r) => r.keys)
export const createApiKey = (input: ActionInput<'admin.apiKey.create'>, requestId: string) => callApi('admin.apiKey.create', input, { requestId })
export const revokeApiKey = (input: ActionInput<'admin.apiKey.revoke'>, requestId: string) => callApi('admin.apiKey.revoke', input, { requestId })
export const listExports = () => callApi('admin.export.list', {}).then((r) => r.exports)
