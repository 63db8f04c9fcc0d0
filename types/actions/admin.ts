// The administration console (管理台), part A: regions, stations, deputies, handling units, the
// routing map (分办规则) and stations' annual goals. Who may do what: docs/admin-console.md.
import { z } from 'zod'
import {
  ELECTIONS,
  GOAL_STATUSES,
  adminDeputySchema,
  adminRegionSchema,
  adminStationSchema,
  adminUnitSchema,
  routingMapSchema,
  stationGoalsSchema,
} from '../adminViews'
import { CATEGORIES, DEPUTY_LEVELS, STATION_KINDS } from '../enums'
import { id, oneOf, optionalText, text } from '../fields'
import { defineAction } from './define'

const ADMIN_ONLY = ['admin'] as const
const ADMIN_AND_STAFF = ['staff', 'admin'] as const

/** A code printed in a QR scene (`s=`/`d=`): 2–12 letters, digits, `-` or `_`, kept upper-case. */
const shortCode = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(2, `${label}至少2位`)
    .max(12, `${label}不能超过12位`)
    .regex(/^[0-9A-Za-z_-]+$/, `${label}只能使用字母、数字、“-”和“_”`)
    .transform((v) => v.toUpperCase())

const phoneText = z
  .string({ error: '联系电话格式不正确' })
  .trim()
  .max(30, '联系电话不能超过30个字')
  .regex(/^[0-9+\- ()（）转]*$/, '联系电话只能包含数字、空格和“-”')

/** A photo uploaded in the console (`local:…`/`cloud://…`, as `photo.uploadPolicy` hands out) or an address. */
const photoUrl = z
  .string({ error: '照片地址格式不正确' })
  .trim()
  .max(300, '照片地址过长')
  .regex(/^(\/files\/|https:\/\/|cloud:\/\/|local:)[^\s<>"']+$/, '照片地址格式不正确')

const location = z.object(
  {
    latitude: z.number({ error: '纬度应为数字' }).min(-90, '纬度应在-90到90之间').max(90, '纬度应在-90到90之间'),
    longitude: z.number({ error: '经度应为数字' }).min(-180, '经度应在-180到180之间').max(180, '经度应在-180到180之间'),
  },
  { error: '位置格式不正确' },
)

/** What the station's own staff may change too (its public details). */
const stationPublic = {
  address: text('地址', { max: 100 }),
  openHours: text('开放时间', { max: 60 }),
  contactPhone: phoneText,
  photos: z.array(photoUrl, { error: '照片格式不正确' }).max(9, '最多9张照片'),
  location: location.nullable(),
  receptionLabel: optionalText('接待日说明', 60),
}

const stationFields = {
  name: text('家站点名称', { min: 4, max: 60 }),
  kind: oneOf(STATION_KINDS, '家站点类型'),
  regionId: id('所属街道（乡镇）'),
  code: shortCode('民意码编码'),
  ...stationPublic,
}

const deputyFields = {
  name: text('代表姓名', { min: 2, max: 20 }),
  level: oneOf(DEPUTY_LEVELS, '代表层级'),
  constituency: text('选区或选举单位', { max: 60 }),
  election: oneOf(ELECTIONS, '选举方式'),
  stationIds: z.array(id('家站点'), { error: '请选择代表进站的家站点' }).min(1, '“应进必进”：每位代表至少进入一个家站点').max(10, '最多进入10个家站点'),
  headOf: z.array(id('站长所在家站点'), { error: '站长格式不正确' }).max(10, '站长格式不正确').optional(),
  photoUrl: z.union([photoUrl, z.literal('')]).optional(),
  contact: z.string({ error: '公开联系方式格式不正确' }).trim().max(40, '公开联系方式不能超过40个字').optional(),
  commitment: text('履职承诺', { min: 5, max: 200 }),
  bio: z.string({ error: '简介格式不正确' }).trim().max(300, '简介不能超过300个字').optional(),
}

const unitFields = {
  name: text('承办单位名称', { min: 3, max: 40 }),
  contactName: z.string({ error: '联系人格式不正确' }).trim().max(20, '联系人不能超过20个字').optional(),
  contactPhone: phoneText.optional(),
}

const goalInput = z.object({
  id: id('目标编号').optional(),
  title: text('目标内容', { min: 4, max: 100 }),
  status: oneOf(GOAL_STATUSES, '完成状态'),
  progress: z.string({ error: '完成情况格式不正确' }).trim().max(300, '完成情况不能超过300个字').default(''),
})

const year = z.number({ error: '请选择年度' }).int('年度格式不正确').min(2000, '年度格式不正确').max(2100, '年度格式不正确')

export const adminActions = {
  'admin.region.list': defineAction({
    summary: '管理台：本区的街道（乡镇）',
    roles: ADMIN_AND_STAFF,
    input: z.object({}),
    output: z.object({ regions: z.array(adminRegionSchema) }),
    mutates: false,
  }),
  'admin.region.create': defineAction({
    summary: '新建街道（乡镇）',
    roles: ADMIN_ONLY,
    input: z.object({ name: text('街道（乡镇）名称', { min: 2, max: 20 }), officeName: optionalText('人大机构名称', 60) }),
    output: adminRegionSchema,
    mutates: true,
  }),
  'admin.region.update': defineAction({
    summary: '修改街道（乡镇）名称或人大机构名称',
    roles: ADMIN_ONLY,
    input: z.object({ regionId: id('街道（乡镇）'), name: text('街道（乡镇）名称', { min: 2, max: 20 }).optional(), officeName: optionalText('人大机构名称', 60) }),
    output: adminRegionSchema,
    mutates: true,
  }),
  'admin.region.retire': defineAction({
    summary: '撤销街道（乡镇）：其下的家站点须先撤并',
    roles: ADMIN_ONLY,
    input: z.object({ regionId: id('街道（乡镇）') }),
    output: adminRegionSchema,
    mutates: true,
  }),
  'admin.station.list': defineAction({
    summary: '管理台：家站点（含已撤并的），管理员全区，工作人员本站',
    roles: ADMIN_AND_STAFF,
    input: z.object({}),
    output: z.object({ stations: z.array(adminStationSchema) }),
    mutates: false,
  }),
  'admin.station.create': defineAction({
    summary: '新建家站点（名称按规范名称检查）',
    roles: ADMIN_ONLY,
    input: z.object(stationFields),
    output: adminStationSchema,
    mutates: true,
  }),
  'admin.station.update': defineAction({
    summary: '修改家站点：管理员全部信息，本站工作人员地址、开放时间、电话、照片、位置、接待日说明',
    roles: ADMIN_AND_STAFF,
    input: z.object(stationFields).partial().extend({ stationId: id('家站点') }),
    output: adminStationSchema,
    mutates: true,
  }),
  'admin.station.retire': defineAction({
    summary: '撤并家站点：保留历史，扫码时引导群众前往接替的家站点',
    roles: ADMIN_ONLY,
    input: z.object({ stationId: id('家站点'), replacedById: id('接替的家站点') }),
    output: adminStationSchema,
    mutates: true,
  }),
  'admin.deputy.list': defineAction({
    summary: '管理台：本区代表',
    roles: ADMIN_AND_STAFF,
    input: z.object({}),
    output: z.object({ deputies: z.array(adminDeputySchema) }),
    mutates: false,
  }),
  'admin.deputy.create': defineAction({
    summary: '登记代表（应进必进：至少进入一个家站点）',
    roles: ADMIN_ONLY,
    input: z.object({ ...deputyFields, code: shortCode('代表码编码').optional() }),
    output: adminDeputySchema,
    mutates: true,
  }),
  'admin.deputy.update': defineAction({
    summary: '修改代表信息或进站（调整家站点保留此前履职记录）',
    roles: ADMIN_ONLY,
    input: z.object(deputyFields).partial().extend({ deputyId: id('代表') }),
    output: adminDeputySchema,
    mutates: true,
  }),
  'admin.unit.list': defineAction({
    summary: '管理台：本区各级承办单位和分办规则',
    roles: ADMIN_AND_STAFF,
    input: z.object({}),
    output: z.object({ units: z.array(adminUnitSchema), routing: z.array(routingMapSchema) }),
    mutates: false,
  }),
  'admin.unit.create': defineAction({
    summary: '新建承办单位（区级或街道级）',
    roles: ADMIN_ONLY,
    input: z.object({ regionId: id('所属层级'), ...unitFields }),
    output: adminUnitSchema,
    mutates: true,
  }),
  'admin.unit.update': defineAction({
    summary: '修改承办单位名称、联系人，或停用',
    roles: ADMIN_ONLY,
    input: z.object({
      unitId: id('承办单位'),
      name: unitFields.name.optional(),
      contactName: unitFields.contactName,
      contactPhone: unitFields.contactPhone,
      retired: z.boolean({ error: '停用应为是或否' }).optional(),
    }),
    output: adminUnitSchema,
    mutates: true,
  }),
  'admin.routing.set': defineAction({
    summary: '设置一级的分办规则（类别 → 承办单位），分类建议立即按新规则',
    roles: ADMIN_ONLY,
    input: z.object({
      regionId: id('所属层级'),
      entries: z
        .array(z.object({ category: oneOf(CATEGORIES, '类别'), unitId: id('承办单位').nullable() }), { error: '分办规则格式不正确' })
        .max(CATEGORIES.length, '分办规则格式不正确'),
    }),
    output: routingMapSchema,
    mutates: true,
  }),
  'admin.goal.get': defineAction({
    summary: '家站点某年度的代表工作目标及完成情况',
    roles: ADMIN_AND_STAFF,
    input: z.object({ stationId: id('家站点'), year }),
    output: stationGoalsSchema,
    mutates: false,
  }),
  'admin.goal.save': defineAction({
    summary: '保存家站点年度代表工作目标及完成情况（管理员或本站工作人员）',
    roles: ADMIN_AND_STAFF,
    input: z.object({
      stationId: id('家站点'),
      year,
      /** The version read: saving over someone else's newer save is refused. */
      version: z.number({ error: '版本格式不正确' }).int().min(0),
      goals: z.array(goalInput, { error: '目标格式不正确' }).max(30, '每年最多30项目标'),
    }),
    output: stationGoalsSchema,
    mutates: true,
  }),
}
