import type { Me } from '@minyi/types/entities'
import { useLoader, type Loader } from '../../../hooks/useLoader'
import { getMe } from '../../../services/session'
import { useSignedIn } from './useSignedIn'

/** The signed-in person (cached `session.me`), refreshed when the page shows again. */
export function useMe(): Loader<Me> & { signedIn: boolean } {
  const signedIn = useSignedIn()
  const loader = useLoader(signedIn ? () => getMe() : null, [signedIn], { refreshOnShow: true })
  return { ...loader, signedIn }
}
