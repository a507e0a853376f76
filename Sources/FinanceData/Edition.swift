import Spreadsheet

/// One published edition of a table: the file and sheet, what kind of source it is, and the
/// date that orders it against other editions of the same figures.
///
/// Where editions overlap, the greater edition wins (``FinanceDataset`` reports every choice):
/// a published table (with a publication date on its Information sheet) beats a compilation of
/// tables (dated only by its document's creation), which beats an extract of totals, whatever
/// their dates; between two editions of one kind the later date wins.
///
/// On the files here this is "the newer wins": the compilation `dedicated-schools-grant.ods` was
/// created on 2023-07-14 from editions then current, so the single-year tables published on
/// 2023-07-20 (2022-23 and 2023-24) are newer than its figures, and for 2020-21 and 2021-22 its
/// figures equal the single-year tables' (the edition choices report 0 differences), which are
/// cited as the primary publications.
///
/// Why the kind comes first: `DSG_by_year_dr.xlsx` is an extract of the allocation tables whose
/// sheet names carry dates (`dsg_budget_2024_03_30`) that cannot be publication dates (the same
/// 2023-24 figures are in `dedicated-schools-grant.ods`, created 2023-07-14); read as dates they
/// would let March figures replace the July 2023 edition's.
public struct Edition: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// What kind of source an edition is.
  public enum Kind: Int, Hashable, Sendable, Comparable {
    /// A compilation of one measure from other tables (DSG totals by year), or an extract of
    /// a tool (benchmarking, DSG balance) that no other file overlaps.
    case extract = 0
    /// A compilation of published tables' summary sheets with no publication date of its own
    /// (`dedicated-schools-grant.ods`, 2019-20 to 2023-24), dated by its creation.
    case compilation = 1
    /// A DfE table as published, with its publication date.
    case publishedTable = 2

    /// Orders extracts below tables.
    public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
  }

  /// Where ``date`` was read.
  public enum DateBasis: String, Hashable, Sendable {
    /// The publication date the file states.
    case publicationDate = "publication date"
    /// The creation date in the document's properties.
    case documentCreated = "document created"
    /// A date written in the sheet's name (not used to order editions: see ``Edition``).
    case sheetName = "sheet name"
    /// No date was found.
    case none = "no date"
  }

  /// The file name.
  public let file: String
  /// The sheet.
  public let sheet: String
  /// The kind of source.
  public let kind: Kind
  /// The edition's date, when one was found.
  public let date: SpreadsheetDate?
  /// Where the date came from.
  public let dateBasis: DateBasis

  /// Creates an edition.
  public init(file: String, sheet: String, kind: Kind, date: SpreadsheetDate?, dateBasis: DateBasis) {
    self.file = file
    self.sheet = sheet
    self.kind = kind
    self.date = date
    self.dateBasis = dateBasis
  }

  private var orderingDate: (Int, Int, Int) {
    guard dateBasis != .sheetName, let date else { return (0, 0, 0) }
    return (date.year, date.month, date.day)
  }

  /// Orders editions by kind, then date, then file and sheet name (so the order is total).
  public static func < (lhs: Edition, rhs: Edition) -> Bool {
    if lhs.kind != rhs.kind { return lhs.kind < rhs.kind }
    if lhs.orderingDate != rhs.orderingDate { return lhs.orderingDate < rhs.orderingDate }
    return (lhs.file, lhs.sheet) < (rhs.file, rhs.sheet)
  }

  /// `dedicated-schools-grant_2021_11_18.ods:Allocations_summary (publication date 2021-11-18)`.
  public var description: String {
    "\(file):\(sheet) (\(dateBasis.rawValue)\(date.map { " \(SpreadsheetDate(year: $0.year, month: $0.month, day: $0.day))" } ?? ""))"
  }
}
