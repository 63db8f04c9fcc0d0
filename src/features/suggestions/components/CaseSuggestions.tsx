// On the work case page: the 议案建议 this case is evidence for, and for the deputy a
// 加入议案建议 button that opens their drafts to choose from. Placed with one line in the page.
import { View } from '@tarojs/components'
import type { CaseView } from '@minyi/types/entities'
import { Button, Card, SectionTitle } from '../../../components'
import { useMe } from '../../session/hooks/useMe'
import { go, urls } from '../../../services/navigation'
import './suggestions.scss'

// Cases that cannot be evidence (the server refuses them too).
const NOT_EVIDENCE = ['declined', 'merged']

export function CaseSuggestions({ view }: { view: CaseView }) {
  const me = useMe()
  const canAdd = me.data?.role === 'deputy' && !NOT_EVIDENCE.includes(view.status)
  if (!canAdd && !view.suggestions.length) return null
  return (
    <View data-testid='case-suggestions'>
      <SectionTitle>议案建议</SectionTitle>
      <Card>
        {view.suggestions.map((s) => (
          <View key={s.id} className='suggestion-links__item' onClick={() => go(urls.suggestion(s.id))} data-testid='case-suggestion-link'>
            <View className='suggestion-links__title'>
              {s.kindLabel}《{s.title}》
            </View>
            <View className='suggestion-links__meta'>
              {s.no ? `${s.no} · ` : ''}
              {s.statusLabel}
            </View>
          </View>
        ))}
        {!view.suggestions.length ? <View className='suggestion-muted'>这条民意反映的问题有普遍性的，可以作为议案、建议的依据。</View> : null}
        {canAdd ? (
          <View className='suggestion-links__add'>
            <Button kind='secondary' block onClick={() => go(urls.suggestions({ caseId: view.id }))} testId='add-to-suggestion'>
              加入议案建议
            </Button>
          </View>
        ) : null}
      </Card>
    </View>
  )
}
