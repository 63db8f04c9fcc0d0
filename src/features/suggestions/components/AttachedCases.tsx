// The residents' cases a suggestion rests on: text, category, station, how many raised it; tap opens
// the work case page. In a draft each can be removed, and more added with the picker.
import { useState } from 'react'
import { View } from '@tarojs/components'
import { CATEGORY_LABELS } from '@minyi/types/enums'
import type { SuggestionView } from '@minyi/types/suggestionViews'
import { Button, Card, SectionTitle, StatusTag, Tag } from '../../../components'
import { go, urls } from '../../../services/navigation'
import { shortStationName } from '../../cases/components/CaseListItem'
import { CasePicker } from './CasePicker'
import './suggestions.scss'

type Case = SuggestionView['cases'][number]

interface AttachedCasesProps {
  view: SuggestionView
  busy: boolean
  onAttach: (caseId: string) => Promise<unknown>
  onDetach: (item: Case) => void
}

export function AttachedCases({ view, busy, onAttach, onDetach }: AttachedCasesProps) {
  const [picking, setPicking] = useState(false)
  const canAttach = view.commands.includes('attachCase')
  const canDetach = view.commands.includes('detachCase')
  return (
    <View data-testid='attached-cases'>
      <SectionTitle extra={<View className='suggestion-muted'>{view.cases.length} 条</View>}>附上的群众民意</SectionTitle>
      {view.cases.map((item) => (
        <Card key={item.id} testId={`attached-${item.trackingNo}`}>
          <View onClick={() => go(urls.workCase(item.id))} className='suggestion-case' data-testid='attached-case'>
            <View className='suggestion-case__head'>
              <View className='suggestion-case__no'>{item.trackingNo}</View>
              <StatusTag status={item.status} />
            </View>
            <View className='suggestion-case__meta'>
              <Tag tone='neutral'>{CATEGORY_LABELS[item.category]}</Tag>
              <View className='suggestion-case__station'>{shortStationName(item.stationName)}</View>
            </View>
            <View className='suggestion-case__excerpt'>{item.excerpt}</View>
            <View className='suggestion-case__foot'>
              <View>{item.raisedBy > 1 ? `${item.raisedBy} 位群众反映` : '1 位群众反映'}</View>
              {view.answers.length ? <View>{item.informed ? '已告知答复' : '正在告知'}</View> : <View className='suggestion-link'>查看 ›</View>}
            </View>
          </View>
          {canDetach ? (
            <View className='suggestion-case__actions'>
              <Button kind='plain' size='small' disabled={busy} onClick={() => onDetach(item)} testId='detach-case'>
                移除
              </Button>
            </View>
          ) : null}
        </Card>
      ))}
      {!view.cases.length ? (
        <Card>
          <View className='suggestion-muted'>还没有附上民意。提交前至少附上一条本人家站点收到的民意。</View>
        </Card>
      ) : null}
      {canAttach && !picking ? (
        <View className='suggestion-attach'>
          <Button kind='secondary' block onClick={() => setPicking(true)} testId='open-case-picker'>
            + 附上民意
          </Button>
        </View>
      ) : null}
      {canAttach && picking ? (
        <CasePicker attachedIds={view.cases.map((c) => c.id)} busy={busy} onAttach={onAttach} onClose={() => setPicking(false)} />
      ) : null}
    </View>
  )
}
