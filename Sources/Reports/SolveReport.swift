import HighNeeds
import Projection

/// The report of `highneeds solve`: the lever size that meets the target (or the best there
/// is), and the ledger with it.
public struct SolveReport: Report {
  /// The goal seek's result.
  public let result: SolveResult
  /// The target.
  public let target: SolveTarget
  /// The target as the user wrote it (`in-year-balance:2024-25`).
  public let targetText: String
  /// The size as written back into the scenario (`£1.2m`, `-2.5%`).
  public let written: String

  /// The report of `result` for `target` (written `targetText`), with the size as the
  /// scenario would write it.
  public init(_ result: SolveResult, target: SolveTarget, targetText: String, written: String) {
    self.result = result
    self.target = target
    self.targetText = targetText
    self.written = written
  }

  public var title: String { "Solve '\(result.lever.name)': \(result.ledger.scenario.name)" }

  /// One sentence: the size and whether it meets the target.
  public var verdict: String {
    let lever = result.lever.name
    return result.met
      ? "'\(lever)' = \(written) meets the \(target) (margin \(result.margin))."
      : "No size of '\(lever)' from \(result.bounds.lowerBound) to \(result.bounds.upperBound) meets the \(target); the best is \(written), which misses it by \(-result.margin)."
  }

  /// `{"lever", "type", "target", "value", "written", "met", "margin", "ledger"}`.
  public func json() -> JSONValue {
    .object([
      ("lever", .string(result.lever.name)),
      ("type", .string(result.lever.kind.type.rawValue)),
      ("target", .string(targetText)),
      ("value", .number(result.value, places: 9)),
      ("written", .string(written)),
      ("met", .bool(result.met)),
      ("margin", .integer(result.margin.wholePounds)),
      ("ledger", LedgerReport(result.ledger).json()),
    ])
  }

  /// One table: the ledger's rows with the solved lever, its size, whether the target is met
  /// and the margin (pounds) in the first four columns of every row.
  public func csv() -> CSVDocument {
    let ledger = LedgerReport(result.ledger).csv()
    let solved = [result.lever.name, written, String(result.met), String(result.margin.wholePounds)]
    return CSVDocument(
      header: ["solved_lever", "solved_size", "target_met", "target_margin"] + ledger.header,
      rows: ledger.rows.map { solved + $0 })
  }

  /// The verdict, then the ledger.
  public func blocks() -> [ReportBlock] { [.paragraph(verdict)] + LedgerReport(result.ledger).blocks() }
}
