// 账号与邀请码: accounts the office or a station's staff create for a named person, bound to that
// person's WeChat OPENID by a one-time invitation (scene `i=<code>`). Views only, no I/O.
import { z } from 'zod'
import { ROLES } from './enums'

/** Roles an account can be created for (residents register themselves by opening the app). */
export const ACCOUNT_ROLES = ['deputy', 'staff', 'admin'] as const
export type AccountRole = (typeof ACCOUNT_ROLES)[number]

export const ACCOUNT_STATUSES = ['invited', 'active', 'revoked'] as const
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number]
export const ACCOUNT_STATUS_LABELS: Record<AccountStatus, string> = {
  invited: '待接受邀请',
  active: '已启用',
  revoked: '已撤销',
}

export const INVITATION_STATUSES = ['pending', 'used', 'revoked', 'expired'] as const
export type InvitationStatus = (typeof INVITATION_STATUSES)[number]
export const INVITATION_STATUS_LABELS: Record<InvitationStatus, string> = {
  pending: '待使用',
  used: '已使用',
  revoked: '已作废',
  expired: '已过期',
}

/** An invitation is good for 7 days from its creation, once. */
export const INVITATION_DAYS = 7
/** Invitation codes: 10 characters of an alphabet without 0/O and 1/I (easy to read aloud and type). */
export const INVITATION_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'
export const INVITATION_CODE_LENGTH = 10

export const accountViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  /** e.g. "联络站工作人员", "湖滨街道人大工委工作人员", "人大代表", "人大机关". */
  roleLabel: z.string(),
  /** Where the account works, e.g. "湖滨街道人大代表之家" or "湖滨街道人大工委". */
  scopeLabel: z.string(),
  stationIds: z.array(z.string()),
  officeRegionId: z.string().nullable(),
  deputyId: z.string().nullable(),
  status: z.enum(ACCOUNT_STATUSES),
  statusLabel: z.string(),
  createdAt: z.string(),
  /** The latest invitation of this account, if any. */
  invitation: z
    .object({ id: z.string(), status: z.enum(INVITATION_STATUSES), statusLabel: z.string(), expiresAt: z.string(), hint: z.string() })
    .nullable(),
  /** May the caller revoke it (not themselves, nothing above their own role). */
  canRevoke: z.boolean(),
})
export type AccountView = z.infer<typeof accountViewSchema>

/** Shown once, to whoever created the invitation: the code itself is stored only hashed. */
export const issuedInvitationSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  code: z.string(),
  /** The WeChat scene of its QR code: `i=<code>`. */
  scene: z.string(),
  expiresAt: z.string(),
  /** The QR (a 小程序码 in production, a plain QR of the h5 address locally) as a PNG data URL. */
  qrDataUrl: z.string(),
})
export type IssuedInvitation = z.infer<typeof issuedInvitationSchema>

/** What the person who scanned an invitation sees before accepting. */
export const invitationPreviewSchema = z.object({
  name: z.string(),
  role: z.enum(ROLES),
  roleLabel: z.string(),
  scopeLabel: z.string(),
  expiresAt: z.string(),
  invitedBy: z.string(),
})
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>

export const posterSchema = z.object({
  title: z.string(),
  /** File name for the download, e.g. "湖滨街道人大代表之家-民意码海报.pdf". */
  fileName: z.string(),
  /** A4 PDF, base64 (a poster is a few hundred KB at most). */
  pdfBase64: z.string(),
  /** First page as a PNG data URL, for the console's preview. */
  previewDataUrl: z.string(),
  /** The lines printed on it (for screen readers and checks). */
  lines: z.array(z.string()),
})
export type PosterView = z.infer<typeof posterSchema>
