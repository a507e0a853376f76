import HighNeeds
import Spreadsheet

/// A ``FinanceRecord`` as plain columns, for a database table or a CSV/JSON file, and back.
///
/// Every field is a string, an integer or a double, so a store needs no knowledge of the
/// enums. `FinanceRecord(row:)` rebuilds the record exactly (a test round-trips every record
/// of the real files), so a store can reload its rows into a ``FinanceDataset``.
public struct FinanceRow: Hashable, Sendable, Codable {
  /// `england` or `authority`.
  public var areaKind: String
  /// The authority's name as the file writes it (nil for England).
  public var authorityName: String?
  /// The three-digit LA code, where known.
  public var laCode: Int?
  /// The ONS code, where the file gives one.
  public var onsCode: String?
  /// `financial_year`, `census` or `mid_year`.
  public var periodKind: String
  /// The financial year's start year, the census year, or the mid-year.
  public var periodYear: Int
  /// ``FinanceMeasure/code``.
  public var measure: String
  /// ``FinanceUnit`` raw value: `pounds`, `count`, `percent`.
  public var unit: String
  /// The value in `unit`, or nil when not published.
  public var value: Double?
  /// Why the value is missing: `blank`, `suppressed:TEXT`, `formula_error:CODE`; nil with a value.
  public var missing: String?
  /// The file name.
  public var file: String
  /// The sheet.
  public var sheet: String
  /// The row, from 1.
  public var row: Int
  /// The column's letters.
  public var column: String
  /// The money unit in the file: `£`, `£k`, `£m`, or nil.
  public var unitInFile: String?
  /// The edition's kind: `extract`, `compilation`, `published_table`.
  public var editionKind: String
  /// The edition's date, ISO 8601, when known.
  public var editionDate: String?
  /// Where the date came from (``Edition/DateBasis`` raw value).
  public var editionDateBasis: String
}

extension FinanceRecord {
  /// The record as plain columns.
  public var row: FinanceRow {
    let period: (String, Int)
    switch self.period {
    case .financialYear(let year): period = ("financial_year", year.startYear)
    case .census(let year): period = ("census", year.year)
    case .midYear(let year): period = ("mid_year", year)
    }
    let missingText: String?
    switch missing {
    case nil: missingText = nil
    case .blank: missingText = "blank"
    case .suppressed(let text): missingText = "suppressed:" + text
    case .formulaError(let code): missingText = "formula_error:" + code
    }
    let edition = source.edition
    return FinanceRow(
      areaKind: area.authority == nil ? "england" : "authority", authorityName: area.authority?.name,
      laCode: area.authority?.code, onsCode: area.authority?.onsCode, periodKind: period.0, periodYear: period.1,
      measure: measure.code, unit: measure.unit.rawValue, value: value, missing: missingText,
      file: source.location.file, sheet: source.location.sheet, row: source.location.row,
      column: source.location.column, unitInFile: source.unitInFile?.rawValue, editionKind: edition.kind.storedName,
      editionDate: edition.date?.description, editionDateBasis: edition.dateBasis.rawValue)
  }

  /// Rebuilds a record from its columns.
  ///
  /// - Throws: ``DerivationError`` naming the field when a column holds a value no record
  ///   could have written (an unknown measure code, period kind or edition kind).
  public init(row: FinanceRow) throws {
    func bad(_ field: String, _ value: String) -> DerivationError {
      DerivationError(
        reason: "finance row \(row.file):\(row.sheet):\(row.row):\(row.column): unknown \(field) \"\(value)\"")
    }
    let area: FinanceArea
    switch row.areaKind {
    case "england": area = .england
    case "authority":
      area = .authority(Authority(name: row.authorityName ?? "", code: row.laCode, onsCode: row.onsCode))
    default: throw bad("area kind", row.areaKind)
    }
    let period: FinancePeriod
    switch row.periodKind {
    case "financial_year": period = .financialYear(FinancialYear(startYear: row.periodYear))
    case "census": period = .census(CensusYear(row.periodYear))
    case "mid_year": period = .midYear(row.periodYear)
    default: throw bad("period kind", row.periodKind)
    }
    guard let measure = FinanceMeasure(code: row.measure) else { throw bad("measure", row.measure) }
    let missing: MissingValue?
    switch row.missing {
    case nil: missing = nil
    case "blank": missing = .blank
    case let text? where text.hasPrefix("suppressed:"): missing = .suppressed(String(text.dropFirst(11)))
    case let text? where text.hasPrefix("formula_error:"): missing = .formulaError(String(text.dropFirst(14)))
    case let text?: throw bad("missing reason", text)
    }
    guard let kind = Edition.Kind(storedName: row.editionKind) else { throw bad("edition kind", row.editionKind) }
    guard let basis = Edition.DateBasis(rawValue: row.editionDateBasis) else {
      throw bad("edition date basis", row.editionDateBasis)
    }
    guard let column = ColumnName.index(Substring(row.column)) else { throw bad("column", row.column) }
    let unitInFile = try row.unitInFile.map { text in
      guard let unit = MoneyUnit(rawValue: text) else { throw bad("unit in file", text) }
      return unit
    }
    let edition = Edition(
      file: row.file, sheet: row.sheet, kind: kind, date: row.editionDate.flatMap(SpreadsheetDate.init(iso8601:)),
      dateBasis: basis)
    self.init(
      area: area, period: period, measure: measure, value: row.value, missing: missing,
      source: FinanceSource(
        location: CellLocation(file: row.file, sheet: row.sheet, row: row.row, columnIndex: column), edition: edition,
        unitInFile: unitInFile))
  }
}

extension Edition.Kind {
  /// The name a ``FinanceRow`` stores: `extract`, `compilation`, `published_table`.
  public var storedName: String {
    switch self {
    case .extract: "extract"
    case .compilation: "compilation"
    case .publishedTable: "published_table"
    }
  }

  /// The kind whose ``storedName`` is `storedName`, or nil.
  public init?(storedName: String) {
    switch storedName {
    case "extract": self = .extract
    case "compilation": self = .compilation
    case "published_table": self = .publishedTable
    default: return nil
    }
  }
}

extension FinanceMeasure {
  /// Every measure the parsers write.
  public static var allCases: [FinanceMeasure] {
    var all: [FinanceMeasure] = []
    for block in DSGBlock.allCases { for basis in DeductionBasis.allCases { all.append(.block(block, basis)) } }
    for line in Section251Line.allCases { all += [.section251Budget(line), .section251Outturn(line)] }
    all.append(.plans(nil))
    all += PlacementCategory.allCases.map { .plans($0) }
    all += [.population2to18, .dsgBalancePercentOfIncome]
    all += HighNeedsDeduction.allCases.map { .placeDeduction($0) }
    return all
  }

  /// The measure whose ``code`` is `code`, or nil.
  public init?(code: String) {
    guard let measure = FinanceMeasure.byCode[code] else { return nil }
    self = measure
  }

  /// Every measure by its code, made once (a store read looks up a code per row).
  private static let byCode: [String: FinanceMeasure] = Dictionary(
    allCases.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
}
