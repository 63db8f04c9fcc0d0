// Choosing evidence for a draft: the cases of the deputy's own stations (their inbox), narrowed by
// status, category and words of the text; each one attached with a tap.
import { useState } from 'react'
import { View } from '@tarojs/components'
import { CASE_STATUS_LABELS, type CaseStatus } from '@minyi/types/caseStateMachine'
import { CATEGORIES, CATEGORY_LABELS, type Category } from '@minyi/types/enums'
import { Button, Card, ChoiceChips, EmptyState, ErrorView, Loading, StatusTag, Tag, TextInput } from '../../../components'
import { useLoader } from '../../../hooks/useLoader'
import { shortStationName } from '../../cases/components/CaseListItem'
import { casesToAttach } from '../api'
import './suggestions.scss'

const ALL = 'all'
// Declined cases and cases merged into another cannot be evidence (the server says so too).
const STATUS_CHOICES: CaseStatus[] = ['proposal', 'submitted', 'accepted', 'transferred', 'replied', 'closed']
const STATUS_OPTIONS = [{ value: ALL, label: '全部' }, ...STATUS_CHOICES.map((value) => ({ value, label: CASE_STATUS_LABELS[value] }))]
const CATEGORY_OPTIONS = [{ value: ALL, label: '全部类别' }, ...CATEGORIES.map((value) => ({ value, label: CATEGORY_LABELS[value] }))]

interface CasePickerProps {
  attachedIds: string[]
  busy: boolean
  onAttach: (caseId: string) => Promise<unknown>
  onClose: () => void
}

export function CasePicker({ attachedIds, busy, onAttach, onClose }: CasePickerProps) {
  const [status, setStatus] = useState<string>(ALL)
  const [category, setCategory] = useState<string>(ALL)
  const [words, setWords] = useState('')
  const [showCategories, setShowCategories] = useState(false)
  const [pending, setPending] = useState<string | null>(null)
  const cases = useLoader(
    () => casesToAttach({ status: status === ALL ? undefined : (status as CaseStatus), category: category === ALL ? undefined : (category as Category) }),
    [status, category],
  )
  const query = words.trim()
  const shown = (cases.data ?? [])
    .filter((c) => c.status !== 'declined' && c.status !== 'merged')
    .filter((c) => !query || c.excerpt.includes(query) || c.trackingNo.includes(query.toUpperCase()) || c.stationName.includes(query))

  const attach = async (caseId: string) => {
    setPending(caseId)
    try {
      await onAttach(caseId)
    } finally {
      setPending(null)
    }
  }

  return (
    <Card className='case-picker' testId='case-picker'>
      <View className='case-picker__head'>
        <View className='case-picker__title'>从本人家站点的民意中选择</View>
        <Button kind='primary' size='small' onClick={onClose} testId='close-case-picker'>
          完成
        </Button>
      </View>
      <View className='case-picker__search'>
        <TextInput placeholder='搜索内容或编号，如：红绿灯' maxlength={30} onInput={setWords} testId='case-search' />
      </View>
      <View className='case-picker__label'>按状态</View>
      <ChoiceChips columns={0} size='small' options={STATUS_OPTIONS} value={status} onChange={setStatus} testId='picker-status' />
      <View className='case-picker__label case-picker__toggle' onClick={() => setShowCategories((v) => !v)} data-testid='picker-category-toggle'>
        按类别{category !== ALL ? `：${CATEGORY_LABELS[category as Category]}` : ''}
        <View className='case-picker__toggle-text'>{showCategories ? '收起' : '展开'}</View>
      </View>
      {showCategories ? (
        <ChoiceChips columns={0} size='small' options={CATEGORY_OPTIONS} value={category} onChange={setCategory} testId='picker-category' />
      ) : null}
      <View className='case-picker__list'>
        {cases.loading && !cases.data ? <Loading /> : null}
        {cases.error ? <ErrorView message={cases.error} onRetry={() => void cases.reload()} /> : null}
        {shown.map((item) => {
          const attached = attachedIds.includes(item.id)
          return (
            <View key={item.id} className='case-picker__item' data-testid={`pick-${item.trackingNo}`}>
              <View className='suggestion-case__head'>
                <View className='suggestion-case__no'>{item.trackingNo}</View>
                <StatusTag status={item.status} />
              </View>
              <View className='suggestion-case__meta'>
                <Tag tone='neutral'>{CATEGORY_LABELS[item.category]}</Tag>
                <View className='suggestion-case__station'>{shortStationName(item.stationName)}</View>
              </View>
              <View className='suggestion-case__excerpt'>{item.excerpt}</View>
              <View className='suggestion-case__actions'>
                {attached ? (
                  <View className='case-picker__attached' data-testid='picked'>
                    ✓ 已附上
                  </View>
                ) : (
                  <Button kind='secondary' size='small' loading={pending === item.id} disabled={busy} onClick={() => void attach(item.id)} testId='attach-case'>
                    附上
                  </Button>
                )}
              </View>
            </View>
          )
        })}
        {cases.data && !shown.length ? (
          <EmptyState title='没有符合条件的民意' description={query || status !== ALL || category !== ALL ? '换个搜索词或筛选条件试试。' : '家站点收到民意后会显示在这里。'} />
        ) : null}
      </View>
    </Card>
  )
}
