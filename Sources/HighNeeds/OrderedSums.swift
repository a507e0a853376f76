/// Sums over dictionaries in key order.
///
/// Swift randomises dictionary order per process, and floating-point addition is not
/// associative, so a sum in dictionary order can differ in its last bit from one run to the
/// next: enough to flip a rounded figure (960.25 places shown as 960.2 or 960.3). Every sum
/// over placements, settings or years goes through these so the same scenario always gives
/// byte-identical reports.
extension Dictionary where Key: Comparable, Value == Double {
  /// The sum of the values, added in increasing key order.
  public var sumInKeyOrder: Double { sorted { $0.key < $1.key }.reduce(0) { $0 + $1.value } }
}

extension Dictionary where Key: Comparable, Value == Pounds {
  /// The sum of the amounts, added in increasing key order.
  public var sumInKeyOrder: Pounds { sorted { $0.key < $1.key }.reduce(.zero) { $0 + $1.value } }
}
