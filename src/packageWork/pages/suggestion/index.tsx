// One 议案/建议: the deputy drafts it (text, cases as evidence), submits it; the congress office
// records the assignment and the units' answer; the deputy rates the answer. What this person may
// do now comes from the server (`commands` of `suggestion.get`).
import { useRef } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { SuggestionView } from '@minyi/types/suggestionViews'
import { Button, Card, EmptyState, ErrorText, ErrorView, Loading, Page, SectionTitle } from '../../../components'
import { getSuggestion } from '../../../features/suggestions/api'
import { AttachedCases } from '../../../features/suggestions/components/AttachedCases'
import { DraftEditor, type DraftEditorHandle } from '../../../features/suggestions/components/DraftEditor'
import { AnswerForm, AssignForm, RateForm } from '../../../features/suggestions/components/OfficeForms'
import {
  SuggestionBody,
  SuggestionHeader,
  SuggestionNotice,
  SuggestionProgress,
  SuggestionTimeline,
} from '../../../features/suggestions/components/SuggestionDetails'
import { useSuggestionCommand } from '../../../features/suggestions/useSuggestionCommand'
import { useMe } from '../../../features/session/hooks/useMe'
import { useSignedIn } from '../../../features/session/hooks/useSignedIn'
import { useLoader } from '../../../hooks/useLoader'
import '../../../features/suggestions/components/suggestions.scss'
import { decodeParam, goBackOr, PAGES } from '../../../services/navigation'
import { usePullToRefresh } from '../../../hooks/usePullToRefresh'

export default function SuggestionPage() {
  const router = useRouter()
  const id = decodeParam(router.params.id)
  const signedIn = useSignedIn()
  const me = useMe()
  const view = useLoader(signedIn && id ? () => getSuggestion(id) : null, [signedIn, id], { refreshOnShow: true })
  const data = view.data
  const editor = useRef<DraftEditorHandle | null>(null)
  const command = useSuggestionCommand((updated: SuggestionView) => view.setData(updated))
  const { busy, errorOf, fieldErrors, touched, run } = command

  usePullToRefresh(view)

  if (!id) {
    return (
      <Page>
        <EmptyState title='没有指定议案建议' action={<Button onClick={() => goBackOr(PAGES.suggestions)}>回到议案建议</Button>} />
      </Page>
    )
  }

  const can = (name: string) => !!data?.commands.includes(name)
  const role = me.data?.role ?? ''

  const submit = async () => {
    if (!data) return
    // Unsaved text is saved first, so what is submitted is what the deputy sees.
    const changes = editor.current?.changes() ?? {}
    if (Object.keys(changes).length) {
      const saved = await run('update', { suggestionId: data.id, ...changes }, '')
      if (!saved) return
    }
    const submitted = await run('submit', { suggestionId: data.id }, '已提交', {
      title: '提交人大机关',
      content: `提交后不能再修改。附上的 ${data.cases.length} 条民意，反映人都会收到“已纳入代表建议”的消息。确定提交吗？`,
      confirmText: '提交',
    })
    if (submitted) void Taro.pageScrollTo({ scrollTop: 0, duration: 200 }).catch(() => undefined)
  }

  const withdraw = () => {
    if (!data) return
    void run('withdraw', { suggestionId: data.id }, '已撤回', { title: '撤回草稿', content: '撤回后这份草稿不能再修改或提交。确定撤回吗？', confirmText: '撤回' })
  }

  const officePanel = data && (can('assign') || can('recordAnswer') || can('rate'))

  return (
    <Page testId='page-suggestion'>
      {view.loading && !data ? <Loading /> : null}
      {view.error && !data ? (
        <ErrorView
          message={view.error}
          onRetry={() => void view.reload()}
          action={
            <Button kind='plain' block onClick={() => goBackOr(PAGES.suggestions)}>
              回到议案建议
            </Button>
          }
        />
      ) : null}
      {data ? (
        <View>
          <SuggestionHeader view={data} />
          <SuggestionNotice view={data} role={role} />
          {can('update') ? (
            <DraftEditor
              key={data.id}
              view={data}
              busy={busy === 'update'}
              fieldErrors={fieldErrors}
              onTouched={touched}
              onSave={(changes) => void run('update', { suggestionId: data.id, ...changes }, '已保存')}
              handle={editor}
            />
          ) : (
            <SuggestionBody view={data} />
          )}
          {errorOf('update') ? <ErrorText>{errorOf('update')}</ErrorText> : null}
          <AttachedCases
            view={data}
            busy={busy !== null}
            onAttach={(caseId) => run('attachCase', { suggestionId: data.id, caseId }, '已附上')}
            onDetach={(item) =>
              void run('detachCase', { suggestionId: data.id, caseId: item.id }, '已移除', {
                title: '移除民意',
                content: `确定不再附上 ${item.trackingNo} 吗？`,
                confirmText: '移除',
              })
            }
          />
          {errorOf('attachCase', 'detachCase') ? <ErrorText>{errorOf('attachCase', 'detachCase')}</ErrorText> : null}
          {can('submit') || can('withdraw') ? (
            <View className='suggestion-page__draft-actions' data-testid='draft-actions'>
              {errorOf('submit', 'withdraw') ? <ErrorText>{errorOf('submit', 'withdraw')}</ErrorText> : null}
              {can('submit') ? (
                <Button kind='primary' size='large' loading={busy === 'submit'} disabled={busy !== null && busy !== 'submit'} onClick={() => void submit()} testId='submit-suggestion'>
                  提交人大机关
                </Button>
              ) : null}
              {can('withdraw') ? (
                <View className='suggestion-page__withdraw'>
                  <Button kind='plain' block loading={busy === 'withdraw'} onClick={withdraw} testId='withdraw-suggestion'>
                    撤回草稿
                  </Button>
                </View>
              ) : null}
            </View>
          ) : null}
          <SuggestionProgress view={data} />
          {officePanel ? (
            <View data-testid='suggestion-actions'>
              <SectionTitle>{role === 'deputy' ? '评价答复' : '办理'}</SectionTitle>
              <Card>
                {can('assign') ? <AssignForm view={data} command={command} /> : null}
                {can('recordAnswer') ? <AnswerForm key={`answer-${data.answers.length}`} view={data} command={command} /> : null}
                {can('rate') ? <RateForm key={`rate-${data.ratings.length}`} view={data} command={command} onBehalf={role !== 'deputy'} /> : null}
              </Card>
            </View>
          ) : null}
          <SuggestionTimeline view={data} />
        </View>
      ) : null}
    </Page>
  )
}
