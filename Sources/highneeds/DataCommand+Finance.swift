import FinanceData
import Foundation
import OfficialData

/// The lines `data import` prints for the finance files: what each did, the edition choices and
/// the England check.
func financeLines(_ imported: StoreImport) -> [String] {
  var lines: [String] = []
  for outcome in imported.finance {
    switch outcome.action {
    case .alreadyPresent:
      lines.append("\(outcome.file): already in the store (same contents); nothing changed")
    case .imported, .replaced:
      let verb = outcome.action == .replaced ? "replaced the earlier import of" : "imported"
      lines.append(
        "\(outcome.file): \(verb) \(outcome.kind.rawValue): \(outcome.values) values (\(outcome.missing) "
          + "not published, stored as missing), \(outcome.joined) authorities joined to SEN2 by LA code or name")
      if !outcome.unjoined.isEmpty {
        lines.append(
          "  not in SEN2 (no authority with that LA code or name): " + outcome.unjoined.joined(separator: "; "))
      }
    }
  }
  // One line per pair of editions and measure, its years together.
  var grouped: [String: [String]] = [:]
  var order: [String] = []
  // The allocations a scenario reads (HNB, total DSG) are listed; the other blocks are counted.
  let listed = imported.editionChoices.filter {
    $0.measure.code.hasPrefix("hnb.") || $0.measure.code.hasPrefix("dsg.total.")
  }
  let others = imported.editionChoices.count - listed.count
  for choice in listed {
    let key =
      "\(choice.measure) is also in \(choice.superseded.file):\(choice.superseded.sheet): "
      + "\(choice.winner.file):\(choice.winner.sheet) is read (newer edition)"
    if grouped[key] == nil { order.append(key) }
    grouped[key, default: []].append("\(choice.period) \(choice.differing) of \(choice.compared) differ")
  }
  for key in order { lines.append("  " + key + "; " + grouped[key]!.joined(separator: ", ")) }
  if others > 0 {
    lines.append("  \(others) more overlaps of the other blocks, resolved the same way (newer edition read)")
  }
  let checks = imported.nationalChecks
  if !imported.finance.isEmpty, !checks.isEmpty {
    let passed = checks.filter(\.passes).count
    let worst = checks.map { abs($0.difference) }.max() ?? 0
    lines.append(
      "England check: the sum of authority High Needs Blocks (before deductions) equals the England row in "
        + "\(passed) of \(checks.count) tables and years (tolerance £0.50 per authority summed; largest "
        + "difference £\(String(format: "%.2f", worst)))")
    for check in checks where !check.passes { lines.append("  FAILS: \(check)") }
  }
  return lines
}
