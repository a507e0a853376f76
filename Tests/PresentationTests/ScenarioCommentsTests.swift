@testable import Reports
import Projection
import ScenarioFiles
import Testing

@Suite struct ScenarioCommentsTests {
  static let text = """
    funding:
      high_needs_block:
        2019-20: £38.226m            # seed 10.2: "the total"
                                     #   allocation, continued
        "2020/21": £41.740m
      # Assumption: growth after the last
      # allocation given.
      growth: 8%
    note: "a # inside quotes"   # the real comment
    other: £3.0m
                                     # a continuation of nothing
    plain: 1
    """

  @Test func trailingCommentWithItsContinuation() {
    #expect(ScenarioComments.comment(atLine: 3, in: Self.text) == "seed 10.2: \"the total\" allocation, continued")
  }

  @Test func blockAboveOnlyWhenItLinesUpWithTheKey() {
    #expect(ScenarioComments.comment(atLine: 8, in: Self.text) == "Assumption: growth after the last allocation given.")
    #expect(
      ScenarioComments.comment(atLine: 5, in: Self.text) == nil, "the lines above are another value's continuation")
    #expect(ScenarioComments.comment(atLine: 12, in: Self.text) == nil)
  }

  @Test func hashInsideQuotesIsNotAComment() {
    #expect(ScenarioComments.comment(atLine: 9, in: Self.text) == "the real comment")
  }

  @Test func outOfRangeLinesHaveNone() {
    #expect(ScenarioComments.comment(atLine: 0, in: Self.text) == nil)
    #expect(ScenarioComments.comment(atLine: 99, in: Self.text) == nil)
  }

  @Test func keysFoundInTheirSection() {
    #expect(ScenarioComments.line(ofKey: ["2019-20"], from: 2, in: Self.text) == 3)
    #expect(ScenarioComments.line(ofKey: ["2020/21"], from: 2, in: Self.text) == 5)
    #expect(ScenarioComments.line(ofKey: ["growth"], from: 1, in: Self.text) == 8)
    #expect(ScenarioComments.line(ofKey: ["other"], from: 1, in: Self.text) == nil, "a later top-level section")
  }
}
