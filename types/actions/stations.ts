import { z } from 'zod'
import { deputyViewSchema, handlingUnitSchema, stationSummarySchema, stationViewSchema } from '../entities'
import { id } from '../fields'
import { ANY_ROLE, STAFF_ROLES, defineAction } from './define'

/** Codes printed in QR scenes: short, never database ids (scene ≤ 32 visible characters). */
const code = (label: string) =>
  z
    .string({ error: `缺少${label}` })
    .trim()
    .min(1, `缺少${label}`)
    .max(20, `${label}格式不正确`)
    .regex(/^[0-9A-Za-z_-]+$/, `${label}格式不正确`)

export const stationActions = {
  'station.list': defineAction({
    summary: '本区全部家站点',
    roles: ANY_ROLE,
    input: z.object({}),
    output: z.object({ stations: z.array(stationSummarySchema) }),
    mutates: false,
  }),
  'station.byCode': defineAction({
    summary: '按民意码打开家站点：简介、代表、下次接待日',
    roles: ANY_ROLE,
    input: z.object({ code: code('家站点编码') }),
    output: stationViewSchema,
    mutates: false,
  }),
  'deputy.byCode': defineAction({
    summary: '按代表码打开代表主页',
    roles: ANY_ROLE,
    input: z.object({ code: code('代表编码') }),
    output: deputyViewSchema,
    mutates: false,
  }),
  'unit.list': defineAction({
    summary: '本区承办单位（转办时选择）',
    roles: STAFF_ROLES,
    input: z.object({ caseId: id('民意编号').optional() }),
    output: z.object({ units: z.array(handlingUnitSchema) }),
    mutates: false,
  }),
}
