// 知识库: the district's answers to questions residents often ask. Staff (and the district admin)
// search, add, change and retire entries; deputies read what is in use. The triage panel of the
// work page suggests these answers for matching cases.
import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { KnowledgeEntryView } from '@minyi/types/actions/triage'
import { CATEGORIES, CATEGORY_LABELS, type Category } from '@minyi/types/enums'
import { Button, Card, Checkbox, ChoiceChips, EmptyState, ErrorText, ErrorView, Field, Loading, Page, Tag, TextInput } from '../../../components'
import { KnowledgeForm } from '../../../features/triage/components/KnowledgeForm'
import { listKnowledge, retireKnowledge } from '../../../features/triage/api'
import { useMe } from '../../../features/session/hooks/useMe'
import { useLoader } from '../../../hooks/useLoader'
import { errorMessage } from '../../../services/api'
import { confirm } from '../../../services/dialog'
import { go, PAGES } from '../../../services/navigation'
import { newRequestId } from '../../../services/requestId'
import { isWorker } from '../../../services/session'
import { formatDate } from '../../../utils/format'
import '../../../features/triage/components/knowledge.scss'
import { usePullToRefresh } from '../../../hooks/usePullToRefresh'

const ALL = 'all'
const CATEGORY_OPTIONS = [{ value: ALL, label: '全部类别' }, ...CATEGORIES.map((value) => ({ value, label: CATEGORY_LABELS[value] }))]

function RetireForm({ entry, onDone, onCancel }: { entry: KnowledgeEntryView; onDone: () => void; onCancel: () => void }) {
  const reason = useRef('')
  const requestId = useRef<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const retire = async () => {
    if (!(await confirm('停用条目', `确定停用《${entry.title}》吗？停用后不再作为答复建议，记录会保留。`, { confirmText: '停用' }))) return
    requestId.current ??= newRequestId()
    setBusy(true)
    setError(null)
    try {
      await retireKnowledge({ id: entry.id, reason: reason.current }, requestId.current)
      void Taro.showToast({ title: '已停用', icon: 'success' })
      onDone()
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='kb-retire' data-testid='kb-retire-form'>
      <Field label='停用原因' optional hint='例如：政策已调整，新标准见另一条目' testId='kb-retire-reason'>
        <TextInput placeholder='请写明停用原因' maxlength={200} onInput={(v) => { reason.current = v; requestId.current = null }} />
      </Field>
      {error ? <ErrorText>{error}</ErrorText> : null}
      <View className='kb-form__actions'>
        <Button kind='plain' onClick={onCancel} className='kb-form__cancel'>
          返回
        </Button>
        <Button kind='danger' loading={busy} onClick={() => void retire()} className='kb-form__save' testId='kb-retire-confirm'>
          确认停用
        </Button>
      </View>
    </View>
  )
}

function EntryCard({ entry, canEdit, onEdit, onChanged }: { entry: KnowledgeEntryView; canEdit: boolean; onEdit: () => void; onChanged: () => void }) {
  const [open, setOpen] = useState(false)
  const [retiring, setRetiring] = useState(false)
  const active = entry.status === 'active'
  // About three lines on a phone: longer answers start folded.
  const long = entry.answer.length > 60 || entry.answer.includes('\n')
  return (
    <Card testId='kb-entry'>
      <View className='kb-entry__head'>
        <View className='kb-entry__title' data-testid='kb-entry-title'>
          {entry.title}
        </View>
        <Tag tone={active ? 'success' : 'neutral'} testId='kb-entry-status'>
          {entry.statusLabel}
        </Tag>
      </View>
      <View className='kb-entry__meta'>
        <Tag tone='info'>{entry.categoryLabel}</Tag>
        <View className='kb-entry__keywords'>关键词：{entry.keywords.join('、')}</View>
      </View>
      {entry.reason ? <View className='kb-entry__reason'>{entry.reason}</View> : null}
      {entry.retiredReason ? (
        <View className='kb-entry__reason' data-testid='kb-entry-retired-reason'>
          停用原因：{entry.retiredReason}
        </View>
      ) : null}
      <View className={`kb-entry__answer ${open || !long ? '' : 'kb-entry__answer--clamped'}`} data-testid='kb-entry-answer' onClick={() => setOpen((v) => !v)}>
        {entry.answer}
      </View>
      {long ? (
        <View className='kb-entry__more' onClick={() => setOpen((v) => !v)}>
          {open ? '收起' : '展开全文'}
        </View>
      ) : null}
      <View className='kb-entry__foot'>
        {formatDate(entry.updatedAt)} 由 {entry.updatedBy} 更新
      </View>
      {canEdit && active && !retiring ? (
        <View className='kb-entry__actions'>
          <Button kind='secondary' size='small' onClick={onEdit} testId='kb-edit'>
            修改
          </Button>
          <Button kind='plain' size='small' onClick={() => setRetiring(true)} testId='kb-retire'>
            停用
          </Button>
        </View>
      ) : null}
      {retiring ? <RetireForm entry={entry} onCancel={() => setRetiring(false)} onDone={() => { setRetiring(false); onChanged() }} /> : null}
    </Card>
  )
}

export default function KnowledgePage() {
  const me = useMe()
  const worker = isWorker(me.data)
  const canEdit = me.data?.role === 'staff' || me.data?.role === 'admin'
  const typed = useRef('')
  const [query, setQuery] = useState('')
  const [category, setCategory] = useState<string>(ALL)
  const [includeRetired, setIncludeRetired] = useState(false)
  const [showCategories, setShowCategories] = useState(false)
  const [editing, setEditing] = useState<KnowledgeEntryView | 'new' | null>(null)

  const list = useLoader(
    worker
      ? () =>
          listKnowledge({
            query: query || undefined,
            category: category === ALL ? undefined : (category as Category),
            includeRetired: canEdit && includeRetired,
          })
      : null,
    [worker, query, category, includeRetired],
    { refreshOnShow: true },
  )

  usePullToRefresh(list)

  if (me.data && !worker) {
    return (
      <Page>
        <EmptyState icon='lock' title='知识库仅供人大代表和工作人员使用' action={<Button block onClick={() => go(PAGES.home)}>回到首页</Button>} />
      </Page>
    )
  }

  const saved = () => {
    setEditing(null)
    void list.reload(true)
    void Taro.pageScrollTo({ scrollTop: 0, duration: 200 }).catch(() => undefined)
  }

  return (
    <Page testId='page-knowledge'>
      {me.loading && !me.data ? <Loading /> : null}
      {me.error && !me.data ? <ErrorView message={me.error} onRetry={() => void me.reload()} /> : null}
      {me.data && editing ? (
        <Card>
          <KnowledgeForm
            key={editing === 'new' ? 'new' : editing.id}
            entry={editing === 'new' ? undefined : editing}
            onSaved={saved}
            onCancel={() => setEditing(null)}
          />
        </Card>
      ) : null}
      {me.data && !editing ? (
        <View>
          <View className='kb-page__intro'>
            常见政策和办事问题的标准答复。分办时，系统会按反映内容推荐匹配的条目{canEdit ? '；内容有变化请及时修改或停用。' : '。'}
          </View>
          {canEdit ? (
            <Button block onClick={() => setEditing('new')} testId='kb-new'>
              新增条目
            </Button>
          ) : null}
          <Card className='kb-page__filters' testId='kb-filters'>
            <View className='kb-page__search'>
              <View className='kb-page__search-input'>
                <TextInput placeholder='搜索标题、关键词或答复' maxlength={100} onInput={(v) => (typed.current = v)} testId='kb-search' />
              </View>
              <Button size='normal' onClick={() => setQuery(typed.current.trim())} testId='kb-search-go'>
                搜索
              </Button>
            </View>
            <View className='kb-page__filter-toggle' onClick={() => setShowCategories((v) => !v)} data-testid='kb-category-toggle'>
              按类别：{category === ALL ? '全部' : CATEGORY_LABELS[category as Category]}
              <View className='kb-page__toggle-text'>{showCategories ? '收起' : '展开'}</View>
            </View>
            {showCategories ? (
              <ChoiceChips columns={0} size='small' options={CATEGORY_OPTIONS} value={category} onChange={setCategory} testId='kb-filter-category' />
            ) : null}
            {canEdit ? (
              <View className='kb-page__retired'>
                <Checkbox checked={includeRetired} onChange={setIncludeRetired} testId='kb-include-retired'>
                  显示已停用的条目
                </Checkbox>
              </View>
            ) : null}
          </Card>

          {list.data ? (
            <View className='kb-page__total' data-testid='kb-total'>
              {query ? `搜索“${query}”：` : ''}共 {list.data.total} 条
            </View>
          ) : null}
          {list.loading && !list.data ? <Loading /> : null}
          {list.error ? <ErrorView message={list.error} onRetry={() => void list.reload()} /> : null}
          {list.data?.entries.map((entry) => (
            <EntryCard key={entry.id} entry={entry} canEdit={canEdit} onEdit={() => setEditing(entry)} onChanged={() => void list.reload(true)} />
          ))}
          {list.data && !list.data.entries.length ? (
            <EmptyState title={query ? '没有找到匹配的条目' : '还没有知识库条目'} description={query || category !== ALL ? '换个关键词或类别试试。' : undefined} />
          ) : null}
        </View>
      ) : null}
    </Page>
  )
}
