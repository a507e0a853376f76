import Foundation
import Testing
import TestSupport

@Suite("highneeds places")
struct PlacesEndToEndTests {
  @Test("Medway places: contract fields, shortfall from 2019-20 in maintained special, summaries")
  func medwayPlaces() throws {
    let run = runHighneeds(["places", medwayPath, "--format", "json"])
    #expect(run.status == 0, "\(run.stderr)")
    let report = try jsonObject(run.stdout)
    let rows = try #require(report["places"] as? [[String: Any]])
    #expect(rows.count == 8 * 2)  // eight years, two settings
    for row in rows {
      for key in ["year", "setting", "demand", "capacity", "surplus", "utilisation"] {
        #expect(row[key] != nil, "missing \(key)")
      }
      // surplus = capacity − demand, to the one decimal JSON keeps.
      let surplus = (number(row["capacity"]) ?? 0) - (number(row["demand"]) ?? 0)
      #expect(abs((number(row["surplus"]) ?? 0) - surplus) <= 0.11)
    }
    // By hand from medway-2020.yaml: 2,500 × 1.0889^3 plans × 38.41% in 2022-23, 960 places.
    let row = try #require(
      rows.first { $0["year"] as? String == "2022-23" && $0["setting"] as? String == "maintained_special" })
    let demand = 2500 * pow(1.0889, 3) * 0.3841
    #expect(abs((number(row["demand"]) ?? 0) - demand) <= 0.05)
    #expect(abs((number(row["surplus"]) ?? 0) - (960 - demand)) <= 0.05)
    let summaries = try #require(report["placesSummary"] as? [[String: Any]])
    #expect(summaries.count == 2)
  }

  @Test("the run table includes the places table; places alone prints only it")
  func tables() {
    let run = runHighneeds(["run", medwayPath])
    #expect(run.stdout.contains("Places: demand against capacity"))
    let places = runHighneeds(["places", medwayPath])
    #expect(places.status == 0)
    #expect(places.stdout.hasPrefix("Places: demand against capacity"))
    #expect(!places.stdout.contains("Reserve"))
    let csv = runHighneeds(["places", medwayPath, "--format", "csv"])
    #expect(csv.stdout.hasPrefix("year,setting,demand,"))
  }

  @Test("a scenario without places exits 65 from places and says what to add")
  func noPlaces() {
    let run = runHighneeds(["places", medwaySEN2Path])
    #expect(run.status == 65)
    #expect(run.stderr.contains("no places section"))
  }
}
