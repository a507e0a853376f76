// swift-tools-version:6.0
// libFuzzer harnesses for highneeds' parsers, kept out of the product's build: they need
// `--sanitize=fuzzer --sanitize=address` (see README.md and build.sh); their own .build/ here.
import PackageDescription

let package = Package(
  name: "highneeds-fuzz",
  dependencies: [
    .package(name: "highneeds", path: "..")
  ],
  targets: [
    // What the scenario harnesses share: the shipped scenarios as bases for extends:.
    .target(name: "FuzzSupport"),
    // YAML text to a Scenario or a ScenarioError, nothing else.
    .executableTarget(
      name: "fuzz-scenario",
      dependencies: [
        .product(name: "ScenarioFiles", package: "highneeds"),
        .product(name: "HighNeeds", package: "highneeds"), "FuzzSupport",
      ]),
    // The money, percent, year and count parsers (FriendlyValues).
    .executableTarget(name: "fuzz-values", dependencies: [.product(name: "HighNeeds", package: "highneeds")]),
    // RFC 4180 records with line numbers.
    .executableTarget(name: "fuzz-csv", dependencies: [.product(name: "CSVReading", package: "highneeds")]),
    // load, rewrite a lever's size, load again: the same scenario apart from that size.
    .executableTarget(
      name: "fuzz-roundtrip",
      dependencies: [
        .product(name: "ScenarioFiles", package: "highneeds"),
        .product(name: "HighNeeds", package: "highneeds"), "FuzzSupport",
      ]),
    // One member of a DfE SEN2 release ZIP (its CSV bytes) to values or a located error.
    .executableTarget(
      name: "fuzz-release", dependencies: [.product(name: "OfficialData", package: "highneeds")]),
  ]
)
