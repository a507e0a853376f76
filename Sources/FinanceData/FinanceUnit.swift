/// The unit a record's value is in.
public enum FinanceUnit: String, Hashable, Sendable {
  /// Pounds sterling (converted from £m or £k where the file used those).
  case pounds
  /// A count of people.
  case count
  /// A percentage (3.96 is 3.96%).
  case percent
}
