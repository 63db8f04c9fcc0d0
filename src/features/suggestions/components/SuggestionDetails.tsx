// The read-only parts of the suggestion page: header, what happens next, text, how it is being
// handled (assignment, answers, ratings, deadlines), the history.
import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import type { SuggestionView } from '@minyi/types/suggestionViews'
import { Card, InfoRow, Notice, SectionTitle, Tag, Timeline } from '../../../components'
import { formatDateTime, formatDueDate } from '../../../utils/format'
import { DeadlineText } from './DeadlineText'
import { SuggestionStatusTag } from './SuggestionStatusTag'
import './suggestions.scss'

export function SuggestionHeader({ view }: { view: SuggestionView }) {
  return (
    <Card testId='suggestion-header'>
      <View className='suggestion-header__row'>
        <Tag tone='primary' size='large'>
          {view.kindLabel}
        </Tag>
        <SuggestionStatusTag status={view.status} size='large' />
      </View>
      {view.no ? (
        <View className='suggestion-header__no' data-testid='suggestion-no'>
          {view.no}
        </View>
      ) : null}
      <View className={`suggestion-header__title ${view.title ? '' : 'suggestion-item__title--empty'}`} data-testid='suggestion-heading'>
        {view.title || '（还没有填写标题）'}
      </View>
      <View className='suggestion-header__meta'>
        {view.deputy.name} 代表{view.office ? ` · ${view.submittedAt ? '' : '将'}提交${view.office.name}` : ''}
      </View>
      <View className='suggestion-header__meta'>
        {view.submittedAt ? `提交于 ${formatDateTime(view.submittedAt)}` : `起草于 ${formatDateTime(view.createdAt)}`}
      </View>
      {view.deadline ? <DeadlineText deadline={view.deadline} /> : null}
    </Card>
  )
}

/** What the status means for the person reading it, and what they are expected to do. */
export function SuggestionNotice({ view, role }: { view: SuggestionView; role: string }) {
  const deputy = role === 'deputy'
  const can = (command: string) => view.commands.includes(command)
  let notice: ReactNode = null
  switch (view.status) {
    case 'draft':
      notice = (
        <Notice tone='info' title='草稿，尚未提交'>
          写好标题和正文，附上群众反映的民意作为依据，再提交人大机关。提交前只有您本人能看到。
        </Notice>
      )
      break
    case 'submitted':
      notice = (
        <Notice tone='info' title='已提交，等待交办'>
          {can('assign') ? '请登记交办的承办单位。' : '人大机关将把它交给有关承办单位办理。附上民意的群众已收到通知。'}
        </Notice>
      )
      break
    case 'assigned':
    case 'rehandling':
      notice = (
        <Notice tone='info' title={view.status === 'rehandling' ? '重新办理中' : '承办单位办理中'}>
          {can('recordAnswer') ? '承办单位答复后，请在下面登记答复内容，群众会同时收到。' : '承办单位答复后，您和附上民意的群众都会收到消息。'}
        </Notice>
      )
      break
    case 'answered':
      notice = (
        <Notice tone='success' title='承办单位已答复'>
          {deputy ? '请看下面的答复，并告诉我们您是否满意。' : '等待代表对答复作出满意度评价。'}
        </Notice>
      )
      break
    case 'closed':
      notice =
        view.ratings[view.ratings.length - 1]?.value === 'unsatisfied' ? (
          <Notice tone='warning' title='已办结，代表不满意已存档'>
            重新办理后代表仍不满意，意见已存档。答复已告知每位附上民意的群众。
          </Notice>
        ) : (
          <Notice tone='success' title='已办结'>
            答复已告知每位附上民意的群众。
          </Notice>
        )
      break
    case 'withdrawn':
      notice = <Notice tone='warning' title='已撤回'>这份草稿已撤回，没有提交。</Notice>
      break
  }
  return <View data-testid='suggestion-notice'>{notice}</View>
}

export function SuggestionBody({ view }: { view: SuggestionView }) {
  return (
    <View>
      <SectionTitle>正文</SectionTitle>
      <Card testId='suggestion-body'>
        <View className='suggestion-body__text'>{view.body || '（还没有填写正文）'}</View>
      </Card>
    </View>
  )
}

/** Assignment, answers, ratings and deadlines: shown once there is any of it. */
export function SuggestionProgress({ view }: { view: SuggestionView }) {
  const { assignment, answers, ratings, deadlines, fanOut } = view
  if (view.status === 'draft' || view.status === 'withdrawn') return null
  return (
    <View data-testid='suggestion-progress'>
      <SectionTitle>办理情况</SectionTitle>
      <Card>
        {deadlines.assignBy ? (
          <InfoRow label='交办期限'>
            {formatDueDate(deadlines.assignBy)}
            {deadlines.assignedAt ? `（${formatDateTime(deadlines.assignedAt)} 已交办）` : ''}
          </InfoRow>
        ) : null}
        {assignment ? (
          <InfoRow label='承办单位' testId='assigned-units'>
            {assignment.units.map((u) => u.name).join('、')}
          </InfoRow>
        ) : null}
        {assignment?.note ? <InfoRow label='交办说明'>{assignment.note}</InfoRow> : null}
        {deadlines.answerBy ? (
          <InfoRow label='答复期限'>
            {formatDueDate(deadlines.answerBy)}
            {/* While re-handling, the earlier answer's time is not an answer to this deadline. */}
            {deadlines.answeredAt && view.status !== 'rehandling' ? `（${formatDateTime(deadlines.answeredAt)} 已答复）` : ''}
          </InfoRow>
        ) : null}
        {fanOut.total ? (
          <InfoRow label='通知群众' testId='fan-out'>
            {fanOut.pending ? `正在通知，已通知 ${fanOut.informed}/${fanOut.total} 件` : `已通知 ${fanOut.informed}/${fanOut.total} 件`}
          </InfoRow>
        ) : null}
        {!assignment ? <View className='suggestion-muted'>还没有交办承办单位。</View> : null}
      </Card>
      {answers.length ? (
        <View data-testid='suggestion-answers'>
          <SectionTitle>承办单位答复</SectionTitle>
          {answers.map((answer) => (
            <Card key={answer.id} className='suggestion-answer'>
              {answer.round > 1 ? <View className='suggestion-answer__round'>重新办理后的答复</View> : null}
              <View className='suggestion-answer__text'>{answer.text}</View>
              <View className='suggestion-answer__meta'>
                {answer.unitName ?? '承办单位'} · {formatDateTime(answer.at)}
              </View>
            </Card>
          ))}
        </View>
      ) : null}
      {ratings.length ? (
        <View data-testid='suggestion-ratings'>
          <SectionTitle>代表满意度</SectionTitle>
          <Card>
            {ratings.map((rating, index) => (
              <View key={`${rating.at}-${index}`} className='suggestion-rating'>
                <View className='suggestion-rating__value'>
                  {rating.label}
                  {rating.round > 1 ? '（重新办理后）' : ''}
                </View>
                {rating.comment ? <View className='suggestion-rating__comment'>{rating.comment}</View> : null}
                <View className='suggestion-answer__meta'>
                  {rating.by} · {formatDateTime(rating.at)}
                </View>
              </View>
            ))}
          </Card>
        </View>
      ) : null}
    </View>
  )
}

export function SuggestionTimeline({ view }: { view: SuggestionView }) {
  // The shared Timeline reads only what happened, who, when and the note.
  const entries = view.timeline.map((e) => ({ ...e, from: null, to: null }))
  return (
    <View data-testid='suggestion-timeline'>
      <SectionTitle>办理记录</SectionTitle>
      <Card>
        <Timeline entries={entries} />
      </Card>
    </View>
  )
}
