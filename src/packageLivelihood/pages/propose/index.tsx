// A resident proposes a livelihood project: what, where, for whom. It is checked for content and
// shown to others once staff have approved it.
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useRef, useState } from 'react'
import { Button, Card, ErrorText, Field, Notice, Page, TextArea, TextInput } from '../../../components'
import { askForProjectNotices, livelihoodApi } from '../../../features/livelihood/api'
import { livelihoodUrls } from '../../../features/livelihood/routes'
import { errorMessage } from '../../../services/api'
import { decodeParam, replace } from '../../../services/navigation'
import { newRequestId } from '../../../services/requestId'
import '../../lib/livelihood.scss'

export default function ProposePage() {
  const router = useRouter()
  const roundId = decodeParam(router.params.round)
  const station = decodeParam(router.params.station)
  const form = useRef({ title: '', description: '', place: '', beneficiaries: '' })
  const requestId = useRef(newRequestId())
  const [error, setError] = useState<string | null>(null)
  const [sending, setSending] = useState(false)

  const submit = async () => {
    // Before any await: WeChat asks for the subscription only from the tap itself.
    const asked = askForProjectNotices()
    setSending(true)
    setError(null)
    try {
      await livelihoodApi.propose({ roundId, ...form.current, ...(station ? { stationCode: station } : {}) }, requestId.current)
      await asked
      replace(livelihoodUrls.round({ id: roundId, station: station || undefined }))
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setSending(false)
    }
  }

  return (
    <Page testId='page-livelihood-propose'>
      <Notice tone='info'>写清楚想办的实事、在哪里、谁会受益。工作人员审核后公开，其他群众可以附议。</Notice>
      <Card>
        <Field label='项目名称' required>
          <TextInput placeholder='例如：湖滨公园增设休息座椅' maxlength={40} onInput={(v) => (form.current.title = v)} testId='proposal-title' />
        </Field>
        <Field label='想办的实事' required>
          <TextArea placeholder='现在有什么困难，希望怎么解决' maxlength={2000} onInput={(v) => (form.current.description = v)} testId='proposal-description' />
        </Field>
        <Field label='地点' required>
          <TextInput placeholder='例如：湖滨公园环湖步道' maxlength={100} onInput={(v) => (form.current.place = v)} testId='proposal-place' />
        </Field>
        <Field label='受益人群' required>
          <TextInput placeholder='例如：周边社区老年人' maxlength={100} onInput={(v) => (form.current.beneficiaries = v)} testId='proposal-beneficiaries' />
        </Field>
        {error ? <ErrorText>{error}</ErrorText> : null}
        <View className='lv-actions'>
          <Button block size='large' loading={sending} onClick={() => void submit()} testId='proposal-submit'>
            提交建议
          </Button>
        </View>
      </Card>
    </Page>
  )
}
