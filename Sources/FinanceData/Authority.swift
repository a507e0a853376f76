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
