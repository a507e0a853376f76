/// Readable names for the scenario's snake_case keys: `independent_special` → "Independent special".
///
/// The first word is capitalised, the rest kept lower case, underscores become spaces. Known
/// abbreviations keep their capitals wherever they stand (`asd` → "ASD", `semh` → "SEMH",
/// `spld` → "SpLD"), and a few words take their usual spelling (`post16` → "Post-16"). A key
/// that is not snake_case (has capitals or spaces already) is returned unchanged.
///
/// ```swift
/// DisplayName.of("independent_special")      // "Independent special"
/// DisplayName.of("alternative_provision")    // "Alternative provision"
/// DisplayName.of("semh")                     // "SEMH"
/// ```
public enum DisplayName {
  /// Abbreviations that keep their own capitals: the SEN2 primary needs and a few more.
  public static let abbreviations: [String: String] = [
    "asd": "ASD", "semh": "SEMH", "slcn": "SLCN", "mld": "MLD", "sld": "SLD", "pmld": "PMLD",
    "spld": "SpLD", "hi": "HI", "vi": "VI", "msi": "MSI", "pd": "PD", "ehcp": "EHCP",
    "ehcps": "EHCPs", "sen": "SEN", "send": "SEND", "dsg": "DSG", "hnb": "HNB", "fe": "FE",
    "ap": "AP", "pru": "PRU", "neet": "NEET", "sen2": "SEN2", "la": "LA",
  ]

  /// Words spelt differently from their key.
  public static let spellings: [String: String] = [
    "post16": "post-16", "pre16": "pre-16", "16to19": "16 to 19", "19to25": "19 to 25",
    "non": "non", "nonmaintained": "non-maintained",
  ]

  /// The readable name of `key` (see the type's documentation).
  public static func of(_ key: String) -> String {
    guard !key.isEmpty, key.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "_" }) else { return key }
    let words = key.split(separator: "_", omittingEmptySubsequences: true).map(String.init)
    var result: [String] = []
    for (index, word) in words.enumerated() {
      if let abbreviation = abbreviations[word] {
        result.append(abbreviation)
        continue
      }
      let spelt = spellings[word] ?? word
      result.append(index == 0 ? capitalisingFirst(spelt) : spelt)
    }
    return result.joined(separator: " ")
  }

  /// `word` with its first letter in upper case.
  static func capitalisingFirst(_ word: String) -> String {
    guard let first = word.first else { return word }
    return first.uppercased() + word.dropFirst()
  }
}
