// Photos on a case page: thumbnails, tap to see them large. Staff and admins (who answer for what
// is shown) may hide one, with a reason; they still see it, dimmed and marked 照片已隐藏. Residents,
// seconders and deputies do not get hidden photos at all (the server leaves them out).
import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Image, View } from '@tarojs/components'
import type { CaseView } from '@minyi/types/entities'
import { Button, ErrorText, TextInput } from '../../../components'
import { errorMessage } from '../../../services/api'
import { newRequestId } from '../../../services/requestId'
import { getMe } from '../../../services/session'
import { hidePhoto } from '../api'
import './photos.scss'

type PhotoView = CaseView['photos'][number]

const HIDE_ROLES = ['staff', 'admin']

export function CasePhotos({ view, audience }: { view: CaseView; audience: 'resident' | 'work' }) {
  const [photos, setPhotos] = useState<PhotoView[]>(view.photos)
  const [canHide, setCanHide] = useState(false)
  const [hiding, setHiding] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const reason = useRef('')
  const requestId = useRef<string | null>(null)

  useEffect(() => setPhotos(view.photos), [view])
  useEffect(() => {
    if (audience !== 'work') return
    let live = true
    getMe().then(
      (me) => live && setCanHide(HIDE_ROLES.includes(me.role)),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [audience])

  if (!photos.length) return null
  const shown = photos.filter((p) => p.url)

  const preview = (photo: PhotoView) => {
    if (!photo.url) return
    void Taro.previewImage({ urls: shown.map((p) => p.url as string), current: photo.url }).catch(() => undefined)
  }

  const startHiding = (photoId: string) => {
    setHiding(photoId)
    setError(null)
    reason.current = ''
    requestId.current = null
  }

  const confirmHide = async () => {
    if (!hiding || busy) return
    if (reason.current.trim().length < 2) {
      setError('请写明隐藏原因（至少2个字）')
      return
    }
    setBusy(true)
    setError(null)
    requestId.current ??= newRequestId()
    try {
      const updated = await hidePhoto({ caseId: view.id, photoId: hiding, reason: reason.current.trim() }, requestId.current)
      setPhotos(updated.photos)
      setHiding(null)
      void Taro.showToast({ title: '照片已隐藏', icon: 'none' })
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  const index = (photoId: string) => photos.findIndex((p) => p.id === photoId) + 1

  return (
    <View className='case-photos' data-testid='case-photos'>
      <View className='photo-grid'>
        {photos.map((photo) => (
          <View key={photo.id} className='photo-grid__cell' data-testid='case-photo' data-photo-id={photo.id} data-hidden={photo.hidden ? '1' : '0'}>
            <View className={`photo-grid__frame ${photo.hidden ? 'photo-grid__frame--hidden' : ''}`} onClick={() => preview(photo)} {...{ role: 'button', 'aria-label': `查看第${index(photo.id)}张照片` }}>
              {photo.url ? (
                <Image className='photo-grid__image' src={photo.url} mode='aspectFill' {...{ 'aria-hidden': 'true' }} />
              ) : (
                <View className='photo-grid__overlay photo-grid__overlay--error'>暂时无法显示</View>
              )}
            </View>
            {photo.hidden ? (
              <View className='photo-grid__hidden-note' data-testid='photo-hidden-note'>
                照片已隐藏（原因：{photo.hiddenReason ?? '未说明'}）
              </View>
            ) : canHide ? (
              <View className='photo-grid__hide'>
                <Button kind='plain' size='small' block onClick={() => startHiding(photo.id)} testId='hide-photo'>
                  隐藏
                </Button>
              </View>
            ) : null}
          </View>
        ))}
      </View>
      {hiding ? (
        <View className='photo-hide-form' data-testid='hide-photo-form'>
          <View className='photo-hide-form__title'>隐藏第{index(hiding)}张照片</View>
          <TextInput
            key={hiding}
            maxlength={200}
            placeholder='隐藏原因，例如：照片中有其他居民的面部'
            testId='hide-photo-reason'
            onInput={(value) => {
              reason.current = value
              requestId.current = null
              setError(null)
            }}
          />
          <View className='photo-grid__hidden-note'>隐藏后，群众和代表将看不到这张照片；本站工作人员仍可查看，并留有记录。</View>
          {error ? <ErrorText>{error}</ErrorText> : null}
          <View className='photo-hide-form__actions'>
            <Button kind='plain' onClick={() => setHiding(null)}>
              取消
            </Button>
            <Button kind='danger' loading={busy} onClick={() => void confirmHide()} testId='confirm-hide-photo'>
              确认隐藏
            </Button>
          </View>
        </View>
      ) : null}
    </View>
  )
}
