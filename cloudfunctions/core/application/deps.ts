import type { AppConfig } from '../config'
import type { Clock, ContentCheck, FileStore, Notifier, PhoneVault, Store } from '../ports'

/** Everything a use case may touch: the ports, the clock, ids and settings. */
export interface Deps {
  store: Store
  clock: Clock
  contentCheck: ContentCheck
  notifier: Notifier
  /** Whether pushes need a recorded WeChat subscribe consent (true for WeChat, false for the local recorder). */
  pushNeedsConsent: boolean
  phoneVault: PhoneVault
  /** Residents' photos: CloudBase storage in production, a folder under DATA_DIR locally. */
  fileStore: FileStore
  newId: () => string
  config: AppConfig
  log: (message: string, detail?: unknown) => void
}
