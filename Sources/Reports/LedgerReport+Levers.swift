import Forecasting
import HighNeeds
import Projection

extension Ledger {
  /// The `levers` array of the JSON report: each lever, its years and its saving by year.
  var leversJSON: JSONValue {
    .array(
      zip(scenario.levers, leverSavings).map { lever, saving in
        .object([
          ("name", .string(lever.name)),
          ("type", .string(saving.type.rawValue)),
          ("start", .string(lever.start.description)),
          ("end", lever.end.map { .string($0.description) } ?? .null),
          ("size", lever.size.map { .number($0, places: 6) } ?? .null),
          (
            "savings",
            .array(
              years.map { year in
                .object([("year", .string(year.year.description)), ("saving", .pounds(saving.byYear[year.year]))])
              })
          ),
          ("totalSaving", .pounds(saving.total)),
        ])
      })
  }
}
