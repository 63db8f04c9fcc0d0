// 新增 / 修改 a knowledge-base entry. Checked by the server: its Chinese message is shown under the
// field it names (标题至少需要2个字, 请至少填写一个关键词, ...).
import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { KnowledgeEntryView } from '@minyi/types/actions/triage'
import { CATEGORIES, CATEGORY_LABELS, type Category } from '@minyi/types/enums'
import { Button, ChoiceChips, ErrorText, Field, TextArea, TextInput } from '../../../components'
import { ApiError, errorMessage } from '../../../services/api'
import { newRequestId } from '../../../services/requestId'
import { createKnowledge, updateKnowledge } from '../api'
import './knowledge.scss'

const CATEGORY_OPTIONS = CATEGORIES.map((value) => ({ value, label: CATEGORY_LABELS[value] }))

interface KnowledgeFormProps {
  /** The entry to change; absent for a new one. */
  entry?: KnowledgeEntryView
  onSaved: (entry: KnowledgeEntryView) => void
  onCancel: () => void
}

export function KnowledgeForm({ entry, onSaved, onCancel }: KnowledgeFormProps) {
  const title = useRef(entry?.title ?? '')
  const keywords = useRef(entry?.keywords.join('、') ?? '')
  const answer = useRef(entry?.answer ?? '')
  const [category, setCategory] = useState<Category | null>(entry?.category ?? null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({})
  const requestId = useRef<string | null>(null)

  /** An edit is a new intent, and the message about that field has been answered. */
  const touched = (field: string) => {
    requestId.current = null
    setError(null)
    setFieldErrors((errors) => {
      if (!errors[field]) return errors
      const { [field]: _answered, ...rest } = errors
      return rest
    })
  }

  const save = async () => {
    if (!category) {
      setFieldErrors({ category: '请选择问题类别' })
      return
    }
    setFieldErrors({})
    setError(null)
    requestId.current ??= newRequestId()
    setBusy(true)
    const fields = { title: title.current, keywords: keywords.current, answer: answer.current, category }
    try {
      const saved = entry
        ? await updateKnowledge({ id: entry.id, ...fields }, requestId.current)
        : await createKnowledge(fields, requestId.current)
      requestId.current = null
      void Taro.showToast({ title: entry ? '已保存' : '已新增', icon: 'success' })
      onSaved(saved)
    } catch (e) {
      if (e instanceof ApiError && e.code === 'INVALID_INPUT' && e.field && e.field !== 'id') setFieldErrors({ [e.field]: e.message })
      else setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View data-testid='knowledge-form'>
      <View className='kb-form__title'>{entry ? '修改知识库条目' : '新增知识库条目'}</View>
      <Field label='标题' required error={fieldErrors.title} testId='kb-title'>
        <TextInput defaultValue={entry?.title} placeholder='例如：高龄津贴申领' maxlength={60} onInput={(v) => { title.current = v; touched('title') }} />
      </Field>
      <Field label='问题类别' required error={fieldErrors.category} testId='kb-category'>
        <ChoiceChips columns={0} size='small' options={CATEGORY_OPTIONS} value={category} onChange={(v) => { setCategory(v); touched('category') }} />
      </Field>
      <Field label='关键词' required hint='群众可能怎么说，就怎么写；多个关键词用顿号、逗号或空格分开。' error={fieldErrors.keywords} testId='kb-keywords'>
        <TextInput defaultValue={entry?.keywords.join('、')} placeholder='例如：高龄津贴、高龄补贴、长寿金' maxlength={200} onInput={(v) => { keywords.current = v; touched('keywords') }} />
      </Field>
      <Field label='答复内容' required hint='会被复制给群众，请写清对象、条件、材料和办理地点。' error={fieldErrors.answer} testId='kb-answer'>
        <TextArea defaultValue={entry?.answer} height='tall' placeholder='请写明答复内容（至少10个字）' maxlength={2000} onInput={(v) => { answer.current = v; touched('answer') }} />
      </Field>
      {error ? <ErrorText>{error}</ErrorText> : null}
      <View className='kb-form__actions'>
        <Button kind='plain' onClick={onCancel} className='kb-form__cancel'>
          返回
        </Button>
        <Button loading={busy} onClick={() => void save()} className='kb-form__save' testId='kb-save'>
          {entry ? '保存修改' : '保存'}
        </Button>
      </View>
    </View>
  )
}
