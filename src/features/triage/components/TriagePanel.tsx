// 分办建议 on the work page: what the server suggests for this case, each with its reason — the
// category (with the words that point to it), where it should go (现场答复 / 转办给某单位 / 议案建议
// 素材), knowledge-base answers to use, similar cases, and a prominent warning when the matter is
// one deputies must not intervene in (a specific court case, arbitration, bidding). Suggestions
// only: the person decides, with the action panel below.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { TriageView } from '@minyi/types/actions/triage'
import type { CaseView } from '@minyi/types/entities'
import { Button, Card, ErrorText, Loading, Notice, SectionTitle, StatusTag, Tag } from '../../../components'
import { useLoader } from '../../../hooks/useLoader'
import { go, urls } from '../../../services/navigation'
import { shortStationName } from '../../cases/components/CaseListItem'
import { getTriage } from '../api'
import './triage.scss'

/** Commands that decide where a case goes: while one of them is open the panel starts unfolded. */
const DECIDING = ['accept', 'answerOnSite', 'refer', 'transfer', 'markProposal', 'decline']

const copy = (text: string) => {
  // weapp and h5 both show their own "内容已复制" toast.
  void Taro.setClipboardData({ data: text }).catch(() => Taro.showToast({ title: '复制失败，请手动选择文字', icon: 'none' }))
}

function Why({ children, testId }: { children: string; testId?: string }) {
  return (
    <View className='triage__why' data-testid={testId}>
      <View className='triage__why-label'>为什么</View>
      <View className='triage__why-text'>{children}</View>
    </View>
  )
}

function routeText(route: TriageView['route']): string {
  if (route.route === 'transfer') return route.unit ? `转办给 ${route.unit.name}` : '转办给承办单位'
  if (route.route === 'proposal') return '列为议案建议素材'
  return '现场答复'
}

function Intervention({ intervention }: { intervention: NonNullable<TriageView['intervention']> }) {
  return (
    <View className='triage__intervention' data-testid='triage-intervention'>
      <View className='triage__intervention-title'>⚠ 请注意：此事人大代表不得干预</View>
      <View className='triage__intervention-reason'>{intervention.reason}</View>
      <View className='triage__intervention-label'>请这样告知群众：</View>
      <View className='triage__intervention-guidance' data-testid='triage-guidance'>
        {intervention.guidance}
      </View>
      <Button kind='secondary' size='small' onClick={() => copy(intervention.guidance)} testId='copy-guidance'>
        复制告知内容
      </Button>
    </View>
  )
}

function KnowledgeItem({ item, initiallyOpen }: { item: TriageView['knowledge'][number]; initiallyOpen: boolean }) {
  const [open, setOpen] = useState(initiallyOpen)
  return (
    <View className='triage__kb' data-testid='triage-knowledge-item'>
      <View className='triage__kb-head' onClick={() => setOpen((v) => !v)}>
        <View className='triage__kb-title'>《{item.title}》</View>
        <View className='triage__toggle'>{open ? '收起' : '展开阅读'}</View>
      </View>
      <View className='triage__kb-reason'>{item.reason}</View>
      {open ? (
        <View>
          <View className='triage__kb-answer' data-testid='triage-knowledge-answer'>
            {item.answer}
          </View>
          <Button kind='secondary' size='small' onClick={() => copy(item.answer)} testId='copy-answer'>
            复制答复
          </Button>
        </View>
      ) : null}
    </View>
  )
}

function TriageBody({ triage }: { triage: TriageView }) {
  const { category, route } = triage
  return (
    <View>
      {triage.intervention ? <Intervention intervention={triage.intervention} /> : null}

      <View className='triage__block' data-testid='triage-category'>
        <View className='triage__label'>建议分类</View>
        <View className='triage__value'>
          <Tag tone='info' size='large'>
            {category.label}
          </Tag>
          {category.suggested !== category.current ? (
            <View className='triage__note'>群众选的是“{category.currentLabel}”</View>
          ) : (
            <View className='triage__note'>与群众所选一致</View>
          )}
        </View>
        <Why>{category.reason}</Why>
        {category.alternatives.length ? (
          <View className='triage__alternatives'>
            也可能是：{category.alternatives.map((a) => `${a.label}（${a.reason}）`).join('；')}
          </View>
        ) : null}
      </View>

      <View className='triage__block' data-testid='triage-route'>
        <View className='triage__label'>建议去向</View>
        <View className='triage__value triage__value--route'>{routeText(route)}</View>
        <Why testId='triage-route-reason'>{route.reason}</Why>
        <View className='triage__spread'>相似情况：{triage.spread.reason}</View>
      </View>

      <View className='triage__block' data-testid='triage-knowledge'>
        <View className='triage__label'>知识库中的相关答复</View>
        {triage.knowledge.length ? (
          triage.knowledge.map((k, i) => <KnowledgeItem key={k.id} item={k} initiallyOpen={i === 0 && route.route === 'onsite' && !triage.intervention} />)
        ) : (
          <View className='triage__none'>知识库中没有匹配的答复</View>
        )}
      </View>

      <View className='triage__block triage__block--last' data-testid='triage-similar'>
        <View className='triage__label'>相似民意{triage.similar.length ? `（${triage.similar.length}件）` : ''}</View>
        {triage.similar.length ? (
          triage.similar.map((s) => (
            <View key={s.id} className='triage__similar' hoverClass='triage__similar--hover' onClick={() => go(urls.workCase(s.id))} data-testid='triage-similar-item'>
              <View className='triage__similar-text'>{s.excerpt}</View>
              <View className='triage__similar-meta'>
                <Tag tone='neutral'>{s.categoryLabel}</Tag>
                <StatusTag status={s.status} />
                <View className='triage__similar-station'>{shortStationName(s.stationName)}</View>
              </View>
              <View className='triage__similar-reason'>{s.reason}</View>
            </View>
          ))
        ) : (
          <View className='triage__none'>近期没有相似的民意</View>
        )}
      </View>
    </View>
  )
}

export function TriagePanel({ view }: { view: CaseView }) {
  const deciding = view.commands.some((c) => DECIDING.includes(c))
  const [open, setOpen] = useState(deciding)
  const triage = useLoader(() => getTriage(view.id), [view.id, view.category])

  // Not offered to this person (or the case is not theirs to triage): nothing to show.
  if (!triage.loading && !triage.error && !triage.data) return null

  return (
    <View data-testid='triage-panel'>
      <SectionTitle
        extra={
          <View className='triage__toggle' onClick={() => setOpen((v) => !v)} data-testid='triage-toggle'>
            {open ? '收起' : '展开'}
          </View>
        }
      >
        分办建议
      </SectionTitle>
      {triage.data?.intervention && !open ? (
        <Notice tone='danger' title='⚠ 此事人大代表不得干预' testId='triage-intervention-folded'>
          {triage.data.intervention.reason}
        </Notice>
      ) : null}
      {open ? (
        <Card className='triage'>
          <View className='triage__disclaimer' data-testid='triage-disclaimer'>
            以下是系统根据反映内容自动给出的建议，仅供参考，由您决定。
          </View>
          {triage.loading && !triage.data ? <Loading /> : null}
          {triage.error ? (
            <View>
              <ErrorText>{triage.error}</ErrorText>
              <Button kind='plain' size='small' onClick={() => void triage.reload()}>
                重试
              </Button>
            </View>
          ) : null}
          {triage.data ? <TriageBody triage={triage.data} /> : null}
        </Card>
      ) : null}
    </View>
  )
}
