import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { CaseView } from '@minyi/types/entities'
import { RATING_LABELS, RATINGS, type Rating } from '@minyi/types/enums'
import { Button, Card, ChoiceChips, ErrorText, Field, SectionTitle, TextArea } from '../../../components'
import { errorMessage } from '../../../services/api'
import { confirm } from '../../../services/dialog'
import { newRequestId } from '../../../services/requestId'
import { formatDateTime } from '../../../utils/format'
import { rateCase } from '../api'
import './cases.scss'

const OPTIONS = RATINGS.map((value) => ({ value, label: RATING_LABELS[value] }))

/** 满意 / 基本满意 close the case; 不满意 sends it back for re-handling. */
export function RatingForm({ view, onRated }: { view: CaseView; onRated: (view: CaseView) => void }) {
  const [rating, setRating] = useState<Rating | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const comment = useRef('')
  const requestId = useRef<string | null>(null)

  const touch = () => {
    requestId.current = null
    setError(null)
  }

  const submit = async () => {
    if (!rating) {
      setError('请先选择 满意、基本满意 或 不满意')
      return
    }
    const ok = await confirm(
      '提交评价',
      rating === 'unsatisfied'
        ? '您选择了“不满意”，这件事将退回重新办理。确定提交吗？'
        : `您选择了“${RATING_LABELS[rating]}”，提交后这件事将办结。确定提交吗？`,
      { cancelText: '再想想' },
    )
    if (!ok) return
    requestId.current ??= newRequestId()
    setBusy(true)
    setError(null)
    try {
      const updated = await rateCase({ caseId: view.id, rating, comment: comment.current }, requestId.current)
      requestId.current = null
      void Taro.showToast({ title: rating === 'unsatisfied' ? '已退回重新办理' : '感谢您的评价', icon: 'none' })
      onRated(updated)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View data-testid='rating-form'>
      <SectionTitle>评价办理结果</SectionTitle>
      <Card>
        <Field label='您对答复满意吗？' required>
          <ChoiceChips
            options={OPTIONS}
            value={rating}
            onChange={(value) => {
              setRating(value)
              touch()
            }}
          />
        </Field>
        {rating === 'unsatisfied' ? (
          <View className='rating-hint' data-testid='rating-hint'>
            {view.commands.includes('escalate')
              ? '选择“不满意”后，这件事将提交上一级人大机关办理。'
              : `选择“不满意”后，这件事会退回重新办理（还可以退回 ${view.reopensLeft} 次）。`}
          </View>
        ) : null}
        <Field label='您的意见' optional>
          <TextArea
            placeholder='可以写下您的想法或还存在的问题'
            maxlength={300}
            onInput={(value) => {
              comment.current = value
              touch()
            }}
          />
        </Field>
        {error ? <ErrorText>{error}</ErrorText> : null}
        <Button size='large' loading={busy} onClick={() => void submit()} testId='rating-submit'>
          提交评价
        </Button>
      </Card>
    </View>
  )
}

export function RatingResult({ rating, title = '群众评价' }: { rating: NonNullable<CaseView['rating']>; title?: string }) {
  return (
    <View data-testid='rating-result'>
      <SectionTitle>{title}</SectionTitle>
      <Card>
        <View className='rating-result__value'>{RATING_LABELS[rating.value]}</View>
        {rating.comment ? <View className='rating-result__comment'>{rating.comment}</View> : null}
        <View className='rating-result__meta'>评价于 {formatDateTime(rating.at)}</View>
      </Card>
    </View>
  )
}
