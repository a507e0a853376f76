import Foundation

/// What a stored value counts. Stocks are at the January census; flows are over a calendar year
/// (new plans in 2021 are those made between the January 2021 and January 2022 censuses).
public enum Measure: Int, Sendable, CaseIterable, CustomStringConvertible {
  /// Plans (statements before 2014) at the January census.
  case caseload = 1
  /// Plans at the January census by primary need (2025 release: January 2025 only).
  case caseloadByNeed = 2
  /// New plans made in the calendar year.
  case newPlans = 3
  /// Plans that ceased (were discontinued) in the calendar year, by reason.
  case ceased = 4
  /// Requests for an EHC needs assessment in the calendar year.
  case requests = 5

  /// True for January-census stocks, false for calendar-year flows.
  public var isCensusStock: Bool { self == .caseload || self == .caseloadByNeed }

  /// A short name (`caseload`, `new plans`).
  public var description: String {
    switch self {
    case .caseload: return "caseload"
    case .caseloadByNeed: return "caseload by need"
    case .newPlans: return "new plans"
    case .ceased: return "ceased plans"
    case .requests: return "requests"
    }
  }
}

/// How a release marks a value that is not published. Stored as missing, never as zero.
///
/// The DfE's explore-education-statistics symbols: `z` not applicable, `x` unavailable,
/// `c` confidential, `:` not available, `~` and `low` rounds to zero, `u` low reliability, and
/// an empty cell. The 2022 release uses `z`; the 2025 release `x` (both also leave cells blank).
public enum SuppressionCode {
  /// Every code accepted in a count column.
  public static let all: Set<String> = ["z", "x", "c", ":", "~", "u", "low", ""]

  /// True when `text` (trimmed, case-insensitive) is one of the codes.
  public static func isSuppression(_ text: String) -> Bool {
    all.contains(text.trimmingCharacters(in: .whitespaces).lowercased())
  }
}

/// A value read from a release, before it is stored: one cell of one CSV row.
struct Observation: Sendable {
  /// The authority's code (`E06000035`; `E92000001` for England, `E12...` for a region).
  let authority: String
  /// Census year for stocks, calendar year for flows.
  let year: Int
  /// What the value counts.
  let measure: Measure
  /// The age label as published (`Age 5 to 10`, `age 12`), or empty for all ages.
  let age: String
  /// The placement, need, reason or request column as published, or empty for the total.
  let category: String
  /// The count, or nil when the release does not publish one.
  let value: Int?
  /// The suppression code when `value` is nil (`x`, `z`, or empty for a blank cell).
  let missingCode: String?
  /// Index of the member (file) in the release's list of read members.
  let file: Int
  /// Line in that member.
  let line: Int
}

/// An authority (or England, or a region) as a release names it.
struct AuthorityRecord: Sendable, Hashable {
  let code: String
  let oldCode: String?
  let name: String
  let level: AuthorityLevel
  let region: String?
}

/// The geography of a row: the whole country, a region or a local authority.
public enum AuthorityLevel: String, Sendable, CaseIterable {
  /// England.
  case national = "National"
  /// One of the nine English regions.
  case regional = "Regional"
  /// A local authority (county, unitary, metropolitan or London borough).
  case localAuthority = "Local authority"
}
