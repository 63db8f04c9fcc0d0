// The resident's case page: where it stands and by when, the timeline, the replies, and the rating.
// A resident who seconded (附议) the case sees the same page with what a seconder may see.
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button, EmptyState, ErrorView, Loading, Notice, Page } from '../../components'
import { ContactStaffRow } from '../../features/a11y/ContactStaffRow'
import { getCase } from '../../features/cases/api'
import { CaseContent, CaseHeader, CaseReplies, CaseStatusNotice, CaseTimeline, DeadlineClock } from '../../features/cases/components/CaseDetails'
import { RatingForm, RatingResult } from '../../features/cases/components/RatingForm'
import { useSignedIn } from '../../features/session/hooks/useSignedIn'
import { useLoader } from '../../hooks/useLoader'
import { decodeParam, go, PAGES, urls } from '../../services/navigation'
import { isWorker, peekMe } from '../../services/session'
import './index.scss'
import { usePullToRefresh } from '../../hooks/usePullToRefresh'

export default function CasePage() {
  const router = useRouter()
  const id = decodeParam(router.params.id)
  const justSubmitted = decodeParam(router.params.submitted)
  const needsReview = router.params.review === '1'
  const signedIn = useSignedIn()
  const view = useLoader(signedIn && id ? () => getCase(id) : null, [signedIn, id], { refreshOnShow: true })
  const data = view.data

  usePullToRefresh(view)

  if (!id) {
    return (
      <Page>
        <EmptyState title='没有指定民意' action={<Button onClick={() => go(PAGES.mine)}>查看我的民意</Button>} />
      </Page>
    )
  }

  return (
    <Page testId='page-case'>
      {justSubmitted ? (
        <Notice tone='success' title='提交成功' testId='submitted-banner'>
          <View>您的民意编号是</View>
          <View className='case-page__tracking' data-testid='submitted-tracking-no'>
            {justSubmitted}
          </View>
          <View>请记下这个编号。办理有进展时会通知您，也可以在“我的”里随时查看。</View>
          {needsReview ? <View className='case-page__review'>您反映的内容需要工作人员审核，审核通过后会尽快处理。</View> : null}
        </Notice>
      ) : null}

      {view.loading && !data ? <Loading /> : null}
      {view.error && !data ? <ErrorView message={view.error} onRetry={() => void view.reload()} /> : null}

      {data ? (
        <View>
          <CaseHeader view={data} />
          {data.seconded ? (
            <Notice tone='success' title='您已附议' testId='seconded-notice'>
              {data.raisedBy > 1 ? `共有 ${data.raisedBy} 位群众反映了这个问题。` : ''}办理有进展时，会和反映人一样通知您，也可以在“我的”里随时查看。
            </Notice>
          ) : null}
          <CaseStatusNotice view={data} audience='resident' />
          <DeadlineClock view={data} />
          <CaseReplies view={data} />
          {data.canRate ? <RatingForm view={data} onRated={(updated) => view.setData(updated)} /> : null}
          {data.rating ? <RatingResult rating={data.rating} title='您的评价' /> : null}
          <CaseContent view={data} audience='resident' />
          <CaseTimeline view={data} />
          {isWorker(peekMe()) ? (
            <Button kind='secondary' block onClick={() => go(urls.workCase(data.id))}>
              到工作台办理
            </Button>
          ) : null}
        </View>
      ) : null}
      <ContactStaffRow stationId={data?.stationId} />
    </Page>
  )
}
