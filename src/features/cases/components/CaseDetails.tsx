// The parts of a case page, shared by the resident's page and the work page.
import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import type { CaseView } from '@minyi/types/entities'
import { CATEGORY_LABELS, CHANNEL_LABELS, ROUTE_LABELS } from '@minyi/types/enums'
import { Card, InfoRow, Notice, SectionTitle, StatusTag, Timeline } from '../../../components'
import { formatDateTime, formatDueDate } from '../../../utils/format'
import { CasePhotos } from './CasePhotos'
import './cases.scss'
import './photos.scss'

export function CaseHeader({ view }: { view: CaseView }) {
  return (
    <Card testId='case-header'>
      <View className='case-header__row'>
        <View className='case-header__label'>民意编号</View>
        <StatusTag status={view.status} size='large' />
      </View>
      <View className='case-header__no' data-testid='tracking-no'>
        {view.trackingNo}
      </View>
      <View className='case-header__meta'>
        {CATEGORY_LABELS[view.category]} · 提交于 {formatDateTime(view.createdAt)}
      </View>
    </Card>
  )
}

/** What the status means for the person reading, in plain words. */
export function CaseStatusNotice({ view, audience }: { view: CaseView; audience: 'resident' | 'work' }) {
  const due = view.transfer ? formatDueDate(view.transfer.dueDate) : null
  const notices: ReactNode[] = []
  if (view.needsReview && (audience === 'work' || view.status === 'submitted')) {
    notices.push(
      <Notice key='review' tone='warning' title={audience === 'work' ? '⚠ 内容需人工审核' : '内容审核中'} testId='review-notice'>
        {audience === 'work'
          ? '内容安全检查提示该内容可能需要人工确认，请先核实内容再处理。'
          : '您反映的内容需要工作人员审核，审核通过后会尽快处理。'}
      </Notice>,
    )
  }
  switch (view.status) {
    case 'submitted':
      if (audience === 'resident') notices.push(<Notice key='s' tone='info' title='已提交，等待受理'>工作人员会尽快查看并受理，有进展会通知您。</Notice>)
      break
    case 'accepted':
      notices.push(
        <Notice key='s' tone='info' title='已受理'>
          {audience === 'resident' ? '您反映的问题正在处理中。' : '请现场答复、转报人大机关，或列为议案建议素材。'}
        </Notice>,
      )
      break
    case 'referred':
      notices.push(
        <Notice key='s' tone='info' title='代表已提请转办'>
          {audience === 'work' ? '人大代表建议将此事转交承办单位办理，请工作人员处理。' : '人大代表已将您的问题提请转交有关部门办理。'}
        </Notice>,
      )
      break
    case 'forwarded':
      notices.push(
        <Notice key='s' tone='info' title={`已转报${view.handler.name}`} testId='forwarded-notice'>
          {audience === 'resident'
            ? `您反映的问题已报送${view.handler.name}，由其交有关部门办理，有进展会通知您。`
            : `由${view.handler.name}受理，转交承办单位办理并限期答复。`}
        </Notice>,
      )
      break
    case 'transferred':
      notices.push(
        <Notice
          key='s'
          tone={view.deadline?.overdue ? 'warning' : 'info'}
          // The resident's page shows the clock itself (DeadlineClock).
          title={
            audience === 'resident' && view.deadline
              ? '已转交承办单位办理'
              : view.deadline?.kind === 'unit'
                ? view.deadline.text
                : due
                  ? `预计 ${due} 前答复`
                  : '办理中'
          }
          testId='due-notice'
        >
          已转交 {view.transfer?.unitName ?? '承办单位'} 办理
          {view.transfer?.note ? `。转办说明：${view.transfer.note}` : '。'}
        </Notice>,
      )
      break
    case 'replied':
      if (audience === 'resident' && view.canRate) {
        notices.push(<Notice key='s' tone='success' title='已答复，请您评价'>请看下面的答复内容，并告诉我们您是否满意。</Notice>)
      } else if (audience === 'resident' && view.seconded) {
        notices.push(<Notice key='s' tone='success' title='已答复'>请看下面的答复内容。</Notice>)
      } else {
        notices.push(<Notice key='s' tone='success' title='已答复'>已将答复告知群众，等待群众评价。</Notice>)
      }
      break
    case 'proposal':
      notices.push(
        <Notice key='s' tone='info' title='已列为议案建议素材'>
          {audience === 'resident'
            ? '您反映的问题具有普遍性，人大代表将把它作为提出议案、建议的素材，推动从根本上解决。'
            : '此件已作为代表议案、建议的素材。'}
        </Notice>,
      )
      break
    case 'declined':
      notices.push(
        <Notice key='s' tone='warning' title='不予受理' testId='decline-notice'>
          <View className='case-decline__line'>原因：{view.decline?.reason ?? '—'}</View>
          {view.decline?.guidance ? <View className='case-decline__line'>建议您：{view.decline.guidance}</View> : null}
        </Notice>,
      )
      break
    case 'reopened':
      notices.push(
        <Notice key='s' tone='warning' title='重新办理' testId='reopened-notice'>
          {audience === 'resident' && view.seconded ? '反映人对答复不满意，已重新交办，有了新的答复会同样通知您。' : null}
          {audience === 'resident' && !view.seconded ? (
            <View>
              <View>您对答复不满意，已重新交办，我们会再次处理并答复您。</View>
              <View data-testid='reopens-left'>
                {view.reopensLeft > 0
                  ? `如对新的答复仍不满意，还可以再退回重新办理 ${view.reopensLeft} 次。`
                  : '如对新的答复仍不满意，可以提交上一级人大机关办理。'}
              </View>
            </View>
          ) : null}
          {audience === 'work' ? '群众对答复不满意，请重新办理。' : null}
        </Notice>,
      )
      break
    case 'closed':
      notices.push(<Notice key='s' tone='success' title='已办结'>感谢您的评价。</Notice>)
      break
    case 'merged':
      // The work page says into which case, with a link (MergeInfo).
      if (audience === 'work' && view.mergedInto) break
      notices.push(
        <Notice key='s' tone='info' title='已并案办理'>
          {audience === 'resident'
            ? '其他群众也反映了同一个问题，现在合并在一起办理。有了答复，会同样告诉您。'
            : '此件已与同类民意合并办理，主件答复后会一并答复。'}
        </Notice>,
      )
      break
  }
  return <View>{notices}</View>
}

/** The resident's clock: "预计 11月29日 前答复", or in red "已超期 2 天". */
export function DeadlineClock({ view }: { view: CaseView }) {
  const d = view.deadline
  // Only the author rates: a seconder has no rating clock.
  if (!d || (d.kind === 'rate' && !view.canRate)) return null
  return (
    <View className={`deadline-clock ${d.overdue ? 'deadline-clock--overdue' : ''}`} data-testid='deadline-clock' data-overdue={d.overdue ? '1' : '0'}>
      <View className='deadline-clock__label'>{d.label}</View>
      <View className='deadline-clock__text' data-testid='deadline-text'>
        {d.overdue ? '⚠ ' : ''}
        {d.text}
      </View>
      {d.overdue ? <View className='deadline-clock__note'>已超过规定的办理时间，我们会督促尽快办理。</View> : null}
      {d.complex && !d.overdue ? <View className='deadline-clock__note'>这件事情况较复杂，办理时间会长一些。</View> : null}
      {d.extension ? <View className='deadline-clock__note'>办理时间已延长，原因：{d.extension.reason}</View> : null}
    </View>
  )
}

export function CaseReplies({ view }: { view: CaseView }) {
  if (!view.replies.length) return null
  return (
    <View data-testid='replies'>
      <SectionTitle>答复</SectionTitle>
      {view.replies.map((reply) => (
        <Card key={reply.id} className='case-reply'>
          <View className='case-reply__text'>{reply.text}</View>
          <View className='case-reply__meta'>
            {reply.from} · {formatDateTime(reply.at)}
          </View>
        </Card>
      ))}
    </View>
  )
}

interface CaseContentProps {
  view: CaseView
  /** Replaces the masked phone row, e.g. with a 查看完整电话 button on the work page. */
  phone?: ReactNode
  audience: 'resident' | 'work'
}

export function CaseContent({ view, phone, audience }: CaseContentProps) {
  return (
    <View>
      <SectionTitle>反映内容</SectionTitle>
      <Card testId='case-content'>
        {view.raisedBy > 1 ? (
          <View className='raised-by' data-testid='raised-by'>
            {view.raisedBy} 位群众反映了这个问题
          </View>
        ) : null}
        <View className='case-content__text'>{view.content}</View>
        <CasePhotos view={view} audience={audience} />
        <View className='case-content__rows'>
          <InfoRow label='问题类别'>{CATEGORY_LABELS[view.category]}</InfoRow>
          {view.place ? <InfoRow label='地点'>{view.place}</InfoRow> : null}
          {phone ?? (view.phoneMasked ? <InfoRow label='联系电话'>{view.phoneMasked}</InfoRow> : null)}
          <InfoRow label='家站点'>{view.stationName}</InfoRow>
          {view.deputy ? <InfoRow label='反映给'>{view.deputy.name} 代表</InfoRow> : null}
          {audience === 'work' ? <InfoRow label='来源'>{CHANNEL_LABELS[view.channel]}</InfoRow> : null}
          {audience === 'work' && view.route ? <InfoRow label='办理方式'>{ROUTE_LABELS[view.route]}</InfoRow> : null}
          {audience === 'work' && view.phoneMasked ? (
            <InfoRow label='代表可见电话'>{view.phoneVisibleToDeputy ? '群众允许代表查看' : '群众未允许代表查看'}</InfoRow>
          ) : null}
          {audience === 'work' && view.transfer && view.status === 'transferred' ? (
            <InfoRow label='承办单位'>
              {view.transfer.unitName}（限 {formatDueDate(view.transfer.dueDate)} 前）
            </InfoRow>
          ) : null}
        </View>
      </Card>
    </View>
  )
}

export function CaseTimeline({ view }: { view: CaseView }) {
  return (
    <View>
      <SectionTitle>办理进度</SectionTitle>
      <Card>
        <Timeline entries={view.timeline} />
      </Card>
    </View>
  )
}
