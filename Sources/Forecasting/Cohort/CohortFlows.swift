/// The age bands of the cohort model: SEN2's bands (under 5, 5-10, 11-15, 16-19, 20-25).
///
/// Ageing on assumes ages are spread evenly inside a band: each January census a share
/// `1 / width` of a band (its oldest single year) has moved up by the next one. Plans in the
/// top band (20-25) end by ceasing, which SEN2 counts, so nobody ages out of it.
public enum CohortBand: Int, Sendable, CaseIterable, Comparable {
  /// Under 5 (ages 0-4).
  case under5
  /// Ages 5 to 10.
  case age5to10
  /// Ages 11 to 15.
  case age11to15
  /// Ages 16 to 19.
  case age16to19
  /// Ages 20 to 25.
  case age20to25

  /// Single years of age in the band.
  public var width: Int { [5, 6, 5, 4, 6][rawValue] }

  /// The share of the band that moves to the next band in a year: `1 / width`, 0 for the top band.
  public var ageingShare: Double { self == .age20to25 ? 0 : 1 / Double(width) }

  /// A label for tables (`11 to 15`).
  public var label: String { ["under 5", "5 to 10", "11 to 15", "16 to 19", "20 to 25"][rawValue] }

  /// Orders bands by age.
  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The published counts the cohort model is fitted to: plain arrays by band, no store types.
///
/// Stocks are plans at the January census of a year; flows are calendar-year counts (new
/// plans made, plans ceased), so the flows of year `t` take the stock of January `t` to
/// January `t + 1`.
public struct CohortHistory: Sendable {
  /// Plans by band (`CohortBand.allCases` order) at each census year published.
  public var stock: [Int: [Double]]
  /// New plans by band (age when the plan started) in each calendar year.
  public var newPlans: [Int: [Double]]
  /// Plans ceased by band (age when ceased) where published by age.
  public var ceased: [Int: [Double]]
  /// Plans ceased in all, for years without the age breakdown.
  public var ceasedTotal: [Int: Double]

  /// A history from its parts (each array must have one value per band).
  public init(
    stock: [Int: [Double]], newPlans: [Int: [Double]], ceased: [Int: [Double]], ceasedTotal: [Int: Double] = [:]
  ) {
    self.stock = stock
    self.newPlans = newPlans
    self.ceased = ceased
    self.ceasedTotal = ceasedTotal
  }
}

/// One year and band of the stock identity
/// `S(t+1) = S(t) − ceased − aged out + aged in + new + residual`, where the residual is what
/// the published flows do not explain (moves between authorities not counted as new or ceased,
/// late records, the uniform-age assumption, breaks in the return).
public struct CohortIdentityRow: Sendable, Equatable {
  /// The census year the step starts from (flows are this calendar year's).
  public let year: Int
  /// The band.
  public let band: CohortBand
  /// Plans at the January census of `year`.
  public let opening: Double
  /// New plans in the band in the calendar year.
  public let newPlans: Double
  /// Plans ceased in the band in the calendar year.
  public let ceased: Double
  /// True when `ceased` was not published by age: the year's total shared out in proportion
  /// to the bands' opening stocks (an estimate).
  public let ceasedAllocated: Bool
  /// Plans that aged out of the band (`opening / width`, or the share the identity was given).
  public let agedOut: Double
  /// Plans that aged in from the band below.
  public let agedIn: Double
  /// Plans at the January census of `year + 1`, as published.
  public let closing: Double
  /// What the flows do not explain: `closing − (opening − ceased − agedOut + agedIn + newPlans)`.
  public let residual: Double

  /// The stock the published flows give, before the residual.
  public var explained: Double { opening - ceased - agedOut + agedIn + newPlans }
}

extension CohortHistory {
  /// The stock identity for every year whose opening and closing stocks by band and new plans
  /// by band are published, and whose ceased plans are published by band or in total.
  ///
  /// By construction `explained + residual == closing` for every row (to floating-point
  /// rounding: a few units in the last place of counts in the thousands).
  public func identity() -> [CohortIdentityRow] { identity(ageing: CohortBand.allCases.map(\.ageingShare)) }

  /// The stock identity with `ageing[b]` of band `b`'s opening stock ageing out each year
  /// (`CohortSettings.ageing`); `identity()` is this with `1 / width`.
  public func identity(ageing: [Double]) -> [CohortIdentityRow] {
    var rows: [CohortIdentityRow] = []
    let bands = CohortBand.allCases
    for year in stock.keys.sorted() {
      guard let opening = stock[year], let closing = stock[year + 1], let made = newPlans[year],
        opening.count == bands.count, closing.count == bands.count, made.count == bands.count
      else { continue }
      let ended: [Double]
      let allocated: Bool
      if let byBand = ceased[year], byBand.count == bands.count {
        (ended, allocated) = (byBand, false)
      } else if let total = ceasedTotal[year] {
        let all = opening.reduce(0, +)
        (ended, allocated) = (opening.map { all > 0 ? total * $0 / all : 0 }, true)
      } else {
        continue
      }
      let out = bands.map { opening[$0.rawValue] * (ageing.indices.contains($0.rawValue) ? ageing[$0.rawValue] : 0) }
      for band in bands {
        let b = band.rawValue
        let agedIn = b == 0 ? 0 : out[b - 1]
        let explained = opening[b] - ended[b] - out[b] + agedIn + made[b]
        rows.append(
          CohortIdentityRow(
            year: year, band: band, opening: opening[b], newPlans: made[b], ceased: ended[b],
            ceasedAllocated: allocated,
            agedOut: out[b], agedIn: agedIn, closing: closing[b], residual: closing[b] - explained))
      }
    }
    return rows
  }
}
