import ArgumentParser
import Forecasting
import Statistics
import Foundation
import Reports

/// `highneeds fit`: a linear regression from a CSV file, with full inference.
struct FitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fit",
    abstract: "Fit a linear regression to columns of a CSV file (estimates, standard errors, t, p, R², AIC, AICc, BIC).",
    discussion: """
      Least squares by QR with column pivoting (LAPACK), never by forming X'X. Polynomial terms \
      are fitted in a centred and scaled basis and reported for powers of the raw column. \
      Collinear columns are reported, not dropped silently.

      Example: highneeds fit plans.csv --y plans --poly year:2 --format table
      """)

  @Argument(help: "CSV file with a header line.")
  var data: String

  @Option(name: .customLong("y"), help: "Response column.")
  var response: String

  @Option(name: .customLong("x"), help: "Regressor column (repeat for more).")
  var regressors: [String] = []

  @Option(name: .customLong("poly"), help: "Polynomial term COLUMN:DEGREE (repeat for more).")
  var polynomials: [String] = []

  @Flag(name: .customLong("no-intercept"), help: "Fit without an intercept (R² is then uncentred).")
  var noIntercept = false

  @Option(name: .customLong("weights"), help: "Column of positive observation weights (weighted least squares).")
  var weights: String?

  @Option(help: "Confidence level in percent for the coefficient intervals.")
  var level: Double = 95

  @Option(help: "Output format: table, json, csv (the coefficients), markdown or html.")
  var format: ReportFormat = .table

  @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
  var output: String?

  func validate() throws {
    try requireFormat(format, for: FitReport.self)
    guard level > 0 && level < 100 else {
      throw ValidationError("--level must be between 0 and 100 (a percentage such as 95), got \(level)")
    }
  }

  func run() throws {
    try runReportingFailures {
      let table = try CSVTable.load(data)
      guard !table.rows.isEmpty else {
        throw Failure.dataInvalid("\(data): the file has a header line but no data rows")
      }
      let y = try table.numericColumn(response, option: "--y")
      let columns = try regressors.map {
        RegressionSpecification.Column(name: $0, values: try table.numericColumn($0, option: "--x"))
      }
      let polys = try polynomials.map { spec -> RegressionSpecification.Polynomial in
        let parts = spec.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let degree = Int(parts[1]), degree >= 1, degree <= 20 else {
          throw Failure(kind: .usage, message: "--poly \(spec): expected COLUMN:DEGREE with DEGREE from 1 to 20, e.g. --poly year:2")
        }
        let name = String(parts[0])
        return .init(column: .init(name: name, values: try table.numericColumn(name, option: "--poly")), degree: degree)
      }
      let w = try weights.map { try table.numericColumn($0, option: "--weights") }
      if let w, let bad = w.firstIndex(where: { !($0 > 0) }) {
        throw Failure.dataInvalid("\(data):\(table.line(ofRow: bad)): column \(weights ?? ""): weight \(w[bad]) is not positive; weights must be greater than zero")
      }
      let spec = RegressionSpecification(
        response: y, columns: columns, polynomials: polys, intercept: !noIntercept, weights: w)
      let result: RegressionResult
      do {
        result = try spec.fit()
      } catch let error as RegressionError {
        throw Failure.dataInvalid("\(data): \(error.description)")
      } catch {
        throw Failure.dataInvalid("\(data): the fit failed: \(error)")
      }
      let report = FitReport(result, level: level / 100, call: callDescription(), source: data)
      try emit(report, as: format, to: output, protecting: [data])
    }
  }

  private func callDescription() -> String {
    var terms = regressors + polynomials.map { spec -> String in
      let parts = spec.split(separator: ":")
      return parts.count == 2 ? "poly(\(parts[0]), \(parts[1]), raw = TRUE)" : spec
    }
    if terms.isEmpty { terms = ["1"] }
    if noIntercept { terms.insert("0", at: 0) }
    return "lm(\(response) ~ \(terms.joined(separator: " + "))\(weights.map { ", weights = \($0)" } ?? ""))"
  }
}
