import Foundation
import Testing

@testable import Statistics

/// The NIST StRD linear least-squares sets, read from `../shared/data/nist/certified.json`
/// beside the repository. A missing file fails the test: it must never be skipped.
struct NISTDataset: Decodable {
  struct Model: Decodable {
    let kind: String
    let intercept: Bool
    let degree: Int?
  }
  struct Certified: Decodable {
    let estimates: [Double]
    let std_devs: [Double]
    let residual_std_dev: Double
    let r_squared: Double
  }
  struct DataBlock: Decodable {
    let x_names: [String]
    let x: [String: [Double]]
    let y: [Double]
  }
  let name: String
  let model: Model
  let certified: Certified
  let data: DataBlock

  static func loadAll() throws -> [NISTDataset] {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let url = root.deletingLastPathComponent().appendingPathComponent("shared/data/nist/certified.json")
    struct File: Decodable { let datasets: [String: NISTDataset] }
    let data = try Data(contentsOf: url)
    return try JSONDecoder().decode(File.self, from: data).datasets.values.sorted { $0.name < $1.name }
  }

  var specification: RegressionSpecification {
    if model.kind == "polynomial" {
      let x = RegressionSpecification.Column(name: "x", values: data.x["x"] ?? [])
      return RegressionSpecification(
        response: data.y, polynomials: [.init(column: x, degree: model.degree ?? 1)], intercept: model.intercept)
    }
    let columns = data.x_names.map { RegressionSpecification.Column(name: $0, values: data.x[$0] ?? []) }
    return RegressionSpecification(response: data.y, columns: columns, intercept: model.intercept)
  }
}

/// Log relative error: the number of correct significant digits (capped at 15). Against a
/// certified zero it is −log10 |estimate| (NIST's convention for exact fits).
func logRelativeError(_ estimate: Double, _ certified: Double) -> Double {
  if estimate == certified { return 15 }
  let error = certified == 0 ? abs(estimate) : abs(estimate - certified) / abs(certified)
  return min(15, -log10(error))
}

@Test func allElevenNISTSetsAreRead() throws {
  let sets = try NISTDataset.loadAll()
  #expect(sets.map(\.name) == [
    "Filip", "Longley", "NoInt1", "NoInt2", "Norris", "Pontius",
    "Wampler1", "Wampler2", "Wampler3", "Wampler4", "Wampler5",
  ])
}

/// The targets of DESIGN.md: estimates ≥ 9 digits (Wampler5 ≥ 7); standard errors,
/// residual SD and R² ≥ 6 digits.
@Test(arguments: try NISTDataset.loadAll())
func nistCertifiedValues(_ set: NISTDataset) throws {
  let fit = try set.specification.fit()
  let estimateTarget = set.name == "Wampler5" ? 7.0 : 9.0
  #expect(fit.rank == set.certified.estimates.count)
  for (j, parameter) in fit.parameters.enumerated() {
    let lre = logRelativeError(parameter.estimate, set.certified.estimates[j])
    #expect(lre >= estimateTarget, "\(set.name) \(parameter.name): LRE \(lre)")
    let seLRE = logRelativeError(parameter.standardError, set.certified.std_devs[j])
    #expect(seLRE >= 6, "\(set.name) se \(parameter.name): LRE \(seLRE)")
  }
  #expect(logRelativeError(fit.residualStandardError, set.certified.residual_std_dev) >= 6, "\(set.name) residual SD")
  #expect(logRelativeError(fit.rSquared, set.certified.r_squared) >= 6, "\(set.name) R²")
}
