// Photos a resident attaches to an opinion: plain limits shared by the pages and the server (no zod
// here, so the front end can import them without pulling schema code into the main package).

/** At most this many photos per opinion. */
export const PHOTO_MAX_COUNT = 3
/** Photos one resident may upload per Shanghai day (each submission takes at most 3). */
export const PHOTO_DAILY_UPLOAD_LIMIT = 30
/** Bytes per photo after the device compressed it. */
export const PHOTO_MAX_BYTES = 2 * 1024 * 1024
export const PHOTO_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const
export type PhotoContentType = (typeof PHOTO_CONTENT_TYPES)[number]
export const PHOTO_EXTENSIONS = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
} as const satisfies Record<PhotoContentType, string>
export type PhotoExtension = (typeof PHOTO_EXTENSIONS)[PhotoContentType]
export const PHOTO_EXTENSION_LIST = ['jpg', 'png', 'webp'] as const satisfies readonly PhotoExtension[]

/** Where the mini-program uploads (production): `uploads/<openid>/<random>.<ext>` in cloud storage. */
export const PHOTO_UPLOAD_DIR = 'uploads'

/**
 * A reference to an uploaded photo, as the submit takes it: a CloudBase file id
 * (`cloud://<env>.<bucket>/uploads/<openid>/<name>.jpg`) or, locally, `local:<userId>/<name>.jpg`.
 */
export const PHOTO_REF_PATTERN = /^(cloud:\/\/[A-Za-z0-9._-]+\/[A-Za-z0-9._\/-]+|local:[A-Za-z0-9_-]+\/[A-Za-z0-9_-]+\.(jpg|png|webp))$/

export const PHOTO_LIMIT_MESSAGES = {
  count: `最多上传${PHOTO_MAX_COUNT}张照片`,
  size: `每张照片不能超过${PHOTO_MAX_BYTES / 1024 / 1024}MB，请压缩后再上传`,
  type: '只支持 JPG、PNG、WEBP 格式的照片',
  daily: `每人每天最多上传${PHOTO_DAILY_UPLOAD_LIMIT}张照片，请明天再试`,
} as const
