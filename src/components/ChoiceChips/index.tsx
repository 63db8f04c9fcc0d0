import { View } from '@tarojs/components'
import './index.scss'

export interface Choice<T extends string> {
  value: T
  label: string
}

interface ChoiceChipsProps<T extends string> {
  options: readonly Choice<T>[]
  value: T | null | undefined
  onChange: (value: T) => void
  /** Grid columns; 0 lays the chips out in one wrapping row (filters). */
  columns?: 0 | 2 | 3
  /** Tapping the selected chip again clears it (filters). */
  allowClear?: boolean
  onClear?: () => void
  size?: 'normal' | 'small'
  testId?: string
}

/** Single choice as large tappable chips: easier than a scroll wheel for older residents. */
export function ChoiceChips<T extends string>({
  options,
  value,
  onChange,
  columns = 3,
  allowClear,
  onClear,
  size = 'normal',
  testId,
}: ChoiceChipsProps<T>) {
  return (
    <View className={`mx-chips mx-chips--cols-${columns} mx-chips--${size}`} data-testid={testId} {...{ role: 'radiogroup' }}>
      {options.map((option) => {
        const selected = option.value === value
        return (
          <View
            key={option.value}
            className={`mx-chip ${selected ? 'mx-chip--selected' : ''}`}
            hoverClass='mx-chip--hover'
            {...{ role: 'radio' }}
            aria-checked={selected ? 'true' : 'false'}
            onClick={() => {
              if (selected && allowClear) onClear?.()
              else onChange(option.value)
            }}
          >
            {option.label}
          </View>
        )
      })}
    </View>
  )
}
