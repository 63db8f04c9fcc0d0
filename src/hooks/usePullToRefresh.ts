// Pull-down on a page reloads what it shows, keeping the current content on screen meanwhile.
// (The page's config must set `enablePullDownRefresh: true`.)
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import type { Loader } from './useLoader'

export function usePullToRefresh(...loaders: Array<Pick<Loader<unknown>, 'reload'>>): void {
  usePullDownRefresh(() => {
    void Promise.all(loaders.map((loader) => loader.reload(true))).finally(() => Taro.stopPullDownRefresh())
  })
}
