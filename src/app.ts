import { PropsWithChildren } from 'react'
import Taro, { useLaunch } from '@tarojs/taro'
import { installPrivacyAuthorization } from './features/privacy/authorization'
import { handleUnauthenticated } from './features/session/signIn'
import { onUnauthenticated } from './services/api'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (process.env.TARO_ENV === 'weapp') {
      // The api cloud function lives in this CloudBase environment (empty: the default one).
      Taro.cloud.init({ env: process.env.TARO_APP_CLOUD_ENV || undefined, traceUser: true })
      installPrivacyAuthorization()
    }
    // h5: the stored demo user is unknown to the server (e.g. a fresh data folder): choose again.
    onUnauthenticated(handleUnauthenticated)
  })
  return children
}

export default App
