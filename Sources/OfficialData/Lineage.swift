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

/// One authority published under more than one GSS code (the code changed with a boundary
/// review or a district reorganisation, the education authority stayed the same): its series is
/// read as one by taking, each year, the one code that has a count.
///
/// Gateshead (E08000020 to 2013, E08000037 from 2014) and Northumberland (E06000048 to 2013,
/// E06000057 from 2014) after the 2013 boundary change; Buckinghamshire (E10000002, and
/// E06000060 in the 2025 release's 2021-2023 rows after the April 2020 unitary council; the
/// DfE went back to E10000002 for 2024 and 2025). All keep their LA code (390, 929, 825).
public struct Recoding: Sendable, Hashable {
  /// The authority's name.
  public let name: String
  /// Its GSS codes, oldest first.
  public let codes: [String]

  /// The authorities whose code changed in the SEN2 series from 2010.
  public static let all: [Recoding] = [
    Recoding(name: "Gateshead", codes: ["E08000020", "E08000037"]),
    Recoding(name: "Northumberland", codes: ["E06000048", "E06000057"]),
    Recoding(name: "Buckinghamshire", codes: ["E10000002", "E06000060"]),
  ]

  /// The recoding an authority (by GSS code) is part of, if any.
  public static func containing(_ code: String) -> Recoding? { all.first { $0.codes.contains(code) } }
}

/// A caseload series read across a change of authority: a reorganisation group or a recoded
/// authority.
public struct LineageSeries: Sendable {
  /// The group's or authority's name.
  public let name: String
  /// How the series is put together, in words.
  public let method: String
  /// The GSS codes it reads.
  public let codes: [String]
  /// Plans at each January census.
  public let caseload: [Int: OfficialCount]
}

extension OfficialStore {
  /// The caseload of a reorganised authority's whole group, or of a recoded authority, read as
  /// one series (see `Reorganisation` and `Recoding`). A year is missing when any member needed
  /// that year has no count. Returns nil when `authority` was neither reorganised nor recoded.
  public func lineageCaseload(of authority: Authority) throws -> LineageSeries? {
    if let recoding = Recoding.containing(authority.code) {
      var series: [Int: OfficialCount] = [:]
      for code in recoding.codes {
        for (year, count) in try caseload(of: try self.authority(matching: code)) where series[year]?.value == nil {
          series[year] = count
        }
      }
      return LineageSeries(
        name: recoding.name,
        method:
          "one authority under codes \(recoding.codes.joined(separator: " and ")): each year's count from the code that has one",
        codes: recoding.codes, caseload: series)
    }
    guard let change = Reorganisation.containing(authority.code) else { return nil }
    var members: [String: [Int: OfficialCount]] = [:]
    for code in change.predecessors + change.successors {
      members[code] = try caseload(of: try self.authority(matching: code))
    }
    var result: [Int: OfficialCount] = [:]
    for year in Set(members.values.flatMap(\.keys)).sorted() {
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
    return LineageSeries(
      name: change.name,
      method:
        "predecessors (\(change.predecessors.joined(separator: ", "))) summed to \(change.firstSuccessorCensus - 1), "
        + "successors (\(change.successors.joined(separator: ", "))) from \(change.firstSuccessorCensus)",
      codes: change.predecessors + change.successors, caseload: result)
  }

  /// A reorganisation's successors' placement groups added up, census by census: the group's
  /// placement mix after the change (each group the sum of the successors' published values;
  /// missing only when none publishes one).
  public func successorPlacements(of change: Reorganisation) throws -> [Int: [PlacementGroup: OfficialCount]] {
    var cells: [Int: [PlacementGroup: [OfficialCount]]] = [:]
    for code in change.successors {
      for (year, groups) in try caseloadByPlacement(of: try authority(matching: code)) {
        for (group, count) in groups { cells[year, default: [:]][group, default: []].append(count) }
      }
    }
    return cells.mapValues { groups in
      groups.mapValues { counts in
        let values = counts.compactMap(\.value)
        let first = counts[0]
        return OfficialCount(
          value: values.isEmpty ? nil : values.reduce(0, +), missingCode: values.isEmpty ? first.missingCode : nil,
          source: Provenance(
            release: first.source.release, member: first.source.member, lines: counts.flatMap(\.source.lines).sorted()),
          supersedes: first.supersedes)
      }
    }
  }
}
