import type { Role } from '@minyi/types'

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
}
