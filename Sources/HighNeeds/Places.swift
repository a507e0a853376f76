/// Specialist place sufficiency: places available by setting, and where plans go when a
/// setting is full.
///
/// Capacity in financial year F = `capacity` + openings in years up to and including F −
/// closures in those years. An opening "from September 2022" is written under 2022-23: the
/// year whose January census (2023) it first serves.
public struct PlacesSpec: Sendable {
  /// The placement that takes plans beyond a setting's capacity (independent special by default).
  public var overflow: Placement
  /// Capacity by setting; each setting is a placement of the demand mix.
  public var settings: [Placement: SettingCapacity]

  /// Settings in report order (by name).
  public var settingOrder: [Placement] { settings.keys.sorted() }

  /// Creates the value from its parts (the loader and tests build them; nothing is checked here).
  public init(overflow: Placement, settings: [Placement: SettingCapacity]) {
    self.overflow = overflow
    self.settings = settings
  }
}

/// Places in one setting: the first ledger year's capacity and changes after it.
public struct SettingCapacity: Sendable {
  /// Places available in the first financial year of the scenario.
  public var base: Double
  /// New places by the financial year they open in.
  public var openings: [FinancialYear: Double]
  /// Places withdrawn by the financial year they close in.
  public var closures: [FinancialYear: Double]
  /// Places for particular need groups within the setting (for sufficiency by need only:
  /// overflow and costs follow the setting's total capacity).
  public var byNeed: [String: SettingCapacity] = [:]
  /// Places for particular phases within the setting (sufficiency by phase only, like `byNeed`).
  public var byPhase: [String: SettingCapacity] = [:]

  /// Places for groups of one dimension.
  public func groups(_ dimension: GroupDimension) -> [String: SettingCapacity] {
    dimension == .need ? byNeed : byPhase
  }

  /// Places available in `year`: base + openings − closures up to and including `year`.
  public func capacity(in year: FinancialYear) -> Double {
    base + openings.filter { $0.key <= year }.sumInKeyOrder - closures.filter { $0.key <= year }.sumInKeyOrder
  }

  /// Creates the value from its parts (the loader and tests build them; nothing is checked here).
  public init(base: Double, openings: [FinancialYear: Double], closures: [FinancialYear: Double], byNeed: [String: SettingCapacity] = [:], byPhase: [String: SettingCapacity] = [:]) {
    self.base = base
    self.openings = openings
    self.closures = closures
    self.byNeed = byNeed
    self.byPhase = byPhase
  }
}
