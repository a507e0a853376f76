import ArgumentParser
import HighNeeds
import ScenarioFiles
import OfficialData

/// `run SCENARIO.yaml --authority NAME` and `places ... --authority NAME`: the scenario's demand
/// census comes from the official-data store.
///
/// What a finance officer expects: the counts are the DfE's for that authority (every January
/// the store has, the newest release's figure for each year, a change of GSS code bridged), and
/// everything the council decides or knows better stays the scenario's: money, the placement
/// mix (it goes with the unit costs), levers, places, outturns and calibration. The scenario's
/// own `demand.census` is replaced whole (not merged year by year, which would splice two
/// sources into one series); `authority:` becomes the store's name. A scenario over several
/// authorities (`demand.authorities`) is refused.
struct ScenarioAuthorityOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Replace the scenario's demand.census with this authority's SEN2 January counts from the store (money, placements, levers and places stay the scenario's).",
      valueName: "name"))
  var authority: String?

  @Flag(
    name: .customLong("combine-lineage"),
    help: "With --authority: a reorganised authority's whole group's series (predecessors summed before the change).")
  var combineLineage = false

  @OptionGroup var store: StoreOptions

  func validate() throws {
    if combineLineage, authority == nil { throw ValidationError("--combine-lineage goes with --authority") }
  }

  /// `scenario` with its census from the store, or unchanged without --authority.
  func apply(to scenario: Scenario, file: String) throws -> Scenario {
    // A cohort scenario was fitted to --authority's flows when it was loaded, census and all.
    guard let authority, scenario.demand.cohort == nil else { return scenario }
    guard scenario.demand.authorities.isEmpty else {
      throw Failure(
        kind: .usage,
        message:
          "--authority: \(file) gives demand.authorities (several authorities); --authority replaces one demand.census")
    }
    let options = AuthorityOptions(authority: authority, combineLineage: combineLineage, store: store)
    guard let (opened, found) = try options.resolve() else { return scenario }
    let (label, plans) = try options.census(opened, found)
    guard !plans.isEmpty else { throw Failure.dataInvalid("--authority: the store has no census counts for \(label)") }
    var copy = scenario
    copy.demand.census = Dictionary(uniqueKeysWithValues: plans.map { (CensusYear($0.key), Double($0.value)) })
    copy.authority = label
    // The check the loader makes on the file's census, made again on the store's.
    if let first = copy.demand.census.keys.min(), copy.years.lowerBound.census < first {
      throw Failure.dataInvalid(
        "\(file): years: \(copy.years.lowerBound) uses the January \(copy.years.lowerBound.census) census, earlier than the store's first count for \(label) (\(first))"
      )
    }
    return copy
  }
}

extension AuthorityOptions {
  /// Options made in code (for `run` and `places`, which have their own help text).
  init(authority: String?, combineLineage: Bool, store: StoreOptions) {
    self.init()
    self.authority = authority
    self.combineLineage = combineLineage
    self.store = store
  }
}
