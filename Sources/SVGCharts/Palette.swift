import Foundation

/// Series colours that stay apart when printed in greyscale, and line dashes that tell lines
/// apart without colour.
///
/// The colours' relative luminances (WCAG 2 definition, sRGB) are 0.032, 0.384, 0.087, 0.495,
/// 0.188, 0.747, 0.255 and 0.570: any two differ by at least 0.05, and neighbours in the list
/// by at least 0.1 (`SVGChartsTests` check this), so stacked areas and grouped bars keep
/// their order on a black-and-white printout. Lines also differ by dash pattern.
public enum Palette {
  /// Fill and stroke colours, in series order (navy, orange, purple, light blue, red, yellow,
  /// green, light grey); series beyond the eighth reuse them with a different dash.
  public static let colours = ["#08306b", "#f28e2b", "#6a3d9a", "#8fc1e3", "#d6452f", "#f5e17a", "#2e9e4a", "#c7c7c7"]
  /// SVG `stroke-dasharray` values, in series order (solid first).
  public static let dashes = ["", "8 4", "2 3", "10 3 2 3", "4 4", "1 2"]

  /// The colour of series `index`.
  public static func colour(_ index: Int) -> String { colours[index % colours.count] }

  /// The dash of line `index` (cycles past the list, skipping with the colour cycle).
  public static func dash(_ index: Int) -> String { dashes[(index + index / colours.count) % dashes.count] }

  /// Relative luminance of `#rrggbb` (WCAG 2: linearised sRGB, 0.2126 R + 0.7152 G + 0.0722 B).
  public static func luminance(_ hex: String) -> Double {
    let digits = Array(hex.dropFirst())
    guard digits.count == 6 else { return 0 }
    func channel(_ at: Int) -> Double {
      let value = Double(Int(String(digits[at..<at + 2]), radix: 16) ?? 0) / 255
      return value <= 0.04045 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
    }
    return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
  }
}
