// Writes a SpreadsheetSpec as .xlsx with exceljs. exceljs (with its zip stack, ~800 KB) is loaded
// on the first export, not when a function starts: most calls never export anything.
import type { SpreadsheetSpec, SpreadsheetWriter } from '../../ports/spreadsheet'

export function createExceljsWriter(): SpreadsheetWriter {
  return {
    async write(spec: SpreadsheetSpec) {
      const { default: ExcelJS } = await import('exceljs')
      const book = new ExcelJS.Workbook()
      book.creator = '民意通'
      const sheet = book.addWorksheet(spec.sheetName.slice(0, 31))
      for (const line of spec.preamble ?? []) sheet.addRow([line])
      sheet.addRow(spec.headers).font = { bold: true }
      for (const row of spec.rows) sheet.addRow(row)
      spec.headers.forEach((header, i) => {
        sheet.getColumn(i + 1).width = Math.min(60, Math.max(10, header.length * 2 + 4))
      })
      return Buffer.from(await book.xlsx.writeBuffer())
    },
  }
}
