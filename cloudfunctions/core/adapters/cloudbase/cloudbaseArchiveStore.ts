// The archive export in CloudBase storage under `exports/`, downloaded with a short-lived temp URL.
// The storage security rule keeps `exports/` unreadable to clients (docs/deploy.md); only the
// addresses admin.export.list hands to the office open a file.
// node-sdk's uploadFile sends no Content-Type: storage infers it from the extension.
import type { ArchiveStore } from '../../ports/archiveStore'

export interface CloudArchiveApi {
  uploadFile(options: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID?: string }>
  getTempFileURL(options: { fileList: Array<{ fileID: string; maxAge?: number }> }): Promise<{
    fileList?: Array<{ code?: string; fileID: string; tempFileURL?: string }>
  }>
}

export function createCloudbaseArchiveStore(app: CloudArchiveApi, options: { ttlSeconds?: number } = {}): ArchiveStore {
  return {
    async put(name: string, body: Buffer) {
      const result = await app.uploadFile({ cloudPath: `exports/${name}`, fileContent: body })
      if (!result.fileID) throw new Error(`upload of exports/${name} returned no file id`)
      return { fileId: result.fileID, size: body.length }
    },
    async downloadUrl(fileId: string) {
      const result = await app.getTempFileURL({ fileList: [{ fileID: fileId, maxAge: options.ttlSeconds ?? 600 }] })
      const item = result.fileList?.[0]
      return item && (item.code === undefined || item.code === 'SUCCESS') && item.tempFileURL ? item.tempFileURL : null
    },
  }
}
