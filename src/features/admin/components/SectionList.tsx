// A tappable row of a console list (the selected one outlined).
import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { Card } from '../../../components'
import './admin.scss'

export function ListRow({ title, meta, extra, selected, onClick, testId }: { title: ReactNode; meta?: ReactNode; extra?: ReactNode; selected?: boolean; onClick: () => void; testId?: string }) {
  return (
    <Card onClick={onClick} testId={testId} className={selected ? 'adm-row--selected' : undefined}>
      <View className='adm-row'>
        <View>
          <View className='adm-row__title'>{title}</View>
          {meta ? <View className='adm-row__meta'>{meta}</View> : null}
        </View>
        {extra}
      </View>
    </Card>
  )
}
