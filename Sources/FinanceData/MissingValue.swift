/// Why a figure has no value.
public enum MissingValue: Hashable, Sendable, CustomStringConvertible {
  /// The cell is empty.
  case blank
  /// The cell holds a suppression mark or other text instead of a number (`x`, `c`, `..`).
  case suppressed(String)
  /// The cell holds a formula error cached by the application (`#REF!`, `#N/A`).
  case formulaError(String)

  /// `blank`, `suppressed ("x")`, `formula error #N/A`.
  public var description: String {
    switch self {
    case .blank: return "blank"
    case .suppressed(let text): return "suppressed (\"\(text)\")"
    case .formulaError(let code): return "formula error \(code)"
    }
  }
}
