// Runs one command of the suggestion page: an optional confirmation, the call (one requestId per
// intent, kept while the person retries the same thing), a toast, and the server's Chinese
// message next to the field it names or under the form.
import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import type { SuggestionView } from '@minyi/types/suggestionViews'
import { ApiError, errorMessage } from '../../services/api'
import { confirm as ask } from '../../services/dialog'
import { newRequestId } from '../../services/requestId'
import { suggestionCommand } from './api'

export type SuggestionCommandName = keyof typeof suggestionCommand

export interface Confirm {
  title: string
  content: string
  confirmText?: string
}

export function useSuggestionCommand(onDone: (view: SuggestionView) => void) {
  const [busy, setBusy] = useState<SuggestionCommandName | null>(null)
  const [failure, setFailure] = useState<{ command: SuggestionCommandName; message: string } | null>(null)
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({})
  const requestIds = useRef<Partial<Record<SuggestionCommandName, string>>>({})

  /** Any edit makes the next attempt a new intent, and clears the messages about the last one. */
  const touched = () => {
    requestIds.current = {}
    setFailure(null)
    setFieldErrors((errors) => (Object.keys(errors).length ? {} : errors))
  }

  /** `done`: the toast after success (at most 7 characters: WeChat's limit with an icon). */
  const run = async <C extends SuggestionCommandName>(
    command: C,
    input: Parameters<(typeof suggestionCommand)[C]>[0],
    done: string,
    confirm?: Confirm,
  ): Promise<SuggestionView | null> => {
    setFailure(null)
    setFieldErrors({})
    if (confirm && !(await ask(confirm.title, confirm.content, { confirmText: confirm.confirmText }))) return null
    const requestId = (requestIds.current[command] ??= newRequestId())
    setBusy(command)
    try {
      const send = suggestionCommand[command] as (input: unknown, requestId: string) => Promise<SuggestionView>
      const updated = await send(input, requestId)
      delete requestIds.current[command]
      if (done) void Taro.showToast({ title: done, icon: 'success' })
      onDone(updated)
      return updated
    } catch (e) {
      if (e instanceof ApiError && e.code === 'INVALID_INPUT' && e.field && e.field !== 'suggestionId') setFieldErrors({ [e.field]: e.message })
      else setFailure({ command, message: errorMessage(e) })
      return null
    } finally {
      setBusy(null)
    }
  }

  const fail = (field: string, message: string) => {
    setFieldErrors({ [field]: message })
    setFailure(null)
  }

  /** The server's message when the last attempt of one of these commands failed. */
  const errorOf = (...commands: SuggestionCommandName[]) => (failure && commands.includes(failure.command) ? failure.message : null)

  return { busy, errorOf, fieldErrors, touched, run, fail }
}
