/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.svg'
declare module '*.scss'

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV?: 'weapp' | 'h5' | string
    /** CloudBase environment id (weapp). Empty: the default environment. */
    TARO_APP_CLOUD_ENV?: string
    /** Origin of the local runtime's api for h5 (default: same origin). */
    TARO_APP_API_BASE?: string
    /** Subscribe-message template ids (weapp), as chosen in the mini-program console. */
    TARO_APP_TMPL_PROGRESS?: string
    TARO_APP_TMPL_REPLY?: string
    TARO_APP_TMPL_BOOKING?: string
  }
}

/** WeChat's global, used only behind `process.env.TARO_ENV === 'weapp'`. */
declare const wx: any
