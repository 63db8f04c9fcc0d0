// The deputy's secret ballot: choose up to N candidates, confirm the choice on a clear summary, then
// cast it. The receipt code is made on this device; the server keeps only its hash, so nobody —
// not even the congress office — can read who chose what. With the receipt the deputy can check
// later that the ballot was counted and what it says.
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useRef, useState } from 'react'
import { Button, Card, ErrorText, ErrorView, Field, Loading, Notice, Page, SectionTitle, TextInput } from '../../../components'
import { livelihoodApi } from '../../../features/livelihood/api'
import { formatReceipt, newReceipt } from '../../../features/livelihood/receipt'
import { useSignedIn } from '../../../features/session/hooks/useSignedIn'
import { useLoader } from '../../../hooks/useLoader'
import { errorMessage } from '../../../services/api'
import { decodeParam } from '../../../services/navigation'
import { newRequestId } from '../../../services/requestId'
import '../../lib/livelihood.scss'

export default function VotePage() {
  const router = useRouter()
  const roundId = decodeParam(router.params.id)
  const signedIn = useSignedIn()
  const status = useLoader(signedIn && roundId ? () => livelihoodApi.ballot(roundId) : null, [signedIn, roundId])
  const [chosen, setChosen] = useState<string[]>([])
  const [step, setStep] = useState<'choose' | 'confirm' | 'done'>('choose')
  const [error, setError] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  // One intent = one requestId and one receipt: a repeated tap after a lost answer sends the same ballot.
  const intent = useRef<{ requestId: string; receipt: string } | null>(null)
  const [receipt, setReceipt] = useState<string | null>(null)
  const verifyInput = useRef('')
  const [verified, setVerified] = useState<string | null>(null)
  const s = status.data
  const seats = s?.vote?.seats ?? 0

  const toggle = (id: string) => {
    setError(null)
    if (chosen.includes(id)) setChosen(chosen.filter((x) => x !== id))
    else if (chosen.length >= seats) setError(`最多选择${seats}个项目`)
    else setChosen([...chosen, id])
  }

  const cast = async () => {
    if (!intent.current) intent.current = { requestId: newRequestId(), receipt: newReceipt() }
    setSending(true)
    setError(null)
    try {
      await livelihoodApi.cast({ roundId, choices: chosen, receipt: intent.current.receipt }, intent.current.requestId)
      setReceipt(intent.current.receipt)
      setStep('done')
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setSending(false)
    }
  }

  const verify = async () => {
    try {
      const r = await livelihoodApi.verify(roundId, verifyInput.current)
      setVerified(r.found ? `已计入。您的选择：${r.choices.map((c) => c.title).join('、')}` : '没有找到这张选票，请核对回执码')
    } catch (e) {
      setVerified(errorMessage(e))
    }
  }

  const titleOf = (id: string) => s?.candidates.find((c) => c.id === id)?.title ?? id

  return (
    <Page testId='page-livelihood-vote'>
      {status.loading && !s ? <Loading /> : null}
      {status.error && !s ? <ErrorView message={status.error} onRetry={() => void status.reload()} /> : null}
      {s ? (
        <View>
          <Card>
            <View className='lv-title'>{s.title}</View>
            <View className='lv-muted'>
              无记名投票：从 {s.candidates.length} 个候选项目中选择不超过 {seats} 个。{s.vote?.majorityLabel}。
            </View>
          </Card>

          {step === 'done' && receipt ? (
            <Card testId='ballot-receipt'>
              <Notice tone='success' title='投票成功，您的选票已计入'>
                请记下或截图保存下面的回执码。凭回执码可以核验选票；系统不保存您和选票的对应关系，回执码丢失后无法找回。
              </Notice>
              <View className='lv-receipt' data-testid='receipt-code'>
                {formatReceipt(receipt)}
              </View>
              <View className='lv-muted'>您的选择：{chosen.map(titleOf).join('、')}</View>
            </Card>
          ) : null}

          {step !== 'done' && (!s.inElectorate || !s.open || s.voted) ? (
            <Notice tone={s.voted ? 'success' : 'warning'} testId='ballot-closed'>
              {s.voted ? '您已经投过票了，每位代表只能投一票。' : (s.closedReason ?? '现在不能投票')}
            </Notice>
          ) : null}

          {step === 'choose' && s.inElectorate && s.open && !s.voted ? (
            <View>
              <SectionTitle extra={`已选 ${chosen.length}/${seats}`}>请选择项目</SectionTitle>
              {s.candidates.map((c) => (
                <View key={c.id} className={`lv-choice ${chosen.includes(c.id) ? 'lv-choice--on' : ''}`} onClick={() => toggle(c.id)} data-testid='ballot-option'>
                  <View className='lv-row'>
                    <View className='lv-title'>
                      {c.no}. {c.title}
                    </View>
                    <View className='lv-title'>{chosen.includes(c.id) ? '☑' : '☐'}</View>
                  </View>
                  <View className='lv-muted'>
                    {c.unitName} · 预算约 {c.budgetWan} 万元 · {c.timeFrame}
                  </View>
                  <View className='lv-text'>{c.description}</View>
                </View>
              ))}
              {error ? <ErrorText>{error}</ErrorText> : null}
              <Button block size='large' disabled={chosen.length ? undefined : true} onClick={() => setStep('confirm')} testId='ballot-next'>
                下一步：核对选择
              </Button>
            </View>
          ) : null}

          {step === 'confirm' ? (
            <Card testId='ballot-confirm'>
              <View className='lv-title'>请核对您的选择</View>
              <View className='lv-muted'>投出后不能修改。您选择了 {chosen.length} 个项目（最多 {seats} 个）：</View>
              {chosen.map((id) => (
                <View key={id} className='lv-text'>
                  ☑ {titleOf(id)}
                </View>
              ))}
              {error ? <ErrorText>{error}</ErrorText> : null}
              <View className='lv-actions'>
                <Button kind='secondary' onClick={() => setStep('choose')} testId='ballot-back'>
                  返回修改
                </Button>
                <Button loading={sending} onClick={() => void cast()} testId='ballot-cast'>
                  确认投票
                </Button>
              </View>
            </Card>
          ) : null}

          <SectionTitle>核验我的选票</SectionTitle>
          <Card>
            <Field label='回执码'>
              <TextInput placeholder='16位回执码' maxlength={24} onInput={(v) => (verifyInput.current = v)} testId='verify-input' />
            </Field>
            <Button kind='secondary' onClick={() => void verify()} testId='verify-button'>
              核验
            </Button>
            {verified ? <View className='lv-text' data-testid='verify-result'>{verified}</View> : null}
          </Card>
        </View>
      ) : null}
    </Page>
  )
}
