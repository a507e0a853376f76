/// A local government reorganisation that abolished authorities and made new ones, so that a
/// series can be read across it as one: the predecessors' counts added up before, the
/// successors' after.
///
/// SEN2 counts each January, so the first census of the successors is the January after the
/// April the change took effect. Only the whole group is comparable across the change (the new
/// boundaries do not follow the old ones: Christchurch moved from Dorset County to BCP), so a
/// combined series is the group's, never one successor's.
public struct Reorganisation: Sendable, Hashable {
  /// A name for the group (`Dorset, Bournemouth and Poole`).
  public let name: String
  /// GSS codes of the authorities abolished.
  public let predecessors: [String]
  /// GSS codes of the authorities created.
  public let successors: [String]
  /// The first January census counted by the successors.
  public let firstSuccessorCensus: Int

  /// The three reorganisations in the SEN2 series from 2010.
  ///
  /// - 1 April 2019: Bournemouth, Poole and Dorset County Council became Bournemouth,
  ///   Christchurch and Poole (BCP) and Dorset Council; first census January 2020.
  /// - 1 April 2021: Northamptonshire became North Northamptonshire and West Northamptonshire;
  ///   first census January 2022.
  /// - 1 April 2023: Cumbria became Cumberland and Westmorland and Furness; first census
  ///   January 2024.
  public static let all: [Reorganisation] = [
    Reorganisation(
      name: "Dorset, Bournemouth and Poole", predecessors: ["E06000028", "E06000029", "E10000009"],
      successors: ["E06000058", "E06000059"], firstSuccessorCensus: 2020),
    Reorganisation(
      name: "Northamptonshire", predecessors: ["E10000021"], successors: ["E06000061", "E06000062"],
      firstSuccessorCensus: 2022),
    Reorganisation(
      name: "Cumbria", predecessors: ["E10000006"], successors: ["E06000063", "E06000064"],
      firstSuccessorCensus: 2024),
  ]

  /// The reorganisation an authority (by GSS code) was part of, before or after, if any.
  public static func containing(_ code: String) -> Reorganisation? {
    all.first { $0.predecessors.contains(code) || $0.successors.contains(code) }
  }
}

/// Breaks in the SEN2 series that a reader (or a trend model) should know about.
public enum SeriesBreak {
  /// Census years where the series changes meaning, with what changed.
  public static let all: [Int: String] = [
    2015: "from January 2015 plans for 19-25 year olds are counted (LDAs converted to EHC plans 2015-2018)",
    2023: "from January 2023 SEN2 is a person-level return (before: LA aggregates): a break in the series",
  ]

  /// The breaks inside `years` (a break at the first year is not one).
  public static func within(_ years: ClosedRange<Int>) -> [Int: String] {
    all.filter { $0.key > years.lowerBound && $0.key <= years.upperBound }
  }
}

extension OfficialStore {
  /// The caseload of a reorganised authority's whole group, read as one series: the
  /// predecessors added up for censuses before the change, the successors after. A year is
  /// missing when any member's count is. Returns nil when `authority` was not reorganised.
  public func combinedCaseload(of authority: Authority) throws -> (Reorganisation, [Int: OfficialCount])? {
    guard let change = Reorganisation.containing(authority.code) else { return nil }
    var members: [String: [Int: OfficialCount]] = [:]
    for code in change.predecessors + change.successors {
      members[code] = try caseload(of: try self.authority(matching: code))
    }
    let years = Set(members.values.flatMap(\.keys))
    var result: [Int: OfficialCount] = [:]
    for year in years.sorted() {
      let codes = year < change.firstSuccessorCensus ? change.predecessors : change.successors
      let counts = codes.compactMap { members[$0]?[year] }
      guard counts.count == codes.count else { continue }
      let values = counts.compactMap(\.value)
      let first = counts[0]
      result[year] = OfficialCount(
        value: values.count == counts.count ? values.reduce(0, +) : nil,
        missingCode: values.count == counts.count ? nil : counts.first { $0.value == nil }?.missingCode,
        source: Provenance(
          release: first.source.release, member: first.source.member, lines: counts.flatMap(\.source.lines).sorted()),
        supersedes: first.supersedes)
    }
    return (change, result)
  }
}
