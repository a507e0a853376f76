import Forecasting
import Projection
import HighNeeds
/// A JSON value with object keys kept in the order they were added, so reports read in a
/// sensible order and the same ledger always produces byte-identical output.
///
/// The only JSON writer in the product: every report's `--format json` is serialized here.
public enum JSONValue: Sendable, Equatable {
  /// `null`.
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// A whole number (money in pounds, counts).
  case integer(Int64)
  /// A number written with up to `places` decimals (shares, factors, percentages).
  case number(Double, places: Int)
  /// A number written with the fewest digits that read back as the same double (statistics:
  /// estimates, standard errors, p-values); whole numbers below 1e15 without a decimal point.
  case double(Double)
  /// A string.
  case string(String)
  /// An array.
  case array([JSONValue])
  /// An object whose keys keep their order.
  case object([(String, JSONValue)])
  /// The value written on one line (`{"a": 1, "b": 2}`, `[80, 95]`): rows of a long list.
  indirect case compact(JSONValue)

  /// A finite double as ``double(_:)``, anything else (or nil) as null: never NaN or infinity.
  public static func finite(_ value: Double?) -> JSONValue {
    guard let value, value.isFinite else { return .null }
    return .double(value)
  }

  /// Whole pounds, or null.
  static func pounds(_ amount: Pounds?) -> JSONValue { amount.map { .integer($0.wholePounds) } ?? .null }

  /// Compares structurally (objects compare keys in order).
  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    lhs.serialized() == rhs.serialized()
  }

  /// The value as JSON text, indented two spaces per level.
  public func serialized(indent: Int = 0) -> String {
    var out = ""
    write(into: &out, indent: indent)
    return out
  }

  /// Appends the value's JSON text to `out` (one buffer for the whole document, rather than
  /// a string per nested value joined at every level).
  private func write(into out: inout String, indent: Int) {
    switch self {
    case .null: out += "null"
    case .bool(let value): out += value ? "true" : "false"
    case .integer(let value): out += String(value)
    case .number(let value, let places):
      guard value.isFinite else {
        out += "null"
        return
      }
      var text = FixedPoint.format(value, places: places)
      if text.contains(".") {
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
      }
      out += text == "-0" ? "0" : text
    case .double(let value):
      guard value.isFinite else {
        out += "null"
        return
      }
      out += value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    case .string(let value): out += Self.quote(value)
    case .compact(let value): value.writeCompact(into: &out)
    case .array(let values):
      guard !values.isEmpty else {
        out += "[]"
        return
      }
      out += "[\n"
      for (index, value) in values.enumerated() {
        if index > 0 { out += ",\n" }
        Self.pad(&out, indent + 1)
        value.write(into: &out, indent: indent + 1)
      }
      out += "\n"
      Self.pad(&out, indent)
      out += "]"
    case .object(let pairs):
      guard !pairs.isEmpty else {
        out += "{}"
        return
      }
      out += "{\n"
      for (index, pair) in pairs.enumerated() {
        if index > 0 { out += ",\n" }
        Self.pad(&out, indent + 1)
        out += Self.quote(pair.0)
        out += ": "
        pair.1.write(into: &out, indent: indent + 1)
      }
      out += "\n"
      Self.pad(&out, indent)
      out += "}"
    }
  }

  /// Appends the value's JSON text on one line: `, ` between items, `: ` after keys.
  private func writeCompact(into out: inout String) {
    switch self {
    case .array(let values):
      out += "["
      for (index, value) in values.enumerated() {
        if index > 0 { out += ", " }
        value.writeCompact(into: &out)
      }
      out += "]"
    case .object(let pairs):
      out += "{"
      for (index, pair) in pairs.enumerated() {
        if index > 0 { out += ", " }
        out += Self.quote(pair.0)
        out += ": "
        pair.1.writeCompact(into: &out)
      }
      out += "}"
    case .compact(let value): value.writeCompact(into: &out)
    default: write(into: &out, indent: 0)
    }
  }

  /// Two spaces per level of indentation.
  private static func pad(_ out: inout String, _ level: Int) {
    for _ in 0..<level { out += "  " }
  }

  /// A JSON string literal with the escapes RFC 8259 requires.
  public static func quote(_ text: String) -> String {
    // Most names and labels need no escape at all.
    if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
      return "\"" + text + "\""
    }
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}
