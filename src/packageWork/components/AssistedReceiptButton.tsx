// 打印回执 for a case staff registered on a resident's behalf (代录).
import { useState } from 'react'
import { Button, ErrorText } from '../../components'
import { saveFile } from '../../services/saveFile'
import { callApi, errorMessage } from '../../services/api'

export function AssistedReceiptButton({ caseId }: { caseId: string }) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  return (
    <>
      <Button
        kind='secondary'
        block
        loading={busy}
        testId='print-receipt'
        onClick={() => {
          setBusy(true)
          setError(null)
          callApi('assisted.receipt', { caseId })
            .then(saveFile)
            .catch((e: unknown) => setError(errorMessage(e)))
            .finally(() => setBusy(false))
        }}
      >
        打印回执（含认领二维码）
      </Button>
      {error ? <ErrorText>{error}</ErrorText> : null}
    </>
  )
}
