// Where the nightly archive export is written: CloudBase storage under `exports/` in production,
// `<DATA_DIR>/exports` locally. Files are public, anonymised data, but the download address is
// still short-lived and handed out only to the office (admin.export.list).
export interface ArchiveStore {
  /** Writes (or overwrites) `name`; returns the reference to keep. */
  put(name: string, body: Buffer, contentType: string): Promise<{ fileId: string; size: number }>
  /** A short-lived address to download a stored file, or null when it cannot be issued now. */
  downloadUrl(fileId: string): Promise<string | null>
}
