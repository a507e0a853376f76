import Foundation
import TestSupport
import Testing

/// The sample report page in a real browser: headless Chromium (Debian's chromium, installed
/// by `.ci/install-deps`) parses it, and its DOM must hold every chart with its series; it
/// renders it to a PNG, which must not be blank. FAILS when Chromium is missing: never skipped.
@Suite struct PageInChromiumTests {
  static let window = (width: 1000, height: 3400)

  /// Chromium's path, or a recorded failure that says how to install it.
  static func chromium() throws -> String {
    try #require(
      findProgram(["chromium", "chromium-browser", "google-chrome"]),
      "Chromium not found on PATH: install Debian's chromium (bash .ci/install-deps)")
  }

  /// Flags for a headless run as root in a container, with a throwaway profile.
  static func flags(profile: URL) -> [String] {
    [
      "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
      "--disable-dev-shm-usage", "--user-data-dir=\(profile.path)",
    ]
  }

  @Test func domHoldsEveryChartWithItsSeries() throws {
    let browser = try Self.chromium()
    let folder = try makeTemporaryFolder("charts-dom")
    defer { try? FileManager.default.removeItem(at: folder) }
    let page = folder.appendingPathComponent("report.html")
    try SamplePage.html.write(to: page, atomically: true, encoding: .utf8)
    let run = runProgram(
      browser, Self.flags(profile: folder.appendingPathComponent("profile")) + ["--dump-dom", page.absoluteString],
      timeout: 120)
    try #require(run.status == 0, "chromium --dump-dom failed (\(run.status)): \(run.output.suffix(2_000))")
    // The DOM as the browser parsed it: split at each chart's root element.
    let charts = run.output.components(separatedBy: "<svg ").dropFirst()
    #expect(charts.count == SampleCharts.all.count, "charts in the rendered DOM")
    for (chart, sample) in zip(charts, SampleCharts.all) {
      let body = chart.components(separatedBy: "</svg>").first ?? ""
      let series = body.components(separatedBy: "data-series=\"").count - 1
      #expect(series == sample.series, "\(sample.name): \(series) series in the DOM")
    }
  }

  @Test func screenshotIsNotBlank() throws {
    let browser = try Self.chromium()
    let folder = try makeTemporaryFolder("charts-png")
    defer { try? FileManager.default.removeItem(at: folder) }
    let page = folder.appendingPathComponent("report.html")
    let png = folder.appendingPathComponent("report.png")
    try SamplePage.html.write(to: page, atomically: true, encoding: .utf8)
    let run = runProgram(
      browser,
      Self.flags(profile: folder.appendingPathComponent("profile")) + [
        "--screenshot=\(png.path)", "--window-size=\(Self.window.width),\(Self.window.height)", page.absoluteString,
      ], timeout: 120)
    try #require(run.status == 0, "chromium --screenshot failed (\(run.status)): \(run.output.suffix(2_000))")
    let image = try PNGImage(try Data(contentsOf: png))
    #expect(image.width == Self.window.width && image.height == Self.window.height)
    // A white page is 0% inked and has one colour. The sample page's charts fill a few percent
    // of the area with solid colour and text; 2% and 50 colours are far above blank and far
    // below what the page draws (measured on Chromium 156: 10.5% inked, 3,674 colours, decoded
    // apart from this code with Python's zlib).
    #expect(image.inkedFraction > 0.02, "inked \(image.inkedFraction)")
    #expect(image.distinctColours() > 50, "colours \(image.distinctColours())")
    if let keep = ProcessInfo.processInfo.environment["HIGHNEEDS_KEEP_SCREENSHOT"] {
      try? FileManager.default.removeItem(atPath: keep)
      try FileManager.default.copyItem(at: png, to: URL(fileURLWithPath: keep))
    }
  }

  @Test func blankPageIsCaughtByTheSameCheck() throws {
    // The check itself must be able to fail: a blank page renders 0% inked.
    let browser = try Self.chromium()
    let folder = try makeTemporaryFolder("charts-blank")
    defer { try? FileManager.default.removeItem(at: folder) }
    let page = folder.appendingPathComponent("blank.html")
    let png = folder.appendingPathComponent("blank.png")
    try "<!DOCTYPE html><html><body style=\"background:#fff\"></body></html>".write(
      to: page, atomically: true, encoding: .utf8)
    let run = runProgram(
      browser,
      Self.flags(profile: folder.appendingPathComponent("profile")) + [
        "--screenshot=\(png.path)", "--window-size=400,300", page.absoluteString,
      ], timeout: 120)
    try #require(run.status == 0, "chromium failed: \(run.output.suffix(2_000))")
    let image = try PNGImage(try Data(contentsOf: png))
    #expect(image.inkedFraction == 0)
    #expect(image.distinctColours() == 1)
  }

  @Test func printsOnA4() throws {
    let browser = try Self.chromium()
    let folder = try makeTemporaryFolder("charts-pdf")
    defer { try? FileManager.default.removeItem(at: folder) }
    let page = folder.appendingPathComponent("report.html")
    let pdf = folder.appendingPathComponent("report.pdf")
    try SamplePage.html.write(to: page, atomically: true, encoding: .utf8)
    let run = runProgram(
      browser,
      Self.flags(profile: folder.appendingPathComponent("profile")) + [
        "--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", page.absoluteString,
      ], timeout: 120)
    try #require(run.status == 0, "chromium --print-to-pdf failed (\(run.status)): \(run.output.suffix(2_000))")
    // Every page's MediaBox must be A4: 210 × 297 mm is 595.28 × 841.89 points (1 pt = 1/72 in);
    // Chromium rounds to whole CSS pixels, so allow half a point.
    let text = String(decoding: try Data(contentsOf: pdf), as: UTF8.self)
    let boxes = text.components(separatedBy: "/MediaBox [").dropFirst().compactMap { box -> (Double, Double)? in
      let numbers = box.prefix { $0 != "]" }.split(separator: " ").compactMap { Double($0) }
      return numbers.count == 4 ? (numbers[2] - numbers[0], numbers[3] - numbers[1]) : nil
    }
    #expect(boxes.count >= 2, "the sample page takes more than one A4 page")
    for (width, height) in boxes {
      #expect(abs(width - 595.28) < 0.5 && abs(height - 841.89) < 0.5, "page \(width) × \(height) pt")
    }
  }
}
