import Testing

@testable import HighNeeds
@testable import ScenarioFiles
@testable import Projection
@testable import Reports

@Suite("Report writer")
struct ReportWriterTests {
  @Test("HTML escapes text and marks number columns")
  func html() {
    var table = TextTable(header: ["Name", "£m"], rightAligned: [1])
    table.rows.append(["<b>&\"x\"", "1.000"])
    let html = BlockRenderer(style: .html).table(table)
    #expect(html.contains("<th scope=\"row\">&lt;b&gt;&amp;&quot;x&quot;</th><td class=\"num\">1.000</td>"), "\(html)")
    #expect(BlockRenderer(style: .markdown).heading("T") == "## T\n\n")
  }
}
