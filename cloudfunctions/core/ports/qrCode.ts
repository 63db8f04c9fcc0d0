/** Makes the image of a station's 民意码 or a deputy's 代表码 for a WeChat `scene`. */
export interface QrCodeMaker {
  /** `scene` is `s=<stationCode>` or `d=<deputyCode>` (≤ 32 visible characters). */
  make(scene: string): Promise<{ png: Buffer }>
}
