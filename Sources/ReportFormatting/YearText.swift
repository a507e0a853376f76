/// Financial years as reports write them: the year starting April 2024 is `2024-25`.
public enum YearText {
  /// `2024` → `2024-25`; `1999` → `1999-00`.
  public static func financialYear(startingIn startYear: Int) -> String {
    let next = (startYear + 1) % 100
    return "\(startYear)-\(next < 10 ? "0" : "")\(next)"
  }
}
