// A console form's state: field errors from the server shown next to the field it names, one
// requestId per intent (kept when the same save is tapped again, new after any edit).
import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { ApiError, errorMessage } from '../../services/api'
import { newRequestId } from '../../services/requestId'

export function useForm() {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({})
  const requestId = useRef<string | null>(null)

  const touched = (field: string) => {
    requestId.current = null
    setError(null)
    setFieldErrors((errors) => {
      if (!errors[field]) return errors
      const { [field]: _answered, ...rest } = errors
      return rest
    })
  }

  /** Runs a save; on INVALID_INPUT the message goes next to `field` (or to `fieldOf(field)`). */
  async function submit<T>(run: (requestId: string) => Promise<T>, done: string, fieldOf: (field: string) => string = (f) => f): Promise<T | null> {
    setFieldErrors({})
    setError(null)
    requestId.current ??= newRequestId()
    setBusy(true)
    try {
      const result = await run(requestId.current)
      requestId.current = null
      void Taro.showToast({ title: done, icon: 'success' })
      return result
    } catch (e) {
      if (e instanceof ApiError && e.code === 'INVALID_INPUT' && e.field) setFieldErrors({ [fieldOf(e.field.split('.')[0])]: e.message })
      else setError(errorMessage(e))
      return null
    } finally {
      setBusy(false)
    }
  }

  return { busy, error, fieldErrors, setFieldErrors, touched, submit }
}
