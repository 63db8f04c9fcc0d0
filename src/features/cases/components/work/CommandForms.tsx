// One small form per handling command. Inputs are checked with the action's own schema from
// `types/` (same Chinese messages as the server), confirmed, then sent once per intent.
import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Picker, View } from '@tarojs/components'
import { caseActions } from '@minyi/types/actions/cases'
import type { CaseView } from '@minyi/types/entities'
import { addDays, shanghaiDate } from '@minyi/types/time'
import { Button, ChoiceChips, ErrorText, Field, Loading, TextArea, TextInput } from '../../../../components'
import { useLoader } from '../../../../hooks/useLoader'
import { ApiError, errorMessage } from '../../../../services/api'
import { confirm as ask } from '../../../../services/dialog'
import { newRequestId } from '../../../../services/requestId'
import { formatCalendarDay } from '../../../../utils/format'
import { validate, type FieldErrors } from '../../../../utils/validate'
import { caseCommand, listUnits } from '../../api'
import './work.scss'

type CommandName = keyof typeof caseCommand

export interface CommandFormProps {
  view: CaseView
  onDone: (view: CaseView) => void
  onCancel: () => void
}

interface Confirm {
  title: string
  content: string
  /** Toast after success (at most 7 characters: WeChat's limit with an icon). */
  done: string
}

function useCommand(command: CommandName, onDone: (view: CaseView) => void) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({})
  const requestId = useRef<string | null>(null)

  /** Any edit makes the next confirmation a new intent. */
  const touched = () => {
    requestId.current = null
    setError(null)
  }

  const run = async (input: Record<string, unknown>, confirm: Confirm) => {
    const schema = caseActions[`case.${command}`].input
    const checked = validate(schema, input)
    if (!checked.ok) {
      // Shown next to the fields; a problem with a field the form does not show (the case id)
      // goes under the form instead.
      const { caseId, ...fields } = checked.errors
      setFieldErrors(fields)
      setError(caseId ?? null)
      return
    }
    setFieldErrors({})
    setError(null)
    if (!(await ask(confirm.title, confirm.content))) return
    requestId.current ??= newRequestId()
    setBusy(true)
    try {
      const send = caseCommand[command] as (input: unknown, requestId: string) => Promise<CaseView>
      const updated = await send(checked.data, requestId.current)
      requestId.current = null
      void Taro.showToast({ title: confirm.done, icon: 'success' })
      onDone(updated)
    } catch (e) {
      if (e instanceof ApiError && e.code === 'INVALID_INPUT' && e.field && e.field !== 'caseId') setFieldErrors({ [e.field]: e.message })
      else setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  const fail = (field: string, message: string) => {
    setFieldErrors({ [field]: message })
    setError(null)
  }

  return { busy, error, fieldErrors, touched, run, fail }
}

function FormActions({ busy, confirmText, onConfirm, onCancel, danger }: { busy: boolean; confirmText: string; onConfirm: () => void; onCancel: () => void; danger?: boolean }) {
  return (
    <View className='work-form__actions'>
      <Button kind='plain' onClick={onCancel} className='work-form__cancel'>
        返回
      </Button>
      <Button kind={danger ? 'danger' : 'primary'} loading={busy} onClick={onConfirm} className='work-form__confirm' testId='action-confirm'>
        {confirmText}
      </Button>
    </View>
  )
}

function FormTitle({ children }: { children: string }) {
  return <View className='work-form__title'>{children}</View>
}

export function AcceptForm({ view, onDone, onCancel }: CommandFormProps) {
  const { busy, error, fieldErrors, touched, run } = useCommand('accept', onDone)
  const note = useRef('')
  return (
    <View data-testid='form-accept'>
      <FormTitle>受理</FormTitle>
      <Field label='受理说明' optional error={fieldErrors.note}>
        <TextArea placeholder='例如：已联系群众了解情况' maxlength={500} onInput={(v) => { note.current = v; touched() }} />
      </Field>
      {error ? <ErrorText>{error}</ErrorText> : null}
      <FormActions
        busy={busy}
        confirmText='确认受理'
        onCancel={onCancel}
        onConfirm={() => void run({ caseId: view.id, note: note.current }, { title: '受理', content: `确定受理 ${view.trackingNo} 吗？群众会收到受理通知。`, done: '已受理' })}
      />
    </View>
  )
}

export function AnswerOnSiteForm({ view, onDone, onCancel }: CommandFormProps) {
  const { busy, error, fieldErrors, touched, run } = useCommand('answerOnSite', onDone)
  const answer = useRef('')
  return (
    <View data-testid='form-answerOnSite'>
      <FormTitle>现场答复</FormTitle>
      <Field label='答复内容' required hint='这段答复会原样告知群众，请用群众听得懂的话。' error={fieldErrors.answer}>
        <TextArea height='tall' placeholder='请写明答复内容（至少5个字）' maxlength={1000} onInput={(v) => { answer.current = v; touched() }} />
      </Field>
      {error ? <ErrorText>{error}</ErrorText> : null}
      <FormActions
        busy={busy}
        confirmText='提交答复'
        onCancel={onCancel}
        onConfirm={() => void run({ caseId: view.id, answer: answer.current }, { title: '现场答复', content: '确定提交答复吗？提交后将通知群众并请其评价。', done: '已答复' })}
      />
    </View>
  )
}

export function ReferForm({ view, onDone, onCancel }: CommandFormProps) {
  const { busy, error, fieldErrors, touched, run } = useCommand('refer', onDone)
  const note = useRef('')
  return (
    <View data-testid='form-refer'>
      <FormTitle>提请转办</FormTitle>
      <Field label='转办说明' required hint='说明需要哪个部门办理、为什么，工作人员会据此转办。' error={fieldErrors.note}>
        <TextArea placeholder='例如：涉及道路维修，建议转区城管局' maxlength={500} onInput={(v) => { note.current = v; touched() }} />
      </Field>
      {error ? <ErrorText>{error}</ErrorText> : null}
      <FormActions
        busy={busy}
        confirmText='提请转办'
        onCancel={onCancel}
        onConfirm={() => void run({ caseId: view.id, note: note.current }, { title: '提请转办', content: '确定请工作人员转办此件吗？', done: '已提请转办' })}
      />
    </View>
  )
}

export function TransferForm({ view, onDone, onCancel }: CommandFormProps) {
  const { busy, error, fieldErrors, touched, run, fail } = useCommand('transfer', onDone)
  const units = useLoader(() => listUnits(view.id), [view.id])
  const [unitId, setUnitId] = useState<string | null>(null)
  const [mode, setMode] = useState<'days' | 'date'>('days')
  const [dueDate, setDueDate] = useState<string>('')
  const days = useRef('7')
  const note = useRef('')
  const today = shanghaiDate(new Date())

  const submit = () => {
    const unit = units.data?.find((u) => u.id === unitId)
    const workingDays = Number(days.current.trim())
    const input: Record<string, unknown> = { caseId: view.id, unitId: unitId ?? '', note: note.current }
    if (mode === 'days') input.workingDays = days.current.trim() === '' || Number.isNaN(workingDays) ? undefined : workingDays
    else input.dueDate = dueDate || undefined
    if (!unitId) {
      fail('unitId', '请选择承办单位')
      return
    }
    if (mode === 'date' && !dueDate) {
      fail('dueDate', '请选择办理期限的日期')
      return
    }
    const limit = mode === 'days' ? `${days.current.trim()}个工作日内` : `${dueDate ? formatCalendarDay(dueDate) : ''}前`
    void run(input, {
      title: '转办',
      content: `确定转交 ${unit?.name ?? '承办单位'}，${limit}答复吗？群众会收到通知。`,
      done: '已转办',
    })
  }

  return (
    <View data-testid='form-transfer'>
      <FormTitle>转办承办单位</FormTitle>
      <Field label='承办单位' required error={fieldErrors.unitId}>
        {units.loading ? <Loading /> : null}
        {units.error ? <ErrorText>{units.error}</ErrorText> : null}
        {units.data ? (
          <ChoiceChips
            columns={0}
            options={units.data.map((u) => ({ value: u.id, label: u.name }))}
            value={unitId}
            onChange={(value) => {
              setUnitId(value)
              touched()
            }}
          />
        ) : null}
      </Field>
      <Field label='办理期限' required error={fieldErrors.workingDays ?? fieldErrors.dueDate} hint='工作日按国家法定节假日和调休安排计算。'>
        <ChoiceChips
          columns={2}
          size='small'
          options={[
            { value: 'days', label: '按工作日' },
            { value: 'date', label: '指定日期' },
          ]}
          value={mode}
          onChange={(value) => {
            setMode(value as 'days' | 'date')
            touched()
          }}
        />
        <View className='work-form__deadline'>
          {mode === 'days' ? (
            <View className='work-form__days'>
              <View className='work-form__days-input'>
                <TextInput type='number' maxlength={2} defaultValue={days.current} onInput={(v) => { days.current = v; touched() }} testId='input-working-days' />
              </View>
              <View className='work-form__days-unit'>个工作日</View>
            </View>
          ) : (
            <Picker
              mode='date'
              value={dueDate || addDays(today, 7)}
              start={addDays(today, 1)}
              onChange={(event) => {
                setDueDate(String(event.detail.value))
                touched()
              }}
            >
              <View className='work-form__date' data-testid='due-date-picker'>
                {dueDate ? formatCalendarDay(dueDate) : '点此选择日期'}
              </View>
            </Picker>
          )}
        </View>
      </Field>
      <Field label='转办说明' optional error={fieldErrors.note}>
        <TextArea placeholder='给承办单位的说明' maxlength={500} onInput={(v) => { note.current = v; touched() }} />
      </Field>
      {error ? <ErrorText>{error}</ErrorText> : null}
      <FormActions busy={busy} confirmText='确认转办' onCancel={onCancel} onConfirm={submit} />
    </View>
  )
}

export function RecordUnitAnswerForm({ view, onDone, onCancel }: CommandFormProps) {
  const { busy, error, fieldErrors, touched, run } = useCommand('recordUnitAnswer', onDone)
  const answer = useRef('')
  return (
    <View data-testid='form-recordUnitAnswer'>
      <FormTitle>登记承办单位答复</FormTitle>
      <Field
        label='承办单位答复'
        required
        hint={`${view.transfer?.unitName ?? '承办单位'}的答复内容，登记后会通知群众并请其评价。`}
        error={fieldErrors.answer}
      >
        <TextArea height='tall' placeholder='请填写承办单位的答复（至少5个字）' maxlength={2000} onInput={(v) => { answer.current = v; touched() }} />
      </Field>
      {error ? <ErrorText>{error}</ErrorText> : null}
      <FormActions
        busy={busy}
        confirmText='登记并通知群众'
        onCancel={onCancel}
        onConfirm={() => void run({ caseId: view.id, answer: answer.current }, { title: '登记答复', content: '确定登记这条答复吗？群众会收到答复通知。', done: '已登记答复' })}
      />
    </View>
  )
}

export function MarkProposalForm({ view, onDone, onCancel }: CommandFormProps) {
  const { busy, error, fieldErrors, touched, run } = useCommand('markProposal', onDone)
  const note = useRef('')
  return (
    <View data-testid='form-markProposal'>
      <FormTitle>列为议案建议素材</FormTitle>
      <Field label='说明' required hint='说明这个问题为什么具有普遍性或典型性。' error={fieldErrors.note}>
        <TextArea placeholder='例如：多个小区反映同类停车难问题' maxlength={500} onInput={(v) => { note.current = v; touched() }} />
      </Field>
      {error ? <ErrorText>{error}</ErrorText> : null}
      <FormActions
        busy={busy}
        confirmText='确认列为素材'
        onCancel={onCancel}
        onConfirm={() => void run({ caseId: view.id, note: note.current }, { title: '列为议案建议素材', content: '确定将此件列为议案建议素材吗？群众会收到通知。', done: '已列为素材' })}
      />
    </View>
  )
}

const DECLINE_PRESETS = [
  {
    value: 'lawsuit',
    label: '涉及具体诉讼案件',
    reason: '涉及具体诉讼案件，人大代表不能干预司法',
    guidance: '请通过人民法院等法定途径依法解决',
  },
  {
    value: 'bidding',
    label: '涉及招投标活动',
    reason: '涉及具体招投标活动，人大代表不能干预',
    guidance: '请向招标人提出异议，或向有关行政监督部门依法投诉',
  },
  {
    value: 'scope',
    label: '不属于受理范围',
    reason: '所反映事项不属于代表联络站受理范围',
    guidance: '请向有关主管部门或12345政务服务热线反映',
  },
] as const

export function DeclineForm({ view, onDone, onCancel }: CommandFormProps) {
  const { busy, error, fieldErrors, touched, run } = useCommand('decline', onDone)
  const [preset, setPreset] = useState<string | null>(null)
  // Presets fill the fields; a new key remounts them with the new text (they are uncontrolled).
  const [version, setVersion] = useState(0)
  const reason = useRef('')
  const guidance = useRef('')

  return (
    <View data-testid='form-decline'>
      <FormTitle>不予受理</FormTitle>
      <Field label='常见情形' hint='点一下可自动填写原因和引导途径，再按需修改。'>
        <ChoiceChips
          columns={0}
          size='small'
          options={DECLINE_PRESETS.map((p) => ({ value: p.value, label: p.label }))}
          value={preset}
          onChange={(value) => {
            const chosen = DECLINE_PRESETS.find((p) => p.value === value)
            if (!chosen) return
            setPreset(value)
            reason.current = chosen.reason
            guidance.current = chosen.guidance
            setVersion((n) => n + 1)
            touched()
          }}
        />
      </Field>
      <Field label='不予受理的理由' required error={fieldErrors.reason}>
        <TextArea key={`reason-${version}`} defaultValue={reason.current} placeholder='请说明原因' maxlength={300} testId='input-decline-reason' onInput={(v) => { reason.current = v; touched() }} />
      </Field>
      <Field label='引导途径' required hint='告诉群众可以通过什么合法途径解决。' error={fieldErrors.guidance}>
        <TextArea key={`guidance-${version}`} defaultValue={guidance.current} placeholder='例如：请通过人民法院等法定途径依法解决' maxlength={500} testId='input-decline-guidance' onInput={(v) => { guidance.current = v; touched() }} />
      </Field>
      {error ? <ErrorText>{error}</ErrorText> : null}
      <FormActions
        busy={busy}
        danger
        confirmText='确认不予受理'
        onCancel={onCancel}
        onConfirm={() =>
          void run(
            { caseId: view.id, reason: reason.current, guidance: guidance.current },
            { title: '不予受理', content: '确定不予受理吗？群众会收到原因和引导途径。', done: '已不予受理' },
          )
        }
      />
    </View>
  )
}
