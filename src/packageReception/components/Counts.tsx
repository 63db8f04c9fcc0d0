import { View } from '@tarojs/components'

/** The day's numbers in big type. */
export function Counts({ counts, ended }: { counts: { booked: number; waiting: number; checkedIn: number; walkIns: number; noShows: number; matters: number }; ended: boolean }) {
  const items: Array<[string, number]> = [
    ['预约', counts.booked],
    ['已到场', counts.checkedIn],
    ['现场登记', counts.walkIns],
    [ended ? '未到场' : '候补', ended ? counts.noShows : counts.waiting],
    ['反映事项', counts.matters],
  ]
  return (
    <View className='rc-counts' data-testid='day-counts'>
      {items.map(([label, n]) => (
        <View key={label} className='rc-count'>
          <View className='rc-count__n'>{n}</View>
          <View className='rc-count__label'>{label}</View>
        </View>
      ))}
    </View>
  )
}
