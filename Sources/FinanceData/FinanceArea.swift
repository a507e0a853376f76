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
