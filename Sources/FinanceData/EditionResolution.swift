/// What won where more than one edition gives the same (period, measure), and how much the
/// superseded edition's figures differed from the winner's.
public struct EditionChoice: Hashable, Sendable, CustomStringConvertible {
  /// The period.
  public let period: FinancePeriod
  /// The measure.
  public let measure: FinanceMeasure
  /// The edition whose figures are kept.
  public let winner: Edition
  /// The edition replaced.
  public let superseded: Edition
  /// Areas both editions give.
  public let compared: Int
  /// Of those, areas whose values differ by more than a penny (or one is missing).
  public let differing: Int
  /// The largest absolute difference, in the measure's unit.
  public let largestDifference: Double

  /// `2022-23 hnb.before_deductions: ... wins over ...; 12 of 151 differ, largest 1234.0`.
  public var description: String {
    "\(period) \(measure): \(winner) wins over \(superseded); \(differing) of \(compared) areas differ"
      + (differing > 0 ? ", largest difference \(largestDifference)" : "")
  }
}

/// Picks, for each (area, period, measure), the record from the greatest ``Edition``.
struct EditionResolution {
  private(set) var winners: [FinanceRecord] = []
  private(set) var losers: [FinanceRecord] = []
  private(set) var choices: [EditionChoice] = []

  /// Values within this of each other count as equal: a penny, since the tables are in whole
  /// pounds and the £m table's values carry about 15 significant digits.
  static let sameValue = 0.01

  init(_ records: [FinanceRecord]) {
    var best: [FinanceDataset.Key: Int] = [:]
    var groups: [FinanceDataset.Key: [Int]] = [:]
    for (position, record) in records.enumerated() {
      let key = FinanceDataset.key(record)
      groups[key, default: []].append(position)
      if let current = best[key], !(records[current].source.edition < record.source.edition) { continue }
      best[key] = position
    }
    let winning = Set(best.values)
    for (position, record) in records.enumerated() {
      if winning.contains(position) { winners.append(record) } else { losers.append(record) }
    }
    choices = Self.summarise(records, groups: groups, best: best)
  }

  private struct Pair: Hashable {
    let period: FinancePeriod
    let measure: FinanceMeasure
    let winner: Edition
    let loser: Edition
  }

  private static func summarise(
    _ records: [FinanceRecord], groups: [FinanceDataset.Key: [Int]], best: [FinanceDataset.Key: Int]
  ) -> [EditionChoice] {
    var tally: [Pair: (compared: Int, differing: Int, largest: Double)] = [:]
    for (key, positions) in groups where positions.count > 1 {
      guard let winnerPosition = best[key] else { continue }
      let winner = records[winnerPosition]
      for position in positions where position != winnerPosition {
        let loser = records[position]
        let pair = Pair(
          period: key.period, measure: key.measure, winner: winner.source.edition, loser: loser.source.edition)
        var entry = tally[pair] ?? (0, 0, 0)
        entry.compared += 1
        switch (winner.value, loser.value) {
        case (let a?, let b?):
          let difference = abs(a - b)
          if difference > sameValue {
            entry.differing += 1
            entry.largest = max(entry.largest, difference)
          }
        case (nil, nil): break
        default: entry.differing += 1
        }
        tally[pair] = entry
      }
    }
    return tally.map { pair, entry in
      EditionChoice(
        period: pair.period, measure: pair.measure, winner: pair.winner, superseded: pair.loser,
        compared: entry.compared, differing: entry.differing, largestDifference: entry.largest)
    }.sorted { ($0.period, $0.measure.code, $0.superseded) < ($1.period, $1.measure.code, $1.superseded) }
  }
}
