// 议案建议: a deputy's own drafts and submitted suggestions (with 新建建议); staff of the congress
// office see what was submitted to them. Opened with `caseId` from a work case page, a deputy
// chooses the draft to add that case to (or starts a new one with it).
import { useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { SUGGESTION_STATUSES, SUGGESTION_STATUS_LABELS, type SuggestionStatus } from '@minyi/types/suggestionStateMachine'
import { Button, ChoiceChips, EmptyState, ErrorText, ErrorView, Loading, Notice, Page } from '../../../components'
import { createSuggestion, listSuggestions, suggestionCommand } from '../../../features/suggestions/api'
import { SuggestionListItem } from '../../../features/suggestions/components/SuggestionListItem'
import { useMe } from '../../../features/session/hooks/useMe'
import { useLoader } from '../../../hooks/useLoader'
import { errorMessage } from '../../../services/api'
import { newRequestId } from '../../../services/requestId'
import { decodeParam, go, PAGES, replace, urls } from '../../../services/navigation'
import { isWorker } from '../../../services/session'
import './index.scss'
import { usePullToRefresh } from '../../../hooks/usePullToRefresh'

const ALL = 'all'
const statusOptions = (deputy: boolean) => [
  { value: ALL, label: '全部' },
  // Staff never see drafts or withdrawn drafts: those stay the deputy's own.
  ...SUGGESTION_STATUSES.filter((value) => deputy || (value !== 'draft' && value !== 'withdrawn')).map((value) => ({ value, label: SUGGESTION_STATUS_LABELS[value] })),
]

export default function SuggestionsPage() {
  const router = useRouter()
  const caseId = decodeParam(router.params.caseId)
  const me = useMe()
  const worker = isWorker(me.data)
  const deputy = me.data?.role === 'deputy'
  const picking = deputy && !!caseId
  const [status, setStatus] = useState<string>(picking ? 'draft' : ALL)
  const list = useLoader(
    worker ? () => listSuggestions(status === ALL ? undefined : (status as SuggestionStatus)) : null,
    [worker, status],
    { refreshOnShow: true },
  )
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const createRequest = useRef<string | null>(null)

  usePullToRefresh(list)

  /** 新建建议: an empty draft (with the case when adding one), opened right away to write it. */
  const create = async () => {
    setError(null)
    setBusy('create')
    createRequest.current ??= newRequestId()
    try {
      const draft = await createSuggestion({ caseIds: picking ? [caseId] : [] }, createRequest.current)
      createRequest.current = null
      if (picking) replace(urls.suggestion(draft.id))
      else go(urls.suggestion(draft.id))
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(null)
    }
  }

  /** Adds the case to the chosen draft, then opens it. */
  const addTo = async (suggestionId: string) => {
    setError(null)
    setBusy(suggestionId)
    try {
      await suggestionCommand.attachCase({ suggestionId, caseId }, newRequestId())
      void Taro.showToast({ title: '已附上', icon: 'success' })
      replace(urls.suggestion(suggestionId))
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(null)
    }
  }

  if (me.data && !worker) {
    return (
      <Page>
        <EmptyState icon='lock' title='议案建议仅供人大代表和工作人员使用' action={<Button block onClick={() => go(PAGES.home)}>回到首页</Button>} />
      </Page>
    )
  }

  const items = (list.data?.suggestions ?? []).filter((s) => !picking || s.status === 'draft')

  return (
    <Page testId='page-suggestions'>
      {me.loading && !me.data ? <Loading /> : null}
      {me.error && !me.data ? <ErrorView message={me.error} onRetry={() => void me.reload()} /> : null}
      {me.data ? (
        <View>
          {picking ? (
            <Notice tone='info' title='加入议案建议' testId='picking-notice'>
              点一份草稿，把这条民意附上去；也可以新建一份。已提交的议案建议不能再附上民意。
            </Notice>
          ) : (
            <View className='suggestions-page__who'>
              {deputy ? `${me.data.name} 代表的议案、建议` : '本辖区代表提交的议案、建议'}
            </View>
          )}
          {deputy ? (
            <View className='suggestions-page__new'>
              <Button kind={picking && items.length ? 'secondary' : 'primary'} size='large' loading={busy === 'create'} disabled={busy !== null} onClick={() => void create()} testId='new-suggestion'>
                {picking ? '新建建议并附上这条民意' : '新建建议'}
              </Button>
            </View>
          ) : null}
          {error ? <ErrorText>{error}</ErrorText> : null}
          {!picking ? (
            <View className='suggestions-page__filters'>
              <ChoiceChips columns={0} size='small' options={statusOptions(deputy)} value={status} onChange={setStatus} testId='filter-suggestion-status' />
            </View>
          ) : null}
          {list.data && !picking ? <View className='suggestions-page__total'>共 {list.data.total} 件</View> : null}
          {list.loading && !list.data ? <Loading /> : null}
          {list.error ? <ErrorView message={list.error} onRetry={() => void list.reload()} /> : null}
          {items.map((item) => (
            <SuggestionListItem
              key={item.id}
              item={item}
              showDeputy={!deputy}
              onClick={() => (picking ? void addTo(item.id) : go(urls.suggestion(item.id)))}
            />
          ))}
          {list.data && !items.length ? (
            <EmptyState
              title={picking ? '没有草稿' : status !== ALL ? '没有这个状态的议案建议' : '还没有议案建议'}
              description={
                picking
                  ? '点上面的按钮新建一份。'
                  : deputy
                    ? '把群众反映的普遍性问题写成建议，提交人大机关交办。'
                    : '代表提交议案、建议后会显示在这里。'
              }
            />
          ) : null}
        </View>
      ) : null}
    </Page>
  )
}
