/** Encrypts phone numbers at rest so that a copy of the data does not reveal them. */
export interface PhoneVault {
  /** A public fingerprint of the current key (which key sealed what; never the key itself). */
  readonly keyId: string
  seal(phone: string): string
  open(sealed: string): string
  /**
   * Key rotation: the same number sealed again with the current key, or `null` when `sealed`
   * already is (nothing to do). Reads with the previous keys too, so it works during a rotation.
   */
  reseal(sealed: string): string | null
}
