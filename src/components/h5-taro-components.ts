// The H5 build's `@tarojs/components` (config/index.ts aliases it here): Taro's Web Components,
// except View and Text, which are Taro's plain React elements (a div and a span). A page draws
// dozens of those, and each Web Component is a custom element with a lifecycle of its own.
export * from '@tarojs/components/lib/react'
export { View, Text } from '@tarojs/components-react'
