// Where a 民意码 / 代表码 lands: WeChat opens pages/scan/index?scene=s%3DCODE (the h5 build:
// /#/pages/scan/index?scene=s%3DCODE). Parse the scene and go on to the station or deputy page.
import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { parseScene } from '@minyi/types/scene'
import { Button, EmptyState, Loading, Page } from '../../components'
import { ContactStaffRow } from '../../features/a11y/ContactStaffRow'
import { sceneUrl } from '../../features/stations/scanCode'
import { PAGES, go, replace } from '../../services/navigation'

function sceneFromLaunch(params: Record<string, string | undefined>): string | undefined {
  if (params.scene) return params.scene
  if (process.env.TARO_ENV === 'weapp') {
    // Opened cold from a 小程序码: the scene may only be in the launch options.
    try {
      const options = Taro.getEnterOptionsSync?.() ?? Taro.getLaunchOptionsSync()
      const query = (options?.query ?? {}) as Record<string, string | undefined>
      return query.scene
    } catch {
      return undefined
    }
  }
  return undefined
}

export default function ScanPage() {
  const router = useRouter()
  const [unknown, setUnknown] = useState(false)

  useEffect(() => {
    const scene = parseScene(sceneFromLaunch(router.params))
    if (scene) replace(sceneUrl(scene))
    else setUnknown(true)
  }, [router.params])

  return (
    <Page testId='page-scan'>
      {unknown ? (
        <EmptyState
          icon='search'
          title='没有认出这个二维码'
          description='请扫描代表之家、联络站公示栏上的“民意码”或代表的“代表码”。也可以回到首页，选择家站点反映问题。'
          action={
            <Button size='large' onClick={() => go(PAGES.home)}>
              回到首页
            </Button>
          }
        />
      ) : (
        <View>
          <Loading text='正在打开…' />
        </View>
      )}
      <ContactStaffRow />
    </Page>
  )
}
