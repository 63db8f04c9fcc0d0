import { View } from '@tarojs/components'
import type { SuggestionSummary } from '@minyi/types/suggestionViews'
import { formatDueDate } from '../../../utils/format'

/** "交办期限 12月7日", in red with the days past it once overdue. */
export function DeadlineText({ deadline }: { deadline: NonNullable<SuggestionSummary['deadline']> }) {
  const overdue = deadline.overdueDays > 0
  return (
    <View className={`suggestion-deadline ${overdue ? 'suggestion-deadline--overdue' : ''}`} data-testid='suggestion-deadline'>
      {deadline.label} {formatDueDate(deadline.dueDate)}
      {overdue ? `（已超期${deadline.overdueDays}天）` : ''}
    </View>
  )
}
