import { z } from 'zod'
import { ACCOUNT_ROLES, accountViewSchema, invitationPreviewSchema, issuedInvitationSchema, posterSchema } from '../accounts'
import { id, text } from '../fields'
import { ANY_ROLE, STAFF_ROLES, defineAction } from './define'

/** An invitation code as typed or scanned: spaces and dashes ignored, any case. */
export const invitationCode = z.preprocess(
  (value) => (typeof value === 'string' ? value.replace(/[\s-]/g, '').toUpperCase() : value),
  z.string({ error: '请填写邀请码' }).min(1, '请填写邀请码').regex(/^[0-9A-Z]{6,16}$/, '邀请码格式不正确，请核对后重新输入'),
)

export const createAccountInput = z.object({
  role: z.enum(ACCOUNT_ROLES, { error: '请选择账号角色' }),
  name: text('姓名', { max: 20 }),
  /** Staff of stations: the stations they work at. */
  stationIds: z.array(id('家站点编号')).max(20, '最多选择20个家站点').optional(),
  /** Staff of a congress office (街道人大工委 / 区人大常委会): its region. */
  officeRegionId: id('街道编号').optional(),
  /** Deputy accounts: the deputy's public record. */
  deputyId: id('代表编号').optional(),
})
export type CreateAccountInput = z.infer<typeof createAccountInput>

export const accountActions = {
  'admin.account.list': defineAction({
    summary: '账号管理：本人可管理范围内的账号及其邀请状态',
    roles: STAFF_ROLES,
    input: z.object({}),
    output: z.object({ accounts: z.array(accountViewSchema) }),
    mutates: false,
  }),
  'admin.account.create': defineAction({
    summary: '新建账号（工作人员/代表/人大机关）并生成一次性邀请码（7天有效）；不能授予高于本人的角色或本人范围外的站点',
    roles: STAFF_ROLES,
    input: createAccountInput,
    output: z.object({ account: accountViewSchema, invitation: issuedInvitationSchema }),
    mutates: true,
  }),
  'admin.account.revoke': defineAction({
    summary: '撤销账号：下一次调用起即被拒绝，未使用的邀请码一并作废',
    roles: STAFF_ROLES,
    input: z.object({ accountId: id('账号编号'), reason: text('撤销原因', { max: 100 }).optional() }),
    output: z.object({ account: accountViewSchema }),
    mutates: true,
  }),
  'admin.invitation.create': defineAction({
    summary: '为未启用的账号重新生成邀请码（原邀请码作废）',
    roles: STAFF_ROLES,
    input: z.object({ accountId: id('账号编号') }),
    output: z.object({ account: accountViewSchema, invitation: issuedInvitationSchema }),
    mutates: true,
  }),
  'admin.invitation.revoke': defineAction({
    summary: '作废尚未使用的邀请码',
    roles: STAFF_ROLES,
    input: z.object({ invitationId: id('邀请码编号') }),
    output: z.object({ account: accountViewSchema }),
    mutates: true,
  }),
  'invitation.preview': defineAction({
    summary: '扫码后查看邀请：邀请谁、什么角色、哪个站点',
    roles: ANY_ROLE,
    input: z.object({ code: invitationCode }),
    output: invitationPreviewSchema,
    mutates: false,
  }),
  'invitation.accept': defineAction({
    summary: '接受邀请：把本人微信绑定到该账号（一次性，先到先得）',
    roles: ANY_ROLE,
    input: z.object({ code: invitationCode }),
    output: z.object({ role: z.string(), roleLabel: z.string(), name: z.string(), scopeLabel: z.string() }),
    mutates: true,
  }),
  'admin.poster.station': defineAction({
    summary: '家站点民意码海报（A4 PDF 与预览图）',
    roles: STAFF_ROLES,
    input: z.object({ stationId: id('家站点编号') }),
    output: posterSchema,
    mutates: false,
  }),
  'admin.poster.deputy': defineAction({
    summary: '代表码海报（A4 PDF 与预览图）',
    roles: STAFF_ROLES,
    input: z.object({ deputyId: id('代表编号') }),
    output: posterSchema,
    mutates: false,
  }),
}
