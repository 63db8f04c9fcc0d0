// 上传照片 on the submit form: up to 3, each uploaded as soon as it is picked (compressed first),
// shown as a thumbnail with its progress or error and a × to remove it before submitting.
import { useRef, type Dispatch, type SetStateAction } from 'react'
import Taro from '@tarojs/taro'
import { Image, View } from '@tarojs/components'
import { PHOTO_MAX_COUNT } from '@minyi/types/photos'
import { BUTTON_ROLE } from '../../../components'
import { choosePhotos, PhotoError, uploadPhoto, type PhotoSource } from '../photoUpload'
import './photos.scss'

export interface PhotoItem {
  key: string
  /** What the thumbnail shows: a temp file path (weapp) or an object URL (h5). */
  preview: string
  source: PhotoSource
  status: 'uploading' | 'done' | 'error'
  progress: number
  fileId: string | null
  error: string | null
}

/** The references to submit, or the reason the form cannot be submitted yet. */
export function photoRefsOf(items: PhotoItem[]): { ok: true; photos: string[] } | { ok: false; message: string } {
  if (items.some((item) => item.status === 'uploading')) return { ok: false, message: '照片还在上传，请稍等一下再提交' }
  if (items.some((item) => item.status === 'error')) return { ok: false, message: '有照片没有上传成功，请点一下照片重试，或点 × 删除后再提交' }
  return { ok: true, photos: items.map((item) => item.fileId as string) }
}

let keys = 0

/**
 * Photos already saved (a station's or deputy's in the console): shown as uploaded thumbnails, kept
 * by their reference, removable like new ones.
 */
export function savedPhotoItems(refs: readonly string[], urls: readonly string[]): PhotoItem[] {
  return refs.map((ref, index) => ({ key: `photo-${(keys += 1)}`, preview: urls[index] || ref, source: '', status: 'done', progress: 100, fileId: ref, error: null }))
}

interface PhotoPickerProps {
  items: PhotoItem[]
  setItems: Dispatch<SetStateAction<PhotoItem[]>>
  onChanged?: () => void
  /** How many photos at most (default 3, an opinion's; a station takes 9, a deputy 1). */
  max?: number
  testId?: string
}

export function PhotoPicker({ items, setItems, onChanged, max = PHOTO_MAX_COUNT, testId = 'photo-picker' }: PhotoPickerProps) {
  const fileInput = useRef<HTMLInputElement | null>(null)
  const left = max - items.length

  const update = (key: string, change: Partial<PhotoItem>) =>
    setItems((current) => current.map((item) => (item.key === key ? { ...item, ...change } : item)))

  const start = (item: PhotoItem) => {
    update(item.key, { status: 'uploading', progress: 0, error: null, fileId: null })
    uploadPhoto(item.source, (progress) => update(item.key, { progress })).then(
      (fileId) => update(item.key, { status: 'done', progress: 100, fileId }),
      (error: unknown) =>
        update(item.key, { status: 'error', error: error instanceof PhotoError ? error.message : '照片上传失败，请点一下照片重试' }),
    )
  }

  const add = (sources: Array<{ source: PhotoSource; preview: string }>) => {
    const added = sources.slice(0, Math.max(0, left)).map(
      ({ source, preview }): PhotoItem => ({ key: `photo-${(keys += 1)}`, preview, source, status: 'uploading', progress: 0, fileId: null, error: null }),
    )
    if (sources.length > left) void Taro.showToast({ title: `最多上传${max}张照片`, icon: 'none' })
    if (!added.length) return
    setItems((current) => [...current, ...added])
    onChanged?.()
    added.forEach(start)
  }

  const onAdd = () => {
    if (left <= 0) return
    if (process.env.TARO_ENV === 'h5') {
      fileInput.current?.click()
      return
    }
    choosePhotos(left).then(
      (paths) => add(paths.map((path) => ({ source: path, preview: path }))),
      (error: unknown) => void Taro.showToast({ title: error instanceof Error ? error.message : '没有选到照片', icon: 'none' }),
    )
  }

  const remove = (key: string) => {
    const gone = items.find((item) => item.key === key)
    if (gone && process.env.TARO_ENV === 'h5' && gone.preview.startsWith('blob:')) URL.revokeObjectURL(gone.preview)
    setItems((current) => current.filter((item) => item.key !== key))
    onChanged?.()
  }

  const onTap = (item: PhotoItem) => {
    if (item.status === 'error') {
      start(item)
      return
    }
    void Taro.previewImage({ urls: items.map((i) => i.preview), current: item.preview }).catch(() => undefined)
  }

  return (
    <View className='photo-picker' data-testid={testId}>
      <View className='photo-grid'>
        {items.map((item, index) => (
          <View key={item.key} className='photo-grid__cell' data-testid='photo-thumb' data-status={item.status}>
            <View className='photo-grid__frame' onClick={() => onTap(item)} {...{ role: 'button', 'aria-label': `第${index + 1}张照片` }}>
              <Image className='photo-grid__image' src={item.preview} mode='aspectFill' {...{ 'aria-hidden': 'true' }} />
              {item.status === 'uploading' ? (
                <View className='photo-grid__overlay'>上传中 {item.progress}%</View>
              ) : item.status === 'error' ? (
                <View className='photo-grid__overlay photo-grid__overlay--error'>上传失败{'\n'}点此重试</View>
              ) : null}
            </View>
            <View
              className='photo-grid__remove'
              {...BUTTON_ROLE}
              aria-label={`删除第${index + 1}张照片`}
              data-testid='photo-remove'
              onClick={() => remove(item.key)}
            >
              ×
            </View>
          </View>
        ))}
        {left > 0 ? (
          <View className='photo-grid__cell'>
            <View className='photo-grid__add' {...BUTTON_ROLE} data-testid='photo-add' onClick={onAdd}>
              <View className='photo-grid__plus'>＋</View>
              <View className='photo-grid__add-text'>添加照片</View>
            </View>
          </View>
        ) : null}
      </View>
      {items
        .filter((item) => item.status === 'error' && item.error)
        .map((item) => (
          <View key={item.key} className='photo-picker__error' data-testid='photo-error'>
            第{items.indexOf(item) + 1}张：{item.error}
          </View>
        ))}
      {process.env.TARO_ENV === 'h5' ? (
        <input
          ref={fileInput}
          className='photo-picker__file'
          type='file'
          accept='image/*'
          multiple={max > 1}
          data-testid='photo-input'
          onChange={(event) => {
            const files = Array.from(event.currentTarget.files ?? [])
            // Picking the same file again must fire again.
            event.currentTarget.value = ''
            add(files.map((file) => ({ source: file, preview: URL.createObjectURL(file) })))
          }}
        />
      ) : null}
    </View>
  )
}
