// 代录: staff register an opinion for a resident who came in person (来访) or phoned (来电), then
// print the 回执 with the tracking number and the QR the resident scans to claim it.
import { useRef, useState } from 'react'
import { View } from '@tarojs/components'
import { CONTENT_MAX, CONTENT_MIN, assistedRegisterInput } from '@minyi/types/actions'
import { CATEGORIES, CATEGORY_LABELS, type Category } from '@minyi/types/enums'
import { Button, Card, ChoiceChips, ErrorText, Field, Loading, Notice, Page, TextArea, TextInput } from '../../../components'
import { useMe } from '../../../features/session/hooks/useMe'
import { errorMessage, callApi, ApiError } from '../../../services/api'
import { go, urls } from '../../../services/navigation'
import { newRequestId } from '../../../services/requestId'
import { validate, type FieldErrors } from '../../../utils/validate'
import { AssistedReceiptButton } from '../../components/AssistedReceiptButton'

const CHANNEL_OPTIONS = [
  { value: 'walk_in', label: '来访' },
  { value: 'phone_call', label: '来电' },
]
const CATEGORY_OPTIONS = CATEGORIES.map((value) => ({ value, label: CATEGORY_LABELS[value] }))

export default function AssistedPage() {
  const me = useMe()
  const stations = me.data?.stations ?? []
  const [stationId, setStationId] = useState<string | null>(null)
  const [channel, setChannel] = useState<string>('walk_in')
  const [category, setCategory] = useState<Category | null>(null)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<{ id: string; trackingNo: string; claimCode: string } | null>(null)
  const [formKey, setFormKey] = useState(0)
  const fields = useRef({ residentName: '', phone: '', content: '', place: '' })
  const requestId = useRef<string | null>(null)
  const station = stationId ?? stations[0]?.id ?? null

  const submit = async () => {
    if (busy || !station) return
    const input = { stationId: station, channel, category: category ?? undefined, ...fields.current }
    const checked = validate(assistedRegisterInput, input)
    if (!checked.ok) {
      setErrors(category ? checked.errors : { ...checked.errors, category: '请选择问题类别' })
      setError('还有内容没有填好，请按红色提示修改')
      return
    }
    setBusy(true)
    setError(null)
    try {
      requestId.current ??= newRequestId()
      setDone(await callApi('assisted.register', checked.data, { requestId: requestId.current }))
      requestId.current = null
    } catch (e) {
      if (e instanceof ApiError && e.field) setErrors({ [e.field]: e.message })
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  const field = (name: keyof typeof fields.current) => (value: string) => {
    fields.current[name] = value
    requestId.current = null
    setErrors((current) => (current[name] ? { ...current, [name]: '' } : current))
  }

  if (me.loading && !me.data) return <Page><Loading /></Page>

  return (
    <Page testId='page-assisted'>
      {done ? (
        <View>
          <Notice tone='success' title='已登记' testId='assisted-done'>
            追踪编号 {done.trackingNo}。请打印回执交给群众：扫回执上的二维码，这条民意就会出现在他（她）的“我的”里；认领码 {done.claimCode}。
          </Notice>
          <AssistedReceiptButton caseId={done.id} />
          <View className='assisted-page__gap' />
          <Button kind='plain' block onClick={() => go(urls.workCase(done.id))} testId='assisted-open'>
            查看这条民意
          </Button>
          <Button
            kind='plain'
            block
            onClick={() => {
              setDone(null)
              setCategory(null)
              fields.current = { residentName: '', phone: '', content: '', place: '' }
              setFormKey((k) => k + 1)
            }}
          >
            再登记一条
          </Button>
        </View>
      ) : (
        <Card key={formKey}>
          {stations.length > 1 ? (
            <Field label='家站点' required id='field-station'>
              <ChoiceChips columns={0} options={stations.map((s) => ({ value: s.id, label: s.name }))} value={station} onChange={setStationId} />
            </Field>
          ) : null}
          <Field label='方式' required id='field-channel'>
            <ChoiceChips options={CHANNEL_OPTIONS} value={channel} onChange={setChannel} testId='assisted-channel' />
          </Field>
          <Field label='群众姓名' required id='field-residentName' error={errors.residentName} testId='field-residentName'>
            <TextInput name='residentName' maxlength={20} placeholder='例如：马大爷' testId='input-resident-name' onInput={field('residentName')} />
          </Field>
          <Field label='联系电话' optional id='field-phone' error={errors.phone} testId='field-phone' hint='加密保存，只显示为 138****1234 的样子。'>
            <TextInput name='phone' type='number' maxlength={11} placeholder='11位手机号码' testId='input-phone' onInput={field('phone')} />
          </Field>
          <Field label='问题类别' required id='field-category' error={errors.category} testId='field-category'>
            <ChoiceChips options={CATEGORY_OPTIONS} value={category} onChange={setCategory} />
          </Field>
          <Field label='反映内容' required id='field-content' error={errors.content} testId='field-content' hint={`至少${CONTENT_MIN}个字，最多${CONTENT_MAX}个字。`}>
            <TextArea name='content' height='tall' maxlength={CONTENT_MAX} testId='input-content' onInput={field('content')} />
          </Field>
          <Field label='地点' optional id='field-place' error={errors.place}>
            <TextInput name='place' maxlength={100} testId='input-place' onInput={field('place')} />
          </Field>
          {error ? <ErrorText>{error}</ErrorText> : null}
          <Button size='large' loading={busy} onClick={() => void submit()} testId='assisted-submit'>
            登记
          </Button>
        </Card>
      )}
    </Page>
  )
}
