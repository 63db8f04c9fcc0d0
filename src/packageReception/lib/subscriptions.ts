// WeChat one-time subscriptions for reception days: the `booking` template (confirmation, waitlist
// promotion, a moved or cancelled day, the evening-before reminder) and `progress` (a matter raised
// at the visit becomes a case). WeChat shows the dialog only from a tap gesture, so this must be
// called synchronously inside the tap handler, before any await.
export type BookingNoticeKind = 'booking' | 'progress'

const TEMPLATES: ReadonlyArray<{ kind: BookingNoticeKind; id: string }> = [
  { kind: 'booking' as const, id: process.env.TARO_APP_TMPL_BOOKING || '' },
  { kind: 'progress' as const, id: process.env.TARO_APP_TMPL_PROGRESS || '' },
].filter((template) => template.id)

/** Asks for the subscriptions (weapp only) and resolves with the kinds the person accepted. */
export function requestBookingSubscriptions(): Promise<BookingNoticeKind[]> {
  if (process.env.TARO_ENV !== 'weapp' || TEMPLATES.length === 0) return Promise.resolve([])
  return new Promise((resolve) => {
    try {
      wx.requestSubscribeMessage({
        tmplIds: TEMPLATES.map((template) => template.id),
        success: (result: Record<string, string>) =>
          resolve(TEMPLATES.filter((template) => result[template.id] === 'accept').map((template) => template.kind)),
        fail: () => resolve([]),
      })
    } catch {
      resolve([])
    }
  })
}
