import Forecasting
import HighNeeds
import LinearAlgebra

/// The simulation's inputs as plain numbers, for peers that run the same model in another
/// language (the numpy peer of `benchmarks/compare.sh`, W4): the quantile tables' cubic
/// coefficients, the copula factors and each year's compiled cost model and funding.
///
/// Nothing here is computed anew: it is what ``Ledger/simulate(draws:seed:threads:progress:)``
/// evaluates, written out field by field. Not a stable interface.
public struct SimulationExport: Sendable {
  /// Named numbers, arrays and nested records, in a fixed order.
  public indirect enum Value: Sendable {
    /// A number (NaN stands for none).
    case number(Double)
    /// An array of numbers.
    case numbers([Double])
    /// A list of records or arrays.
    case list([Value])
    /// A record.
    case record([(String, Value)])
  }

  /// The whole export as one record.
  public let value: Value
}

extension Ledger {
  /// The inputs the simulation of this ledger evaluates (see ``SimulationExport``).
  ///
  /// - Throws: ``SimulationUnavailable`` as ``simulate(draws:seed:threads:progress:)`` does.
  public func simulationExport(threads: Int = 1) throws -> SimulationExport {
    let years = try yearsToDraw()
    guard let sampler = DemandSampler.make(ledger: self, years: years, threads: threads) else {
      throw SimulationUnavailable(description: "the demand forecast has no predictive distribution to draw from")
    }
    let compiled = CompiledLedger(ledger: self, drawn: years, seed: 0)
    typealias V = SimulationExport.Value
    func optional(_ x: Double?) -> V { .number(x ?? .nan) }
    func matrix(_ m: Matrix) -> V { .list((0..<m.rows).map { .numbers(m.row($0)) }) }
    let table = sampler.components.lazy.compactMap { $0.tables.compactMap { $0 }.first }.first
    let components: [V] = sampler.components.map { component in
      .record([
        ("factor", matrix(component.factor)),
        ("fixed", .numbers(component.fixed)),
        ("tables", .list(component.tables.map { $0.map { .numbers($0.coefficients) } ?? .numbers([]) })),
      ])
    }
    let ledgerYears: [V] = compiled.years.map { year in
      let cost = year.cost
      return .record([
        ("overspend", optional(year.overspend)), ("allocation", optional(year.allocation)),
        ("grown", .number(year.grown ? 1 : 0)), ("transfer", .number(year.transfer)),
        ("income", .number(year.income)), ("leverFunding", .number(year.leverFunding)), ("dsg", optional(year.dsg)),
        ("centralPlans", .number(year.centralPlans)), ("drawn", optional(year.drawn.map(Double.init))),
        ("multiplier", .number(cost.demandMultiplier)), ("shares", .numbers(cost.shares)),
        (
          "moves",
          .list(cost.moves.map { .numbers([Double($0.from), Double($0.to), $0.stock, $0.capacity ?? .nan]) })
        ),
        ("overflows", .list(cost.overflows.map { .numbers([Double($0.setting), $0.capacity]) })),
        ("overflowTarget", .number(Double(cost.overflowTarget))), ("baseCost", .numbers(cost.baseCost)),
        ("inflationIndex", .number(cost.inflationIndex)), ("other", .number(cost.other)),
        ("oneOff", .number(cost.oneOff)), ("inflationSD", .number(year.inflationSD)),
        ("growthSD", .number(year.growthSD)), ("settingSD", .numbers(year.settingSD)),
      ])
    }
    return SimulationExport(
      value: .record([
        ("opening", .number(compiled.opening)), ("factor", .number(compiled.factor)),
        ("inflation", .number(compiled.inflation)), ("growth", .number(compiled.growth)),
        ("settings", .number(Double(compiled.settings.count))),
        ("tableStart", .number(table?.start ?? .nan)), ("tableInverseStep", .number(table?.inverseStep ?? .nan)),
        ("tablePieces", .number(Double(table?.pieces ?? 0))),
        ("commonFactor", matrix(sampler.commonFactor)), ("commonShare", optional(sampler.commonShare)),
        ("components", .list(components)), ("years", .list(ledgerYears)),
      ]))
  }
}
