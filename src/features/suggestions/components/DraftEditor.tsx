// The deputy's draft: kind, title and text. Typed text is kept on the page until 保存草稿 (or the
// submission, which saves first).
import { useRef, useState } from 'react'
import { View } from '@tarojs/components'
import { SUGGESTION_KINDS, SUGGESTION_KIND_LABELS, type SuggestionKind } from '@minyi/types/suggestionStateMachine'
import type { SuggestionView } from '@minyi/types/suggestionViews'
import { Button, Card, ChoiceChips, Field, SectionTitle, TextArea, TextInput } from '../../../components'
import { charCount } from '../../../utils/format'
import './suggestions.scss'

// Same limits as the server (types/actions/suggestions.ts), repeated here to keep zod out of the page.
const TITLE_MIN = 5
const TITLE_MAX = 60
const BODY_MIN = 20
const BODY_MAX = 5000

export interface DraftChanges {
  kind?: SuggestionKind
  title?: string
  body?: string
}

export interface DraftEditorHandle {
  /** What differs from the saved draft (empty when nothing does). */
  changes: () => DraftChanges
}

interface DraftEditorProps {
  view: SuggestionView
  busy: boolean
  fieldErrors: Record<string, string>
  onTouched: () => void
  onSave: (changes: DraftChanges) => void
  /** Lets the page read unsaved changes before submitting. */
  handle: { current: DraftEditorHandle | null }
}

export function DraftEditor({ view, busy, fieldErrors, onTouched, onSave, handle }: DraftEditorProps) {
  const [kind, setKind] = useState<SuggestionKind>(view.kind)
  const title = useRef(view.title)
  const body = useRef(view.body)
  const [counts, setCounts] = useState({ title: charCount(view.title), body: charCount(view.body) })

  const changes = (): DraftChanges => {
    const result: DraftChanges = {}
    if (kind !== view.kind) result.kind = kind
    if (title.current.trim() !== view.title) result.title = title.current.trim()
    if (body.current.trim() !== view.body) result.body = body.current.trim()
    return result
  }
  handle.current = { changes }
  const dirty = Object.keys(changes()).length > 0

  return (
    <View data-testid='draft-editor'>
      <SectionTitle>起草</SectionTitle>
      <Card>
        <Field label='类型'>
          <ChoiceChips
            columns={2}
            options={SUGGESTION_KINDS.map((value) => ({ value, label: SUGGESTION_KIND_LABELS[value] }))}
            value={kind}
            onChange={(value) => {
              setKind(value)
              onTouched()
            }}
            testId='draft-kind'
          />
        </Field>
        <Field label='标题' required error={fieldErrors.title} extra={`${counts.title}/${TITLE_MAX}`} testId='draft-title'>
          <TextInput
            defaultValue={view.title}
            placeholder={`例如：关于……的建议（至少${TITLE_MIN}个字）`}
            maxlength={TITLE_MAX}
            onInput={(v) => {
              title.current = v
              setCounts((c) => ({ ...c, title: charCount(v) }))
              onTouched()
            }}
            testId='draft-title-input'
          />
        </Field>
        <Field
          label='正文'
          required
          hint='写明群众反映的问题、原因分析和具体建议。'
          error={fieldErrors.body}
          extra={`${counts.body}字`}
          testId='draft-body'
        >
          <TextArea
            height='tall'
            defaultValue={view.body}
            placeholder={`至少${BODY_MIN}个字`}
            maxlength={BODY_MAX}
            onInput={(v) => {
              body.current = v
              setCounts((c) => ({ ...c, body: charCount(v) }))
              onTouched()
            }}
            testId='draft-body-input'
          />
        </Field>
        <Button kind='secondary' block loading={busy} disabled={!dirty} onClick={() => onSave(changes())} testId='save-draft'>
          {dirty ? '保存草稿' : '草稿已保存'}
        </Button>
      </Card>
    </View>
  )
}
