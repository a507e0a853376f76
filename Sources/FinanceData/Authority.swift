/// A local authority as a DfE finance file names it: name, old three-digit LA code, and the
/// nine-character ONS code (`E06000035`) where the file gives one (none of the current files do).
public struct Authority: Hashable, Sendable, CustomStringConvertible {
  /// The name as the file writes it (`Medway`, `Bristol, City of`).
  public let name: String
  /// The DfE three-digit LA code (887 for Medway), where the file gives it.
  public let code: Int?
  /// The ONS/GSS code (`E06000035`), where the file gives it.
  public let onsCode: String?

  /// Creates an authority.
  public init(name: String, code: Int?, onsCode: String? = nil) {
    self.name = name
    self.code = code
    self.onsCode = onsCode
  }

  /// The key names are matched on across files (see ``AuthorityName/key(_:)``).
  public var nameKey: String { AuthorityName.key(name) }

  /// `Medway (887)`.
  public var description: String { code.map { "\(name) (\($0))" } ?? name }
}

/// Whom a figure is for: England as a whole or one authority.
public enum FinanceArea: Hashable, Sendable, CustomStringConvertible {
  /// The national row of a table (`ENGLAND`, `England`).
  case england
  /// One local authority.
  case authority(Authority)

  /// The authority, or nil for England.
  public var authority: Authority? {
    if case .authority(let authority) = self { return authority }
    return nil
  }

  /// `England` or the authority's description.
  public var description: String { authority?.description ?? "England" }
}

/// How authority names are matched across files that spell them differently.
public enum AuthorityName {
  /// Lower-cased letters only, `&` read as `and`: `St. Helens` and `St Helens` both give
  /// `sthelens`; `Bristol, City of` gives `bristolcityof`. Names that differ by more than
  /// that (`Bedford` and `Bedford Borough`, `Durham` and `County Durham`) match through the
  /// LA code instead, where a file has one.
  public static func key(_ name: String) -> String {
    String(
      name.lowercased().replacingOccurrences(of: "&", with: "and").unicodeScalars.filter {
        ("a"..."z").contains($0)
      }.map(Character.init))
  }
}
