// 工作台: the cases of the stations this deputy / staff member works at (admin: the district),
// filtered by status, category and station, by what this level holds now (待我办理) and by what is
// past its time limit (已超期督办).
import { useEffect, useState } from 'react'
// First: the case panel's styles come in the same order as on the case page (one CSS chunk for both).
import { WorkCaseView } from '../../components/WorkCaseView'
import { View } from '@tarojs/components'
import { CASE_STATUSES, CASE_STATUS_LABELS, type CaseStatus } from '@minyi/types/caseStateMachine'
import { CATEGORIES, CATEGORY_LABELS, type Category } from '@minyi/types/enums'
import { Button, Card, ChoiceChips, EmptyState, ErrorView, Loading, Page } from '../../../components'
import { getInbox } from '../../../features/cases/api'
import { CaseListItem, shortStationName } from '../../../features/cases/components/CaseListItem'
import { useMe } from '../../../features/session/hooks/useMe'
import { listStations } from '../../../features/stations/api'
import { SuggestionsEntry } from '../../../features/suggestions/components/SuggestionsEntry'
import { useLoader } from '../../../hooks/useLoader'
import { go, PAGES, urls } from '../../../services/navigation'
import { isWorker } from '../../../services/session'
import './index.scss'
import { useDeskLayout } from '../../components/useDeskLayout'
import { ASSISTED_PAGE } from '../../../features/a11y/routes'
import { usePullToRefresh } from '../../../hooks/usePullToRefresh'

const ALL = 'all'
const STATUS_OPTIONS = [{ value: ALL, label: '全部' }, ...CASE_STATUSES.map((value) => ({ value, label: CASE_STATUS_LABELS[value] }))]
/** 待本级办理 (`held`) and 已超期督办 (`overdue`) narrow what `case.inbox` returns. */
const SCOPE_OPTIONS = [
  { value: ALL, label: '全部' },
  { value: 'held', label: '待我办理' },
  { value: 'overdue', label: '已超期' },
]
const CATEGORY_OPTIONS = [{ value: ALL, label: '全部类别' }, ...CATEGORIES.map((value) => ({ value, label: CATEGORY_LABELS[value] }))]

export default function InboxPage() {
  const me = useMe()
  const worker = isWorker(me.data)
  const [status, setStatus] = useState<string>(ALL)
  const [category, setCategory] = useState<string>(ALL)
  const [stationId, setStationId] = useState<string>(ALL)
  const [scope, setScope] = useState<string>(ALL)
  const [showCategories, setShowCategories] = useState(false)

  // Staff with several stations and the admin (whole district) can narrow by station.
  const stations = useLoader(
    worker && me.data ? async () => (me.data!.role === 'admin' ? listStations() : me.data!.stations) : null,
    [worker, me.data?.id],
  )
  const stationChoices = stations.data && stations.data.length > 1 && me.data?.role !== 'deputy' ? stations.data : null

  const filter = {
    status: status === ALL ? undefined : (status as CaseStatus),
    category: category === ALL ? undefined : (category as Category),
    stationId: stationId === ALL ? undefined : stationId,
    held: scope === 'held' ? true : undefined,
    overdue: scope === 'overdue' ? true : undefined,
  }
  const inbox = useLoader(worker ? () => getInbox(filter) : null, [worker, status, category, stationId, scope], { refreshOnShow: true })

  usePullToRefresh(inbox)

  // Desk (≥ 1024 px): list left, case right. Keyboard: ↑/↓ move, Enter opens (right column on a desk).
  const desk = useDeskLayout()
  const [active, setActive] = useState(0)
  /** The highlight shows once the keyboard is used (or on a desk). */
  const [keyed, setKeyed] = useState(false)
  const [openId, setOpenId] = useState<string | null>(null)
  const list = inbox.data?.cases ?? []
  const open = (id: string) => (desk ? setOpenId(id) : go(urls.workCase(id)))
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5' || !list.length) return
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null
      if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault()
        setKeyed(true)
        setActive((i) => Math.max(0, Math.min(list.length - 1, i + (event.key === 'ArrowDown' ? 1 : -1))))
      } else if (event.key === 'Enter') {
        const item = list[Math.min(active, list.length - 1)]
        if (item) open(item.id)
      }
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [list, active, desk])
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return
    document.querySelector(`[data-inbox-index="${active}"]`)?.scrollIntoView?.({ block: 'nearest' })
  }, [active])

  if (me.data && !worker) {
    return (
      <Page>
        <EmptyState
          icon='lock'
          title='工作台仅供人大代表和工作人员使用'
          action={
            <Button block onClick={() => go(PAGES.home)}>
              回到首页
            </Button>
          }
        />
      </Page>
    )
  }

  return (
    <Page testId='page-inbox' className={desk ? 'inbox-page--desk' : ''}>
      {me.loading && !me.data ? <Loading /> : null}
      {me.error && !me.data ? <ErrorView message={me.error} onRetry={() => void me.reload()} /> : null}
      {me.data ? (
        <View className={desk ? 'inbox-page__columns' : ''} data-testid={desk ? 'inbox-desk' : undefined}>
        <View className={desk ? 'inbox-page__list' : ''}>
          <View className='inbox-page__who'>
            {me.data.roleLabel} {me.data.name}
            {me.data.role === 'admin' ? '（全区）' : me.data.stations.length ? `（${me.data.stations.map((s) => shortStationName(s.name)).join('、')}）` : ''}
          </View>
          <SuggestionsEntry me={me.data} />
          {me.data.role !== 'deputy' ? <View className='inbox-page__link' onClick={() => go(PAGES.knowledge)} data-testid='entry-knowledge'>知识库：常见问题的标准答复 ›</View> : null}
          {me.data.role !== 'deputy' && me.data.stations.length ? (
            <View className='inbox-page__link' onClick={() => go(ASSISTED_PAGE)} data-testid='entry-assisted'>
              代录：为来访、来电群众登记民意 ›
            </View>
          ) : null}
          <Card className='inbox-page__filters' testId='inbox-filters'>
            <View className='inbox-page__filter-label'>办理情况</View>
            <ChoiceChips columns={0} size='small' options={SCOPE_OPTIONS} value={scope} onChange={setScope} testId='filter-scope' />
            <View className='inbox-page__filter-label'>按状态</View>
            <ChoiceChips columns={0} size='small' options={STATUS_OPTIONS} value={status} onChange={setStatus} testId='filter-status' />
            {stationChoices ? (
              <View>
                <View className='inbox-page__filter-label'>按家站点</View>
                <ChoiceChips
                  columns={0}
                  size='small'
                  options={[{ value: ALL, label: '全部家站点' }, ...stationChoices.map((s) => ({ value: s.id, label: shortStationName(s.name) }))]}
                  value={stationId}
                  onChange={setStationId}
                  testId='filter-station'
                />
              </View>
            ) : null}
            <View className='inbox-page__filter-label inbox-page__filter-toggle' onClick={() => setShowCategories((v) => !v)}>
              按类别{category !== ALL ? `：${CATEGORY_LABELS[category as Category]}` : ''}
              <View className='inbox-page__toggle-text'>{showCategories ? '收起' : '展开'}</View>
            </View>
            {showCategories ? (
              <ChoiceChips columns={0} size='small' options={CATEGORY_OPTIONS} value={category} onChange={setCategory} testId='filter-category' />
            ) : null}
          </Card>

          {inbox.data ? <View className='inbox-page__total'>共 {inbox.data.total} 件</View> : null}
          {inbox.loading && !inbox.data ? <Loading /> : null}
          {inbox.error ? <ErrorView message={inbox.error} onRetry={() => void inbox.reload()} /> : null}
          <View {...{ role: 'listbox', 'aria-label': '民意列表，上下方向键选择，回车打开' }} data-testid='inbox-list'>
            {list.map((item, index) => (
              <View
                key={item.id}
                className={`inbox-page__item ${index === active && (keyed || desk) ? 'inbox-page__item--active' : ''} ${item.id === openId ? 'inbox-page__item--open' : ''}`}
                {...{ role: 'option', 'aria-selected': index === active ? 'true' : 'false' }}
                data-inbox-index={index}
                data-testid={index === active ? 'inbox-active' : undefined}
              >
                <CaseListItem item={item} showStation showReview showHandling onClick={() => { setActive(index); open(item.id) }} />
              </View>
            ))}
          </View>
          {inbox.data && !inbox.data.cases.length ? (
            <EmptyState title={scope === 'overdue' ? '没有超期的民意' : '没有符合条件的民意'} description={status !== ALL || category !== ALL || stationId !== ALL || scope !== ALL ? '换个筛选条件试试。' : '家站点收到新的民意后会显示在这里。'} />
          ) : null}
        </View>
        {desk ? (
          <View className='inbox-page__detail' data-testid='inbox-detail'>
            {openId ? <WorkCaseView key={openId} id={openId} embedded testId='desk-case' /> : <EmptyState title='选择左侧的一件民意' description='用鼠标点击，或用 ↑ ↓ 键选择、回车打开。' />}
          </View>
        ) : null}
        </View>
      ) : null}
    </Page>
  )
}
