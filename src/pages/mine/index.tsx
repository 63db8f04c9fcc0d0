import { useEffect } from 'react'
import { View } from '@tarojs/components'
import { Button, Card, EmptyState, ErrorView, Loading, Page, SectionTitle } from '../../components'
import { listMyCases, listSecondedCases } from '../../features/cases/api'
import { CaseListItem } from '../../features/cases/components/CaseListItem'
import { showUnreadBadge } from '../../features/notifications/badge'
import { useMe } from '../../features/session/hooks/useMe'
import { useLoader } from '../../hooks/useLoader'
import { go, PAGES, urls } from '../../services/navigation'
import { RECEPTION_PAGES } from '../../features/reception/routes'
import { ADMIN_PAGES } from '../../features/admin/routes'
import { isWorker } from '../../services/session'
import { LIVELIHOOD_PAGES } from '../../features/livelihood/routes'
import './index.scss'
import { usePullToRefresh } from '../../hooks/usePullToRefresh'
import { Toggle } from '../../components'
import { setLargeText, useLargeText } from '../../services/largeText'
import { callApi } from '../../services/api'
import { newRequestId } from '../../services/requestId'
import { ContactStaffRow } from '../../features/a11y/ContactStaffRow'
import { MINE_PAGES } from '../../features/a11y/routes'

/** 大字模式: applied at once, saved on the account (a failure to save keeps it on this phone). */
function LargeTextSwitch() {
  const large = useLargeText()
  return (
    <Card testId='large-text-card'>
      <Toggle
        label='大字模式'
        description='字更大、按钮更大，填写民意时一次只问一个问题。'
        checked={large}
        onText='已开启'
        offText='已关闭'
        testId='toggle-large-text'
        onChange={(on) => {
          setLargeText(on)
          void callApi('privacy.setPreferences', { largeText: on }, { requestId: newRequestId() }).catch(() => undefined)
        }}
      />
    </Card>
  )
}

/** One tappable row of 我的 that opens another part of the app. */
function EntryCard({ url, title, text, testId }: { url: string; title: string; text: string; testId: string }) {
  return (
    <Card onClick={() => go(url)} testId={testId}>
      <View className='mine-page__entry'>
        <View>
          <View className='mine-page__entry-title'>{title}</View>
          <View className='mine-page__entry-text'>{text}</View>
        </View>
        <View className='mine-page__arrow'>›</View>
      </View>
    </Card>
  )
}

/** 统计分析 and 履职档案 (packageInsight): deputies their own record and their stations' hot spots; staff and the office the dashboards and records. */
function InsightEntries({ role }: { role: string }) {
  const entries =
    role === 'deputy'
      ? [
          { title: '我的履职档案', text: '履职数据、积分、年度述职报告', url: PAGES.insightRecord, testId: 'entry-record' },
          { title: '热点民意', text: '近90天本家站点反复出现的问题，一键起草建议', url: PAGES.insightHotspot, testId: 'entry-hotspots' },
        ]
      : role === 'staff' || role === 'admin'
        ? [
            { title: '统计分析', text: role === 'admin' ? '全区受理、办结、满意率与热点难点' : '本家站点受理、办结、满意率与热点难点', url: PAGES.insightDashboard, testId: 'entry-dashboard' },
            { title: '代表履职档案', text: '代表履职数据、活动登记、述职报告', url: PAGES.insightRecords, testId: 'entry-records' },
          ]
        : []
  return (
    <View>
      {entries.map((e) => (
        <EntryCard key={e.testId} {...e} />
      ))}
    </View>
  )
}

/** 民情接待日: residents' bookings, deputies' duties, staff's reception days. */
function ReceptionEntry({ role }: { role: string }) {
  const entry =
    role === 'resident'
      ? { url: RECEPTION_PAGES.myBookings, title: '我的预约', text: '民情接待日的预约、候补和取消', testId: 'entry-my-bookings' }
      : role === 'deputy'
        ? { url: RECEPTION_PAGES.duties, title: '我的值班', text: '接待日值班安排和当天来访群众', testId: 'entry-duties' }
        : { url: RECEPTION_PAGES.manage, title: '接待日管理', text: '接待日安排、值班代表、签到和纪要', testId: 'entry-reception' }
  return <EntryCard {...entry} />
}

export default function MinePage() {
  const me = useMe()
  const isResident = me.data?.role === 'resident'
  const cases = useLoader(isResident ? listMyCases : null, [isResident], { refreshOnShow: true })
  const seconded = useLoader(isResident ? listSecondedCases : null, [isResident], { refreshOnShow: true })

  useEffect(() => {
    if (me.data) showUnreadBadge(me.data.unreadNotifications)
  }, [me.data])

  usePullToRefresh(me, cases, seconded)

  return (
    <Page testId='page-mine'>
      {me.loading && !me.data ? <Loading /> : null}
      {me.error && !me.data ? <ErrorView message={me.error} onRetry={() => void me.reload()} /> : null}
      {me.data ? (
        <View>
          <Card testId='me-card'>
            <View className='mine-page__who'>
              <View className='mine-page__avatar'>{Array.from(me.data.name)[0] ?? '我'}</View>
              <View>
                <View className='mine-page__name'>{me.data.name}</View>
                <View className='mine-page__role'>{me.data.roleLabel}</View>
              </View>
            </View>
            {me.data.stations.length ? (
              <View className='mine-page__stations'>所在家站点：{me.data.stations.map((s) => s.name).join('、')}</View>
            ) : null}
          </Card>

          {isWorker(me.data) ? (
            <EntryCard
              url={PAGES.inbox}
              title='工作台'
              text={me.data.role === 'admin' ? '全区民意的办理和督办' : '本人家站点收到的民意，受理、答复、转办'}
              testId='entry-workbench'
            />
          ) : null}

          <ReceptionEntry role={me.data.role} />
          {me.data.role === 'deputy' ? (
            <EntryCard url={LIVELIHOOD_PAGES.deputy} title='我的票决' text='民生实事项目代表票决和我监督的项目' testId='entry-my-ballots' />
          ) : null}
          {me.data.role === 'staff' || me.data.role === 'admin' ? (
            <EntryCard url={LIVELIHOOD_PAGES.office} title='民生实事票决' text='征集、遴选、票决、实施监督和满意度测评' testId='entry-livelihood-office' />
          ) : null}

          {me.data.role === 'admin' || me.data.role === 'staff' ? (
            <EntryCard
              url={ADMIN_PAGES.home}
              title='管理台'
              text={me.data.role === 'admin' ? '站点、代表、承办单位、账号与邀请、海报、操作日志' : '本站公开信息、年度工作目标、账号与邀请、海报'}
              testId='entry-console'
            />
          ) : null}

          <InsightEntries role={me.data.role} />

          <LargeTextSwitch />

          {isResident ? (
            <View>
              <SectionTitle extra={cases.data ? `共 ${cases.data.length} 件` : undefined}>我的民意</SectionTitle>
              {cases.loading && !cases.data ? <Loading /> : null}
              {cases.error && !cases.data ? <ErrorView message={cases.error} onRetry={() => void cases.reload()} /> : null}
              {cases.data?.map((item) => <CaseListItem key={item.id} item={item} onClick={() => go(urls.case(item.id))} />)}
              {cases.data && !cases.data.length ? (
                <EmptyState
                  title='您还没有反映过民意'
                  description='在首页选择家站点，或扫描联络站的民意码，就可以向人大代表反映问题。'
                  action={
                    <Button block onClick={() => go(PAGES.home)}>
                      去反映民意
                    </Button>
                  }
                />
              ) : null}
            </View>
          ) : null}

          {isResident && seconded.data?.length ? (
            <View data-testid='seconded-cases'>
              <SectionTitle extra={`共 ${seconded.data.length} 件`}>我附议的</SectionTitle>
              {seconded.data.map((item) => (
                <CaseListItem key={item.id} item={item} onClick={() => go(urls.case(item.id))} />
              ))}
            </View>
          ) : null}

          <SectionTitle>更多</SectionTitle>
          <Card>
            {isResident ? (
              <View className='mine-page__link' hoverClass='mine-page__link--hover' onClick={() => go(MINE_PAGES.myData)} data-testid='entry-my-data' {...{ role: 'link' }}>
                <View>个人信息（查看、导出、注销）</View>
                <View className='mine-page__arrow'>›</View>
              </View>
            ) : null}
            {isResident ? (
              <View className='mine-page__link' hoverClass='mine-page__link--hover' onClick={() => go(MINE_PAGES.claim)} data-testid='entry-claim' {...{ role: 'link' }}>
                <View>认领工作人员代录的民意</View>
                <View className='mine-page__arrow'>›</View>
              </View>
            ) : null}
            <View className='mine-page__link' hoverClass='mine-page__link--hover' onClick={() => go(PAGES.privacy)} {...{ role: 'link' }}>
              <View>个人信息保护说明</View>
              <View className='mine-page__arrow'>›</View>
            </View>
            {process.env.TARO_ENV === 'h5' ? (
              <View className='mine-page__link' hoverClass='mine-page__link--hover' onClick={() => go(urls.login())} data-testid='switch-user'>
                <View>切换演示身份</View>
                <View className='mine-page__arrow'>›</View>
              </View>
            ) : null}
          </Card>
        </View>
      ) : null}
      <ContactStaffRow />
    </Page>
  )
}
