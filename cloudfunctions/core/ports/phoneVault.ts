/** Encrypts phone numbers at rest so that a copy of the data does not reveal them. */
export interface PhoneVault {
  seal(phone: string): string
  open(sealed: string): string
}
