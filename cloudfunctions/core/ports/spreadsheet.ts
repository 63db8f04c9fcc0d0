// Excel exports as data: a use case describes the sheet (title lines, a header row, rows), the
// adapter writes the .xlsx. Use cases never touch a spreadsheet library.

export type SpreadsheetCell = string | number | null

export interface SpreadsheetSpec {
  /** The worksheet's name (Excel allows at most 31 characters). */
  sheetName: string
  /** Lines above the table, e.g. the report's title and totals. */
  preamble?: string[]
  /** The header row, in Chinese; written bold. */
  headers: string[]
  rows: SpreadsheetCell[][]
}

export interface SpreadsheetWriter {
  write(spec: SpreadsheetSpec): Promise<Buffer>
}
