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
