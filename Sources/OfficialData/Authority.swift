import Foundation
import GRDB

/// England, a region or a local authority, as the store knows it.
public struct Authority: Sendable, Hashable, CustomStringConvertible {
  let id: Int64
  /// The GSS code (`E06000035`; England `E92000001`; regions `E12...`).
  public let code: String
  /// The DfE's three-digit LA code (`887`), for local authorities.
  public let oldCode: String?
  /// The name, as the newest release spells it.
  public let name: String
  /// National, regional or local authority.
  public let level: AuthorityLevel
  /// The region of a local authority.
  public let region: String?
  /// The first January census with a published total, if any.
  public let firstCensus: Int?
  /// The last January census with a published total (an abolished authority's last year).
  public let lastCensus: Int?

  /// `Medway (E06000035, 887)`.
  public var description: String {
    "\(name) (\([code, oldCode].compactMap { $0 }.joined(separator: ", ")))"
  }

  /// True when the authority has a total in the newest census any authority has (not abolished).
  func isCurrent(latest: Int?) -> Bool { lastCensus != nil && lastCensus == latest }

  /// The columns `init(row:)` reads, in its order (by position: a lookup by name per column
  /// and row was most of reading the table).
  static let columns = "id, code, old_code, name, level, region, first_census, last_census"

  init(row: Row) {
    id = row[0]
    code = row[1]
    oldCode = row[2]
    name = row[3]
    level = AuthorityLevel(rawValue: row[4]) ?? .localAuthority
    region = row[5]
    firstCensus = row[6]
    lastCensus = row[7]
  }
}

extension OfficialStore {
  /// Every authority, England and region in the store, England first, then regions, then local
  /// authorities, each by name.
  public func authorities() throws -> [Authority] {
    let all = try read { db in
      try Row.fetchAll(db, sql: "SELECT \(Authority.columns) FROM authority").map(Authority.init(row:))
    }
    func rank(_ level: AuthorityLevel) -> Int {
      switch level {
      case .national: 0
      case .regional: 1
      case .localAuthority: 2
      }
    }
    return all.sorted { (rank($0.level), $0.name, $0.code) < (rank($1.level), $1.name, $1.code) }
  }

  /// The local authorities with a total at the newest census (those that exist today).
  public func currentLocalAuthorities() throws -> [Authority] {
    let all = try authorities()
    let latest = all.compactMap(\.lastCensus).max()
    return all.filter { $0.level == .localAuthority && $0.isCurrent(latest: latest) }
  }

  /// The authority `query` names: a GSS code (`E10000016`), an old LA code (`886`) or a name
  /// (`kent`), case-insensitively, ignoring punctuation and `&` for `and`, or a name's initials
  /// (`BCP`) when only one name has them. Where a name is shared
  /// by an abolished and a current authority (Dorset county and Dorset Council), the current one
  /// is chosen. Throws `.emptyStore`, `.unknownAuthority` (with every known name, for "did you
  /// mean") or `.ambiguousAuthority`.
  public func authority(matching query: String) throws -> Authority {
    let all = try authorities()
    guard !all.isEmpty else { throw OfficialDataError.emptyStore(path: path) }
    let wanted = query.trimmingCharacters(in: .whitespaces)
    if let match = all.first(where: { $0.code.caseInsensitiveCompare(wanted) == .orderedSame }) { return match }
    var byOldCode = all.filter { $0.oldCode == wanted }
    if byOldCode.count > 1 {
      let latest = byOldCode.compactMap(\.lastCensus).max()
      byOldCode = byOldCode.filter { $0.lastCensus == latest }
    }
    if byOldCode.count == 1 { return byOldCode[0] }
    let key = Self.nameKey(wanted)
    var named = all.filter { Self.nameKey($0.name) == key }
    if named.count > 1 {
      let latest = named.compactMap(\.lastCensus).max()
      named = named.filter { $0.lastCensus == latest }
    }
    if named.isEmpty, (2...6).contains(wanted.count), wanted.allSatisfy(\.isLetter) {
      named = all.filter { Self.initials($0.name) == key.replacingOccurrences(of: " ", with: "") }
    }
    if named.count == 1 { return named[0] }
    if named.count > 1 {
      throw OfficialDataError.ambiguousAuthority(query: query, candidates: named.map(\.description))
    }
    throw OfficialDataError.unknownAuthority(query: query, known: all.map(\.name))
  }

  /// The initials of a name's words, leaving out `and`, `of`, `the` (`bcp` for Bournemouth,
  /// Christchurch and Poole).
  static func initials(_ name: String) -> String {
    let words = nameKey(name).split(separator: " ").filter { !["and", "of", "the"].contains($0) }
    return String(words.compactMap(\.first))
  }

  /// A name reduced for matching: lower case, `&` as `and`, letters, digits and single spaces.
  static func nameKey(_ name: String) -> String {
    // A letter or digit of the lower-cased name (ASCII tested directly: names are nearly all ASCII).
    func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
      scalar.isASCII
        ? (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9")
        : CharacterSet.alphanumerics.contains(scalar)
    }
    // Words of letters and digits; `&` is a word `and` of its own (scalar by scalar: no NSString).
    var words: [String] = []
    var word = String.UnicodeScalarView()
    func endWord() {
      if !word.isEmpty { words.append(String(word)) }
      word = String.UnicodeScalarView()
    }
    for scalar in name.lowercased().unicodeScalars {
      if scalar == "&" {
        endWord()
        words.append("and")
      } else if isWordScalar(scalar) {
        word.append(scalar)
      } else {
        endWord()
      }
    }
    endWord()
    return words.joined(separator: " ")
  }
}
