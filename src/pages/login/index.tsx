// h5 only: the local runtime's development sign-in. Pick a demo resident, deputy, staff member or
// admin; the choice is kept in this browser and sent as `X-Dev-User`. (Not part of the weapp
// build: there the identity is WeChat's.)
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Card, ErrorView, Loading, Notice, Page, SectionTitle, Tag } from '../../components'
import { fetchDemoUsers, type DemoUser } from '../../features/session/api'
import { useLoader } from '../../hooks/useLoader'
import { getDevUserId } from '../../services/devUser'
import { decodeParam, PAGES } from '../../services/navigation'
import { signInAs, signOut } from '../../services/session'
import './index.scss'

const GROUPS: ReadonlyArray<{ role: DemoUser['role']; title: string; hint: string }> = [
  { role: 'resident', title: '群众', hint: '反映民意、查看进度、评价答复' },
  { role: 'deputy', title: '人大代表', hint: '处理本人家站点的民意' },
  { role: 'staff', title: '联络站工作人员', hint: '受理、转办、登记答复' },
  { role: 'admin', title: '人大机关', hint: '查看全区民意' },
]

/** Restarts the app at `back` as the new user, so no page keeps the previous person's data. */
function restartAt(back: string) {
  const target = back.startsWith('/') ? back : PAGES.home
  window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#${target}`)
  window.location.reload()
}

export default function LoginPage() {
  const router = useRouter()
  const back = decodeParam(router.params.back) || PAGES.home
  const users = useLoader(fetchDemoUsers, [])
  const current = getDevUserId()
  const currentUser = users.data?.find((u) => u.id === current)

  const choose = (user: DemoUser) => {
    signInAs(user.id)
    restartAt(back.startsWith(PAGES.login) ? PAGES.home : back)
  }

  return (
    <Page testId='page-login'>
      <Notice tone='info' title='本地演示环境'>
        请选择一个演示身份进入。正式的微信小程序里不需要这一步，身份由微信确认。
      </Notice>
      {current ? (
        <Card testId='current-user'>
          <View className='login-page__current'>
            <View>
              <View className='login-page__current-label'>当前身份</View>
              <View className='login-page__current-name'>{currentUser ? currentUser.description : current}</View>
            </View>
            <View
              className='login-page__signout'
              onClick={() => {
                signOut()
                restartAt(PAGES.login)
              }}
            >
              退出
            </View>
          </View>
        </Card>
      ) : null}
      <Card
        testId='user-new'
        onClick={() => {
          signInAs(`dev-new-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`)
          restartAt(back.startsWith(PAGES.login) ? PAGES.home : back)
        }}
      >
        <View className='login-page__user'>
          <View className='login-page__user-main'>
            <View className='login-page__user-name'>新用户</View>
            <View className='login-page__user-desc'>第一次打开小程序的微信用户（例如来接受邀请）</View>
          </View>
          <View className='login-page__arrow'>›</View>
        </View>
      </Card>
      {users.loading ? <Loading /> : null}
      {users.error ? <ErrorView message='无法读取演示身份，请确认本地服务已启动' onRetry={() => void users.reload()} /> : null}
      {users.data
        ? GROUPS.map((group) => {
            const members = users.data!.filter((u) => u.role === group.role)
            if (!members.length) return null
            return (
              <View key={group.role} data-testid={`group-${group.role}`}>
                <SectionTitle extra={group.hint}>{group.title}</SectionTitle>
                {members.map((user) => (
                  <Card key={user.id} onClick={() => choose(user)} testId={`user-${user.id}`} className={user.id === current ? 'login-page__chosen' : ''}>
                    <View className='login-page__user'>
                      <View className='login-page__user-main'>
                        <View className='login-page__user-name'>
                          {user.name}
                          {user.id === current ? (
                            <View className='login-page__tag'>
                              <Tag tone='success'>当前</Tag>
                            </View>
                          ) : null}
                        </View>
                        <View className='login-page__user-desc'>
                          {user.description.replace(` ${user.name}`, '')} · {user.id}
                        </View>
                      </View>
                      <View className='login-page__arrow'>›</View>
                    </View>
                  </Card>
                ))}
              </View>
            )
          })
        : null}
    </Page>
  )
}
