// 管理台 home: a tile per section. The list is CONSOLE_SECTIONS (features/admin/routes.ts), which
// other parts of the console extend. Staff see the sections they may use (their station's details,
// deputies, goals); the admin sees everything.
import { View } from '@tarojs/components'
import { Button, Card, EmptyState, Loading, Page } from '../../../components'
import { CONSOLE_SECTIONS } from '../../../features/admin/routes'
import { useMe } from '../../../features/session/hooks/useMe'
import { go, PAGES } from '../../../services/navigation'
import '../../../features/admin/components/admin.scss'

export default function ConsoleHome() {
  const me = useMe()
  const role = me.data?.role
  if (me.loading && !me.data) return <Page><Loading /></Page>
  if (role !== 'admin' && role !== 'staff') {
    return (
      <Page>
        <EmptyState icon='lock' title='管理台仅供人大机关和工作人员使用' action={<Button block onClick={() => go(PAGES.home)}>回到首页</Button>} />
      </Page>
    )
  }
  const sections = CONSOLE_SECTIONS.filter((s) => role === 'admin' || s.staff)
  return (
    <Page testId='page-console' className='adm-page'>
      <View className='adm-intro'>
        {role === 'admin' ? `${me.data?.name}：管理本区的街道（乡镇）、家站点、代表、承办单位和分办规则，所有修改记入操作日志。` : '修改本站的公开信息（地址、开放时间、电话、照片、位置）和年度工作目标。'}
      </View>
      <View className='adm-tiles'>
        {sections.map((s) => (
          <Card key={s.url} onClick={() => go(s.url)} testId={s.testId}>
            <View className='adm-row'>
              <View>
                <View className='adm-row__title'>{s.title}</View>
                <View className='adm-row__meta'>{s.text}</View>
              </View>
              <View className='adm-row__meta'>›</View>
            </View>
          </Card>
        ))}
      </View>
    </Page>
  )
}
