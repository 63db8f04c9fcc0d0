// 附议 (second), 并案 (merge) and photos: actions on cases added by issue 3.
import { z } from 'zod'
import { caseSummarySchema, caseViewSchema } from '../entities'
import { id, optionalText, text } from '../fields'
import { PHOTO_CONTENT_TYPES, PHOTO_EXTENSION_LIST, PHOTO_LIMIT_MESSAGES, PHOTO_MAX_COUNT, PHOTO_REF_PATTERN } from '../photos'
import { STAFF_ROLES, defineAction } from './define'

/** One uploaded photo, as `case.submit` takes it (see types/photos.ts). */
export const photoRef = z
  .string({ error: '照片格式不正确，请重新上传' })
  .trim()
  .max(300, '照片格式不正确，请重新上传')
  .regex(PHOTO_REF_PATTERN, '照片格式不正确，请重新上传')

export const photoRefs = z
  .array(photoRef, { error: '照片格式不正确，请重新上传' })
  .max(PHOTO_MAX_COUNT, PHOTO_LIMIT_MESSAGES.count)
  .refine((list) => new Set(list).size === list.length, '同一张照片不能重复添加')

const stationCode = z.string({ error: '缺少家站点' }).trim().min(1, '缺少家站点').max(20, '家站点编码格式不正确')

export const uploadPolicySchema = z.object({
  /**
   * `local`: POST the file to `uploadUrl`; `cloud`: `Taro.cloud.uploadFile` to `cloudPath` (one
   * path per photo: ask again for the next photo; the api remembers it so that a photo never
   * submitted is deleted after a day).
   */
  mode: z.enum(['local', 'cloud']),
  uploadUrl: z.string().nullable(),
  /** Cloud: the caller's folder (`uploads/<openid>/`). */
  pathPrefix: z.string().nullable(),
  /** Cloud: where to upload this photo (`uploads/<openid>/<random>.<ext>`); null locally. */
  cloudPath: z.string().nullable(),
  maxCount: z.number(),
  maxBytes: z.number(),
  contentTypes: z.array(z.enum(PHOTO_CONTENT_TYPES)),
})
export type UploadPolicy = z.infer<typeof uploadPolicySchema>

export const caseExtraActions = {
  'case.second': defineAction({
    summary: '附议：本家站点正在办理的相似民意，不再重复提交；之后与反映人收到同样的进展消息（同一人重复附议不重复计数）',
    roles: ['resident'],
    input: z.object({ caseId: id('民意编号'), stationCode }),
    output: caseViewSchema,
    mutates: true,
  }),
  'case.listSeconded': defineAction({
    summary: '我附议的民意',
    roles: ['resident'],
    input: z.object({}),
    output: z.object({ cases: z.array(caseSummarySchema) }),
    mutates: false,
  }),
  'case.merge': defineAction({
    summary: '并案：把重复的民意并入同一家站点、由本级办理的另一条民意一并办理；每位群众仍单独收到答复、单独评价',
    roles: STAFF_ROLES,
    input: z.object({
      caseId: id('要并入的民意'),
      intoCaseId: id('主办的民意'),
      note: optionalText('并案说明', 300),
    }),
    output: caseViewSchema,
    mutates: true,
  }),
  'case.hidePhoto': defineAction({
    summary: '隐藏照片（如含他人隐私）：此后只有本站工作人员和人大机关能看到，留痕',
    roles: STAFF_ROLES,
    input: z.object({
      caseId: id('民意编号'),
      photoId: id('照片'),
      reason: text('隐藏原因', { min: 2, max: 200 }),
    }),
    output: caseViewSchema,
    mutates: true,
  }),
  'photo.uploadPolicy': defineAction({
    summary: '上传照片的方式和限制（群众提交民意；监督代表登记民生实事视察；管理台的家站点和代表照片。本地：上传地址；小程序：这一张照片的云存储路径，每张照片问一次；未提交的照片一天后删除）',
    roles: ['resident', 'deputy', 'staff', 'admin'],
    input: z.object({
      /** The extension of the photo about to be uploaded (cloud path); default jpg. */
      ext: z.enum(PHOTO_EXTENSION_LIST, { error: '只支持 JPG、PNG、WEBP 格式的照片' }).optional(),
    }),
    output: uploadPolicySchema,
    mutates: false,
  }),
}
