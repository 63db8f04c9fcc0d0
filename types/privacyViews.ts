// What 我的 → 个人信息 shows a resident about themselves (PIPL: the right to see and copy), and the
// 代录 receipt. Phones appear masked; the full number only through `privacy.revealMyPhone`.
import { z } from 'zod'
import { caseSummarySchema } from './entities'

export const myPhoneSchema = z.object({
  /** Where the number is held, e.g. "民意 MY20261203-0001" or "接待日预约 12月20日". */
  where: z.string(),
  masked: z.string(),
  /** A key for `privacy.revealMyPhone`'s answer. */
  ref: z.string(),
})

export const myDataSchema = z.object({
  profile: z.object({
    id: z.string(),
    name: z.string(),
    roleLabel: z.string(),
    registeredAt: z.string(),
    largeText: z.boolean().nullable(),
  }),
  phones: z.array(myPhoneSchema),
  cases: z.array(caseSummarySchema),
  seconds: z.array(z.object({ trackingNo: z.string(), excerpt: z.string(), at: z.string() })),
  bookings: z.array(z.object({ id: z.string(), stationName: z.string(), date: z.string(), status: z.string(), topic: z.string().nullable() })),
  messages: z.array(z.object({ title: z.string(), body: z.string(), at: z.string(), read: z.boolean() })),
  consents: z.array(z.object({ label: z.string(), at: z.string(), state: z.string() })),
  /** Every time staff (or a deputy the resident allowed) read one of the resident's numbers in full. */
  phoneViews: z.array(z.object({ at: z.string(), by: z.string(), trackingNo: z.string() })),
  retentionMonths: z.number(),
})
export type MyData = z.infer<typeof myDataSchema>

export const fileOutputSchema = z.object({ fileName: z.string(), base64: z.string(), contentType: z.string() })
export type FileOutput = z.infer<typeof fileOutputSchema>

export const ASSISTED_CHANNELS = ['walk_in', 'phone_call'] as const
