import Foundation
import TestSupport
import Testing

/// `demand.model: cohort` scenarios run through the binary on the small release fixtures
/// (their Medway rows are Medway's whole published flows and caseload).
struct CohortScenarioEndToEndTests {
  /// A cohort scenario for Medway, 2024-25 to `last`, with `extra` YAML appended (levers, places).
  static func scenario(last: String = "2029-30", extra: String = "") -> String {
    """
    scenario: Medway cohort test
    authority: Medway
    years: 2024-25 to \(last)
    demand:
      model: cohort
    costs:
      price_year: 2024-25
      per_plan:
        mainstream: £15,000
        resourced_provision: £15,000
        maintained_special: £25,000
        independent_special: £60,000
        alternative_provision: £18,000
        post16: £10,000
        educated_elsewhere: £5,000
        neet_other: £5,000
      per_plan_by_phase:
        independent_special: {primary: £50k, secondary: £70k, post16: £40k}
      inflation: 2%
      other: £2m
    funding:
      high_needs_block:
        2024-25: £60m
      growth: 3%
      dsg_total: £300m

    """ + extra
  }

  /// Runs `command` on `text` written to a scratch file, with the fixture store; the JSON.
  static func json(_ command: String, _ text: String, store: String, folder: URL) throws -> [String: Any] {
    let path = folder.appendingPathComponent("s-\(UUID().uuidString).yaml")
    try text.write(to: path, atomically: true, encoding: .utf8)
    let run = runHighneeds([command, path.path, "--format", "json", "--store", store])
    #expect(run.status == 0, "\(run.stderr)")
    return try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
  }

  /// The cohort part of a run's JSON: rates by band, and plans by band at each census.
  static func cohort(_ json: [String: Any]) -> (rates: [[String: Any]], years: [Int: [String: Any]]) {
    let cohort = (json["demand"] as! [String: Any])["cohort"] as! [String: Any]
    let years = cohort["years"] as! [[String: Any]]
    return (
      cohort["rates"] as! [[String: Any]],
      Dictionary(uniqueKeysWithValues: years.map { ($0["census"] as! Int, $0) })
    )
  }

  /// Halving new plans from 2026 (a `new_plans` lever of −50% from 2026-27, whose January 2027
  /// census the 2026 flows reach) changes the January 2030 stock by what a hand recursion of
  /// the flows gives, from the rates the run reports (ageing share u, ceasing rate c, residual
  /// rate r, new plans N by band and flow year):
  /// `D_b(t+1) = D_b(t)(1 − c_b − u_b + r_b) + u_{b−1} D_{b−1}(t) + 0.5 N_b(t)` for t = 2026…2029.
  /// The recursion is linear and no cell is floored at 0 on Medway's rates, so the band
  /// differences agree to 1e-9 relative (JSON doubles round-trip); the ledger's 2029-30 plans,
  /// printed to 0.1, agree to 0.1.
  @Test func halvingNewPlansFrom2026ChangesThe2030StockByTheHandRecursion() throws {
    let (folder, store) = try CohortEndToEndTests.store()
    defer { try? FileManager.default.removeItem(at: folder) }
    let base = try Self.json("run", Self.scenario(), store: store, folder: folder)
    let lever = """
      levers:
        - {name: Half the new plans, type: new_plans, change: -50%, start: 2026-27}

      """
    let halved = try Self.json("run", Self.scenario(extra: lever), store: store, folder: folder)
    let (rates, baseYears) = Self.cohort(base)
    let (_, halvedYears) = Self.cohort(halved)
    var d = [Double](repeating: 0, count: 5)
    for flowYear in 2026...2029 {
      var next = d
      for b in 0..<5 {
        let rate = rates[b]
        let keep =
          1 - (rate["ceasingRate"] as! Double) - (rate["ageingShare"] as! Double) + (rate["residualRate"] as! Double)
        let inflow = b == 0 ? 0 : d[b - 1] * (rates[b - 1]["ageingShare"] as! Double)
        let made = (rate["newPlans"] as! [[String: Any]]).first { $0["flowYear"] as! Int == flowYear }!
        next[b] = d[b] * keep + inflow + 0.5 * (made["mean"] as! Double)
      }
      d = next
    }
    let bands = ["under-5", "5-10", "11-15", "16-19", "20-25"]
    let before = baseYears[2030]!["plansByBand"] as! [String: Double]
    let after = halvedYears[2030]!["plansByBand"] as! [String: Double]
    for (b, band) in bands.enumerated() {
      let change = before[band]! - after[band]!
      #expect(abs(change - d[b]) <= 1e-9 * max(1, abs(d[b])), "\(band): \(change) against \(d[b])")
    }
    let expected = d.reduce(0, +)
    #expect(expected > 100)
    let plans = { (json: [String: Any]) -> Double in
      (json["years"] as! [[String: Any]]).first { $0["year"] as! String == "2029-30" }!["plans"] as! Double
    }
    #expect(abs((plans(base) - plans(halved)) - expected) <= 0.1)
    // The 2026 census (2025 flows) and the start are untouched; the lever is attributed.
    #expect(
      (baseYears[2026]!["plansByBand"] as! [String: Double]) == (halvedYears[2026]!["plansByBand"] as! [String: Double])
    )
    let levers = halved["levers"] as! [[String: Any]]
    #expect(levers.count == 1 && levers[0]["type"] as? String == "new_plans")
  }

  /// Medway 2026-28 from the store: places by phase for maintained special against capacity
  /// (each phase row is the setting's demand × that phase's share of the cohort model's
  /// maintained special plans at the census, to the 0.1 the JSON prints), and plans by phase
  /// in maintained and independent special for the 2026, 2027 and 2028 censuses, adding up to
  /// the model's plans in the setting; independent special's unit cost is its phase costs
  /// weighted by its plans by phase, inflated 2% a year (to the pound).
  @Test func medway2026to2028PlacesByPhase() throws {
    let (folder, store) = try CohortEndToEndTests.store()
    defer { try? FileManager.default.removeItem(at: folder) }
    let places = """
      places:
        overflow: independent_special
        settings:
          maintained_special:
            capacity: 1200
            phases:
              primary: {capacity: 480}
              secondary: {capacity: 480}
              post16: {capacity: 240}

      """
    let text = Self.scenario(last: "2027-28", extra: places)
    let run = try Self.json("run", text, store: store, folder: folder)
    let report = try Self.json("places", text, store: store, folder: folder)
    let (_, years) = Self.cohort(run)
    #expect(Set(years.keys) == [2025, 2026, 2027, 2028])
    let rows = report["places"] as! [[String: Any]]
    let costs = ["primary": 50_000.0, "secondary": 70_000.0, "post16": 40_000.0]
    for (census, year) in [(2026, "2025-26"), (2027, "2026-27"), (2028, "2027-28")] {
      let byPhase = years[census]!["plansByPhase"] as! [String: [String: Double]]
      for setting in ["maintained_special", "independent_special"] {
        let phases = byPhase[setting]!
        #expect(Set(phases.keys) == ["primary", "secondary", "post16"])
        #expect(phases.values.allSatisfy { $0 > 0 })
      }
      let maintained = byPhase["maintained_special"]!
      let total = maintained.values.reduce(0, +)
      let mine = rows.filter { $0["year"] as! String == year }
      let whole = mine.first { $0["phase"] is NSNull }!
      #expect(whole["capacity"] as! Double == 1200)
      for phase in ["primary", "secondary", "post16"] {
        let row = mine.first { $0["phase"] as? String == phase }!
        let expected = (whole["demand"] as! Double) * maintained[phase]! / total
        #expect(abs((row["demand"] as! Double) - expected) <= 0.1, "\(year) \(phase)")
      }
      let independent = byPhase["independent_special"]!
      let weighted = independent.map { costs[$0.key]! * $0.value }.reduce(0, +) / independent.values.reduce(0, +)
      let ledgerYear = (run["years"] as! [[String: Any]]).first { $0["year"] as! String == year }!
      let unitCost = (ledgerYear["unitCost"] as! [String: Double])["independent_special"]!
      let index = pow(1.02, Double(census - 2025))
      #expect(abs(unitCost - weighted * index) <= 1, "\(year): \(unitCost) against \(weighted * index)")
    }
  }

  /// A cohort scenario whose authority is not in the store is invalid data (65) naming the file
  /// and line of `authority:`; with no store at all it cannot be read (66) and says so; nothing
  /// is written either way.
  @Test func storeProblemsAreLocated() throws {
    let (folder, store) = try CohortEndToEndTests.store()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("kent.yaml")
    try Self.scenario().replacingOccurrences(of: "authority: Medway", with: "authority: Medway Towns").write(
      to: path, atomically: true, encoding: .utf8)
    let output = folder.appendingPathComponent("out.json").path
    let unknown = runHighneeds(["run", path.path, "--store", store, "--format", "json", "--output", output])
    #expect(unknown.status == 65)
    #expect(unknown.stderr.contains("kent.yaml:2:"), "\(unknown.stderr)")
    #expect(unknown.stderr.contains("did you mean 'Medway'"), "\(unknown.stderr)")
    let missing = runHighneeds([
      "validate", path.path, "--store", folder.appendingPathComponent("none.sqlite").path,
    ])
    #expect(missing.status == 66)
    #expect(missing.stderr.contains("kent.yaml:5:"), "\(missing.stderr)")
    #expect(!FileManager.default.fileExists(atPath: output))
  }
}

/// `demand.population`: an ONS projection in the published layout scales new plans per head.
struct CohortPopulationEndToEndTests {
  static let population = repositoryRoot.appendingPathComponent(
    "Tests/EndToEndTests/Fixtures/population/snpp-medway-persons.csv")

  /// The fixture's population is flat (2,000 a year of age) through 2026 and doubles at ages
  /// 11-15 from 2027: the per-head trend on flat years is the count trend over 2,000, so the
  /// flows of 2025 and 2026 are unchanged (the 2026 and 2027 censuses equal the run without a
  /// population to 1e-9 relative), and the flows of 2027 make twice the trend's new plans aged
  /// 11-15: the January 2028 11-15 band is higher by exactly that trend's 2027 new plans (read
  /// from the run's rates), and no other band moves that year.
  @Test func doublingThe11to15PopulationFrom2027DoublesTheirNewPlans() throws {
    let (folder, store) = try CohortEndToEndTests.store()
    defer { try? FileManager.default.removeItem(at: folder) }
    let plain = try CohortScenarioEndToEndTests.json(
      "run", CohortScenarioEndToEndTests.scenario(), store: store, folder: folder)
    let text = CohortScenarioEndToEndTests.scenario().replacingOccurrences(
      of: "  model: cohort\n", with: "  model: cohort\n  population: \(Self.population.path)\n")
    let scaled = try CohortScenarioEndToEndTests.json("run", text, store: store, folder: folder)
    let (rates, before) = CohortScenarioEndToEndTests.cohort(plain)
    let (_, after) = CohortScenarioEndToEndTests.cohort(scaled)
    let bands = ["under-5", "5-10", "11-15", "16-19", "20-25"]
    for census in [2026, 2027] {
      let a = before[census]!["plansByBand"] as! [String: Double]
      let b = after[census]!["plansByBand"] as! [String: Double]
      for band in bands { #expect(abs(a[band]! - b[band]!) <= 1e-9 * max(1, a[band]!), "\(census) \(band)") }
    }
    let made = (rates[2]["newPlans"] as! [[String: Any]]).first { $0["flowYear"] as! Int == 2027 }!["mean"] as! Double
    #expect(made > 50)
    let a = before[2028]!["plansByBand"] as! [String: Double]
    let b = after[2028]!["plansByBand"] as! [String: Double]
    #expect(abs((b["11-15"]! - a["11-15"]!) - made) <= 1e-6 * made)
    for band in bands where band != "11-15" { #expect(abs(a[band]! - b[band]!) <= 1e-9 * max(1, a[band]!)) }
  }

  /// A population file without the authority's rows, or with a bad cell, is invalid data (65)
  /// naming the file and line.
  @Test func badPopulationFilesAreLocated() throws {
    let (folder, store) = try CohortEndToEndTests.store()
    defer { try? FileManager.default.removeItem(at: folder) }
    let csv = try String(contentsOf: Self.population, encoding: .utf8)
    let bad = folder.appendingPathComponent("bad.csv")
    try csv.replacingOccurrences(of: "persons,7,2000,", with: "persons,7,lots,").write(
      to: bad, atomically: true, encoding: .utf8)
    let other = folder.appendingPathComponent("other.csv")
    try csv.replacingOccurrences(of: "E06000035", with: "E06000099").write(to: other, atomically: true, encoding: .utf8)
    for (file, message) in [
      (bad, "bad.csv:9: column 2018 (column 6): 'lots'"), (other, "no persons row for E06000035"),
    ] {
      let scenario = folder.appendingPathComponent("p.yaml")
      try CohortScenarioEndToEndTests.scenario().replacingOccurrences(
        of: "  model: cohort\n", with: "  model: cohort\n  population: \(file.path)\n"
      ).write(to: scenario, atomically: true, encoding: .utf8)
      let run = runHighneeds(["run", scenario.path, "--store", store])
      #expect(run.status == 65)
      #expect(run.stderr.contains(message), "\(run.stderr)")
      #expect(run.stdout.isEmpty)
    }
  }
}
