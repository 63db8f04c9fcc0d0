// The staff's forms on a reception day: duty roster, cancel, move, walk-in, a visitor's matters,
// minutes. Each keeps one requestId per intent, so a repeated tap after a lost answer acts once.
import { useRef, useState, type ReactNode } from 'react'
import { Picker, View } from '@tarojs/components'
import { CATEGORIES, CATEGORY_LABELS, type Category } from '@minyi/types/enums'
import type { OccurrenceManageView, VisitorView } from '@minyi/types/receptionViews'
import { Button, Checkbox, ChoiceChips, ErrorText, Field, Tag, TextArea, TextInput, type Tone } from '../../components'
import { errorMessage } from '../../services/api'
import { go, urls } from '../../services/navigation'
import { newRequestId } from '../../services/requestId'
import { dayCommand } from '../lib/api'

/** Runs one intent: busy flag, error message, and the requestId kept across retries. */
function useIntent() {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const requestId = useRef<string | null>(null)
  const run = async (work: (requestId: string) => Promise<unknown>): Promise<boolean> => {
    setBusy(true)
    setError(null)
    try {
      requestId.current ??= newRequestId()
      await work(requestId.current)
      requestId.current = null
      return true
    } catch (e) {
      setError(errorMessage(e))
      return false
    } finally {
      setBusy(false)
    }
  }
  const reset = () => {
    requestId.current = null
    setError(null)
  }
  return { busy, error, run, reset }
}

/** A button that opens its form underneath. */
export function Expander({ label, kind = 'secondary', testId, children }: { label: string; kind?: 'primary' | 'secondary' | 'danger'; testId?: string; children: (close: () => void) => ReactNode }) {
  const [open, setOpen] = useState(false)
  return (
    <View>
      {!open ? (
        <Button kind={kind} block onClick={() => setOpen(true)} testId={testId}>
          {label}
        </Button>
      ) : (
        <View className='rc-form'>{children(() => setOpen(false))}</View>
      )}
    </View>
  )
}

export function DutyForm({ day, deputies, onDone }: { day: OccurrenceManageView; deputies: Array<{ id: string; name: string }>; onDone: () => void }) {
  const [chosen, setChosen] = useState<string[]>(day.duty.map((d) => d.id))
  const intent = useIntent()
  return (
    <View data-testid='duty-form'>
      <Field label='值班代表' hint='只能从本站的代表中选择'>
        {deputies.map((d) => (
          <Checkbox
            key={d.id}
            checked={chosen.includes(d.id)}
            onChange={(on) => {
              intent.reset()
              setChosen((now) => (on ? [...now, d.id] : now.filter((x) => x !== d.id)))
            }}
            testId={`duty-${d.id}`}
          >
            {d.name}
          </Checkbox>
        ))}
      </Field>
      <Button
        block
        loading={intent.busy}
        onClick={() => void intent.run((rid) => dayCommand.setDuty({ occurrenceId: day.id, deputyIds: chosen }, rid)).then((ok) => ok && onDone())}
        testId='save-duty'
      >
        保存值班安排
      </Button>
      {intent.error ? <ErrorText>{intent.error}</ErrorText> : null}
    </View>
  )
}

export function CancelForm({ day, onDone, onClose }: { day: OccurrenceManageView; onDone: () => void; onClose: () => void }) {
  const reason = useRef('')
  const intent = useIntent()
  return (
    <View data-testid='cancel-form'>
      <Field label='取消原因' required hint='会通知已预约的群众和值班代表'>
        <TextInput placeholder='例如：会议室维修' maxlength={100} onInput={(v) => ((reason.current = v), intent.reset())} testId='cancel-reason' />
      </Field>
      <View className='rc-actions'>
        <Button
          loading={intent.busy}
          onClick={() => void intent.run((rid) => dayCommand.cancel({ occurrenceId: day.id, reason: reason.current }, rid)).then((ok) => ok && onDone())}
          testId='confirm-cancel-day'
        >
          确定取消
        </Button>
        <Button kind='secondary' onClick={onClose}>
          先不取消
        </Button>
      </View>
      {intent.error ? <ErrorText>{intent.error}</ErrorText> : null}
    </View>
  )
}

export function MoveForm({ day, onDone, onClose }: { day: OccurrenceManageView; onDone: () => void; onClose: () => void }) {
  const [date, setDate] = useState(day.date)
  const start = useRef('')
  const reason = useRef('')
  const intent = useIntent()
  return (
    <View data-testid='move-form'>
      <Field label='新的日期' required hint='至少提前3天公告'>
        <Picker mode='date' value={date} onChange={(e) => (setDate(e.detail.value as string), intent.reset())}>
          <View className='rc-picker' data-testid='move-date'>
            <View>{date}</View>
            <View className='text-muted'>点击选择 ›</View>
          </View>
        </Picker>
      </Field>
      <Field label='新的开始时间' optional hint={`不填则仍为 ${day.start}，时长不变`}>
        <TextInput placeholder='例如：09:00' maxlength={5} onInput={(v) => ((start.current = v), intent.reset())} testId='move-start' />
      </Field>
      <Field label='调整原因' required hint='会通知已预约的群众和值班代表'>
        <TextInput placeholder='例如：代表参加区人代会' maxlength={100} onInput={(v) => ((reason.current = v), intent.reset())} testId='move-reason' />
      </Field>
      <View className='rc-actions'>
        <Button
          loading={intent.busy}
          onClick={() =>
            void intent
              .run((rid) => dayCommand.move({ occurrenceId: day.id, date, start: start.current.trim() || undefined, reason: reason.current }, rid))
              .then((ok) => ok && onDone())
          }
          testId='confirm-move'
        >
          确定调整
        </Button>
        <Button kind='secondary' onClick={onClose}>
          先不调整
        </Button>
      </View>
      {intent.error ? <ErrorText>{intent.error}</ErrorText> : null}
    </View>
  )
}

export function WalkInForm({ day, onDone }: { day: OccurrenceManageView; onDone: () => void }) {
  const name = useRef('')
  const phone = useRef('')
  const topic = useRef('')
  const [key, setKey] = useState(0)
  const intent = useIntent()
  return (
    <View data-testid='walk-in-form' key={key}>
      <Field label='来访群众称呼' required>
        <TextInput placeholder='例如：赵大爷' maxlength={20} onInput={(v) => ((name.current = v), intent.reset())} testId='walk-in-name' />
      </Field>
      <Field label='联系电话' optional hint='没有手机可以不填；电话加密保存，只显示部分号码'>
        <TextInput type='number' placeholder='11位手机号码' maxlength={11} onInput={(v) => ((phone.current = v), intent.reset())} testId='walk-in-phone' />
      </Field>
      <Field label='反映事项' optional>
        <TextInput placeholder='例如：低保申请' maxlength={100} onInput={(v) => ((topic.current = v), intent.reset())} testId='walk-in-topic' />
      </Field>
      <Button
        block
        loading={intent.busy}
        onClick={() =>
          void intent
            .run((rid) => dayCommand.walkIn({ occurrenceId: day.id, name: name.current, phone: phone.current, topic: topic.current }, rid))
            .then((ok) => {
              if (!ok) return
              name.current = ''
              phone.current = ''
              topic.current = ''
              setKey((k) => k + 1)
              onDone()
            })
        }
        testId='save-walk-in'
      >
        登记并签到
      </Button>
      {intent.error ? <ErrorText>{intent.error}</ErrorText> : null}
    </View>
  )
}

const CATEGORY_OPTIONS = CATEGORIES.map((value) => ({ value, label: CATEGORY_LABELS[value] }))

export function MatterForm({ day, visitor, onDone, onClose }: { day: OccurrenceManageView; visitor: VisitorView; onDone: () => void; onClose: () => void }) {
  const [category, setCategory] = useState<Category | null>(null)
  const content = useRef('')
  const place = useRef('')
  const intent = useIntent()
  return (
    <View data-testid='matter-form'>
      <Field label='问题类别' required>
        <ChoiceChips options={CATEGORY_OPTIONS} value={category} onChange={(c) => (setCategory(c), intent.reset())} testId='matter-category' />
      </Field>
      <Field label='反映的内容' required hint='记录后生成一条民意（渠道：接待日），进入分办流程'>
        <TextArea placeholder='群众反映的具体问题和诉求' maxlength={1000} onInput={(v) => ((content.current = v), intent.reset())} testId='matter-content' />
      </Field>
      <Field label='地点' optional>
        <TextInput placeholder='例如：翠苑小区3号楼' maxlength={100} onInput={(v) => ((place.current = v), intent.reset())} testId='matter-place' />
      </Field>
      <View className='rc-actions'>
        <Button
          loading={intent.busy}
          onClick={() =>
            void intent
              .run((rid) =>
                dayCommand.recordVisit(
                  {
                    occurrenceId: day.id,
                    bookingId: visitor.bookingId,
                    matters: [{ category: (category ?? undefined) as Category, content: content.current, place: place.current }],
                  },
                  rid,
                ),
              )
              .then((ok) => ok && onDone())
          }
          testId='save-matter'
        >
          登记为民意
        </Button>
        <Button kind='secondary' onClick={onClose}>
          收起
        </Button>
      </View>
      {intent.error ? <ErrorText>{intent.error}</ErrorText> : null}
    </View>
  )
}

export function MinutesForm({ day, onDone }: { day: OccurrenceManageView; onDone: () => void }) {
  const summary = useRef(day.minutes?.summary ?? '')
  const intent = useIntent()
  return (
    <View data-testid='minutes-form'>
      <Field label='接待纪要' required hint='到场、现场登记、未到场人数和反映事项数会自动统计'>
        <TextArea
          defaultValue={day.minutes?.summary}
          placeholder='例如：王建国、赵敏代表接待群众8人次，收集问题5件，现场答复2件，其余登记转办。'
          maxlength={2000}
          height='tall'
          onInput={(v) => ((summary.current = v), intent.reset())}
          testId='minutes-summary'
        />
      </Field>
      <Button block loading={intent.busy} onClick={() => void intent.run((rid) => dayCommand.saveMinutes({ occurrenceId: day.id, summary: summary.current }, rid)).then((ok) => ok && onDone())} testId='save-minutes'>
        保存纪要
      </Button>
      {intent.error ? <ErrorText>{intent.error}</ErrorText> : null}
    </View>
  )
}

const STATUS_TONES: Record<VisitorView['status'], Tone> = {
  booked: 'info',
  waiting: 'warning',
  checked_in: 'success',
  cancelled: 'neutral',
  no_show: 'neutral',
  expired: 'neutral',
}

/** One person on the day's list: check-in, and recording what they raised. */
export function VisitorRow({ day, visitor, onChanged }: { day: OccurrenceManageView; visitor: VisitorView; onChanged: () => void }) {
  const intent = useIntent()
  const canCheckIn = day.commands.includes('checkIn') && (visitor.status === 'booked' || visitor.status === 'waiting')
  const canRecord = day.commands.includes('recordVisit') && visitor.status === 'checked_in'
  return (
    <View className='rc-visitor' data-testid='visitor'>
      <View className='rc-row'>
        <View className='rc-visitor__name'>
          {visitor.name}
          {visitor.kind === 'walk_in' ? <View className='rc-meta'>现场登记{visitor.hasAccount ? '' : '（无微信）'}</View> : null}
        </View>
        <Tag tone={STATUS_TONES[visitor.status]} size='large' testId='visitor-status'>
          {visitor.status === 'waiting' && visitor.waitPosition ? `候补第${visitor.waitPosition}位` : visitor.statusLabel}
        </Tag>
      </View>
      {visitor.topic ? <View className='rc-visitor__topic'>想反映：{visitor.topic}</View> : null}
      {visitor.phoneMasked ? <View className='rc-meta'>电话：{visitor.phoneMasked}</View> : null}
      {visitor.cases.length ? (
        <View className='rc-meta'>
          已登记民意：
          {visitor.cases.map((c) => (
            <View key={c.id} className='rc-case' onClick={() => go(urls.workCase(c.id))} data-testid='visitor-case'>
              {c.trackingNo}
            </View>
          ))}
        </View>
      ) : null}
      {canCheckIn ? (
        <View className='rc-actions'>
          <Button loading={intent.busy} onClick={() => void intent.run((rid) => dayCommand.checkIn({ occurrenceId: day.id, bookingId: visitor.bookingId }, rid)).then((ok) => ok && onChanged())} testId='check-in'>
            签到
          </Button>
        </View>
      ) : null}
      {canRecord ? (
        <View className='rc-actions'>
          <View style={{ flex: 1 }}>
            <Expander label={visitor.cases.length ? '再记一项反映的事项' : '记录反映的事项'} testId='record-visit'>
              {(close) => <MatterForm day={day} visitor={visitor} onClose={close} onDone={() => (close(), onChanged())} />}
            </Expander>
          </View>
        </View>
      ) : null}
      {intent.error ? <ErrorText>{intent.error}</ErrorText> : null}
    </View>
  )
}
