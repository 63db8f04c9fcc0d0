// Small pieces the 民生实事 pages share: a results table, a project row, a toast.
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { ProjectView, ResultsView } from '@minyi/types/livelihoodViews'
import { Tag } from '../../components'
import { go } from '../../services/navigation'
import { livelihoodUrls } from '../../features/livelihood/routes'

export const toast = (title: string) => void Taro.showToast({ title, icon: 'none', duration: 2000 })

export function ResultsTable({ results }: { results: ResultsView }) {
  return (
    <View data-testid='results-table'>
      <View className='lv-muted'>
        应投票代表 {results.electorateSize} 人，已投票 {results.turnout} 人；选出 {results.seats} 项，{results.majorityLabel}（至少 {results.threshold} 票）
      </View>
      {results.rows.map((r) => (
        <View key={r.candidateId} className='lv-item lv-row' data-testid='result-row'>
          <View>
            <View className='lv-title'>{r.title}</View>
            {r.tied ? <View className='lv-overdue'>同票（{results.tie?.votes} 票）</View> : null}
          </View>
          <View>
            <View className='lv-count'>{r.votes} 票</View>
            {r.chosen ? <Tag tone='success'>当选</Tag> : <Tag>未当选</Tag>}
          </View>
        </View>
      ))}
      {results.tie && !results.tieResolution ? (
        <View className='lv-overdue' data-testid='tie-notice'>
          有 {results.tie.candidateIds.length} 个项目同为 {results.tie.votes} 票，争夺剩余 {results.tie.seatsLeft} 个名额，尚待人大机关依规定处理。
        </View>
      ) : null}
      {results.tieResolution ? <View className='lv-muted'>同票处理：{results.tieResolution.note}</View> : null}
    </View>
  )
}

export function ProjectRow({ project }: { project: ProjectView }) {
  const done = project.milestones.filter((m) => m.doneAt).length
  const overdue = project.milestones.filter((m) => m.overdue).length
  return (
    <View className='lv-item' onClick={() => go(livelihoodUrls.project(project.id))} data-testid='project-row'>
      <View className='lv-row'>
        <View className='lv-title'>{project.title}</View>
        <Tag tone={project.status === 'chosen' ? 'success' : 'neutral'}>{project.statusLabel}</Tag>
      </View>
      <View className='lv-muted'>
        {project.unitName} · 预算约 {project.budgetWan} 万元 · {project.timeFrame}
        {project.votes !== null ? ` · 得票 ${project.votes}` : ''}
      </View>
      {project.milestones.length ? (
        <View className='lv-muted'>
          实施节点 {done}/{project.milestones.length} 已完成{overdue ? <View className='lv-overdue'>{overdue} 个节点逾期</View> : null}
        </View>
      ) : null}
    </View>
  )
}
