// The handling panel of the work page. Which actions appear is decided by the server: `commands`
// of `case.get` lists what this person may do to this case now. Each action: a small form, a
// confirmation, the call, then the page shows the case as the server returns it.
import { useState } from 'react'
import { View } from '@tarojs/components'
import { OPEN_STATUSES, type CaseCommand } from '@minyi/types/caseStateMachine'
import type { CaseView } from '@minyi/types/entities'
import { Button, Card, SectionTitle } from '../../../../components'
import {
  AcceptForm,
  AnswerOnSiteForm,
  DeclineForm,
  ExtendForm,
  ForwardForm,
  forwardTargetLabel,
  MarkProposalForm,
  MergeForm,
  RecordUnitAnswerForm,
  ReferForm,
  TransferForm,
} from './CommandForms'
import './work.scss'

/**
 * Commands a deputy or staff member takes by hand. Residents' (close, reopen, escalate: through
 * 评价) and the system's (autoClose, mergedReply, mergedDecline, includeInSuggestion,
 * suggestionAnswered) have no button here.
 */
type WorkCommand = Extract<
  CaseCommand,
  'accept' | 'answerOnSite' | 'refer' | 'forward' | 'transfer' | 'extend' | 'recordUnitAnswer' | 'markProposal' | 'merge' | 'decline'
>

interface CommandButton {
  command: WorkCommand
  label: string
  description: string
  kind: 'primary' | 'secondary' | 'danger'
}

function commandButtons(view: CaseView): CommandButton[] {
  const target = forwardTargetLabel(view)
  return [
    { command: 'accept', label: '受理', description: '确认收到，开始处理', kind: 'primary' },
    { command: 'answerOnSite', label: '现场答复', description: '能当场答复的，直接答复群众', kind: 'secondary' },
    // An office's main step (a station never gets it: only an office assigns a unit).
    { command: 'transfer', label: '转办承办单位', description: '交给本级承办单位办理，按工作日设定办理期限', kind: 'primary' },
    { command: 'refer', label: '提请转办', description: '请工作人员报送人大机关，转交有关部门办理', kind: 'secondary' },
    {
      command: 'forward',
      label: `转报${target}`,
      description:
        view.handler.level === 'station'
          ? `需要有关部门办理的，报送${target}，由其转交承办单位并限期答复`
          : `本级不能办理的，报送上一级人大机关（${target}）`,
      kind: 'secondary',
    },
    { command: 'recordUnitAnswer', label: '登记承办单位答复', description: '把承办单位的答复告知群众', kind: 'primary' },
    { command: 'extend', label: '延长办理期限', description: '承办单位确需更多时间的，可延长一次，须说明理由', kind: 'secondary' },
    { command: 'markProposal', label: '列为议案建议素材', description: '普遍性、典型性问题', kind: 'secondary' },
    { command: 'merge', label: '并案办理', description: '与同一家站点已有的同一问题合并办理，群众各自收到答复', kind: 'secondary' },
    { command: 'decline', label: '不予受理', description: '说明原因并告知依法解决的途径', kind: 'danger' },
  ]
}

export function ActionPanel({ view, onChanged }: { view: CaseView; onChanged: (view: CaseView) => void }) {
  const [open, setOpen] = useState<WorkCommand | null>(null)
  const available = commandButtons(view).filter((item) => view.commands.includes(item.command))

  if (!available.length) {
    return (
      <View data-testid='action-panel'>
        <SectionTitle>办理</SectionTitle>
        <Card>
          <View className='work-panel__none' data-testid='no-actions'>
            {OPEN_STATUSES.includes(view.status) && view.status !== 'submitted'
              ? `此件现由${view.handler.name}办理，您可以查看进展。`
              : '当前状态下您没有需要办理的操作。'}
          </View>
        </Card>
      </View>
    )
  }

  const done = (updated: CaseView) => {
    setOpen(null)
    onChanged(updated)
  }
  const close = () => setOpen(null)
  const props = { view, onDone: done, onCancel: close }

  return (
    <View data-testid='action-panel'>
      <SectionTitle>办理</SectionTitle>
      <Card>
        {open === null ? (
          <View className='work-panel__buttons'>
            {available.map((item) => (
              <View key={item.command} className='work-panel__action'>
                <Button kind={item.kind} block onClick={() => setOpen(item.command)} testId={`action-${item.command}`}>
                  {item.label}
                </Button>
                <View className='work-panel__description'>{item.description}</View>
              </View>
            ))}
          </View>
        ) : null}
        {open === 'accept' ? <AcceptForm {...props} /> : null}
        {open === 'answerOnSite' ? <AnswerOnSiteForm {...props} /> : null}
        {open === 'refer' ? <ReferForm {...props} /> : null}
        {open === 'transfer' ? <TransferForm {...props} /> : null}
        {open === 'recordUnitAnswer' ? <RecordUnitAnswerForm {...props} /> : null}
        {open === 'markProposal' ? <MarkProposalForm {...props} /> : null}
        {open === 'decline' ? <DeclineForm {...props} /> : null}
        {open === 'forward' ? <ForwardForm {...props} /> : null}
        {open === 'extend' ? <ExtendForm {...props} /> : null}
        {open === 'merge' ? <MergeForm {...props} /> : null}
      </Card>
    </View>
  )
}
