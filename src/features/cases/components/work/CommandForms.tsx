// One small form per handling command. Inputs are checked with the action's own schema from
// `types/` (same Chinese messages as the server), confirmed, then sent once per intent.
import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Picker, View } from '@tarojs/components'
import { caseActions } from '@minyi/types/actions/cases'
import { caseExtraActions } from '@minyi/types/actions/caseExtras'
import { CASE_STATUS_LABELS, OPEN_STATUSES, type CaseStatus } from '@minyi/types/caseStateMachine'
import type { CaseView } from '@minyi/types/entities'
import { addDays, shanghaiDate } from '@minyi/types/time'
import { Button, Checkbox, ChoiceChips, ErrorText, Field, Loading, TextArea, TextInput } from '../../../../components'
import { useLoader } from '../../../../hooks/useLoader'
import { ApiError, errorMessage } from '../../../../services/api'
import { confirm as ask } from '../../../../services/dialog'
import { newRequestId } from '../../../../services/requestId'
import { formatCalendarDay, formatDueDate } from '../../../../utils/format'
import { validate, type FieldErrors } from '../../../../utils/validate'
import { caseCommand, getInbox, listUnits, similarCases } from '../../api'
import './work.scss'

type CommandName = keyof typeof caseCommand

/** The shared input schema of each command's action (same Chinese messages as the server). */
const SCHEMAS = {
  accept: caseActions['case.accept'].input,
  refer: caseActions['case.refer'].input,
  answerOnSite: caseActions['case.answerOnSite'].input,
  transfer: caseActions['case.transfer'].input,
  recordUnitAnswer: caseActions['case.recordUnitAnswer'].input,
  markProposal: caseActions['case.markProposal'].input,
  decline: caseActions['case.decline'].input,
  forward: caseActions['case.forward'].input,
  extendDeadline: caseActions['case.extendDeadline'].input,
  merge: caseExtraActions['case.merge'].input,
} satisfies Record<CommandName, unknown>

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
    setFieldErrors((current) => (Object.keys(current).length ? {} : current))
  }

  const run = async (input: Record<string, unknown>, confirm: Confirm) => {
    const checked = validate(SCHEMAS[command], input)
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

type DeadlineMode = 'standard' | 'days' | 'date'

export function TransferForm({ view, onDone, onCancel }: CommandFormProps) {
  const { busy, error, fieldErrors, touched, run, fail } = useCommand('transfer', onDone)
  // The district's own limits; the server sends them with the transfer command (the defaults of
  // the regulations only stand in for an older server).
  const limits = view.transferDays ?? { normal: 7, complex: 15 }
  const units = useLoader(() => listUnits(view.id), [view.id])
  const [unitId, setUnitId] = useState<string | null>(null)
  const [complex, setComplex] = useState(false)
  const [mode, setMode] = useState<DeadlineMode>('standard')
  const [dueDate, setDueDate] = useState<string>('')
  const days = useRef('')
  const note = useRef('')
  const today = shanghaiDate(new Date())
  // During re-handling the month promised to the resident still runs: the server caps the standard
  // limit at that day.
  const rehandleBy = view.deadline?.kind === 'rehandle' ? view.deadline.dueDate : null

  const submit = () => {
    const unit = units.data?.find((u) => u.id === unitId)
    const input: Record<string, unknown> = { caseId: view.id, unitId: unitId ?? '', complex, note: note.current }
    if (mode === 'days') {
      const text = days.current.trim()
      const workingDays = Number(text)
      input.workingDays = text === '' || Number.isNaN(workingDays) ? undefined : workingDays
    }
    if (mode === 'date') input.dueDate = dueDate || undefined
    if (!unitId) {
      fail('unitId', '请选择承办单位')
      return
    }
    if (mode === 'days' && input.workingDays === undefined) {
      fail('workingDays', '请填写办理期限的工作日数')
      return
    }
    if (mode === 'date' && !dueDate) {
      fail('dueDate', '请选择办理期限的日期')
      return
    }
    const limit =
      mode === 'standard'
        ? `按规定期限（${complex ? '复杂事项 15' : '7'} 个工作日）`
        : mode === 'days'
          ? `${days.current.trim()}个工作日内`
          : `${formatCalendarDay(dueDate)}前`
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
        {units.data && !units.data.length ? <View className='work-form__empty'>本级还没有可选的承办单位，请联系人大机关添加。</View> : null}
        {units.data ? (
          <ChoiceChips
            columns={0}
            options={units.data.map((u) => ({ value: u.id, label: u.name }))}
            value={unitId}
            testId='transfer-units'
            onChange={(value) => {
              setUnitId(value)
              touched()
            }}
          />
        ) : null}
      </Field>
      <Field label='事项类型' error={fieldErrors.complex}>
        <Checkbox
          checked={complex}
          testId='transfer-complex'
          onChange={(checked) => {
            setComplex(checked)
            touched()
          }}
        >
          复杂事项（办理期限 {limits.complex} 个工作日，一般事项 {limits.normal} 个）
        </Checkbox>
      </Field>
      <Field
        label='办理期限'
        required
        error={fieldErrors.workingDays ?? fieldErrors.dueDate}
        hint={
          rehandleBy
            ? `重新办理中：应于 ${formatCalendarDay(rehandleBy)} 前答复群众，期限不能晚于这一天。工作日按法定节假日和调休计算。`
            : '工作日按国家法定节假日和调休安排计算，转办后显示具体日期。'
        }
      >
        <ChoiceChips
          columns={3}
          size='small'
          testId='transfer-deadline-mode'
          options={[
            { value: 'standard', label: '按规定期限' },
            { value: 'days', label: '自定工作日' },
            { value: 'date', label: '指定日期' },
          ]}
          value={mode}
          onChange={(value) => {
            setMode(value as DeadlineMode)
            touched()
          }}
        />
        <View className='work-form__deadline'>
          {mode === 'standard' ? (
            <View className='work-form__standard' data-testid='transfer-standard-limit'>
              {complex ? limits.complex : limits.normal} 个工作日{rehandleBy ? `（最晚 ${formatDueDate(rehandleBy)}）` : ''}
            </View>
          ) : null}
          {mode === 'days' ? (
            <View className='work-form__days'>
              <View className='work-form__days-input'>
                <TextInput type='number' maxlength={2} defaultValue={days.current} placeholder={String(complex ? limits.complex : limits.normal)} onInput={(v) => { days.current = v; touched() }} testId='input-working-days' />
              </View>
              <View className='work-form__days-unit'>个工作日</View>
            </View>
          ) : null}
          {mode === 'date' ? (
            <Picker
              mode='date'
              value={dueDate || addDays(today, 7)}
              start={addDays(today, 1)}
              end={rehandleBy ?? undefined}
              onChange={(event) => {
                setDueDate(String(event.detail.value))
                touched()
              }}
            >
              <View className='work-form__date' data-testid='due-date-picker'>
                {dueDate ? formatCalendarDay(dueDate) : '点此选择日期'}
              </View>
            </Picker>
          ) : null}
        </View>
      </Field>
      <Field label='转办说明' optional error={fieldErrors.note}>
        <TextArea placeholder='给承办单位的说明' maxlength={500} testId='input-transfer-note' onInput={(v) => { note.current = v; touched() }} />
      </Field>
      {error ? <ErrorText>{error}</ErrorText> : null}
      <FormActions busy={busy} confirmText='确认转办' onCancel={onCancel} onConfirm={submit} />
    </View>
  )
}

/** Where `forward` takes the case from the level holding it now (分级负责). */
export function forwardTargetLabel(view: CaseView): string {
  return view.handler.level === 'station' ? '街道人大工委' : '区人大常委会'
}

export function ForwardForm({ view, onDone, onCancel }: CommandFormProps) {
  const { busy, error, fieldErrors, touched, run } = useCommand('forward', onDone)
  const note = useRef('')
  const target = forwardTargetLabel(view)
  const fromStation = view.handler.level === 'station'
  return (
    <View data-testid='form-forward'>
      <FormTitle>{`转报${target}`}</FormTitle>
      <View className='work-form__lead'>
        {fromStation
          ? `需要有关部门办理的事项，由${target}（同级人大机关）受理后转交承办单位，并限期答复。转报后本站仍可查看进展。`
          : `本级无法办理的事项，报送上一级人大机关（${target}）办理。转报后本级仍可查看进展。`}
      </View>
      <Field label='转报说明' required hint={`写明需要${target}协调办理什么，以及已了解的情况。`} error={fieldErrors.note}>
        <TextArea placeholder='例如：涉及道路维修，需区城管局办理' maxlength={500} testId='input-forward-note' onInput={(v) => { note.current = v; touched() }} />
      </Field>
      {error ? <ErrorText>{error}</ErrorText> : null}
      <FormActions
        busy={busy}
        confirmText={`转报${target}`}
        onCancel={onCancel}
        onConfirm={() =>
          void run({ caseId: view.id, note: note.current }, { title: `转报${target}`, content: `确定将 ${view.trackingNo} 转报${target}办理吗？群众会收到进展通知。`, done: '已转报' })
        }
      />
    </View>
  )
}

export function ExtendForm({ view, onDone, onCancel }: CommandFormProps) {
  const { busy, error, fieldErrors, touched, run } = useCommand('extendDeadline', onDone)
  const reason = useRef('')
  const current = view.deadline?.kind === 'unit' ? view.deadline.dueDate : view.transfer?.dueDate
  const complex = view.deadline?.complex ?? false
  return (
    <View data-testid='form-extend'>
      <FormTitle>延长办理期限</FormTitle>
      <View className='work-form__lead'>
        {view.transfer?.unitName ?? '承办单位'}现在的期限是 {current ? formatCalendarDay(current) : '—'}。
        每次转办只能延长一次，从原期限起再加 {complex ? '15' : '7'} 个工作日，须说明理由。
      </View>
      <Field label='延期理由' required hint='理由会记入办理进度，群众也能看到。' error={fieldErrors.reason}>
        <TextArea placeholder='例如：需协调多个部门现场勘查' maxlength={300} testId='input-extend-reason' onInput={(v) => { reason.current = v; touched() }} />
      </Field>
      {error ? <ErrorText>{error}</ErrorText> : null}
      <FormActions
        busy={busy}
        confirmText='确认延期'
        onCancel={onCancel}
        onConfirm={() =>
          void run({ caseId: view.id, reason: reason.current }, { title: '延长办理期限', content: '确定延长承办单位的办理期限吗？只能延长一次，群众会收到通知。', done: '已延长期限' })
        }
      />
    </View>
  )
}

interface MergeCandidate {
  id: string
  trackingNo: string
  excerpt: string
  status: CaseStatus
  createdAt: string
  /** Why it looks like the same matter (from the triage's similar cases), if it does. */
  reason: string | null
}

/** Open cases of the same station held at this level, the similar ones first (并案 joins cases of one station, held by one level). */
async function mergeCandidates(view: CaseView): Promise<MergeCandidate[]> {
  const [inbox, similar] = await Promise.all([
    getInbox({ stationId: view.stationId, held: true }),
    similarCases(view.id).catch(() => []),
  ])
  const open = (status: CaseStatus) => OPEN_STATUSES.includes(status)
  const reasons = new Map(similar.map((s) => [s.id, s.reason]))
  const list: MergeCandidate[] = inbox.cases
    .filter((c) => c.id !== view.id && c.stationId === view.stationId && open(c.status))
    .map((c) => ({ id: c.id, trackingNo: c.trackingNo, excerpt: c.excerpt, status: c.status, createdAt: c.createdAt, reason: reasons.get(c.id) ?? null }))
  const rank = new Map(similar.map((s, i) => [s.id, i]))
  return list.sort((a, b) => (rank.get(a.id) ?? 1e6) - (rank.get(b.id) ?? 1e6))
}

export function MergeForm({ view, onDone, onCancel }: CommandFormProps) {
  const { busy, error, fieldErrors, touched, run, fail } = useCommand('merge', onDone)
  const candidates = useLoader(() => mergeCandidates(view), [view.id])
  const [intoId, setIntoId] = useState<string | null>(null)
  const note = useRef('')

  const submit = () => {
    const target = candidates.data?.find((c) => c.id === intoId)
    if (!target) {
      fail('intoCaseId', '请选择要并入的民意')
      return
    }
    void run(
      { caseId: view.id, intoCaseId: target.id, note: note.current },
      {
        title: '并案办理',
        content: `确定把 ${view.trackingNo} 并入 ${target.trackingNo} 一并办理吗？主件答复后，本件群众会单独收到答复。`,
        done: '已并案',
      },
    )
  }

  return (
    <View data-testid='form-merge'>
      <FormTitle>并案办理</FormTitle>
      <View className='work-form__lead'>同一问题被重复反映时，把本件并入另一件一并办理。每位群众仍会单独收到答复、单独评价。</View>
      <Field label='并入哪一件' required hint='本家站点正在办理的民意，相似的排在前面。' error={fieldErrors.intoCaseId}>
        {candidates.loading ? <Loading /> : null}
        {candidates.error ? <ErrorText>{candidates.error}</ErrorText> : null}
        {candidates.data && !candidates.data.length ? <View className='work-form__empty'>本家站点没有其他正在办理的民意，无法并案。</View> : null}
        {candidates.data?.map((c) => (
          <View
            key={c.id}
            className={`merge-option ${c.id === intoId ? 'merge-option--selected' : ''}`}
            {...{ role: 'radio' }}
            aria-checked={c.id === intoId ? 'true' : 'false'}
            data-testid={`merge-target-${c.trackingNo}`}
            onClick={() => {
              setIntoId(c.id)
              touched()
            }}
          >
            <View className='merge-option__head'>
              <View className='merge-option__no'>{c.trackingNo}</View>
              <View className='merge-option__status'>{CASE_STATUS_LABELS[c.status]}</View>
            </View>
            <View className='merge-option__excerpt'>{c.excerpt}</View>
            {c.reason ? <View className='merge-option__reason'>相似（{c.reason}）</View> : null}
          </View>
        ))}
      </Field>
      <Field label='并案说明' optional error={fieldErrors.note}>
        <TextArea placeholder='例如：与该件反映的是同一处路灯' maxlength={300} testId='input-merge-note' onInput={(v) => { note.current = v; touched() }} />
      </Field>
      {error ? <ErrorText>{error}</ErrorText> : null}
      <FormActions busy={busy} confirmText='确认并案' onCancel={onCancel} onConfirm={submit} />
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
