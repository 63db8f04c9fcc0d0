import { Textarea, View } from '@tarojs/components'
import './index.scss'

interface TextAreaProps {
  placeholder?: string
  /** The initial text (uncontrolled: later changes are ignored; remount with a `key` to reset). */
  defaultValue?: string
  maxlength?: number
  onInput: (value: string) => void
  testId?: string
  name?: string
  height?: 'normal' | 'tall'
}

/** Uncontrolled multi-line field (see TextInput for why). */
export function TextArea({ placeholder, defaultValue, maxlength = 1000, onInput, testId, name, height = 'normal' }: TextAreaProps) {
  const initial = defaultValue === undefined ? {} : { value: defaultValue }
  return (
    <View className={`mx-textarea-box mx-textarea-box--${height}`}>
      <Textarea
        className='mx-textarea'
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
