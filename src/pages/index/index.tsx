import { View, Text } from '@tarojs/components'
export default function Index() {
  return <View><Text>民意通</Text></View>
}
