import CXLSXWriter

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The only caller of libxlsxwriter: every pointer, C string and `lxw_error` code passes here.
///
/// libxlsxwriter writes the whole file when the workbook is closed; it copies every string it
/// is given, so the Swift strings only need to live for the call that passes them.
enum XLSXWriter {
  /// Writes `workbook` (already checked by ``WorkbookValidation``) to a temporary file beside
  /// `path`, then renames it onto `path`; removes the temporary file on any failure.
  static func write(_ workbook: Workbook, to path: String) throws(WorkbookError) {
    let temporary = try createTemporary(for: path)
    guard let handle = workbook_new(temporary) else {
      unlink(temporary)
      throw WorkbookError(.outOfMemory, path: path, detail: "libxlsxwriter could not start a workbook")
    }
    var session = Session(handle: handle, path: path)
    do {
      for sheet in workbook.sheets { try session.add(sheet) }
    } catch {
      _ = workbook_close(handle)
      unlink(temporary)
      throw error
    }
    let closed = workbook_close(handle)
    guard closed == LXW_NO_ERROR else {
      unlink(temporary)
      throw Self.error(closed, path: path, sheet: nil, cell: nil, doing: "writing the file")
    }
    guard rename(temporary, path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw WorkbookError(.cannotRename, path: path, detail: "cannot move the finished file into place: \(reason)")
    }
  }

  /// Creates the (empty) temporary file, so that an unwritable folder is reported here, with
  /// the system's reason, rather than by libxlsxwriter (which would print to standard error).
  static func createTemporary(for path: String) throws(WorkbookError) -> String {
    for _ in 0..<8 {
      let candidate = temporaryPath(for: path)
      let descriptor = open(candidate, O_WRONLY | O_CREAT | O_EXCL, 0o644)
      if descriptor >= 0 {
        close(descriptor)
        return candidate
      }
      guard errno == EEXIST else {
        let reason = String(cString: strerror(errno))
        throw WorkbookError(.cannotCreateFile, path: path, detail: "cannot create a file beside it: \(reason)")
      }
    }
    throw WorkbookError(.cannotCreateFile, path: path, detail: "cannot find a free temporary name beside it")
  }

  /// `dir/.name.xlsx.tmp-PID-RANDOM`: same directory (so rename is atomic), hidden, unique.
  static func temporaryPath(for path: String) -> String {
    let slash = path.lastIndex(of: "/")
    let directory = slash.map { String(path[...$0]) } ?? ""
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    return "\(directory).\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
  }

  /// Maps libxlsxwriter's `lxw_error` to a ``WorkbookError`` with its own message.
  static func error(
    _ code: lxw_error, path: String, sheet: String?, cell: (row: Int, column: Int)?, doing: String
  ) -> WorkbookError {
    let message = lxw_strerror(code).map { String(cString: $0) } ?? "error \(code.rawValue)"
    return WorkbookError(Self.code(code), path: path, sheet: sheet, cell: cell, detail: "\(doing): \(message)")
  }

  /// The named case for each `lxw_error` value of libxlsxwriter 1.1.
  static func code(_ code: lxw_error) -> WorkbookError.Code {
    switch code {
    case LXW_ERROR_MEMORY_MALLOC_FAILED: return .outOfMemory
    case LXW_ERROR_CREATING_XLSX_FILE, LXW_ERROR_CREATING_TMPFILE, LXW_ERROR_READING_TMPFILE: return .cannotCreateFile
    case LXW_ERROR_ZIP_FILE_OPERATION, LXW_ERROR_ZIP_PARAMETER_ERROR, LXW_ERROR_ZIP_BAD_ZIP_FILE,
      LXW_ERROR_ZIP_INTERNAL_ERROR, LXW_ERROR_ZIP_FILE_ADD, LXW_ERROR_ZIP_CLOSE:
      return .zipFailed
    case LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED, LXW_ERROR_INVALID_SHEETNAME_CHARACTER,
      LXW_ERROR_SHEETNAME_START_END_APOSTROPHE, LXW_ERROR_SHEETNAME_ALREADY_USED:
      return .invalidSheetName
    case LXW_ERROR_32_STRING_LENGTH_EXCEEDED, LXW_ERROR_128_STRING_LENGTH_EXCEEDED,
      LXW_ERROR_255_STRING_LENGTH_EXCEEDED, LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED:
      return .stringTooLong
    case LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE: return .cellOutOfRange
    default: return .rejected
    }
  }

  /// One open workbook: its handle and the formats made so far (one per distinct style).
  struct Session {
    let handle: UnsafeMutablePointer<lxw_workbook>
    let path: String
    var formats: [CellStyle: UnsafeMutablePointer<lxw_format>] = [:]

    /// Adds `sheet`: cells, widths, panes, then charts.
    mutating func add(_ sheet: Worksheet) throws(WorkbookError) {
      guard let worksheet = workbook_add_worksheet(handle, sheet.name) else {
        throw WorkbookError(
          .invalidSheetName, path: path, sheet: sheet.name, detail: "libxlsxwriter refused the sheet name")
      }
      for (column, width) in sheet.columnWidths.enumerated() {
        let status = worksheet_set_column(worksheet, lxw_col_t(column), lxw_col_t(column), width, nil)
        try check(status, sheet: sheet.name, cell: (0, column), doing: "setting a column width")
      }
      for (row, height) in sheet.rowHeights.sorted(by: { $0.key < $1.key }) {
        let status = worksheet_set_row(worksheet, lxw_row_t(row), height, nil)
        try check(status, sheet: sheet.name, cell: (row, 0), doing: "setting a row height")
      }
      if sheet.frozenRows > 0 || sheet.frozenColumns > 0 {
        worksheet_freeze_panes(worksheet, lxw_row_t(sheet.frozenRows), lxw_col_t(sheet.frozenColumns))
      }
      try setUpPrinting(sheet, worksheet)
      for (row, cells) in sheet.rows.enumerated() {
        for (column, cell) in cells.enumerated() {
          try write(cell, to: worksheet, row: row, column: column, sheet: sheet.name)
        }
      }
      for chart in sheet.charts { try insert(chart, into: worksheet, sheet: sheet.name) }
    }

    /// A4, one page wide, landscape if asked, frozen rows repeated on every page.
    func setUpPrinting(_ sheet: Worksheet, _ worksheet: UnsafeMutablePointer<lxw_worksheet>) throws(WorkbookError) {
      if sheet.printLandscape { worksheet_set_landscape(worksheet) }
      worksheet_set_paper(worksheet, 9)  // 9 is A4 in Excel's paper codes
      worksheet_fit_to_pages(worksheet, 1, 0)
      if sheet.frozenRows > 0 {
        let status = worksheet_repeat_rows(worksheet, 0, lxw_row_t(sheet.frozenRows - 1))
        try check(status, sheet: sheet.name, cell: nil, doing: "repeating the header rows on printed pages")
      }
    }

    /// Writes one cell with its format.
    mutating func write(
      _ cell: Cell, to worksheet: UnsafeMutablePointer<lxw_worksheet>, row: Int, column: Int, sheet: String
    ) throws(WorkbookError) {
      let needsFormat = cell.style != .plain
      let format = needsFormat ? self.format(for: cell.style) : nil
      let status: lxw_error
      switch cell.value {
      case .empty:
        guard needsFormat else { return }
        status = worksheet_write_blank(worksheet, lxw_row_t(row), lxw_col_t(column), format)
      case .text(let text):
        status = worksheet_write_string(worksheet, lxw_row_t(row), lxw_col_t(column), text, format)
      case .number(let number):
        status = worksheet_write_number(worksheet, lxw_row_t(row), lxw_col_t(column), number, format)
      }
      try check(status, sheet: sheet, cell: (row, column), doing: "writing a cell")
    }

    /// The format for `style`, made once per workbook.
    mutating func format(for style: CellStyle) -> UnsafeMutablePointer<lxw_format>? {
      if let made = formats[style] { return made }
      guard let format = workbook_add_format(handle) else { return nil }
      if style.format != .general { format_set_num_format(format, style.format.code) }
      if style.bold || style.header { format_set_bold(format) }
      if style.italic { format_set_italic(format) }
      if style.wrap { format_set_text_wrap(format) }
      if style.alignRight { format_set_align(format, UInt8(LXW_ALIGN_RIGHT.rawValue)) }
      if style.header {
        format_set_bg_color(format, 0xE7E6E6)
        format_set_text_wrap(format)
        format_set_bottom(format, UInt8(LXW_BORDER_THIN.rawValue))
        format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
      }
      formats[style] = format
      return format
    }

    /// Adds a native chart with its series and places it on the sheet.
    func insert(
      _ chart: WorksheetChart, into worksheet: UnsafeMutablePointer<lxw_worksheet>, sheet: String
    ) throws(WorkbookError) {
      let place = (chart.anchorRow, chart.anchorColumn)
      guard let made = workbook_add_chart(handle, Self.chartType(chart.kind)) else {
        throw WorkbookError(.outOfMemory, path: path, sheet: sheet, cell: place, detail: "cannot make a chart")
      }
      chart_title_set_name(made, chart.title)
      chart_legend_set_position(made, UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue))
      if let title = chart.valueAxisTitle { chart_axis_set_name(made.pointee.y_axis, title) }
      if chart.valueAxisFormat != .general {
        chart_axis_set_num_format(made.pointee.y_axis, chart.valueAxisFormat.axisCode)
      }
      // Category labels along the bottom even when the values are negative (a deficit).
      chart_axis_set_label_position(made.pointee.x_axis, UInt8(LXW_CHART_AXIS_LABEL_POSITION_LOW.rawValue))
      var titleFont = lxw_chart_font()
      titleFont.size = 12
      titleFont.bold = 1
      chart_title_set_name_font(made, &titleFont)
      for series in chart.series {
        guard let added = chart_add_series(made, nil, nil) else {
          throw WorkbookError(.outOfMemory, path: path, sheet: sheet, cell: place, detail: "cannot add a chart series")
        }
        let c = chart.categories
        let v = series.values
        chart_series_set_categories(
          added, c.sheet, lxw_row_t(c.firstRow), lxw_col_t(c.firstColumn), lxw_row_t(c.lastRow), lxw_col_t(c.lastColumn)
        )
        chart_series_set_values(
          added, v.sheet, lxw_row_t(v.firstRow), lxw_col_t(v.firstColumn), lxw_row_t(v.lastRow), lxw_col_t(v.lastColumn)
        )
        chart_series_set_name(added, series.name)
      }
      var options = lxw_chart_options()
      options.x_scale = chart.widthScale
      options.y_scale = chart.heightScale
      let status = worksheet_insert_chart_opt(
        worksheet, lxw_row_t(chart.anchorRow), lxw_col_t(chart.anchorColumn), made, &options)
      try check(status, sheet: sheet, cell: place, doing: "placing chart '\(chart.title)'")
    }

    /// libxlsxwriter's chart type number for `kind`.
    static func chartType(_ kind: ChartKind) -> UInt8 {
      switch kind {
      case .line: return UInt8(LXW_CHART_LINE.rawValue)
      case .column: return UInt8(LXW_CHART_COLUMN.rawValue)
      case .stackedColumn: return UInt8(LXW_CHART_COLUMN_STACKED.rawValue)
      case .stackedArea: return UInt8(LXW_CHART_AREA_STACKED.rawValue)
      }
    }

    /// Throws unless `status` is `LXW_NO_ERROR`.
    func check(_ status: lxw_error, sheet: String, cell: (row: Int, column: Int)?, doing: String) throws(WorkbookError)
    {
      guard status != LXW_NO_ERROR else { return }
      throw XLSXWriter.error(status, path: path, sheet: sheet, cell: cell, doing: doing)
    }
  }
}
