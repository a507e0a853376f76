import Forecasting
import HighNeeds


/// Demand against capacity for one setting in one year.
///
/// `surplus = capacity − demand` (negative for a shortfall); `utilisation = demand / capacity`
/// (nil when there are no places). Demand is the plans the placement mix puts in the setting,
/// before any overflow; its 80% and 95% ranges scale the plan forecast's intervals by the share.
public struct PlaceRow: Sendable {
  /// The financial year.
  public let year: FinancialYear
  /// The setting (a placement).
  public let setting: Placement
  /// The need group for a row about places for one need within the setting; nil for the setting as a whole.
  public let need: String?
  /// The phase for a row about places for one phase within the setting; nil otherwise.
  public let phase: String?
  /// Plans the mix places in this setting.
  public let demand: Double
  /// Ranges of demand at the forecast's levels (empty for counted years).
  public let demandIntervals: [PlanInterval]
  /// Places available.
  public let capacity: Double
  /// Capacity minus demand: negative is a shortfall.
  public var surplus: Double { capacity - demand }
  /// Demand as a fraction of capacity (1.0 is full), nil when there are no places.
  public var utilisation: Double? { capacity > 0 ? demand / capacity : nil }
  /// Plans sent to the overflow placement this year because the setting was full (projected years only).
  public let overflowed: Double
}

/// What the places rows say about one setting over the whole scenario.
public struct PlaceSummary: Sendable {
  /// The setting.
  public let setting: Placement
  /// The need group, for a summary of places for one need within the setting.
  public let need: String?
  /// The phase, for a summary of places for one phase within the setting.
  public let phase: String?
  /// The first year in which demand exceeds capacity, if any.
  public let firstShortfallYear: FinancialYear?
  /// The largest shortfall (as a positive number of places) and its year, if any.
  public let peakShortfall: (places: Double, year: FinancialYear)?
  /// A sentence explaining the position (never short, short from the first year, ...).
  public let explanation: String

  /// A setting is short in a year when demand exceeds capacity by half a place or more, so that
  /// the shortfall rounds to at least one whole place.
  public static let shortfallThreshold = 0.5

  /// Summarises rows for one setting (in year order).
  public init(setting: Placement, need: String? = nil, phase: String? = nil, rows: [PlaceRow]) {
    self.setting = setting
    self.need = need
    self.phase = phase
    let short = rows.filter { $0.surplus <= -Self.shortfallThreshold }
    firstShortfallYear = short.first?.year
    peakShortfall = short.max { $0.surplus > $1.surplus }.map { (-$0.surplus, $0.year) }
    let name = (need ?? phase).map { "\(setting.name) (\($0))" } ?? setting.name
    var text: String
    if let first = rows.first, let last = rows.last, let peak = peakShortfall, let start = firstShortfallYear {
      let peakText = "peak shortfall \(FixedPoint.format(peak.places, places: 0)) places in \(peak.year)"
      if start == first.year {
        text = "\(name): demand exceeds capacity from the first year (\(start)); \(peakText)."
      } else {
        text = "\(name): capacity is enough until \(start.advanced(by: -1)); short from \(start); \(peakText)."
      }
      if let lastShort = short.last?.year, lastShort < last.year {
        text += " Enough places again from \(lastShort.advanced(by: 1))."
      }
    } else if let tightest = rows.min(by: { $0.surplus < $1.surplus }) {
      text =
        "\(name): capacity is never short; the smallest surplus is \(FixedPoint.format(tightest.surplus, places: 0)) places in \(tightest.year)."
    } else {
      text = "\(name): no years."
    }
    explanation = text
  }
}
