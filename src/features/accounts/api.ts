// Accounts, invitations and posters as the console pages and the invitation page use them.
import type { ActionInput } from '@minyi/types/actions'
import { callApi } from '../../services/api'

export const listAccounts = () => callApi('admin.account.list', {})
export const createAccount = (input: ActionInput<'admin.account.create'>, requestId: string) => callApi('admin.account.create', input, { requestId })
export const revokeAccount = (input: ActionInput<'admin.account.revoke'>, requestId: string) => callApi('admin.account.revoke', input, { requestId })
export const reinvite = (accountId: string, requestId: string) => callApi('admin.invitation.create', { accountId }, { requestId })
export const revokeInvitation = (invitationId: string, requestId: string) => callApi('admin.invitation.revoke', { invitationId }, { requestId })
export const previewInvitation = (code: string) => callApi('invitation.preview', { code })
export const acceptInvitation = (code: string, requestId: string) => callApi('invitation.accept', { code }, { requestId })
export const stationPoster = (stationId: string) => callApi('admin.poster.station', { stationId })
export const deputyPoster = (deputyId: string) => callApi('admin.poster.deputy', { deputyId })
