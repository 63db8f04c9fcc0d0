// Locally nothing reaches WeChat: the notifier records what would have been sent in `push_log`.
import type { PushLogDoc } from '../../domain/records'
import type { Clock, Notifier, Store } from '../../ports'

export function createRecordingNotifier(store: Store, clock: Clock, newId: () => string): Notifier {
  return {
    async send(message) {
      await store.collection<PushLogDoc>('push_log').insert({
        _id: newId(),
        openid: message.openid,
        template: message.template,
        data: message.data,
        page: message.page,
        at: clock.now().toISOString(),
      })
      return { ok: true }
    },
  }
}
