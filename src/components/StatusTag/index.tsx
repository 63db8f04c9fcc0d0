import { CASE_STATUS_LABELS, type CaseStatus } from '@minyi/types/caseStateMachine'
import { Tag, type Tone } from '../Tag'

// Partial: a status added to the state machine later still renders (neutral) until it gets a tone.
const TONES: Partial<Record<CaseStatus, Tone>> = {
  submitted: 'warning',
  accepted: 'info',
  referred: 'info',
  transferred: 'info',
  replied: 'success',
  proposal: 'primary',
  declined: 'neutral',
  reopened: 'warning',
  closed: 'success',
  merged: 'info',
}

export function StatusTag({ status, size }: { status: CaseStatus; size?: 'normal' | 'large' }) {
  return (
    <Tag tone={TONES[status] ?? 'neutral'} size={size} testId='status-tag'>
      {CASE_STATUS_LABELS[status] ?? status}
    </Tag>
  )
}
