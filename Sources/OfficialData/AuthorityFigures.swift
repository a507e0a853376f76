/// Everything the store holds for one authority, read at once: what `data show` prints and
/// what `init` writes a scenario from.
public struct AuthorityFigures: Sendable {
  /// The authority.
  public let authority: Authority
  /// The releases in the store, oldest first.
  public let releases: [StoredRelease]
  /// Plans at each January census.
  public let caseload: [Int: OfficialCount]
  /// Plans by placement group at each census.
  public let placements: [Int: [PlacementGroup: OfficialCount]]
  /// Plans by age band at each census.
  public let ageBands: [Int: [AgeBand: OfficialCount]]
  /// Plans by primary need at each census where published.
  public let needs: [Int: [PrimaryNeed: OfficialCount]]
  /// New plans in each calendar year.
  public let newPlans: [Int: OfficialCount]
  /// New plans by age band (age when the plan started).
  public let newPlansByAge: [Int: [AgeBand: OfficialCount]]
  /// Plans ceased in each calendar year.
  public let ceased: [Int: OfficialCount]
  /// Plans ceased by reason.
  public let ceasedByReason: [Int: [CeasedReason: OfficialCount]]
  /// Plans ceased by age band (age when the plan ceased).
  public let ceasedByAge: [Int: [AgeBand: OfficialCount]]
  /// The series read across a reorganisation or a change of code, if the authority had one.
  public let lineage: LineageSeries?
  /// The caseload to plan from: the authority's own, with a change of code bridged (the
  /// same authority), but a reorganisation group only when asked for.
  public func plannedCaseload(combiningReorganisation: Bool) -> [Int: OfficialCount] {
    guard let lineage else { return caseload }
    if Recoding.containing(authority.code) != nil || combiningReorganisation { return lineage.caseload }
    return caseload
  }
  /// Breaks inside the caseload's years (2015: 19-25s; 2023: person-level return).
  public let breaks: [Int: String]

  /// Reads every view of `authority` from `store`.
  public init(store: OfficialStore, authority: Authority) throws {
    self.authority = authority
    releases = try store.releases()
    // Every measure is read in one query and every view is made from the same cells (none
    // of them reads a cell broken down by age and category at once).
    let all = try store.cellsByMeasure(of: authority, ageByCategory: false)
    let stock = all[.caseload] ?? []
    caseload = OfficialStore.totals(stock)
    placements = OfficialStore.placements(stock)
    ageBands = OfficialStore.ageBands(stock)
    needs = OfficialStore.needs(all[.caseloadByNeed] ?? [])
    let made = all[.newPlans] ?? []
    newPlans = OfficialStore.totals(made)
    newPlansByAge = OfficialStore.ageBands(made)
    let ended = all[.ceased] ?? []
    ceased = OfficialStore.ceased(ended)
    ceasedByReason = OfficialStore.reasons(ended)
    ceasedByAge = OfficialStore.ageBands(ended)
    lineage = try store.lineageCaseload(of: authority)
    let years = caseload.filter { $0.value.value != nil }.keys
    breaks = years.isEmpty ? [:] : SeriesBreak.within(years.min()!...years.max()!)
  }
}
