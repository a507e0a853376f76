import Foundation
import Testing

@testable import OfficialData

/// A published placement table (`ehcp_placement_*_2010_2020.csv`): year -> column -> count.
private func publishedPlacements(_ file: String) throws -> [Int: [String: Int]] {
  let text = try String(contentsOf: sen2Folder.appendingPathComponent(file), encoding: .utf8)
  let lines = text.split(whereSeparator: \.isNewline).map {
    $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
  }
  var result: [Int: [String: Int]] = [:]
  for row in lines.dropFirst() {
    var values: [String: Int] = [:]
    for (name, cell) in zip(lines[0], row) where !cell.isEmpty { values[name] = Int(cell) }
    result[Int(row[0])!] = values
  }
  return result
}

@Suite struct BreakdownTests {
  /// The groups against the DfE's own establishment groups, published separately (every year
  /// 2010-2020, England and Medway): mainstream with resourced provision is "Mainstream school",
  /// the two special groups "Special school", and so on.
  @Test(arguments: [
    ("England", "ehcp_placement_england_2010_2020.csv"), ("Medway", "ehcp_placement_medway_2010_2020.csv"),
  ])
  func placementGroupsMatchThePublishedGroups(authority name: String, file: String) throws {
    let store = try RealStore.shared.get()
    let groups = try store.caseloadByPlacement(of: try store.authority(matching: name))
    let published = try publishedPlacements(file)
    #expect(published.count == 11)
    for (year, columns) in published {
      let g = try #require(groups[year], "\(name) \(year)")
      func value(_ group: PlacementGroup) -> Int { g[group]?.value ?? 0 }
      func column(_ names: String...) -> Int { names.compactMap { columns[$0] }.reduce(0, +) }
      #expect(value(.mainstream) + value(.resourcedProvision) == column("Mainstream school"), "\(name) \(year)")
      #expect(value(.maintainedSpecial) + value(.independentSpecial) == column("Special school"), "\(name) \(year)")
      #expect(value(.alternativeProvision) == column("Alternative provision/Pupil referral unit"), "\(name) \(year)")
      #expect(value(.post16) == column("Further education", "Unknown"), "\(name) \(year)")
      #expect(value(.elsewhere) == column("Educated elsewhere"), "\(name) \(year)")
      #expect(value(.neetOther) == column("NEET", "Non-maintained early years", "Other"), "\(name) \(year)")
      if columns["Special - Independent"] != nil {
        #expect(value(.independentSpecial) == column("Special - Independent", "Special - Non-maintained"))
      }
    }
  }

  /// Every plan is in exactly one group: where every setting is published the groups add up to
  /// the headline total, for every area and census, except Hackney and Peterborough in 2024,
  /// which gave totals only (the caseload table's footnote 5): nearly all their settings are
  /// `x` that year, and are stored as missing.
  @Test func placementGroupsAddUpToTheTotal() throws {
    let store = try RealStore.shared.get()
    var checked = 0
    var short: [String] = []
    for authority in try store.authorities() where authority.level == .localAuthority {
      // One read per authority; both views from the same cells (as AuthorityFigures does).
      let cells = try store.cells(of: authority, .caseload)
      let totals = OfficialStore.totals(cells)
      for (year, groups) in OfficialStore.placements(cells) {
        guard let total = totals[year]?.value else { continue }
        let values = groups.values.compactMap(\.value)
        if values.isEmpty { continue }
        checked += 1
        if values.reduce(0, +) != total { short.append("\(authority.code) \(year)") }
      }
    }
    #expect(checked > 2_300)
    #expect(short.sorted() == ["E06000031 2024", "E09000012 2024"])
    let hackney = try store.authority(matching: "Hackney")
    let groups2024 = try #require(try store.caseloadByPlacement(of: hackney)[2024])
    #expect(groups2024.values.filter { $0.value == nil && $0.missingCode == "x" }.count >= 7)
    #expect(try store.caseload(of: hackney)[2024]?.value == 3525)
  }

  /// The 2022 layout's age bands add up to that table's own total row.
  @Test func ageBandsAddUpToTheAgeTablesTotal() throws {
    let store = try RealStore.shared.get()
    let medway = try store.authority(matching: "Medway")
    let cells = try store.cells(of: medway, .caseload).filter { $0.count.source.release == 2022 && $0.category.isEmpty }
    let bands = try store.caseloadByAgeBand(of: medway)
    for cell in cells where cell.age == "Total" {
      let sum = bands[cell.year]?.values.compactMap(\.value).reduce(0, +)
      #expect(sum == cell.count.value, "\(cell.year)")
    }
    // 2025 layout: single years of age into bands; January 2025, Medway, bands add to 3,041.
    #expect(bands[2025]?.values.compactMap(\.value).reduce(0, +) == 3041)
  }

  @Test func newPlansAndCeasedPlansAreRead() throws {
    let store = try RealStore.shared.get()
    let england = try store.authority(matching: "England")
    // sen2_age_new_plans.csv, England, 2021: 62,180 (line 2 of the file, "Total").
    let newPlans = try store.newPlans(of: england)
    #expect(newPlans[2021]?.value == 62180)
    // ceased_plans.csv, England, 2022, all ceased: 34,724; needs met 4,054.
    #expect(try store.ceased(of: england)[2022]?.value == 34724)
    #expect(try store.ceasedByReason(of: england)[2022]?[.needsMet]?.value == 4054)
  }
}

@Suite struct LookupAndLineageTests {
  @Test func authoritiesByNameCodeAndOldCode() throws {
    let store = try RealStore.shared.get()
    for query in ["Kent", "kent", "E10000016", "e10000016", "886", " KENT "] {
      #expect(try store.authority(matching: query).code == "E10000016", "\(query)")
    }
    #expect(try store.authority(matching: "Bristol City of").code == "E06000023")
    #expect(try store.authority(matching: "BCP").code == "E06000058")
    // Two Dorsets (the county to 2019, the council from 2020): the current one.
    #expect(try store.authority(matching: "Dorset").code == "E06000059")
    #expect(try store.authority(matching: "835").code == "E10000009")
    // LA code 390 is Gateshead under two GSS codes: the current one.
    #expect(try store.authority(matching: "390").code == "E08000037")
    let error = #expect(throws: OfficialDataError.self) { try store.authority(matching: "Kentt") }
    guard case .unknownAuthority(_, let known) = error else {
      Issue.record("expected unknownAuthority")
      return
    }
    #expect(known.contains("Kent"))
  }

  /// The Dorset group read as one: the predecessors' published counts added up to 2019, the
  /// successors' from 2020 (the figures in ehcp_caseload_2010_2025.csv).
  @Test func reorganisedGroupsReadAsOneSeries() throws {
    let store = try RealStore.shared.get()
    let published = try publishedCaseload()
    for change in Reorganisation.all {
      let lineage = try #require(try store.lineageCaseload(of: try store.authority(matching: change.successors[0])))
      for year in 2010...2025 {
        let codes = year < change.firstSuccessorCensus ? change.predecessors : change.successors
        let expected = codes.map { published[$0]?[year] }
        let sum = expected.allSatisfy { $0 != nil } ? expected.compactMap { $0 }.reduce(0, +) : nil
        #expect(lineage.caseload[year]?.value == sum, "\(change.name) \(year)")
      }
    }
    let bcp = try store.lineageCaseload(of: try store.authority(matching: "BCP"))
    #expect(bcp?.caseload[2019]?.value == 1045 + 846 + 2392)
    #expect(bcp?.caseload[2020]?.value == 2448 + 2534)
  }

  @Test func recodedAuthoritiesReadAsOneSeries() throws {
    let store = try RealStore.shared.get()
    let gateshead = try #require(try store.lineageCaseload(of: try store.authority(matching: "Gateshead")))
    #expect(gateshead.caseload[2013]?.value == 846)
    #expect(gateshead.caseload[2014]?.value == 871)
    let bucks = try #require(try store.lineageCaseload(of: try store.authority(matching: "Buckinghamshire")))
    #expect((2010...2025).allSatisfy { bucks.caseload[$0]?.value != nil })
    #expect(bucks.caseload[2022]?.value == 5415)
  }

  @Test func thePersonLevelBreakIsFlagged() throws {
    let store = try RealStore.shared.get()
    let figures = try AuthorityFigures(store: store, authority: try store.authority(matching: "Medway"))
    #expect(figures.breaks[2023]?.contains("person-level") == true)
    #expect(SeriesBreak.within(2019...2022)[2023] == nil)
  }
}
