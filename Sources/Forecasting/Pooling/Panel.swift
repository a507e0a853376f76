/// A cross-section of named annual count series (every local authority's plans, say), for
/// forecasts that borrow strength across them (`PanelForecaster`).
///
/// ```swift
/// let panel = try Panel([
///   .init(name: "Medway", group: "South East", series: medway),
///   .init(name: "Kent", group: "South East", series: kent),
/// ])
/// let all = try PanelForecaster.forecast(panel, horizon: 4)
/// all.forecast(named: "Medway")?.points[0].mean
/// ```
///
/// Members may start and end in different years and have gaps (authorities reorganised or
/// re-coded): the pooled model uses, for each year, the members observed in it.
public struct Panel: Sendable {
  /// One named series of the cross-section.
  public struct Member: Sendable {
    /// The series' name, unique in the panel (an authority's name or code).
    public let name: String
    /// The group the series belongs to (a region), or nil; reported, not used by the model.
    public let group: String?
    /// The counts.
    public let series: TimeSeries

    /// A member.
    public init(name: String, group: String? = nil, series: TimeSeries) {
      self.name = name
      self.group = group
      self.series = series
    }
  }

  /// The members, in the order given.
  public let members: [Member]
  private let index: [String: Int]

  /// A panel of `members`.
  ///
  /// - Throws: `PanelError.empty` with no members, `PanelError.duplicateName` when two
  ///   members share a name.
  public init(_ members: [Member]) throws {
    guard !members.isEmpty else { throw PanelError.empty }
    var index: [String: Int] = [:]
    for (i, m) in members.enumerated() {
      if index[m.name] != nil { throw PanelError.duplicateName(m.name) }
      index[m.name] = i
    }
    self.members = members
    self.index = index
  }

  /// Builds a panel already known to be valid (a cut of a valid panel).
  private init(unchecked members: [Member]) {
    self.members = members
    var index: [String: Int] = [:]
    for (i, m) in members.enumerated() { index[m.name] = i }
    self.index = index
  }

  /// The member called `name`, or nil.
  public func member(named name: String) -> Member? { index[name].map { members[$0] } }

  /// The latest year any member is observed in.
  public var lastYear: Int { members.map { $0.series.times[$0.series.count - 1] }.max()! }

  /// The earliest year any member is observed in.
  public var firstYear: Int { members.map { $0.series.times[0] }.min()! }

  /// The panel as it was known at the end of `year`: each member's observations up to and
  /// including it; members with none are dropped. Nil when no member has any.
  public func through(_ year: Int) -> Panel? {
    let cut = members.compactMap { m -> Member? in
      let s = m.series.through(year)
      return s.count > 0 ? Member(name: m.name, group: m.group, series: s) : nil
    }
    return cut.isEmpty ? nil : Panel(unchecked: cut)
  }

  /// The same panel with `member` added, or replacing the member of the same name (a
  /// user's own, newer series for one authority, say).
  public func replacing(_ member: Member) -> Panel {
    var all = members
    if let i = index[member.name] { all[i] = member } else { all.append(member) }
    return Panel(unchecked: all)
  }
}

/// Why a panel could not be built or forecast.
public enum PanelError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The panel has no members.
  case empty
  /// Two members have the same name.
  case duplicateName(String)
  /// No member has this name.
  case unknownSeries(String)

  public var description: String {
    switch self {
    case .empty: return "the panel has no series"
    case .duplicateName(let name): return "the series name \"\(name)\" appears more than once in the panel"
    case .unknownSeries(let name): return "the panel has no series called \"\(name)\""
    }
  }
}
