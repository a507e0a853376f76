import HighNeeds
/// Rewrites one value in a scenario file's text, keeping every comment and the layout.
///
/// `solve --output` uses it to write the lever size it found back into the scenario.
public enum ScenarioRewriter {
  /// The text written for a lever size: plans to 4 decimals, fractions as percentages to 6
  /// decimals, money to the penny, all precise enough to meet a target to within £1,000.
  public static func text(forSize value: Double, of lever: Lever) -> String {
    func trimmed(_ text: String) -> String {
      guard text.contains(".") else { return text }
      var copy = text
      while copy.hasSuffix("0") { copy.removeLast() }
      if copy.hasSuffix(".") { copy.removeLast() }
      return copy
    }
    func percent(_ fraction: Double) -> String { trimmed(FixedPoint.format(fraction * 100, places: 6)) + "%" }
    func money(_ pounds: Double) -> String {
      (pounds < 0 ? "-£" : "£") + trimmed(FixedPoint.format(abs(pounds), places: 2))
    }
    switch lever.kind {
    case .movePlacements: return trimmed(FixedPoint.format(value, places: 4))
    case .demandGrowth, .newPlans, .newPlacementShare, .ceasingRate: return percent(value)
    case .unitCost(_, _, let isPercent): return isPercent ? percent(value) : money(value)
    case .blockTransfer(let transfer): return transfer.isPercent ? percent(value) : money(value)
    case .extraFunding, .oneOffSaving: return trimmed(FixedPoint.format(value, places: 2))
    }
  }

  /// `text` with the plain or quoted scalar starting at `line`:`column` replaced by
  /// `replacement`; a trailing comment is kept. Nil when the position is not in the text.
  public static func replacingScalar(in text: String, line: Int, column: Int, with replacement: String) -> String? {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
    let row = line - 1
    guard lines.indices.contains(row) else { return nil }
    let scalars = lines[row]
    let start = column - 1
    guard start >= 0, start < scalars.count else { return nil }
    var end = start
    if let quote = scalars.first.map({ _ in scalars[start] }), quote == "\"" || quote == "'" {
      end = start + 1
      while end < scalars.count, scalars[end] != quote { end += 1 }
      end = min(end + 1, scalars.count)
    } else if let length = plainScalarLength(in: text, line: line, column: column, source: scalars) {
      end = start + length
    } else {
      while end < scalars.count, !(scalars[end] == "#" && end > start && scalars[end - 1] == " ") { end += 1 }
      while end > start, scalars[end - 1] == " " { end -= 1 }
    }
    lines[row] = Array(scalars[..<start]) + Array(replacement.unicodeScalars) + Array(scalars[end...])
    return lines.map { String(String.UnicodeScalarView($0)) }.joined(separator: "\n")
  }
}
