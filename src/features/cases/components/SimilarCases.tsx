// 附议 on the submit form: open cases at this station that say much the same as what the resident is
// writing. They may second one (and follow it like its author) or still submit their own.
import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { CaseView } from '@minyi/types/entities'
import { Button, ErrorText, Notice, StatusTag } from '../../../components'
import { errorMessage } from '../../../services/api'
import { confirm } from '../../../services/dialog'
import { go, urls } from '../../../services/navigation'
import { newRequestId } from '../../../services/requestId'
import { secondCase, type DraftSimilarCase } from '../api'
import './photos.scss'

/** At most this many similar cases are offered. */
export const SIMILAR_SHOWN = 3

interface SimilarCasesProps {
  cases: DraftSimilarCase[]
  stationCode: string
  onSeconded: (view: CaseView) => void
}

export function SimilarCases({ cases, stationCode, onSeconded }: SimilarCasesProps) {
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<{ id: string; message: string } | null>(null)
  // One intent per case: a repeated tap after a lost answer seconds once (the server counts once anyway).
  const requestIds = useRef<Record<string, string>>({})

  if (!cases.length) return null

  const second = async (item: DraftSimilarCase) => {
    if (busy) return
    const ok = await confirm(
      '附议这条民意',
      '附议后，这件事的办理进展会同样通知您，您不用再重复提交。确定附议吗？',
      { confirmText: '确定附议', cancelText: '再想想' },
    )
    if (!ok) return
    setBusy(item.id)
    setError(null)
    requestIds.current[item.id] ??= newRequestId()
    try {
      const view = await secondCase(item.id, stationCode, requestIds.current[item.id])
      void Taro.showToast({ title: '附议成功', icon: 'success' })
      onSeconded(view)
    } catch (e) {
      setError({ id: item.id, message: errorMessage(e) })
    } finally {
      setBusy(null)
    }
  }

  return (
    <View data-testid='similar-cases'>
      <Notice tone='info' title='附近群众已反映过类似问题'>
        <View className='similar-cases__intro'>如果是同一件事，可以点“附议”，不用重复提交，办理进展会同样通知您。</View>
        {cases.slice(0, SIMILAR_SHOWN).map((item) => (
          <View key={item.id} className='similar-case' data-testid='similar-case'>
            <View className='similar-case__text'>{item.excerpt}</View>
            <View className='similar-case__meta'>
              <StatusTag status={item.status} />
              <View className='similar-case__count' data-testid='similar-raised-by'>
                {item.raisedBy} 位群众反映
              </View>
            </View>
            {item.isMine ? (
              <View className='similar-case__actions'>
                <View className='similar-case__done'>这是您自己反映的</View>
                <Button kind='plain' size='small' onClick={() => go(urls.case(item.id))}>
                  查看
                </Button>
              </View>
            ) : item.seconded ? (
              <View className='similar-case__actions'>
                <View className='similar-case__done'>✓ 您已附议</View>
                <Button kind='plain' size='small' onClick={() => go(urls.case(item.id))}>
                  查看进展
                </Button>
              </View>
            ) : (
              <View className='similar-case__actions'>
                <Button kind='secondary' block loading={busy === item.id} onClick={() => void second(item)} testId='second-button'>
                  {busy === item.id ? '正在附议…' : '附议（我也反映这个问题）'}
                </Button>
              </View>
            )}
            {error?.id === item.id ? <ErrorText>{error.message}</ErrorText> : null}
          </View>
        ))}
        <View className='similar-cases__foot'>不是同一件事？请继续填写，提交您自己的反映。</View>
      </Notice>
    </View>
  )
}
