// 反映民意: the resident's form. Validated with the very schema the server uses, so each field
// shows the same Chinese message the server would give. While the resident writes (and once more
// before the final submit) it looks for similar open cases at the station to second (附议) instead;
// photos are compressed and uploaded as soon as they are picked.
import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { submitCaseInput, CONTENT_MAX, CONTENT_MIN } from '@minyi/types/actions/cases'
import type { CaseView } from '@minyi/types/entities'
import { CATEGORIES, CATEGORY_LABELS, type Category } from '@minyi/types/enums'
import { PHOTO_MAX_COUNT } from '@minyi/types/photos'
import { Button, Card, Checkbox, ChoiceChips, ErrorText, Field, TextArea, TextInput, Toggle } from '../../../components'
import { ApiError, errorMessage } from '../../../services/api'
import { go, PAGES } from '../../../services/navigation'
import { newRequestId } from '../../../services/requestId'
import { charCount } from '../../../utils/format'
import { validate, type FieldErrors } from '../../../utils/validate'
import { recordSubscriptions, similarForDraft, submitCase, type DraftSimilarCase, type SubmitInput } from '../api'
import { PhotoPicker, photoRefsOf, type PhotoItem } from './PhotoPicker'
import { SimilarCases, SIMILAR_SHOWN } from './SimilarCases'
import { requestSubscriptions, type NoticeKind } from '../subscriptions'
import './submit.scss'

const CATEGORY_OPTIONS = CATEGORIES.map((value) => ({ value, label: CATEGORY_LABELS[value] }))

/** Form fields in the order they appear, to scroll to the first one that is wrong. */
const FIELD_ORDER = ['category', 'content', 'photos', 'place', 'phone', 'phoneVisibleToDeputy', 'privacyConsent'] as const

/** Similar cases are looked for once this much is written, this long after the last keystroke. */
export const SIMILAR_MIN_CHARS = 10
const SIMILAR_DEBOUNCE_MS = 600

export interface SubmitResult {
  id: string
  trackingNo: string
  needsReview: boolean
}

interface SubmitFormProps {
  stationCode: string
  deputyCode?: string
  onSubmitted: (result: SubmitResult) => void
  /** The resident seconded (附议) a similar case instead of submitting. */
  onSeconded: (view: CaseView) => void
}

export function SubmitForm({ stationCode, deputyCode, onSubmitted, onSeconded }: SubmitFormProps) {
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
  const [photos, setPhotos] = useState<PhotoItem[]>([])
  const [similar, setSimilar] = useState<DraftSimilarCase[]>([])
  /** The text the shown similar cases were looked up for, and the ids shown so far. */
  const checkedText = useRef<string | null>(null)
  const shownIds = useRef(new Set<string>())
  const similarTimer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const similarGeneration = useRef(0)

  useEffect(
    () => () => {
      if (similarTimer.current) clearTimeout(similarTimer.current)
    },
    [],
  )

  /** Looks up similar open cases for `text`; null when the lookup failed or was overtaken. */
  const checkSimilar = async (text: string): Promise<DraftSimilarCase[] | null> => {
    const mine = ++similarGeneration.current
    try {
      const found = (await similarForDraft(stationCode, text.slice(0, CONTENT_MAX))).slice(0, SIMILAR_SHOWN)
      if (mine !== similarGeneration.current) return null
      checkedText.current = text
      setSimilar(found)
      return found
    } catch {
      // Only a help: a failed lookup never stops the resident.
      return null
    }
  }

  const scheduleSimilar = (value: string) => {
    if (similarTimer.current) clearTimeout(similarTimer.current)
    const text = value.trim()
    if (charCount(text) < SIMILAR_MIN_CHARS) {
      similarGeneration.current += 1
      checkedText.current = null
      setSimilar([])
      return
    }
    if (text === checkedText.current) return
    similarTimer.current = setTimeout(() => void checkSimilar(text), SIMILAR_DEBOUNCE_MS)
  }

  useEffect(() => {
    similar.forEach((item) => shownIds.current.add(item.id))
  }, [similar])

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
    photos: photos.filter((p) => p.fileId).map((p) => p.fileId as string),
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
      // Before the final submit: similar cases the resident has not seen yet (the text changed since
      // the last lookup). They decide: second one, or tap 提交 again.
      const text = input.content.trim()
      if (charCount(text) >= SIMILAR_MIN_CHARS && checkedText.current !== text) {
        if (similarTimer.current) clearTimeout(similarTimer.current)
        const unseen = (await checkSimilar(text))?.filter((c) => !c.isMine && !c.seconded && !shownIds.current.has(c.id)) ?? []
        if (unseen.length) {
          setFormError('附近群众已反映过类似问题（见上方）。是同一件事可以附议；不是的话，请再点一次“提交”。')
          void Taro.pageScrollTo({ selector: '#similar-cases', duration: 200 }).catch(() => undefined)
          return
        }
      }
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
    const uploaded = photoRefsOf(photos)
    if (!checked.ok || !uploaded.ok) {
      showErrors({
        ...(checked.ok ? {} : checked.errors),
        ...(checked.ok || category ? {} : { category: '请选择问题类别' }),
        ...(uploaded.ok ? {} : { photos: uploaded.message }),
      })
      setFormError(checked.ok && !uploaded.ok ? uploaded.message : '还有内容没有填好，请按红色提示修改')
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
              scheduleSimilar(value)
            }}
          />
        </Field>

        <View id='similar-cases'>
          <SimilarCases cases={similar} stationCode={stationCode} onSeconded={onSeconded} />
        </View>

        <Field
          label='照片'
          optional
          id='field-photos'
          error={errors.photos}
          testId='field-photos'
          hint={`最多${PHOTO_MAX_COUNT}张，拍下现场情况更清楚。照片只给办理的工作人员和代表看。`}
        >
          <PhotoPicker items={photos} setItems={setPhotos} onChanged={() => changed('photos')} />
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
