import Foundation
import OfficialData
import Testing

/// What the store holds, to show that a failed import changed nothing.
private func snapshot(_ store: OfficialStore) throws -> [String] {
  let medway = try? store.authority(matching: "Medway")
  let series = try medway.map { try store.caseload(of: $0).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" } }
  return try store.releases().map { "\($0.reportingYear) \($0.archive)" } + (series ?? [])
}

@Suite struct ImportTests {
  @Test func smallReleasesImportWithOverlapReported() throws {
    let store = try OfficialStore(path: scratchStorePath())
    let outcomes = try store.importReleases([fixture("sen2-2022-small.zip"), fixture("sen2-2025-small.zip")])
    #expect(outcomes.map(\.action) == [.imported, .imported])
    #expect(outcomes.map(\.reportingYear) == [2022, 2025])
    // The 2025 release repeats 2019-2022 (totals and placements) from the aggregate collection:
    // it wins, and the totals agree (the two tables in ehcp_caseload_2010_2025.csv agree too).
    let overlap = try #require(outcomes[1].overlaps.first { $0.measure == .caseload })
    #expect(overlap.years == 2019...2022)
    #expect(overlap.winner == 2025 && overlap.superseded == 2022)
    #expect(overlap.differing == 0)
    let medway = try store.authority(matching: "887")
    let plans = try store.caseload(of: medway)
    #expect(plans[2025]?.value == 3041)
    #expect(plans[2020]?.value == 2296)
    #expect(plans[2020]?.source.release == 2025)
    #expect(plans[2020]?.supersedes == [2022])
    #expect(plans[2010]?.value == 1546)
    #expect(plans[2010]?.source.member == "data/sen2_estab_caseload.csv")
  }

  @Test func theSameReleaseTwiceIsANoOp() throws {
    let store = try OfficialStore(path: scratchStorePath())
    _ = try store.importReleases([fixture("sen2-2025-small.zip")])
    let before = try snapshot(store)
    let again = try store.importReleases([fixture("sen2-2025-small.zip")])
    #expect(again.map(\.action) == [.alreadyPresent])
    #expect(again[0].values == 0)
    #expect(try snapshot(store) == before)
  }

  /// Each broken ZIP fails with the place and the column, and the store is as it was.
  @Test(arguments: [
    ("bad-missing-column.zip", "data/caseload.csv:1: column 'special_independent'", "missing from the header"),
    ("bad-duplicate-row.zip", "data/caseload.csv:7: column 'ehcplans'", "duplicate"),
    ("bad-value.zip", "data/caseload.csv:3: column 'ehcplans'", "'12O4' is not a count"),
    ("bad-no-caseload.zip", "bad-no-caseload.zip", "no SEN2 caseload table"),
    ("bad-truncated.zip", "bad-truncated.zip", "truncated"),
    ("bad-not-a-release.zip", "data-guidance.txt:1", "not a DfE SEN2 release"),
    ("bad-not-a-zip.zip", "bad-not-a-zip.zip", "not a readable ZIP"),
  ])
  func brokenReleasesChangeNothing(name: String, place: String, problem: String) throws {
    let store = try OfficialStore(path: scratchStorePath())
    _ = try store.importReleases([fixture("sen2-2022-small.zip")])
    let before = try snapshot(store)
    // A good ZIP given with the bad one is not imported either: one transaction.
    let error = #expect(throws: OfficialDataError.self) {
      try store.importReleases([fixture("sen2-2025-small.zip"), fixture(name)])
    }
    let message = error.map { "\($0)" } ?? ""
    #expect(message.contains(place), "\(message)")
    #expect(message.contains(problem), "\(message)")
    if case .invalidRelease = error {} else { Issue.record("expected invalidRelease, got \(message)") }
    #expect(try snapshot(store) == before)
  }

  @Test func aMissingFileIsUnreadable() throws {
    let store = try OfficialStore(path: scratchStorePath())
    let error = #expect(throws: OfficialDataError.self) { try store.importReleases(["/nonexistent/release.zip"]) }
    if case .unreadable = error {} else { Issue.record("expected unreadable, got \(String(describing: error))") }
  }

  @Test func suppressedCellsAreMissingNeverZero() throws {
    let store = try OfficialStore(path: scratchStorePath())
    _ = try store.importReleases([fixture("sen2-2025-small.zip")])
    let medway = try store.authority(matching: "E06000035")
    // January 2019: placement_unknown was not collected before 2023, published as x.
    let cells = try store.cells(of: medway, .caseload)
    let unknown2019 = try #require(
      cells.first { $0.year == 2019 && $0.age.isEmpty && $0.category == "placement_unknown" })
    #expect(unknown2019.count.value == nil)
    #expect(unknown2019.count.missingCode == "x")
    // So the 'unknown' placement group is missing in 2019, not zero.
    let groups = try store.caseloadByPlacement(of: medway)
    #expect(groups[2019]?[.unknown]?.value == nil)
    #expect(groups[2019]?[.unknown]?.missingCode == "x")
  }

  @Test func aStoreThatDoesNotExistIsNotCreatedForReading() throws {
    let path = scratchStorePath()
    #expect(throws: OfficialDataError.self) { try OfficialStore(path: path, create: false) }
    #expect(!FileManager.default.fileExists(atPath: path))
  }
}

@Suite struct RevisionTests {
  /// A release of the same reporting year with different contents (the DfE revises releases)
  /// replaces the earlier import whole, and reads see the revised figure.
  @Test func aRevisedReleaseReplacesTheEarlierImport() throws {
    let store = try OfficialStore(path: scratchStorePath())
    _ = try store.importReleases([fixture("sen2-2022-small.zip"), fixture("sen2-2025-small.zip")])
    let medway = try store.authority(matching: "Medway")
    #expect(try store.caseload(of: medway)[2025]?.value == 3041)
    let outcome = try store.importReleases([fixture("sen2-2025-revised.zip")])
    #expect(outcome.map(\.action) == [.replaced])
    #expect(try store.releases().map(\.reportingYear) == [2022, 2025])
    let plans = try store.caseload(of: medway)
    #expect(plans[2025]?.value == 3042)
    #expect(plans[2020]?.value == 2296)
    #expect(plans[2010]?.value == 1546)
  }
}
