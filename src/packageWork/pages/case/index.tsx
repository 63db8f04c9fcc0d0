// A case as a deputy or staff member handles it (the panel is components/WorkCaseView).
import { useRouter } from '@tarojs/taro'
import { Button, EmptyState, Page } from '../../../components'
import { decodeParam, go, PAGES } from '../../../services/navigation'
import { WorkCaseView } from '../../components/WorkCaseView'

export default function WorkCasePage() {
  const router = useRouter()
  const id = decodeParam(router.params.id)
  if (!id) {
    return (
      <Page>
        <EmptyState title='没有指定民意' action={<Button onClick={() => go(PAGES.inbox)}>回到工作台</Button>} />
      </Page>
    )
  }
  return <WorkCaseView id={id} />
}
