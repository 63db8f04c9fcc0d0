import { useEffect } from 'react'
import { needsDevSignIn } from '../../../services/devUser'
import { redirectToSignIn } from '../signIn'

/**
 * True when the api can be called: always on weapp (WeChat identity); on h5 once a demo user is
 * chosen. When none is, sends the visitor to 选择演示身份, which brings them back here.
 */
export function useSignedIn(): boolean {
  const signedIn = !needsDevSignIn()
  useEffect(() => {
    if (!signedIn) redirectToSignIn()
  }, [signedIn])
  return signedIn
}
