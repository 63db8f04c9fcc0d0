// 反映民意: the resident's form. Validated with the very schema the server uses, so each field
// shows the same Chinese message the server would give.
import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { submitCaseInput, CONTENT_MAX, CONTENT_MIN } from '@minyi/types/actions/cases'
import { CATEGORIES, CATEGORY_LABELS, type Category } from '@minyi/types/enums'
import { Button, Card, Checkbox, ChoiceChips, ErrorText, Field, TextArea, TextInput, Toggle } from '../../../components'
import { ApiError, errorMessage } from '../../../services/api'
import { go, PAGES } from '../../../services/navigation'
import { newRequestId } from '../../../services/requestId'
import { charCount } from '../../../utils/format'
import { validate, type FieldErrors } from '../../../utils/validate'
import { recordSubscriptions, submitCase, type SubmitInput } from '../api'
import { requestSubscriptions, type NoticeKind } from '../subscriptions'
import './submit.scss'

const CATEGORY_OPTIONS = CATEGORIES.map((value) => ({ value, label: CATEGORY_LABELS[value] }))

/** Form fields in the order they appear, to scroll to the first one that is wrong. */
const FIELD_ORDER = ['category', 'content', 'place', 'phone', 'phoneVisibleToDeputy', 'privacyConsent'] as const

export interface SubmitResult {
  id: string
  trackingNo: string
  needsReview: boolean
}

interface SubmitFormProps {
  stationCode: string
  deputyCode?: string
  onSubmitted: (result: SubmitResult) => void
}

export function SubmitForm({ stationCode, deputyCode, onSubmitted }: SubmitFormProps) {
  const [category, setCategory] = useState<Category | null>(null)
  const [contentLength, setContentLength] = useState(0)
  const [phoneVisibleToDeputy, setPhoneVisibleToDeputy] = useState(false)
  const [consent, setConsent] = useState(false)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const content = useRef('')
  const place = useRef('')
  const phone = useRef('')
  // One requestId per intent: kept while the person retries the same submission, dropped as soon
  // as anything in the form changes.
  const requestId = useRef<string | null>(null)

  const changed = (field: string) => {
    requestId.current = null
    setFormError(null)
    setErrors((current) => {
      if (!current[field]) return current
      const next = { ...current }
      delete next[field]
      return next
    })
  }

  const values = (): SubmitInput => ({
    stationCode,
    ...(deputyCode ? { deputyCode } : {}),
    category: (category ?? undefined) as Category,
    content: content.current,
    place: place.current,
    phone: phone.current,
    phoneVisibleToDeputy,
    privacyConsent: consent as true,
  })

  const showErrors = (fieldErrors: FieldErrors) => {
    setErrors(fieldErrors)
    const first = FIELD_ORDER.find((field) => fieldErrors[field])
    if (first) void Taro.pageScrollTo({ selector: `#field-${first}`, duration: 200 }).catch(() => undefined)
  }

  const send = async (input: SubmitInput, subscribed: Promise<NoticeKind[]>) => {
    setBusy(true)
    setFormError(null)
    try {
      const accepted = await subscribed
      // Recorded alongside the submission; a failure here must not stop it.
      const recording = accepted.length ? recordSubscriptions(accepted).catch(() => null) : null
      requestId.current ??= newRequestId()
      const result = await submitCase(input, requestId.current)
      requestId.current = null
      await recording
      onSubmitted(result)
    } catch (error) {
      if (error instanceof ApiError && error.code === 'INVALID_INPUT' && error.field && (FIELD_ORDER as readonly string[]).includes(error.field)) {
        showErrors({ [error.field]: error.message })
      } else if (error instanceof ApiError && error.code === 'CONTENT_REJECTED') {
        // The content check refused the text: say so next to the text and by the button.
        showErrors({ content: error.message })
        setFormError(error.message)
      } else {
        // Server messages are Chinese and shown as they are. After a network failure the same
        // requestId is kept, so tapping 提交 again cannot create the case twice.
        setFormError(errorMessage(error))
      }
    } finally {
      setBusy(false)
    }
  }

  // The tap handler. Everything before `requestSubscriptions()` is synchronous: WeChat shows the
  // subscription dialog only from a tap gesture, before any await.
  const onSubmit = () => {
    if (busy) return
    const checked = validate(submitCaseInput, values())
    if (!checked.ok) {
      showErrors(category ? checked.errors : { ...checked.errors, category: '请选择问题类别' })
      setFormError('还有内容没有填好，请按红色提示修改')
      return
    }
    const subscribed = requestSubscriptions()
    void send(checked.data, subscribed)
  }

  return (
    <View className='submit-form' data-testid='submit-form'>
      <Card>
        <Field label='问题类别' required id='field-category' error={errors.category} testId='field-category'>
          <ChoiceChips
            options={CATEGORY_OPTIONS}
            value={category}
            onChange={(value) => {
              setCategory(value)
              changed('category')
            }}
          />
        </Field>

        <Field
          label='反映内容'
          required
          id='field-content'
          error={errors.content}
          testId='field-content'
          hint='请写清楚是什么问题、在哪里、有多久了，以及您的建议。'
          extra={
            <View className={`submit-form__count ${contentLength > 0 && contentLength < CONTENT_MIN ? 'submit-form__count--short' : ''}`} data-testid='content-count'>
              {contentLength}/{CONTENT_MAX}
            </View>
          }
        >
          <TextArea
            name='content'
            height='tall'
            maxlength={CONTENT_MAX}
            placeholder={`请至少写${CONTENT_MIN}个字`}
            testId='input-content'
            onInput={(value) => {
              content.current = value
              setContentLength(charCount(value))
              changed('content')
            }}
          />
        </Field>

        <Field label='地点' optional id='field-place' error={errors.place} testId='field-place' hint='例如：翠苑二区3幢门口'>
          <TextInput
            name='place'
            maxlength={100}
            placeholder='问题发生的地方'
            testId='input-place'
            onInput={(value) => {
              place.current = value
              changed('place')
            }}
          />
        </Field>

        <Field
          label='联系电话'
          optional
          id='field-phone'
          error={errors.phone}
          testId='field-phone'
          hint='方便工作人员联系您。号码加密保存，只显示为 138****1234 的样子。'
        >
          <TextInput
            name='phone'
            type='number'
            maxlength={11}
            placeholder='11位手机号码'
            testId='input-phone'
            onInput={(value) => {
              phone.current = value
              changed('phone')
            }}
          />
        </Field>

        <View id='field-phoneVisibleToDeputy' className='submit-form__toggle'>
          <Toggle
            label='允许代表查看我的电话'
            description='允许后，处理这件事的人大代表可以看到您的电话，直接联系您。工作人员始终可以查看。'
            checked={phoneVisibleToDeputy}
            testId='toggle-phone-visible'
            onChange={(checked) => {
              setPhoneVisibleToDeputy(checked)
              changed('phoneVisibleToDeputy')
            }}
          />
        </View>

        <Field label='个人信息保护' id='field-privacyConsent' error={errors.privacyConsent} testId='field-privacyConsent'>
          <Checkbox
            checked={consent}
            testId='privacy-consent'
            onChange={(checked) => {
              setConsent(checked)
              changed('privacyConsent')
            }}
          >
            我已阅读并同意
            <View
              className='submit-form__link'
              data-testid='privacy-link'
              onClick={(event) => {
                event.stopPropagation()
                go(PAGES.privacy)
              }}
            >
              《个人信息保护说明》
            </View>
          </Checkbox>
        </Field>

        {formError ? <ErrorText>{formError}</ErrorText> : null}

        <Button size='large' loading={busy} onClick={onSubmit} testId='submit-button'>
          {busy ? '正在提交…' : '提交'}
        </Button>
      </Card>
    </View>
  )
}
