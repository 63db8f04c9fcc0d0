// 导出Excel from any table: one request id per tap intent, the file saved or opened.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import type { ActionInput } from '@minyi/types/actions'
import { errorMessage } from '../../services/api'
import { newRequestId } from '../../services/requestId'
import { exportTable } from './api'
import { saveFile } from '../../services/saveFile'

export function useExport() {
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const run = async (input: ActionInput<'insight.export'>) => {
    setBusy(input.table)
    setError(null)
    try {
      const file = await exportTable(input, newRequestId())
      await saveFile({ fileName: file.fileName, base64: file.contentBase64 })
      void Taro.showToast({ title: `已导出${file.rows}行`, icon: 'success' })
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(null)
    }
  }
  return { busy, error, run }
}
