/// |a − b| / |b|, or |a| when b is 0: the relative error that every reference test states
/// its tolerance in.
public func relativeError(_ actual: Double, _ expected: Double) -> Double {
  if actual == expected { return 0 }
  if expected == 0 { return abs(actual) }
  return abs(actual - expected) / abs(expected)
}
