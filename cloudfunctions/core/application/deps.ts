import type { AppConfig } from '../config'
import type { Clock, ContentCheck, FileStore, Notifier, PhoneVault, QrCodeMaker, Store } from '../ports'
import type { PdfRenderer } from '../ports/pdf'
import type { SpreadsheetWriter } from '../ports/spreadsheet'
import type { HotlineLink } from '../ports/hotline'
import type { ArchiveStore } from '../ports/archiveStore'

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
  /** 民意码 / 代表码 / invitation codes: a 小程序码 in production, a plain QR of the h5 address locally. */
  qrCode: QrCodeMaker
  /** Printable documents (posters, reports, receipt slips), described as blocks (ports/pdf.ts). */
  pdf: PdfRenderer
  /** Excel exports (dashboard tables, archives, reports), described as a sheet (ports/spreadsheet.ts). */
  xlsx: SpreadsheetWriter
  /** Partner hotlines (12345): one adapter per partner (ports/hotline.ts). Absent: nothing is pushed. */
  hotline?: HotlineLink
  /** The nightly archive export's storage (ports/archiveStore.ts). Absent: the export job does nothing. */
  archive?: ArchiveStore
  newId: () => string
  config: AppConfig
  log: (message: string, detail?: unknown) => void
}
