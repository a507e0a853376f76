import Foundation
import OfficialData
import Testing
import TestSupport

/// One member read on its own (what `fuzz-release` drives), from the fuzzer's committed seeds:
/// a byte naming the member, then the header and rows cut from the DfE ZIPs.
@Suite struct ReleaseMemberTests {
  let seeds = repositoryRoot.appendingPathComponent("fuzz/seeds/release")

  func seed(_ name: String) throws -> (member: String, bytes: [UInt8]) {
    let data = [UInt8](try Data(contentsOf: seeds.appendingPathComponent(name)))
    return (ReleaseMember.members[Int(data[0]) % ReleaseMember.members.count], Array(data.dropFirst()))
  }

  @Test func everySeedReadsAsItsMember() throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: seeds.path).sorted()
    #expect(names.count == ReleaseMember.members.count)
    for name in names {
      let (member, bytes) = try seed(name)
      let read = try ReleaseMember(member: member, bytes: bytes, archive: "seed.zip")
      #expect(!read.values.isEmpty, "\(name)")
      #expect(name.contains(member.dropFirst("data/".count).dropLast(".csv".count)), "\(name) is read as \(member)")
    }
  }

  /// Figures as the DfE publishes them (the seeds' rows): England 473,255 plans in January
  /// 2022; Suffolk 6,347; Derbyshire 7,625 by primary need in January 2025 (`202425`).
  @Test func countsAreReadAsPublished() throws {
    let estab = try seed("0-2022-sen2_estab_caseload.csv")
    let values = try ReleaseMember(member: estab.member, bytes: estab.bytes, archive: "seed.zip").values
    #expect(values.first { $0.authority == "E92000001" && $0.year == 2022 }?.count == 473255)
    #expect(values.first { $0.authority == "E10000029" && $0.year == 2022 }?.count == 6347)
    #expect(values.first { $0.authority == "E10000029" }?.line == 3)
    let needs = try seed("8-2025-sen_needs_all_plans.csv")
    let byNeed = try ReleaseMember(member: needs.member, bytes: needs.bytes, archive: "seed.zip").values
    #expect(byNeed.first { $0.authority == "E10000007" && $0.year == 2025 && $0.measure == .caseloadByNeed }?.count == 7625)
  }

  @Test func aCutHeaderIsLocated() throws {
    let (member, bytes) = try seed("4-2025-caseload.csv")
    let header = Array(bytes.prefix { $0 != 0x0A }.dropLast(40))
    #expect {
      try ReleaseMember(member: member, bytes: header + [0x0A] + Array(bytes.drop { $0 != 0x0A }.dropFirst()), archive: "cut.zip")
    } throws: { error in
      guard case OfficialDataError.invalidRelease(let location, _) = error else { return false }
      return location.archive == "cut.zip" && location.member == member && location.line == 1 && location.column != nil
    }
  }

  @Test func aTableNoImportReadsIsRefused() {
    #expect(throws: OfficialDataError.self) { try ReleaseMember(member: "data/assessments.csv", bytes: [], archive: "x.zip") }
  }

  /// fuzz-release (long run at 0613e77): a mutated `sen2_mi` header with every column the
  /// import needs and no line after it (no line feed). The "no rows" error named line 2,
  /// which the file does not have; it names the header now.
  @Test func aHeaderAloneIsLocatedOnItsOwnLine() throws {
    let data = [UInt8](
      try Data(contentsOf: repositoryRoot.appendingPathComponent("Tests/OfficialDataTests/Fixtures/fuzz/release-header-only.bin")))
    let member = ReleaseMember.members[Int(data[0]) % ReleaseMember.members.count]
    #expect(member == "data/sen2_mi.csv")
    #expect(!data.contains(0x0A))
    #expect {
      try ReleaseMember(member: member, bytes: Array(data.dropFirst()), archive: "found.zip")
    } throws: { error in
      guard case OfficialDataError.invalidRelease(let location, let problem) = error else { return false }
      return location == ReleaseLocation(archive: "found.zip", member: member, line: 1) && problem.hasPrefix("no rows")
    }
  }

  /// A header and rows none of which the import reads (2025 caseload rows of another topic):
  /// "no rows" at the first of them.
  @Test func rowsNoneOfWhichIsReadAreLocatedAtTheFirst() throws {
    let (member, bytes) = try seed("4-2025-caseload.csv")
    let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "All EHC plans", with: "Sex")
    #expect {
      try ReleaseMember(member: member, bytes: Array(text.utf8), archive: "topic.zip")
    } throws: { error in
      guard case OfficialDataError.invalidRelease(let location, let problem) = error else { return false }
      return location.line == 2 && problem.hasPrefix("no rows")
    }
  }
}
