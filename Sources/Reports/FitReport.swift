import Statistics
import Foundation

/// The report of `highneeds fit`: the `fit --format json` contract, or an R `summary(lm)`-style
/// summary for people.
public struct FitReport: Report {
  /// The fit.
  public let result: RegressionResult
  /// The confidence level of the coefficient intervals, as a fraction (0.95).
  public let level: Double
  /// The model as R would write it (`lm(plans ~ year)`), for the summary's first line.
  public let call: String
  /// The data file.
  public let source: String

  /// The report of `result`, with intervals at `level` (a fraction).
  public init(_ result: RegressionResult, level: Double, call: String, source: String) {
    self.result = result
    self.level = level
    self.call = call
    self.source = source
  }

  public var title: String { call }

  /// `{"n", "rank", "conditionNumber", "parameters": [{"name", "estimate", "standardError",
  /// "t", "p", "lower", "upper"}], "residualStandardError", "residualDegreesOfFreedom",
  /// "rSquared", "adjustedRSquared", "logLikelihood", "aic", "aicc", "bic",
  /// "confidenceLevel", "warnings"}`: every field always present, null where not defined
  /// (never NaN or infinity).
  public func json() -> JSONValue {
    let r = result
    let intervals = r.confidenceIntervals(level: level)
    let parameters = zip(r.parameters, intervals).map { p, ci -> JSONValue in
      .object([
        ("name", .string(p.name)), ("estimate", .finite(p.estimate)), ("standardError", .finite(p.standardError)),
        ("t", .finite(p.t)), ("p", .finite(p.p)), ("lower", .finite(ci.lowerBound)), ("upper", .finite(ci.upperBound)),
      ])
    }
    let warnings = r.warnings + (Self.undefinedNote(r, level: level, shownAs: "null").map { [$0] } ?? [])
    return .object([
      ("n", .integer(Int64(r.n))),
      ("rank", .integer(Int64(r.rank))),
      ("conditionNumber", .finite(r.conditionNumber)),
      ("parameters", .array(parameters)),
      ("residualStandardError", .finite(r.residualStandardError)),
      ("residualDegreesOfFreedom", .integer(Int64(r.residualDegreesOfFreedom))),
      ("rSquared", .finite(r.rSquared)),
      ("adjustedRSquared", .finite(r.adjustedRSquared)),
      ("logLikelihood", .finite(r.logLikelihood)),
      ("aic", .finite(r.aic)),
      ("aicc", .finite(r.aicc)),
      ("bic", .finite(r.bic)),
      ("confidenceLevel", .double(level * 100)),
      ("warnings", .array(warnings.map { .string($0) })),
    ])
  }

  /// One row per coefficient: name, estimate, standard error, t, p and the interval.
  public func csv() -> CSVDocument {
    let intervals = result.confidenceIntervals(level: level)
    let rows = zip(result.parameters, intervals).map { p, ci in
      [p.name] + [p.estimate, p.standardError, p.t, p.p, ci.lowerBound, ci.upperBound].map {
        JSONValue.finite($0).serialized().replacingOccurrences(of: "null", with: "")
      }
    }
    return CSVDocument(header: ["name", "estimate", "standard_error", "t", "p", "lower", "upper"], rows: rows)
  }

  public func blocks() -> [ReportBlock] {
    [.preformatted(Self.table(result, level: level, call: call, source: source))]
  }

  /// An R `summary(lm)`-style table.
  static func table(_ r: RegressionResult, level: Double, call: String, source: String) -> String {
    var out = "Call:\n\(call)   [data: \(source), n = \(r.n)]\n\n"
    let sorted = r.residuals.sorted()
    if sorted.count >= 5 {
      let q = [0, 0.25, 0.5, 0.75, 1].map { quantile(sorted, $0) }
      out += "Residuals:\n"
      out += ["Min", "1Q", "Median", "3Q", "Max"].map { pad($0, 11) }.joined() + "\n"
      out += q.map { pad(number($0, 5), 11) }.joined() + "\n\n"
    }
    out += "Coefficients:\n"
    let ci = r.confidenceIntervals(level: level)
    let pct = number(level * 100, 3)
    let nameWidth = max(12, (r.parameters.map(\.name.count).max() ?? 0) + 1)
    let heads = ["Estimate", "Std. Error", "t value", "Pr(>|t|)", "", "\(pct)% lower", "\(pct)% upper"]
    out += String(repeating: " ", count: nameWidth) + heads.enumerated().map { $0.offset == 4 ? "    " : pad($0.element, 14) }.joined() + "\n"
    for (p, interval) in zip(r.parameters, ci) {
      out += p.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
      if p.isAliased {
        out += pad("NA", 14) + pad("NA", 14) + pad("NA", 14) + pad("NA", 14) + "    (aliased)\n"
        continue
      }
      out += pad(number(p.estimate, 7), 14) + pad(number(p.standardError, 5), 14) + pad(number(p.t, 4), 14)
      out += pad(pValue(p.p), 14) + " " + stars(p.p).padding(toLength: 3, withPad: " ", startingAt: 0)
      out += pad(number(interval.lowerBound, 7), 14) + pad(number(interval.upperBound, 7), 14) + "\n"
    }
    out += "---\nSignif. codes:  0 '***' 0.001 '**' 0.01 '*' 0.05 '.' 0.1 ' ' 1\n\n"
    out += "Residual standard error: \(number(r.residualStandardError, 6)) on \(r.residualDegreesOfFreedom) degrees of freedom\n"
    out += "\(r.hasIntercept ? "Multiple" : "Uncentred") R-squared:  \(number(r.rSquared, 6)),\tAdjusted R-squared:  \(number(r.adjustedRSquared, 6))\n"
    if let f = r.fTest {
      out += "F-statistic: \(number(f.statistic, 5)) on \(f.numeratorDegreesOfFreedom) and \(f.denominatorDegreesOfFreedom) DF,  p-value: \(pValue(f.p))\n"
    }
    out += "Log-likelihood: \(number(r.logLikelihood, 7)) (df = \(r.rank + 1)),  AIC: \(number(r.aic, 7)),  "
    out += "AICc: \(r.aicc.map { number($0, 7) } ?? "undefined"),  BIC: \(number(r.bic, 7))\n"
    out += "Rank: \(r.rank) of \(r.parameters.count),  condition number (scaled design): \(number(r.conditionNumber, 4))\n"
    for warning in r.warnings { out += "Warning: \(warning)\n" }
    if let note = undefinedNote(r, level: level, shownAs: "NA") { out += "Note: \(note)\n" }
    return out
  }

  /// Names the reported quantities that are not finite numbers (printed as `shownAs`), with
  /// the likely reason; nil when every one is finite. Aliased coefficients are not listed:
  /// the warnings already say why they are not estimated.
  static func undefinedNote(_ r: RegressionResult, level: Double, shownAs: String) -> String? {
    var items: [String] = []
    let intervals = r.confidenceIntervals(level: level)
    for (p, ci) in zip(r.parameters, intervals) where !p.isAliased {
      let fields = [
        ("estimate", p.estimate), ("standard error", p.standardError), ("t", p.t), ("p", p.p),
        ("interval", ci.lowerBound), ("interval", ci.upperBound),
      ].filter { !$0.1.isFinite }.map(\.0)
      var unique: [String] = []
      for f in fields where !unique.contains(f) { unique.append(f) }
      if !unique.isEmpty { items.append("\(unique.joined(separator: ", ")) of \(p.name)") }
    }
    let overall: [(String, Double?)] = [
      ("residual standard error", r.residualStandardError), ("R-squared", r.rSquared),
      ("adjusted R-squared", r.adjustedRSquared), ("log-likelihood", r.logLikelihood), ("AIC", r.aic),
      ("AICc", r.aicc), ("BIC", r.bic), ("condition number", r.conditionNumber),
      ("F statistic", r.fTest?.statistic), ("F p-value", r.fTest?.p),
    ]
    items += overall.filter { name, value in value.map { !$0.isFinite } ?? false }.map(\.0)
    guard !items.isEmpty else { return nil }
    var reason = "the numbers overflowed or underflowed double precision (rescale the data)"
    if r.residualStandardError == 0 {
      reason = "the fit is exact (zero residuals), so these are not defined"
    } else if !r.conditionNumber.isFinite {
      reason = "the design is singular"
    }
    return "not finite, shown as \(shownAs): \(items.joined(separator: "; ")); \(reason)"
  }

  private static func quantile(_ sorted: [Double], _ q: Double) -> Double {
    let h = Double(sorted.count - 1) * q
    let lo = Int(h.rounded(.down)), hi = min(lo + 1, sorted.count - 1)
    return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
  }

  private static func pad(_ s: String, _ width: Int) -> String {
    s.count >= width ? " " + s : String(repeating: " ", count: width - s.count) + s
  }

  /// `digits` significant digits, as R prints.
  static func number(_ x: Double, _ digits: Int) -> String {
    // Never print a non-finite number: "NA", explained by the table's note.
    guard x.isFinite else { return "NA" }
    return String(format: "%.\(digits)g", x)
  }

  private static func pValue(_ p: Double) -> String {
    guard p.isFinite else { return "NA" }
    return p < 2.2e-16 ? "<2e-16" : String(format: "%.3g", p)
  }

  private static func stars(_ p: Double) -> String {
    guard p.isFinite else { return "" }
    switch p {
    case ..<0.001: return "***"
    case ..<0.01: return "**"
    case ..<0.05: return "*"
    case ..<0.1: return "."
    default: return ""
    }
  }
}
