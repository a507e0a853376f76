/// How authority names are matched across files that spell them differently.
public enum AuthorityName {
  /// Lower-cased letters only, `&` read as `and`: `St. Helens` and `St Helens` both give
  /// `sthelens`; `Bristol, City of` gives `bristolcityof`. Names that differ by more than
  /// that (`Bedford` and `Bedford Borough`, `Durham` and `County Durham`) match through the
  /// LA code instead, where a file has one.
  public static func key(_ name: String) -> String {
    // Scalar by scalar (Foundation's replacingOccurrences bridges through NSString: a
    // `data show` matched every authority's name this way, 2% of the process).
    var key = String.UnicodeScalarView()
    for scalar in name.lowercased().unicodeScalars {
      if scalar == "&" {
        key.append(contentsOf: "and".unicodeScalars)
      } else if ("a"..."z").contains(scalar) {
        key.append(scalar)
      }
    }
    return String(key)
  }
}
