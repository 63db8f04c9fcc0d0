// The case panel of packageWork (page and desk column). A case as a deputy or staff member handles it: the same details as the resident's page, the
// full phone on request, who holds it and its time limit, and the actions this person may take now.
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button, EmptyState, ErrorView, Loading, Page } from '../../components'
import { getCase } from '../../features/cases/api'
import { CaseContent, CaseHeader, CaseReplies, CaseStatusNotice, CaseTimeline } from '../../features/cases/components/CaseDetails'
import { RatingResult } from '../../features/cases/components/RatingForm'
import { ActionPanel } from '../../features/cases/components/work/ActionPanel'
import { HandlingCard, MergeInfo } from '../../features/cases/components/work/HandlingCard'
import { PhoneReveal } from '../../features/cases/components/work/PhoneReveal'
import { TriagePanel } from '../../features/triage/components/TriagePanel'
import { useSignedIn } from '../../features/session/hooks/useSignedIn'
import { CaseSuggestions } from '../../features/suggestions/components/CaseSuggestions'
import { CasesToProposal } from '../../features/livelihood/components/CasesToProposal'
import { useLoader } from '../../hooks/useLoader'
import { go, goBackOr, PAGES } from '../../services/navigation'
import { AssistedReceiptButton } from './AssistedReceiptButton'
import { usePullToRefresh } from '../../hooks/usePullToRefresh'

/** The case panel: the full page on a phone, the right column of the inbox on a desk. */
export function WorkCaseView({ id, testId = 'page-work-case', embedded = false }: { id: string; testId?: string; embedded?: boolean }) {
  const signedIn = useSignedIn()
  const view = useLoader(signedIn && id ? () => getCase(id) : null, [signedIn, id], { refreshOnShow: true })
  const data = view.data

  usePullToRefresh(view)
  const Frame = embedded ? EmbeddedFrame : Page

  if (!id) {
    return (
      <Page>
        <EmptyState title='没有指定民意' action={<Button onClick={() => go(PAGES.inbox)}>回到工作台</Button>} />
      </Page>
    )
  }

  return (
    <Frame testId={testId}>
      {view.loading && !data ? <Loading /> : null}
      {view.error && !data ? (
        <ErrorView
          message={view.error}
          onRetry={() => void view.reload()}
          action={
            <Button kind='plain' block onClick={() => goBackOr(PAGES.inbox)}>
              回到工作台
            </Button>
          }
        />
      ) : null}
      {data ? (
        <View>
          <CaseHeader view={data} />
          {data.channel === 'walk_in' || data.channel === 'phone_call' ? <AssistedReceiptButton caseId={data.id} /> : null}
          <CaseStatusNotice view={data} audience='work' />
          <HandlingCard view={data} />
          <MergeInfo view={data} />
          <CaseContent view={data} audience='work' phone={data.phoneMasked ? <PhoneReveal view={data} /> : undefined} />
          <TriagePanel view={data} />
          <ActionPanel
            view={data}
            onChanged={(updated) => {
              view.setData(updated)
              void Taro.pageScrollTo({ scrollTop: 0, duration: 200 }).catch(() => undefined)
            }}
          />
          <CaseReplies view={data} />
          {data.rating ? <RatingResult rating={data.rating} /> : null}
          <CaseSuggestions view={data} />
          <CasesToProposal caseIds={[data.id]} description={data.content} />
          <CaseTimeline view={data} />
        </View>
      ) : null}
    </Frame>
  )
}

function EmbeddedFrame({ children, testId }: { children: React.ReactNode; testId?: string }) {
  return (
    <View className='work-case--embedded' data-testid={testId}>
      {children}
    </View>
  )
}
