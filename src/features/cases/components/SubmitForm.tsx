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
import { useLargeText } from '../../../services/largeText'
import { VoiceButton } from '../../a11y/VoiceButton'
import './submit.scss'

const CATEGORY_OPTIONS = CATEGORIES.map((value) => ({ value, label: CATEGORY_LABELS[value] }))

/** 大字模式: one question per screen, in this order, then a review. */
export const LARGE_STEPS = [
  { title: '遇到了什么问题', fields: ['category', 'content'] },
  { title: '在哪里', fields: ['place'] },
  { title: '拍照片（可以不拍）', fields: ['photos'] },
  { title: '联系电话（可以不填）', fields: ['phone', 'phoneVisibleToDeputy'] },
  { title: '个人信息保护', fields: ['privacyConsent'] },
  { title: '核对后提交', fields: [] },
] as const

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
  const large = useLargeText()
  const [step, setStep] = useState(0)
  /** Remounts the text field with the new text after voice input (the field is uncontrolled). */
  const [contentKey, setContentKey] = useState(0)
  /** What the uncontrolled fields start with when (re)mounted: set only on a step change or voice input. */
  const [seed, setSeed] = useState<{ content?: string; place?: string; phone?: string }>({})
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

  const goStep = (next: number) => {
    setSeed({ content: content.current || undefined, place: place.current || undefined, phone: phone.current || undefined })
    setContentKey((k) => k + 1)
    setStep(next)
  }

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
    if (first && large) {
      const at = LARGE_STEPS.findIndex((st) => (st.fields as readonly string[]).includes(first))
      if (at >= 0) goStep(at)
    }
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

  const categoryField = (
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
  )

  const onContent = (value: string) => {
    content.current = value
    setContentLength(charCount(value))
    changed('content')
    scheduleSimilar(value)
  }

  const contentField = (
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
          {contentLength > 0 && contentLength < CONTENT_MIN ? '（字数不够）' : ''}
        </View>
      }
    >
      <TextArea
        key={contentKey}
        name='content'
        height='tall'
        maxlength={CONTENT_MAX}
        defaultValue={seed.content}
        placeholder={`请至少写${CONTENT_MIN}个字`}
        testId='input-content'
        onInput={onContent}
      />
      <VoiceButton
        onText={(text) => {
          onContent(`${content.current}${text}`.slice(0, CONTENT_MAX))
          setSeed((current) => ({ ...current, content: content.current }))
          setContentKey((k) => k + 1)
        }}
      />
    </Field>
  )

  const similarBlock = (
    <View id='similar-cases'>
      <SimilarCases cases={similar} stationCode={stationCode} onSeconded={onSeconded} />
    </View>
  )

  const photosField = (
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
  )

  const placeField = (
    <Field label='地点' optional id='field-place' error={errors.place} testId='field-place' hint='例如：翠苑二区3幢门口'>
      <TextInput
        name='place'
        maxlength={100}
        defaultValue={seed.place}
        placeholder='问题发生的地方'
        testId='input-place'
        onInput={(value) => {
          place.current = value
          changed('place')
        }}
      />
    </Field>
  )

  const phoneField = (
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
        defaultValue={seed.phone}
        placeholder='11位手机号码'
        testId='input-phone'
        onInput={(value) => {
          phone.current = value
          changed('phone')
        }}
      />
    </Field>
  )

  const visibleToggle = (
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
  )

  const consentField = (
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
  )

  const submitButton = (
    <Button size='large' loading={busy} onClick={onSubmit} testId='submit-button'>
      {busy ? '正在提交…' : '提交'}
    </Button>
  )

  if (large) {
    const current = LARGE_STEPS[step]
    const last = LARGE_STEPS.length - 1
    /** On to the next question, if this one's answers are right (the same schema as the server's). */
    const next = () => {
      const checked = validate(submitCaseInput, values())
      const fieldErrors: FieldErrors = checked.ok ? {} : { ...checked.errors }
      if (!category) fieldErrors.category = '请选择问题类别'
      const here = Object.fromEntries(Object.entries(fieldErrors).filter(([field]) => (current.fields as readonly string[]).includes(field)))
      if (Object.keys(here).length) {
        setErrors(here)
        return
      }
      setErrors({})
      goStep(step + 1)
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined)
    }
    const summary: Array<[string, string]> = [
      ['问题类别', category ? CATEGORY_LABELS[category] : '未选择'],
      ['反映内容', content.current],
      ['地点', place.current || '未填写'],
      ['照片', photos.length ? `${photos.length} 张` : '没有'],
      ['联系电话', phone.current ? `${phone.current.slice(0, 3)}****${phone.current.slice(-4)}` : '未填写'],
      ['代表查看电话', phoneVisibleToDeputy ? '允许' : '不允许'],
    ]
    return (
      <View className='submit-form submit-form--steps' data-testid='submit-form' data-step={step}>
        <Card>
          <View className='submit-form__progress' data-testid='step-progress'>
            第 {step + 1} 步，共 {LARGE_STEPS.length} 步
          </View>
          <View className='submit-form__step-title' data-testid='step-title'>
            {current.title}
          </View>
          {step === 0 ? (
            <View>
              {categoryField}
              {contentField}
              {similarBlock}
            </View>
          ) : null}
          {step === 1 ? placeField : null}
          {step === 2 ? photosField : null}
          {step === 3 ? (
            <View>
              {phoneField}
              {visibleToggle}
            </View>
          ) : null}
          {step === 4 ? consentField : null}
          {step === last ? (
            <View className='submit-form__review' data-testid='submit-review'>
              {summary.map(([label, value]) => (
                <View key={label} className='submit-form__review-row'>
                  <View className='submit-form__review-label'>{label}</View>
                  <View className='submit-form__review-value'>{value}</View>
                </View>
              ))}
            </View>
          ) : null}
          {formError ? <ErrorText>{formError}</ErrorText> : null}
          <View className='submit-form__nav'>
            {step === last ? (
              submitButton
            ) : (
              <Button size='large' onClick={next} testId='step-next'>
                下一步
              </Button>
            )}
            {step > 0 ? (
              <Button size='large' kind='plain' onClick={() => goStep(step - 1)} testId='step-back'>
                上一步
              </Button>
            ) : null}
          </View>
        </Card>
      </View>
    )
  }

  return (
    <View className='submit-form' data-testid='submit-form'>
      <Card>
        {categoryField}
        {contentField}
        {similarBlock}
        {photosField}
        {placeField}
        {phoneField}
        {visibleToggle}
        {consentField}
        {formError ? <ErrorText>{formError}</ErrorText> : null}
        {submitButton}
      </Card>
    </View>
  )
}
