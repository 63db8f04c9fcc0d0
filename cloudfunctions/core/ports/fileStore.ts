// Where residents' photos live: CloudBase storage in production (the mini-program uploads straight
// to it under `uploads/<openid>/`), a folder under DATA_DIR locally (uploaded through the local
// runtime's HTTP endpoint). The api never takes bytes; `case.submit` takes references, and this
// port checks that each one is the caller's own, exists, and is a small enough image.

import type { PhotoExtension } from '@minyi/types/photos'

/** Who uploaded: the user id (local references) and the WeChat openid (cloud paths). */
export interface FileOwner {
  userId: string
  openid: string
}

export type VerifiedFile =
  | { ok: true; contentType: string | null; size: number | null }
  | { ok: false; reason: 'not_owner' | 'not_found' | 'bad_type' | 'too_large' }

/** The photo being looked at and by whom, for addresses that are only good for that. */
export interface PhotoGrant {
  caseId: string
  photoId: string
  viewerId: string
}

export interface UploadTarget {
  mode: 'local' | 'cloud'
  /** Local: where to POST the file. */
  uploadUrl: string | null
  /** Cloud: the storage path the mini-program uploads under (`uploads/<openid>/`). */
  pathPrefix: string | null
  /**
   * Cloud: the exact path to upload the next photo to, chosen here so that the upload can be
   * remembered (and cleared if it is never submitted); null locally.
   */
  cloudPath: string | null
  /** The file id the upload at `cloudPath` will have, when it could be learnt now (cloud only). */
  fileId: string | null
}

/** What `remove` did: ids gone now (a file that was already gone counts), and ids that could not be removed. */
export interface RemovedFiles {
  removed: string[]
  failed: string[]
}

export interface FileStore {
  /** How the caller uploads a photo (with the extension of the photo about to be uploaded). */
  uploadTarget(owner: FileOwner, ext: PhotoExtension): Promise<UploadTarget>
  /** Is this reference an existing photo uploaded by `owner`, within the type and size limits? */
  verify(fileId: string, owner: FileOwner): Promise<VerifiedFile>
  /**
   * Short-lived addresses to show photos (call only after checking the viewer may see the case);
   * null for one that cannot be issued now. Same order as `items`.
   */
  viewUrls(items: Array<{ fileId: string; grant: PhotoGrant }>): Promise<Array<string | null>>
  /**
   * The bytes of a stored photo (a deputy's portrait on a poster), or null when it is gone or cannot
   * be read now. Optional: a store that cannot read leaves posters with the initials disc.
   */
  read?(fileId: string): Promise<{ bytes: Buffer; contentType: string | null } | null>
  /** Deletes these files (uploads nobody submitted; see jobs/photoCleanupJob.ts). Never throws for one file. */
  remove(fileIds: string[]): Promise<RemovedFiles>
}
