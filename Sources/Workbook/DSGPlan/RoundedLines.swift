/// Rounds the lines of a column to whole pounds so that they add up to the rounded total.
///
/// Rounding each line on its own can leave the printed column a pound or two off its printed
/// total (£6,692,040.50 + £24,003,351.50 + £11,002,230.25 rounds to £41,697,623, the total
/// to £41,697,622). As printed budgets do, the lines are rounded half away from zero, then the
/// pounds still missing are given to (or taken from) the lines whose rounding moved them
/// furthest the other way (largest remainder), so each line stays within £1 of its exact
/// value and the total is exactly the rounded total (among equal remainders, the first line
/// listed moves). Lines that do not add up to the total
/// in the first place (more than the rounding of every line could explain) are left as rounded.
enum RoundedLines {
  /// `parts` rounded to whole pounds, adjusted to sum to `total` rounded (see the type).
  static func addingUp(_ parts: [Double], to total: Double?) -> [Double] {
    var rounded = parts.map { $0.rounded(.toNearestOrAwayFromZero) }
    guard let total, total.isFinite, parts.allSatisfy(\.isFinite) else { return rounded }
    let target = total.rounded(.toNearestOrAwayFromZero)
    let exactSum = parts.reduce(0, +)
    guard abs(exactSum - total) < 0.5 else { return rounded }
    var missing = target - rounded.reduce(0, +)
    guard abs(missing) <= Double(parts.count) else { return rounded }
    while missing != 0 {
      let step: Double = missing > 0 ? 1 : -1
      // The line whose exact value lies furthest beyond its rounded value in the direction needed.
      let candidates = parts.indices.filter { abs(parts[$0] - (rounded[$0] + step)) < 1 }
      guard let pick = candidates.max(by: { (parts[$0] - rounded[$0]) * step < (parts[$1] - rounded[$1]) * step })
      else { break }
      rounded[pick] += step
      missing -= step
    }
    return rounded
  }
}
