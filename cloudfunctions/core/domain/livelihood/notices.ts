// What a project's followers (proposers, supporters, residents of its cases) and supervisors are
// told: the in-app message and, where they allowed it, a WeChat push on the existing `progress`
// template (tracking number, subject, status, time, remark — domain/subscribeMessages.ts). The
// values are shortened to WeChat's limits here (`thing` ≤ 20, `phrase` ≤ 5 Chinese characters);
// whoever never allowed `progress` pushes still gets the message (application/notifications/outbox.ts).
import { formatChineseDateTime } from '@minyi/types'
import type { OutboxItem } from '../records'
import { fitTemplateData } from '../subscribeMessages'
import type { ProjectDoc, RoundDoc } from './records'

/** The `phrase` status values a project notice uses (each ≤ 5 Chinese characters). */
export const PROJECT_NOTICE_STATUS = {
  chosen: '票决当选',
  notChosen: '未当选',
  progress: '有新进展',
  milestoneDone: '节点完成',
  overdue: '节点逾期',
} as const
export type ProjectNoticeKind = keyof typeof PROJECT_NOTICE_STATUS

export interface ProjectNotice {
  kind: ProjectNoticeKind
  title: string
  body: string
  /** The push's remark (shortened to 20 characters). */
  remark: string
}

/** The short number a push shows for a project (`character_string`, ≤ 32 ASCII): `MS<year>-<no>`. */
export function projectTrackingNo(round: Pick<RoundDoc, 'year'>, project: Pick<ProjectDoc, 'no'>): string {
  return `MS${round.year}-${project.no}`
}

export function projectLink(projectId: string): string {
  return `/packageLivelihood/pages/project/index?id=${projectId}`
}

/** One follower's outbox item for a project notice, with its `progress` push values. */
export function projectOutboxItem(
  id: string,
  recipientId: string,
  round: Pick<RoundDoc, 'year'>,
  project: Pick<ProjectDoc, '_id' | 'no' | 'title'>,
  notice: ProjectNotice,
  at: string,
): OutboxItem {
  return {
    id,
    recipientId,
    title: notice.title,
    body: notice.body,
    link: projectLink(project._id),
    template: 'progress',
    data: fitTemplateData('progress', {
      trackingNo: projectTrackingNo(round, project),
      subject: project.title,
      status: PROJECT_NOTICE_STATUS[notice.kind],
      time: formatChineseDateTime(at),
      remark: notice.remark,
    }),
    createdAt: at,
  }
}
