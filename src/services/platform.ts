// Build-time platform flags. `process.env.TARO_ENV` is replaced by a literal at build time, so a
// branch guarded by these constants is dropped from the other platform's bundle.
export const IS_WEAPP = process.env.TARO_ENV === 'weapp'
export const IS_H5 = process.env.TARO_ENV === 'h5'
