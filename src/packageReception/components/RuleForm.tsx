// One reception rule as staff set it: how it repeats (每周三 / 每月10日 / 每双月20日 / 每月第一个
// 周六), the hours, what happens on a holiday, and the slots. The server checks it (same Chinese
// messages under the field they concern) and regenerates the days from 3 days ahead.
import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { ActionOutput } from '@minyi/types/actions'
import {
  DAY_OFF_POLICIES,
  DAY_OFF_POLICY_LABELS,
  describeRule,
  RECEPTION_MONTH_LABELS,
  RECEPTION_MONTHS,
  WEEKDAY_LABELS,
  type DayOffPolicy,
  type ReceptionMonths,
  type ReceptionPattern,
} from '@minyi/types/reception'
import type { ReceptionRuleView } from '@minyi/types/receptionViews'
import { Button, ChoiceChips, ErrorText, Field, TextInput } from '../../components'
import { ApiError, callApi, errorMessage } from '../../services/api'
import { confirm } from '../../services/dialog'
import { newRequestId } from '../../services/requestId'

export type SaveRuleResult = ActionOutput<'reception.saveRule'>

type Kind = ReceptionPattern['kind']
type Nth = 1 | 2 | 3 | 4 | -1

const KIND_OPTIONS: Array<{ value: Kind; label: string }> = [
  { value: 'weekly', label: '每周固定星期几' },
  { value: 'monthly_day', label: '每月固定日期' },
  { value: 'monthly_weekday', label: '每月第几个星期几' },
]
const MONTH_OPTIONS = RECEPTION_MONTHS.map((value) => ({ value, label: RECEPTION_MONTH_LABELS[value] }))
// Monday first, as people read a week.
const WEEKDAY_OPTIONS = [1, 2, 3, 4, 5, 6, 0].map((d) => ({ value: String(d), label: WEEKDAY_LABELS[d] }))
const NTH_OPTIONS: Array<{ value: string; label: string }> = [
  { value: '1', label: '第一个' },
  { value: '2', label: '第二个' },
  { value: '3', label: '第三个' },
  { value: '4', label: '第四个' },
  { value: '-1', label: '最后一个' },
]
const DAY_OFF_OPTIONS = DAY_OFF_POLICIES.map((value) => ({ value, label: DAY_OFF_POLICY_LABELS[value] }))

/** `9:00`, `9：00` → `09:00`; anything else is left for the server to refuse in words. */
function clock(text: string): string {
  const t = text.trim().replace('：', ':')
  return /^\d:\d\d$/.test(t) ? `0${t}` : t
}

/** A whole number when it is one; otherwise the text itself, so the server says what is wrong. */
function whole(text: string): number {
  const t = text.trim()
  return (/^\d+$/.test(t) ? Number(t) : t) as number
}

/** Which field of the form a server message belongs to (`pattern.day` → `day`). */
function fieldOf(path: string | undefined): string | null {
  if (!path) return null
  const last = path.split('.').pop() as string
  return ['day', 'weekday', 'nth', 'months', 'start', 'end', 'onDayOff', 'slotMinutes', 'slotCapacity'].includes(last) ? last : null
}

interface RuleFormProps {
  stationId: string
  rule?: ReceptionRuleView
  onSaved: (result: SaveRuleResult) => void
  onCancel: () => void
}

export function RuleForm({ stationId, rule, onSaved, onCancel }: RuleFormProps) {
  const p = rule?.pattern
  const [kind, setKind] = useState<Kind>(p?.kind ?? 'weekly')
  const [months, setMonths] = useState<ReceptionMonths>(p && p.kind !== 'weekly' ? p.months : 'all')
  const [weekday, setWeekday] = useState<string>(p && p.kind !== 'monthly_day' ? String(p.weekday) : '3')
  const [nth, setNth] = useState<string>(p?.kind === 'monthly_weekday' ? String(p.nth) : '1')
  const [day, setDay] = useState<string>(p?.kind === 'monthly_day' ? String(p.day) : '10')
  const [start, setStart] = useState(rule?.start ?? '09:00')
  const [end, setEnd] = useState(rule?.end ?? '11:30')
  const [onDayOff, setOnDayOff] = useState<DayOffPolicy>(rule?.onDayOff ?? 'next_working_day')
  const slotMinutes = useRef(String(rule?.slotMinutes ?? 15))
  const slotCapacity = useRef(String(rule?.slotCapacity ?? 2))
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({})
  const requestId = useRef<string | null>(null)

  /** An edit is a new intent, and the messages about those fields have been answered. */
  const touched = (...fields: string[]) => {
    requestId.current = null
    setError(null)
    setFieldErrors((errors) => (fields.some((f) => errors[f]) ? Object.fromEntries(Object.entries(errors).filter(([f]) => !fields.includes(f))) : errors))
  }
  const change = <T,>(set: (v: T) => void, ...fields: string[]) => (v: T) => {
    set(v)
    touched(...fields)
  }

  const pattern = (): ReceptionPattern => {
    if (kind === 'weekly') return { kind, weekday: Number(weekday) }
    if (kind === 'monthly_weekday') return { kind, months, nth: Number(nth) as Nth, weekday: Number(weekday) }
    return { kind, months, day: whole(day) }
  }
  const preview = (() => {
    try {
      return describeRule({ pattern: pattern(), start: clock(start), end: clock(end) })
    } catch {
      return ''
    }
  })()

  const save = async () => {
    setFieldErrors({})
    setError(null)
    const ask = rule
      ? `改为“${preview}”吗？3天以后的接待日按新安排生成；已有群众预约的接待日保持不变，请另行调整。`
      : `新增“${preview}”吗？3天以后的接待日按此安排生成，群众即可预约。`
    if (!(await confirm(rule ? '修改接待日安排' : '新增接待日安排', ask, { confirmText: '保存' }))) return
    requestId.current ??= newRequestId()
    setBusy(true)
    try {
      const result = await callApi(
        'reception.saveRule',
        {
          stationId,
          ruleId: rule?.id,
          pattern: pattern(),
          start: clock(start),
          end: clock(end),
          onDayOff,
          slotMinutes: whole(slotMinutes.current),
          slotCapacity: whole(slotCapacity.current),
          // Kept as they are: this form does not change them.
          cancelCutoffMinutes: rule?.cancelCutoffMinutes ?? 120,
          defaultDutyDeputyIds: rule?.defaultDuty.map((d) => d.id) ?? [],
          active: rule?.active ?? true,
        },
        { requestId: requestId.current },
      )
      requestId.current = null
      void Taro.showToast({ title: '已保存', icon: 'success' })
      onSaved(result)
    } catch (e) {
      const field = e instanceof ApiError && e.code === 'INVALID_INPUT' ? fieldOf(e.field) : null
      if (field) setFieldErrors({ [field]: (e as ApiError).message })
      else setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View data-testid='rule-form'>
      <Field label='重复方式' required testId='rule-kind'>
        <ChoiceChips columns={0} options={KIND_OPTIONS} value={kind} onChange={change(setKind, 'day', 'weekday', 'nth', 'months')} />
      </Field>
      {kind !== 'weekly' ? (
        <Field label='哪些月份' required error={fieldErrors.months} testId='rule-months'>
          <ChoiceChips columns={3} options={MONTH_OPTIONS} value={months} onChange={change(setMonths, 'months')} />
        </Field>
      ) : null}
      {kind === 'monthly_day' ? (
        <Field label='几号' required hint='当月没有这一天（如31日）时，改在当月最后一天。' error={fieldErrors.day} testId='rule-day'>
          <View className='rc-rule__inline'>
            <View className='rc-rule__short'>
              <TextInput key={`day-${kind}`} type='number' defaultValue={day} maxlength={2} onInput={change(setDay, 'day')} />
            </View>
            <View className='rc-rule__unit'>日</View>
          </View>
        </Field>
      ) : null}
      {kind === 'monthly_weekday' ? (
        <Field label='第几个' required error={fieldErrors.nth} testId='rule-nth'>
          <ChoiceChips columns={3} options={NTH_OPTIONS} value={nth} onChange={change(setNth, 'nth')} />
        </Field>
      ) : null}
      {kind !== 'monthly_day' ? (
        <Field label='星期几' required error={fieldErrors.weekday} testId='rule-weekday'>
          <ChoiceChips columns={0} options={WEEKDAY_OPTIONS} value={weekday} onChange={change(setWeekday, 'weekday')} />
        </Field>
      ) : null}
      <Field label='接待时间' required hint='24小时制，如 09:00 到 11:30。' error={fieldErrors.start ?? fieldErrors.end} testId='rule-time'>
        <View className='rc-rule__inline'>
          <View className='rc-rule__time'>
            <TextInput defaultValue={start} maxlength={5} placeholder='09:00' onInput={change(setStart, 'start', 'end')} testId='rule-start' />
          </View>
          <View className='rc-rule__unit'>到</View>
          <View className='rc-rule__time'>
            <TextInput defaultValue={end} maxlength={5} placeholder='11:30' onInput={change(setEnd, 'start', 'end')} testId='rule-end' />
          </View>
        </View>
      </Field>
      <Field label='遇到节假日' required hint='指法定节假日，以及落在周末的接待日（本来就定在周六、周日的除外）。' error={fieldErrors.onDayOff} testId='rule-day-off'>
        <ChoiceChips columns={0} options={DAY_OFF_OPTIONS} value={onDayOff} onChange={change(setOnDayOff, 'onDayOff')} />
      </Field>
      <Field label='每个预约时段' required error={fieldErrors.slotMinutes} testId='rule-slot-length'>
        <View className='rc-rule__inline'>
          <View className='rc-rule__short'>
            <TextInput type='number' defaultValue={slotMinutes.current} maxlength={3} onInput={(v) => { slotMinutes.current = v; touched('slotMinutes') }} testId='rule-slot-minutes' />
          </View>
          <View className='rc-rule__unit'>分钟</View>
        </View>
      </Field>
      <Field label='每个时段接待' required error={fieldErrors.slotCapacity} testId='rule-slot-size'>
        <View className='rc-rule__inline'>
          <View className='rc-rule__short'>
            <TextInput type='number' defaultValue={slotCapacity.current} maxlength={2} onInput={(v) => { slotCapacity.current = v; touched('slotCapacity') }} testId='rule-slot-capacity' />
          </View>
          <View className='rc-rule__unit'>人</View>
        </View>
      </Field>
      {preview ? (
        <View className='rc-rule__preview' data-testid='rule-preview'>
          新的安排：{preview}，{DAY_OFF_POLICY_LABELS[onDayOff]}
        </View>
      ) : null}
      {error ? <ErrorText>{error}</ErrorText> : null}
      <View className='rc-actions'>
        <Button kind='plain' onClick={onCancel}>
          返回
        </Button>
        <Button loading={busy} onClick={() => void save()} testId='save-rule'>
          保存
        </Button>
      </View>
    </View>
  )
}
