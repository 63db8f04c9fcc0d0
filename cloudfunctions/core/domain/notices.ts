// What a resident is told when their case changes: the in-app message and the subscribe-message
// values. Written into the case's outbox by the same update that makes the change.
import { CASE_TRANSITIONS, formatChineseDateTime, formatMonthDay, type CaseCommand } from '@minyi/types'
import type { CaseDoc, CaseEvent, OutboxItem } from './records'
import { fitTemplateData, type TemplateKey } from './subscribeMessages'

export interface NoticeDetails {
  unitName?: string
  dueDate?: string
  answer?: string
  reason?: string
  guidance?: string
  /** 并案: the tracking number of the case this one now follows. */
  primaryTrackingNo?: string
  /** 议案/建议 the case is taken into. */
  suggestionTitle?: string
  deputyName?: string
  kindLabel?: string
  /** 分级负责: the congress office the case went to (forward, escalate). */
  officeName?: string
}

interface NoticeText {
  title: string
  body: string
  status: string
  remark: string
}

/** Ends a clause with exactly one full stop, whatever punctuation it came with. */
const sentence = (text: string) => `${text.trim().replace(/[。；;，,.!！\s]+$/u, '')}。`

const excerpt = (text: string, length: number) => {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim())
  return chars.length <= length ? chars.join('') : `${chars.slice(0, length).join('')}…`
}

function noticeText(command: CaseCommand, c: CaseDoc, d: NoticeDetails): NoticeText | null {
  const no = c.trackingNo
  switch (command) {
    case 'accept':
      return { title: '您反映的民意已受理', body: `编号 ${no} 已受理，我们会尽快办理并答复您。`, status: '已受理', remark: '我们会尽快办理并答复您' }
    case 'transfer': {
      const due = d.dueDate ? `，预计${formatMonthDay(d.dueDate)}前答复` : ''
      return {
        title: '您反映的民意已转办',
        body: `编号 ${no} 已转${d.unitName ?? '承办单位'}办理${due}。`,
        status: '办理中',
        remark: `已转${d.unitName ?? '承办单位'}办理${due}`,
      }
    }
    case 'answerOnSite':
    case 'recordUnitAnswer':
      return {
        title: '您反映的民意有了答复',
        body: `编号 ${no} 的答复：${excerpt(d.answer ?? '', 60)} 请进入小程序查看并评价。`,
        status: '已答复',
        remark: '请进入小程序查看答复并评价',
      }
    case 'decline':
      return {
        title: '您反映的事项不予受理',
        body: `编号 ${no}：${sentence(d.reason ?? '')}建议途径：${sentence(d.guidance ?? '')}`,
        status: '不予受理',
        remark: excerpt(`建议：${d.guidance ?? ''}`, 18),
      }
    case 'forward':
      return {
        title: '您反映的民意已转报人大机关',
        body: `编号 ${no} 已转报${d.officeName ?? '人大机关'}办理，我们会跟进并答复您。`,
        status: '转报办理',
        remark: `已转报${d.officeName ?? '人大机关'}办理`,
      }
    case 'extend': {
      const due = d.dueDate ? `，预计${formatMonthDay(d.dueDate)}前答复` : ''
      return {
        title: '您反映的民意办理期限已延长',
        body: `编号 ${no}：${d.unitName ?? '承办单位'}申请延期办理${due}。`,
        status: '延期办理',
        remark: `${d.unitName ?? '承办单位'}延期办理${due}`,
      }
    }
    case 'escalate':
      return {
        title: '您的民意已提交上级人大机关办理',
        body: `编号 ${no}：您对答复仍不满意，已提交${d.officeName ?? '上级人大机关'}办理，我们会再次答复您。`,
        status: '提级办理',
        remark: `已提交${d.officeName ?? '上级人大机关'}办理`,
      }
    case 'autoClose':
      return {
        title: '您反映的民意已办结',
        body: `编号 ${no} 答复后未在评价期限内评价，已自动办结。如仍有问题，欢迎再次反映。`,
        status: '已办结',
        remark: '未在期限内评价，已自动办结',
      }
    case 'reopen':
      return { title: '您的民意已重新办理', body: `编号 ${no}：您对答复不满意，已重新交办，我们会再次答复您。`, status: '重新办理', remark: '已重新交办，将再次答复您' }
    case 'markProposal':
      return {
        title: '您的民意已列入议案建议素材',
        body: `编号 ${no} 反映的问题具有普遍性，已列为代表议案建议的素材，办理结果会告知您。`,
        status: '列入建议',
        remark: '已列为代表议案建议素材',
      }
    case 'merge':
      return {
        title: '您反映的民意已并案办理',
        body: `编号 ${no} 与编号 ${d.primaryTrackingNo ?? ''} 反映的是同一问题，已并案办理，办理结果会单独答复您。`,
        status: '并案办理',
        remark: '与同一问题一并办理，结果单独答复您',
      }
    case 'mergedReply':
    case 'suggestionAnswered':
      return {
        title: '您反映的民意有了答复',
        body: `编号 ${no} 的答复：${excerpt(d.answer ?? '', 60)} 请进入小程序查看并评价。`,
        status: '已答复',
        remark: '请进入小程序查看答复并评价',
      }
    case 'mergedDecline':
      return {
        title: '您反映的事项不予受理',
        body: `编号 ${no}：${sentence(d.reason ?? '')}建议途径：${sentence(d.guidance ?? '')}`,
        status: '不予受理',
        remark: excerpt(`建议：${d.guidance ?? ''}`, 18),
      }
    case 'includeInSuggestion':
      return {
        title: '您的民意已纳入代表建议',
        body: `编号 ${no} 反映的问题已由${d.deputyName ?? ''}代表纳入${d.kindLabel ?? '建议'}《${d.suggestionTitle ?? ''}》，已提交人大机关，办理结果会告知您。`,
        status: '纳入建议',
        remark: `已纳入代表${d.kindLabel ?? '建议'}，结果会告知您`,
      }
    default:
      return null
  }
}

/** The resident's notice for a command, or null when the resident need not be told. */
export function residentNotice(
  c: CaseDoc,
  command: CaseCommand,
  event: CaseEvent,
  details: NoticeDetails,
): OutboxItem | null {
  const template: TemplateKey | null = CASE_TRANSITIONS[command].notice
  const text = noticeText(command, c, details)
  if (!template || !text) return null
  return residentOutboxItem(c, event, template, { ...text, summary: details.answer ?? text.body })
}

/** The outbox item telling the case's resident `text`, as a message and as a subscribe message. */
export function residentOutboxItem(
  c: CaseDoc,
  event: CaseEvent,
  template: TemplateKey,
  text: { title: string; body: string; status: string; remark: string; summary?: string },
): OutboxItem {
  const time = formatChineseDateTime(event.at)
  const data: Record<string, string> =
    template === 'reply'
      ? { trackingNo: c.trackingNo, subject: c.content, summary: text.summary ?? text.body, time, remark: text.remark }
      : { trackingNo: c.trackingNo, subject: c.content, status: text.status, time, remark: text.remark }
  return {
    id: `${event.id}-r`,
    recipientId: c.residentId,
    title: text.title,
    body: text.body,
    link: `/pages/case/index?id=${c._id}`,
    template,
    data: fitTemplateData(template, data),
    createdAt: event.at,
  }
}
