// 操作日志: who changed what and when, before → after, newest first; filtered by the kind of object,
// one object, or one person (tap a name or an object to filter by it). Read-only by design.
import { useState } from 'react'
import { View } from '@tarojs/components'
import type { AuditEntryView } from '@minyi/types/audit'
import { Button, Card, ChoiceChips, EmptyState, ErrorView, Loading, Page, Tag } from '../../../components'
import { listAudit } from '../../../features/admin/api'
import { useLoader } from '../../../hooks/useLoader'
import { errorMessage } from '../../../services/api'
import { formatDateTime } from '../../../utils/format'
import '../../../features/admin/components/admin.scss'

const ALL = 'all'
const TYPES = [
  { value: ALL, label: '全部' },
  { value: 'region', label: '街道/乡镇' },
  { value: 'station', label: '家站点' },
  { value: 'deputy', label: '代表' },
  { value: 'unit', label: '承办单位' },
  { value: 'routing', label: '分办规则' },
  { value: 'goal', label: '年度目标' },
  { value: 'account', label: '账号' },
  { value: 'invitation', label: '邀请码' },
] as const
type TypeFilter = (typeof TYPES)[number]['value']

const show = (value: unknown) => (value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value))

function Changes({ entry }: { entry: AuditEntryView }) {
  const keys = [...new Set([...Object.keys(entry.before ?? {}), ...Object.keys(entry.after ?? {})])].slice(0, 12)
  if (!keys.length) return null
  return (
    <View className='adm-entry__change'>
      {keys.map((k) => (
        <View key={k}>{`${k}：${entry.before ? show(entry.before[k]) : '—'} → ${entry.after ? show(entry.after[k]) : '—'}`}</View>
      ))}
    </View>
  )
}

export default function AuditPage() {
  const [type, setType] = useState<TypeFilter>(ALL)
  const [object, setObject] = useState<{ id: string; label: string } | null>(null)
  const [actor, setActor] = useState<{ id: string; name: string } | null>(null)
  const [more, setMore] = useState<AuditEntryView[]>([])
  const [hasMoreExtra, setHasMoreExtra] = useState<boolean | null>(null)
  const [moreError, setMoreError] = useState<string | null>(null)
  const filter = {
    ...(type !== ALL ? { objectType: type } : {}),
    ...(object ? { objectId: object.id } : {}),
    ...(actor ? { actorId: actor.id } : {}),
  }
  const list = useLoader(() => listAudit({ ...filter, limit: 30 }), [type, object?.id, actor?.id])
  const entries = [...(list.data?.entries ?? []), ...more]
  const hasMore = hasMoreExtra ?? list.data?.hasMore ?? false
  const reset = () => {
    setMore([])
    setHasMoreExtra(null)
  }
  const loadMore = async () => {
    try {
      const next = await listAudit({ ...filter, limit: 30, before: entries[entries.length - 1]?.at })
      setMore([...more, ...next.entries])
      setHasMoreExtra(next.hasMore)
    } catch (e) {
      setMoreError(errorMessage(e))
    }
  }

  return (
    <Page testId='page-admin-audit' className='adm-page'>
      <Card testId='audit-filters'>
        <ChoiceChips columns={0} size='small' options={TYPES} value={type} onChange={(x) => { setType(x); setObject(null); reset() }} testId='audit-type' />
        {object || actor ? (
          <View className='adm-actions'>
            {object ? <Button size='small' kind='secondary' onClick={() => { setObject(null); reset() }} testId='audit-clear-object'>{`对象：${object.label} ✕`}</Button> : null}
            {actor ? <Button size='small' kind='secondary' onClick={() => { setActor(null); reset() }} testId='audit-clear-actor'>{`操作人：${actor.name} ✕`}</Button> : null}
          </View>
        ) : null}
      </Card>
      {list.loading && !list.data ? <Loading /> : null}
      {list.error ? <ErrorView message={list.error} onRetry={() => void list.reload()} /> : null}
      {list.data && !entries.length ? <EmptyState icon='empty' title='没有符合条件的操作记录' /> : null}
      {entries.map((e) => (
        <Card key={e.id} testId='audit-entry'>
          <View className='adm-entry'>
            <View className='adm-row'>
              <View className='adm-row__title'>{e.summary}</View>
              <Tag tone='info'>{e.objectTypeLabel}</Tag>
            </View>
            <View className='adm-row__meta'>
              {`${formatDateTime(e.at)} · `}
              <View style={{ display: 'inline', textDecoration: 'underline' }} onClick={() => { setActor({ id: e.actorId, name: e.actorName }); reset() }} data-testid='audit-actor'>{`${e.actorName}（${e.actorRoleLabel}）`}</View>
              {' · '}
              <View style={{ display: 'inline', textDecoration: 'underline' }} onClick={() => { setObject({ id: e.objectId, label: e.objectLabel }); reset() }} data-testid='audit-object'>{e.objectLabel}</View>
            </View>
            <Changes entry={e} />
          </View>
        </Card>
      ))}
      {moreError ? <ErrorView message={moreError} onRetry={() => void loadMore()} /> : null}
      {hasMore ? <Button block kind='secondary' onClick={() => void loadMore()} testId='audit-more'>加载更早的记录</Button> : null}
    </Page>
  )
}
