import Foundation
import TestSupport
import Testing

/// `highneeds run --format html` as a finance officer opens it: the binary's own page in headless
/// Chromium (Debian's chromium, installed by `.ci/install-deps`; the test FAILS without it). The
/// parsed DOM must hold the four charts with their series, and the rendered page must not be blank.
@Suite("run --format html in a real browser")
struct HTMLReportInChromiumTests {
  @Test("medway-2020-all-options: reserve, plans, mitigations and places charts, series counted, PNG not blank")
  func runPage() throws {
    let browser = try #require(
      findProgram(["chromium", "chromium-browser", "google-chrome"]),
      "Chromium not found on PATH: install Debian's chromium (bash .ci/install-deps)")
    let folder = try makeScratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let page = folder.appendingPathComponent("medway.html")
    let run = runHighneeds(
      ["run", "scenarios/medway-2020-all-options.yaml", "--format", "html", "--output", page.path], in: repositoryRoot)
    try #require(run.status == 0, "\(run.stderr)")
    let flags = [
      "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--disable-dev-shm-usage",
      "--user-data-dir=\(folder.appendingPathComponent("profile").path)",
    ]
    let dom = runProgram(browser, flags + ["--dump-dom", page.absoluteString], timeout: 120)
    try #require(dom.status == 0, "chromium --dump-dom failed: \(dom.output.suffix(2_000))")
    let charts = dom.output.components(separatedBy: "<svg ").dropFirst().map {
      $0.components(separatedBy: "</svg>").first ?? ""
    }
    try #require(charts.count == 4, "charts in the DOM: \(charts.count)")
    // Series drawn: the reserve (the line, no range for a fixed growth rate), the six placements'
    // stacked areas, the waterfall's baseline, two levers and the result, the places' available
    // and demand bars.
    let series = charts.map { $0.components(separatedBy: "data-series=\"").count - 1 }
    #expect(series[0] >= 1, "reserve chart series \(series[0])")
    #expect(series[1] == 6, "plans by placement: one area per placement, got \(series[1])")
    #expect(series[2] >= 3, "mitigations: baseline, each lever, result; got \(series[2])")
    #expect(series[3] == 2, "places: available and demand, got \(series[3])")
    let png = folder.appendingPathComponent("medway.png")
    let shot = runProgram(
      browser, flags + ["--screenshot=\(png.path)", "--window-size=1000,3000", page.absoluteString], timeout: 120)
    try #require(shot.status == 0, "chromium --screenshot failed: \(shot.output.suffix(2_000))")
    let image = try PNGImage(try Data(contentsOf: png))
    // Blank is 0% inked with one colour (PageInChromiumTests checks that the check can fail).
    #expect(image.inkedFraction > 0.02, "inked \(image.inkedFraction)")
    #expect(image.distinctColours() > 50, "colours \(image.distinctColours())")
  }
}
