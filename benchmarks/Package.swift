// swift-tools-version:6.0
// Benchmarks for highneeds, kept out of the product's build: `./compare.sh` builds this
// package in release mode (its own .build/ here) and runs it beside the peer scripts.
import PackageDescription

let package = Package(
  name: "highneeds-benchmarks",
  dependencies: [
    .package(name: "highneeds", path: "..")
  ],
  targets: [
    // Reading the DfE finance files (issue 18): `finance-bench DIR [--reps N]`.
    .executableTarget(
      name: "finance-bench",
      dependencies: [
        .product(name: "Spreadsheet", package: "highneeds"),
        .product(name: "FinanceData", package: "highneeds"),
      ]),
    .executableTarget(
      name: "hn-bench",
      dependencies: [
        .product(name: "Forecasting", package: "highneeds"),
        .product(name: "Statistics", package: "highneeds"),
        .product(name: "LinearAlgebra", package: "highneeds"),
        .product(name: "Projection", package: "highneeds"),
        .product(name: "ScenarioFiles", package: "highneeds"),
      ]),
    // In-process timings of the official-data store (issue 12); official-data.sh runs it.
    .executableTarget(
      name: "hn-store-bench",
      dependencies: [.product(name: "OfficialData", package: "highneeds")]),
  ]
)
