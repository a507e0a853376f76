import Forecasting
import Foundation

/// A phase of education, as the cohort model's age bands fall in them: primary (under 5 and
/// 5-10), secondary (11-15) and post-16 (16-19 and 20-25).
///
/// SEN2 counts ages at the January census, so the bands do not follow school years exactly:
/// the 11-15 band holds some Year 6 pupils (aged 11 in January) and the 5-10 band holds
/// reception children aged 5 and early-years children are under 5 (counted in primary here).
public enum CohortPhase: String, CaseIterable, Sendable, Comparable {
  /// Under 5 and ages 5 to 10.
  case primary
  /// Ages 11 to 15.
  case secondary
  /// Ages 16 to 25.
  case post16

  /// The phase names, for messages.
  public static var names: [String] { allCases.map(\.rawValue) }

  /// Orders phases youngest first.
  public static func < (lhs: Self, rhs: Self) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}

extension CohortBand {
  /// The phase of education the band is counted in (see ``CohortPhase``).
  public var phase: CohortPhase {
    switch self {
    case .under5, .age5to10: return .primary
    case .age11to15: return .secondary
    case .age16to19, .age20to25: return .post16
    }
  }

  /// The band's name in a scenario file (`16-19`).
  public var scenarioName: String { ["under-5", "5-10", "11-15", "16-19", "20-25"][rawValue] }

  /// The band a scenario names (`16-19`, `16 to 19`), or nil.
  public init?(scenarioName name: String) {
    let normal = name.lowercased().replacingOccurrences(of: " to ", with: "-").replacingOccurrences(of: " ", with: "-")
    guard
      let band = CohortBand.allCases.first(where: { $0.scenarioName == normal || (normal == "under5" && $0 == .under5) }
      )
    else { return nil }
    self = band
  }
}

/// The fitted cohort-flow model a scenario's demand uses (`demand.model: cohort`), with where
/// its inputs came from.
///
/// The loader only records that the scenario asks for it; the command-line tool fits the model
/// from the official-data store and attaches it (``Scenario/attachingCohort(_:)``), because the
/// library modules do not read the store.
public struct CohortDemand: Sendable {
  /// The fitted model (start census by band × placement group, rates, new-plan trends).
  public let model: CohortModel
  /// The model's placement groups as scenario placements, in the model's order.
  public let placements: [Placement]
  /// Where the inputs came from, for reports (`SEN2 store …: Medway`).
  public let source: String
  /// Simulated paths for the intervals (and for `run --simulate`'s demand law).
  public let paths: Int
  /// The generator's seed for those paths.
  public let seed: UInt64
  /// With a population input (`demand.population`): the scale on each band's new plans for the
  /// flows of `startYear + k` (``CohortPopulation/newPlanScale(for:years:)``); empty without one.
  public var newPlanScale: [[Double]] = []
  /// Where the population came from, when one is used.
  public var populationSource: String?

  /// Creates the value.
  public init(model: CohortModel, source: String, paths: Int = 1000, seed: UInt64 = 20_260_101) {
    self.model = model
    self.placements = model.placements.map(Placement.init)
    self.source = source
    self.paths = paths
    self.seed = seed
  }

  /// The census the projection starts from.
  public var startCensus: CensusYear { CensusYear(model.startYear) }
}
