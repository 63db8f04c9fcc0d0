// What the congress office records: the assignment to handling units, the units' answer, and the
// deputy's satisfaction (by the deputy, or recorded by staff for them).
import { useRef, useState } from 'react'
import { View } from '@tarojs/components'
import { RATINGS, RATING_LABELS, type Rating } from '@minyi/types/enums'
import { SUGGESTION_REHANDLE_LIMIT } from '@minyi/types/suggestionStateMachine'
import type { SuggestionView } from '@minyi/types/suggestionViews'
import { Button, Checkbox, ChoiceChips, ErrorText, Field, Loading, TextArea } from '../../../components'
import { useLoader } from '../../../hooks/useLoader'
import { listDistrictUnits } from '../api'
import type { useSuggestionCommand } from '../useSuggestionCommand'
import './suggestions.scss'

const MAX_UNITS = 5

type Command = ReturnType<typeof useSuggestionCommand>

interface FormProps {
  view: SuggestionView
  command: Command
}

function FormTitle({ children }: { children: string }) {
  return <View className='suggestion-form__title'>{children}</View>
}

export function AssignForm({ view, command }: FormProps) {
  const units = useLoader(listDistrictUnits, [])
  const [chosen, setChosen] = useState<string[]>([])
  const note = useRef('')
  const { busy, errorOf, fieldErrors, touched, run, fail } = command
  const error = errorOf('assign')

  const toggle = (id: string, on: boolean) => {
    setChosen((list) => (on ? [...list, id] : list.filter((x) => x !== id)))
    touched()
  }
  const submit = () => {
    if (!chosen.length) return fail('unitIds', '请至少选择一个承办单位')
    if (chosen.length > MAX_UNITS) return fail('unitIds', `承办单位不能超过${MAX_UNITS}个`)
    const names = (units.data ?? []).filter((u) => chosen.includes(u.id)).map((u) => u.name)
    void run('assign', { suggestionId: view.id, unitIds: chosen, note: note.current.trim() || undefined }, '已交办', {
      title: '交办承办单位',
      content: `确定交办给 ${names.join('、')} 吗？答复期限为交办后3个月，代表会收到通知。`,
    })
  }

  return (
    <View data-testid='form-assign'>
      <FormTitle>登记交办</FormTitle>
      <Field label='承办单位' required hint='可选多个，第一个为主办单位。' error={fieldErrors.unitIds}>
        {units.loading ? <Loading /> : null}
        {units.error ? <ErrorText>{units.error}</ErrorText> : null}
        <View data-testid='unit-choices'>
          {units.data?.map((unit) => (
            <Checkbox key={unit.id} checked={chosen.includes(unit.id)} onChange={(on) => toggle(unit.id, on)} testId={`unit-${unit.id}`}>
              {unit.name}
              {chosen.indexOf(unit.id) === 0 && chosen.length > 1 ? '（主办）' : ''}
            </Checkbox>
          ))}
        </View>
      </Field>
      <Field label='交办说明' optional error={fieldErrors.note}>
        <TextArea placeholder='例如：请牵头研究，会同有关部门办理' maxlength={500} onInput={(v) => { note.current = v; touched() }} testId='assign-note' />
      </Field>
      {error ? <ErrorText>{error}</ErrorText> : null}
      <Button kind='primary' block loading={busy === 'assign'} onClick={submit} testId='confirm-assign'>
        确认交办
      </Button>
    </View>
  )
}

const ALL_UNITS = 'all'

export function AnswerForm({ view, command }: FormProps) {
  const units = view.assignment?.units ?? []
  const [unitId, setUnitId] = useState<string>(ALL_UNITS)
  const answer = useRef('')
  const { busy, errorOf, fieldErrors, touched, run } = command
  const error = errorOf('recordAnswer')
  const rehandling = view.status === 'rehandling'

  const submit = () => {
    const from = unitId === ALL_UNITS ? units.map((u) => u.name).join('、') : units.find((u) => u.id === unitId)?.name
    void run(
      'recordAnswer',
      { suggestionId: view.id, answer: answer.current.trim(), unitId: unitId === ALL_UNITS ? undefined : unitId },
      '已登记答复',
      {
        title: '登记答复',
        content: `确定登记${from ? ` ${from} ` : ''}的答复吗？附上的 ${view.cases.length} 条民意的反映人和代表都会收到答复。`,
      },
    )
  }

  return (
    <View data-testid='form-recordAnswer'>
      <FormTitle>{rehandling ? '登记重新办理后的答复' : '登记承办单位答复'}</FormTitle>
      {units.length > 1 ? (
        <Field label='答复单位' error={fieldErrors.unitId}>
          <ChoiceChips
            columns={0}
            size='small'
            options={[{ value: ALL_UNITS, label: '各承办单位共同答复' }, ...units.map((u) => ({ value: u.id, label: u.name }))]}
            value={unitId}
            onChange={(value) => {
              setUnitId(value)
              touched()
            }}
          />
        </Field>
      ) : null}
      <Field label='答复内容' required hint='会原样告知每位附上民意的群众，请用群众听得懂的话。' error={fieldErrors.answer}>
        <TextArea height='tall' placeholder='请填写承办单位的答复（至少10个字）' maxlength={3000} onInput={(v) => { answer.current = v; touched() }} testId='answer-text' />
      </Field>
      {error ? <ErrorText>{error}</ErrorText> : null}
      <Button kind='primary' block loading={busy === 'recordAnswer'} onClick={submit} testId='confirm-answer'>
        登记并通知群众
      </Button>
    </View>
  )
}

export function RateForm({ view, command, onBehalf }: FormProps & { onBehalf: boolean }) {
  const [rating, setRating] = useState<Rating | null>(null)
  const comment = useRef('')
  const { busy, errorOf, fieldErrors, touched, run, fail } = command
  const error = errorOf('rate')
  const canRehandle = view.rehandleCount < SUGGESTION_REHANDLE_LIMIT

  const submit = () => {
    if (!rating) return fail('rating', '请选择满意度')
    const what =
      rating !== 'unsatisfied'
        ? '提交后这件议案建议将办结。'
        : canRehandle
          ? '提交后将交承办单位重新办理一次，1个月内再次答复。'
          : '已重新办理过一次，提交后将办结，您的意见会存档。'
    void run('rate', { suggestionId: view.id, rating, comment: comment.current.trim() || undefined }, '已评价', {
      title: onBehalf ? '代为登记满意度' : '满意度评价',
      content: `确定选择「${RATING_LABELS[rating]}」吗？${what}`,
    })
  }

  return (
    <View data-testid='form-rate'>
      <FormTitle>{onBehalf ? '登记代表的满意度' : '您对答复满意吗？'}</FormTitle>
      {onBehalf ? <View className='suggestion-muted suggestion-form__lead'>代表当面或电话告知满意度的，由工作人员代为登记。</View> : null}
      <Field
        label='满意度'
        required
        error={fieldErrors.rating}
        hint={canRehandle ? '选择「不满意」将重新办理一次。' : '已重新办理过一次：选择「不满意」将办结并存档。'}
      >
        <ChoiceChips
          columns={3}
          options={RATINGS.map((value) => ({ value, label: RATING_LABELS[value] }))}
          value={rating}
          onChange={(value) => {
            setRating(value)
            touched()
          }}
          testId='rating-choices'
        />
      </Field>
      <Field label='意见' optional error={fieldErrors.comment}>
        <TextArea placeholder='例如：问题已基本解决' maxlength={500} onInput={(v) => { comment.current = v; touched() }} testId='rating-comment' />
      </Field>
      {error ? <ErrorText>{error}</ErrorText> : null}
      <Button kind='primary' block loading={busy === 'rate'} onClick={submit} testId='confirm-rate'>
        提交评价
      </Button>
    </View>
  )
}
