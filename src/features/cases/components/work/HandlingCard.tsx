// 分级负责 and time limits on the work page: who holds the case now, the clock it runs against
// (red once overdue), and 并案 links both ways. Everything shown comes from `case.get`.
import { View } from '@tarojs/components'
import { OPEN_STATUSES } from '@minyi/types/caseStateMachine'
import type { CaseView } from '@minyi/types/entities'
import { shanghaiTime } from '@minyi/types/time'
import { Card, Notice, SectionTitle, Tag } from '../../../../components'
import { go, urls } from '../../../../services/navigation'
import { formatCalendarDay, formatDate, formatDueDate } from '../../../../utils/format'
import './work.scss'

/** Limits counted by the hour run out at a time of day, the others at the end of a day. */
const HOURLY = new Set(['accept', 'rate'])

export function HandlingCard({ view }: { view: CaseView }) {
  const deadline = view.deadline
  const open = OPEN_STATUSES.includes(view.status)
  if (!deadline && !open) return null
  return (
    <View data-testid='handling-card'>
      <SectionTitle>办理期限</SectionTitle>
      <Card>
        {deadline ? (
          <View data-testid='deadline'>
            <View className='handling-card__row'>
              <View className='handling-card__label'>{deadline.label}</View>
            </View>
            <View className={`handling-card__due ${deadline.overdue ? 'handling-card__due--overdue' : ''}`} data-testid='deadline-due'>
              {formatCalendarDay(deadline.dueDate)}
              {HOURLY.has(deadline.kind) ? ` ${shanghaiTime(deadline.dueAt)}` : ''}
            </View>
            {/* "已超期 N 天" in red; "请于…前评价" says what happens then; "预计…前答复" would only repeat the date. */}
            {deadline.overdue || deadline.kind === 'rate' ? (
              <View
                className={`handling-card__text ${deadline.overdue ? 'handling-card__text--overdue' : ''}`}
                data-testid={deadline.overdue ? 'deadline-overdue' : 'deadline-text'}
              >
                {deadline.text}
              </View>
            ) : null}
            {deadline.complex || deadline.extension ? (
              <View className='handling-card__tags'>
                {deadline.complex ? (
                  <View className='handling-card__tag'>
                    <Tag tone='warning' testId='deadline-complex'>
                      复杂事项
                    </Tag>
                  </View>
                ) : null}
                {deadline.extension ? (
                  <View className='handling-card__tag'>
                    <Tag tone='info'>已延期</Tag>
                  </View>
                ) : null}
              </View>
            ) : null}
            {deadline.extension ? (
              <View className='handling-card__extension' data-testid='deadline-extension'>
                原期限 {formatDueDate(deadline.extension.fromDate)}，{formatDate(deadline.extension.at)} 延长。理由：{deadline.extension.reason}
              </View>
            ) : null}
          </View>
        ) : null}
        <View className={deadline ? 'handling-card__holder' : ''} data-testid='handler'>
          <View className='handling-card__label'>现在由谁办理</View>
          <View className='handling-card__holder-name'>
            {view.handler.name}
          </View>
          {view.transfer && view.status === 'transferred' ? (
            <View className='handling-card__holder-hint'>承办单位：{view.transfer.unitName}</View>
          ) : null}
        </View>
      </Card>
    </View>
  )
}

/** 并案 both ways: the case this one follows, and the cases that follow this one. */
export function MergeInfo({ view }: { view: CaseView }) {
  const into = view.mergedInto
  return (
    <View>
      {into ? (
        <Notice tone='info' title={`已并入 ${into.trackingNo} 办理`} testId='merged-into'>
          <View>主件现在的状态：{into.statusLabel}。主件答复后，本件群众会单独收到答复。</View>
          {into.caseId ? (
            <View className='merge-link' data-testid='merged-into-link' onClick={() => go(urls.workCase(into.caseId!))}>
              查看主件 {into.trackingNo} ›
            </View>
          ) : null}
        </Notice>
      ) : null}
      {view.mergedCases.length ? (
        <View data-testid='merged-cases'>
          <SectionTitle extra={`${view.mergedCases.length} 件`}>并入本件的民意</SectionTitle>
          <Card>
            {view.mergedCases.map((c) => (
              <View key={c.id} className='merged-case' onClick={() => go(urls.workCase(c.id))}>
                <View className='merged-case__head'>
                  <View>{c.trackingNo} ›</View>
                  <View className='merged-case__status'>{c.statusLabel}</View>
                </View>
                <View className='merged-case__excerpt'>{c.excerpt}</View>
              </View>
            ))}
          </Card>
        </View>
      ) : null}
    </View>
  )
}
