import { Input, View } from '@tarojs/components'
import './index.scss'

interface TextInputProps {
  placeholder?: string
  /** The initial text. The field is uncontrolled: later changes of this prop are ignored. */
  defaultValue?: string
  maxlength?: number
  type?: 'text' | 'number' | 'digit'
  onInput: (value: string) => void
  testId?: string
  name?: string
}

/**
 * Uncontrolled: the field keeps what is typed and reports it through `onInput`. Re-setting
 * `value` while typing makes the caret jump on Taro (see PLATFORM-NOTES), and passing
 * `value={undefined}` on a re-render clears the h5 field, so `value` is given only once.
 */
export function TextInput({ placeholder, defaultValue, maxlength = 140, type = 'text', onInput, testId, name }: TextInputProps) {
  const initial = defaultValue === undefined ? {} : { value: defaultValue }
  return (
    <View className='mx-input-box'>
      <Input
        className='mx-input'
        type={type}
        name={name}
        {...initial}
        placeholder={placeholder}
        placeholderClass='mx-placeholder'
        maxlength={maxlength}
        data-testid={testId}
        onInput={(event) => onInput(event.detail.value)}
      />
    </View>
  )
}
