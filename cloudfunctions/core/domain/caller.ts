import type { Role } from '@minyi/types'
import type { CaseOffice } from './records'

/** Who is calling, resolved on the server from the trusted WeChat OPENID. */
export interface Caller {
  userId: string
  openid: string
  role: Role
  name: string
  deputyId: string | null
  /** Stations whose cases this caller may see: a deputy's or staff member's own, all for an admin. */
  stationIds: string[]
  regionId: string | null
  /** Staff of a congress office (街道人大工委 / 区人大常委会): the office; they see what was forwarded to it. */
  office?: CaseOffice | null
}
