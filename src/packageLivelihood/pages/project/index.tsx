// A livelihood project: what it is, its milestones and progress, the supervisor deputies'
// inspections and the ratings. The office records milestones, progress and supervisors here; a
// supervisor records an inspection with up to 3 photos (the same picker and upload as an opinion's);
// everyone who may see the project sees the inspections and their photos; in the assessment
// deputies and supporters rate it.
import Taro, { useRouter } from '@tarojs/taro'
import { Image, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import { RATING_LABELS, RATINGS, type Rating } from '@minyi/types/enums'
import { Button, Card, Checkbox, ChoiceChips, ErrorText, ErrorView, Field, Loading, Page, SectionTitle, Tag, TextArea, TextInput } from '../../../components'
import { PhotoPicker, photoRefsOf, type PhotoItem } from '../../../features/cases/components/PhotoPicker'
import { livelihoodApi } from '../../../features/livelihood/api'
import { useSignedIn } from '../../../features/session/hooks/useSignedIn'
import { useLoader } from '../../../hooks/useLoader'
import { errorMessage } from '../../../services/api'
import { decodeParam } from '../../../services/navigation'
import { newRequestId } from '../../../services/requestId'
import { toast } from '../../lib/shared'
import '../../lib/livelihood.scss'

function useAction(reload: () => Promise<void>) {
  const requestId = useRef(newRequestId())
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const run = async (fn: (requestId: string) => Promise<unknown>, done: string) => {
    setBusy(true)
    setError(null)
    try {
      await fn(requestId.current)
      requestId.current = newRequestId()
      toast(done)
      await reload()
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  return { run, error, busy }
}

export default function ProjectPage() {
  const router = useRouter()
  const id = decodeParam(router.params.id)
  const signedIn = useSignedIn()
  const project = useLoader(signedIn && id ? () => livelihoodApi.project(id) : null, [signedIn, id], { refreshOnShow: true })
  const p = project.data
  const reload = () => project.reload(true)
  const milestone = useRef({ title: '', dueDate: '' })
  const progress = useRef({ note: '' })
  const [progressMilestone, setProgressMilestone] = useState<string | null>(null)
  const inspection = useRef({ note: '' })
  const [inspectionPhotos, setInspectionPhotos] = useState<PhotoItem[]>([])
  const [inspectionForm, setInspectionForm] = useState(0)
  const [picked, setSupervisors] = useState<string[] | null>(null)
  const chosenSupervisors = picked ?? p?.supervisors.map((x) => x.deputyId) ?? []
  const act = useAction(reload)

  return (
    <Page testId='page-livelihood-project'>
      {project.loading && !p ? <Loading /> : null}
      {project.error && !p ? <ErrorView message={project.error} onRetry={() => void project.reload()} /> : null}
      {p ? (
        <View>
          <Card testId='project-header'>
            <View className='lv-row'>
              <View className='lv-title'>{p.title}</View>
              <Tag tone={p.status === 'chosen' ? 'success' : 'neutral'}>{p.statusLabel}</Tag>
            </View>
            <View className='lv-text'>{p.description}</View>
            <View className='lv-muted'>
              责任单位 {p.unitName} · 预算约 {p.budgetWan} 万元 · {p.timeFrame}
              {p.votes !== null ? ` · 得票 ${p.votes}` : ''}
            </View>
            {p.proposals.length ? <View className='lv-muted'>来自群众建议：{p.proposals.map((x) => `${x.title}（${x.supportCount}人附议）`).join('、')}</View> : null}
            {p.supervisors.length ? <View className='lv-muted'>监督代表：{p.supervisors.map((s) => s.name).join('、')}</View> : null}
          </Card>

          <SectionTitle extra={`${p.milestones.filter((m) => m.doneAt).length}/${p.milestones.length} 已完成`}>实施节点</SectionTitle>
          <Card testId='milestones'>
            {p.milestones.length ? (
              p.milestones.map((m) => (
                <View key={m.id} className='lv-item lv-row' data-testid='milestone'>
                  <View>
                    <View className='lv-title'>{m.title}</View>
                    <View className='lv-muted'>计划 {m.dueDate} 完成</View>
                  </View>
                  {m.doneAt ? <Tag tone='success'>已完成</Tag> : m.overdue ? <View className='lv-overdue'>已逾期</View> : <Tag>进行中</Tag>}
                </View>
              ))
            ) : (
              <View className='lv-muted'>还没有安排实施节点。</View>
            )}
          </Card>

          <SectionTitle>进展情况</SectionTitle>
          <Card testId='reports'>
            {p.reports.length ? (
              [...p.reports].reverse().map((r) => (
                <View key={r.id} className='lv-item'>
                  <View className='lv-text'>{r.milestoneTitle ? `【${r.milestoneTitle}】` : ''}{r.note}</View>
                  <View className='lv-muted'>{r.at.slice(0, 10)} · {r.by}</View>
                </View>
              ))
            ) : (
              <View className='lv-muted'>暂无进展。</View>
            )}
          </Card>

          {p.inspections.length ? (
            <View>
              <SectionTitle>代表视察</SectionTitle>
              <Card testId='inspections'>
                {[...p.inspections].reverse().map((i) => (
                  <View key={i.id} className='lv-item' data-testid='inspection'>
                    <View className='lv-text'>{i.note}</View>
                    {i.photos.length ? (
                      <View className='photo-grid' data-testid='inspection-photos'>
                        {i.photos.map((photo, n) => (
                          <View key={photo.id} className='photo-grid__cell' data-testid='inspection-photo'>
                            <View
                              className='photo-grid__frame'
                              aria-label={`视察照片${n + 1}`}
                              onClick={() => {
                                const urls = i.photos.flatMap((x) => (x.url ? [x.url] : []))
                                if (photo.url) void Taro.previewImage({ urls, current: photo.url }).catch(() => undefined)
                              }}
                            >
                              {photo.url ? (
                                <Image className='photo-grid__image' src={photo.url} mode='aspectFill' />
                              ) : (
                                <View className='photo-grid__overlay photo-grid__overlay--error'>暂时无法显示</View>
                              )}
                            </View>
                          </View>
                        ))}
                      </View>
                    ) : null}
                    <View className='lv-muted'>
                      {i.at.slice(0, 10)} · {i.deputyName} 代表{i.photoCount ? ` · 照片 ${i.photoCount} 张` : ''}
                    </View>
                  </View>
                ))}
              </Card>
            </View>
          ) : null}

          {p.status === 'chosen' ? (
            <View>
              <SectionTitle>满意度</SectionTitle>
              <Card testId='ratings'>
                <View className='lv-muted'>
                  代表：{RATINGS.map((r) => `${RATING_LABELS[r]} ${p.ratings.deputies[r] ?? 0}`).join('，')}
                </View>
                <View className='lv-muted'>
                  群众：{RATINGS.map((r) => `${RATING_LABELS[r]} ${p.ratings.residents[r] ?? 0}`).join('，')}
                </View>
                {p.canRate ? (
                  <ChoiceChips<Rating>
                    options={RATINGS.map((r) => ({ value: r, label: RATING_LABELS[r] }))}
                    value={p.myRating}
                    onChange={(rating) => void act.run((rid) => livelihoodApi.rate({ projectId: p.id, rating }, rid), '已评价')}
                    testId='rate-project'
                  />
                ) : null}
              </Card>
            </View>
          ) : null}

          {p.canInspect ? (
            <View>
              <SectionTitle>登记视察</SectionTitle>
              <Card>
                <Field label='视察情况' required>
                  <TextArea key={inspectionForm} placeholder='现场看到的进度和问题' onInput={(v) => (inspection.current.note = v)} testId='inspection-note' />
                </Field>
                <Field label='现场照片' optional hint='最多3张，所有能看到本项目的人都能看到'>
                  <PhotoPicker items={inspectionPhotos} setItems={setInspectionPhotos} />
                </Field>
                <Button
                  loading={act.busy}
                  onClick={() => {
                    const uploaded = photoRefsOf(inspectionPhotos)
                    if (!uploaded.ok) {
                      toast(uploaded.message)
                      return
                    }
                    void act.run(async (rid) => {
                      await livelihoodApi.inspect({ projectId: p.id, note: inspection.current.note, photos: uploaded.photos }, rid)
                      inspection.current.note = ''
                      setInspectionPhotos([])
                      setInspectionForm((n) => n + 1)
                    }, '已登记视察')
                  }}
                  testId='inspection-submit'
                >
                  登记视察
                </Button>
              </Card>
            </View>
          ) : null}

          {p.canManage && p.status === 'chosen' ? (
            <View>
              <SectionTitle>登记进展（人大机关）</SectionTitle>
              <Card testId='progress-form'>
                {p.milestones.length ? (
                  <Field label='完成的节点' optional>
                    <ChoiceChips<string>
                      options={p.milestones.filter((m) => !m.doneAt).map((m) => ({ value: m.id, label: m.title }))}
                      value={progressMilestone}
                      onChange={setProgressMilestone}
                      allowClear
                      onClear={() => setProgressMilestone(null)}
                      testId='progress-milestone'
                    />
                  </Field>
                ) : null}
                <Field label='进展情况' required>
                  <TextArea placeholder='责任单位报来的进展' onInput={(v) => (progress.current.note = v)} testId='progress-note' />
                </Field>
                <Button
                  loading={act.busy}
                  onClick={() =>
                    void act.run(
                      (rid) => livelihoodApi.report({ projectId: p.id, note: progress.current.note, ...(progressMilestone ? { milestoneId: progressMilestone, done: true } : {}) }, rid),
                      '已登记并通知群众',
                    )
                  }
                  testId='progress-submit'
                >
                  登记进展并通知群众
                </Button>
              </Card>
              <SectionTitle>添加实施节点</SectionTitle>
              <Card testId='milestone-form'>
                <Field label='节点名称' required>
                  <TextInput placeholder='例如：完成设计方案' onInput={(v) => (milestone.current.title = v)} testId='milestone-title' />
                </Field>
                <Field label='计划完成日期' required hint='格式：2027-03-31'>
                  <TextInput placeholder='年-月-日' onInput={(v) => (milestone.current.dueDate = v.trim())} testId='milestone-date' />
                </Field>
                <Button kind='secondary' onClick={() => void act.run((rid) => livelihoodApi.addMilestone({ projectId: p.id, ...milestone.current }, rid), '已添加节点')} testId='milestone-submit'>
                  添加节点
                </Button>
              </Card>
              <SectionTitle>监督代表</SectionTitle>
              <Card testId='supervisor-form'>
                {p.supervisorOptions.map((d) => (
                  <Checkbox key={d.deputyId} checked={chosenSupervisors.includes(d.deputyId)} onChange={(on) => setSupervisors(on ? [...chosenSupervisors, d.deputyId] : chosenSupervisors.filter((x) => x !== d.deputyId))} testId='supervisor-option'>
                    {d.name} 代表
                  </Checkbox>
                ))}
                <Button kind='secondary' onClick={() => void act.run((rid) => livelihoodApi.assign({ projectId: p.id, deputyIds: chosenSupervisors }, rid), '已指定监督代表')} testId='supervisor-submit'>
                  指定监督代表
                </Button>
              </Card>
            </View>
          ) : null}
          {act.error ? <ErrorText>{act.error}</ErrorText> : null}
        </View>
      ) : null}
    </Page>
  )
}
