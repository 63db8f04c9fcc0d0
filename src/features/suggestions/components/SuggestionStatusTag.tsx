import { SUGGESTION_STATUS_LABELS, type SuggestionStatus } from '@minyi/types/suggestionStateMachine'
import { Tag, type Tone } from '../../../components'

const TONES: Record<SuggestionStatus, Tone> = {
  draft: 'neutral',
  submitted: 'warning',
  assigned: 'info',
  answered: 'success',
  rehandling: 'warning',
  closed: 'success',
  withdrawn: 'neutral',
}

export function SuggestionStatusTag({ status, size }: { status: SuggestionStatus; size?: 'normal' | 'large' }) {
  return (
    <Tag tone={TONES[status] ?? 'neutral'} size={size} testId='suggestion-status'>
      {SUGGESTION_STATUS_LABELS[status] ?? status}
    </Tag>
  )
}
