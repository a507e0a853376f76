import HighNeeds

/// One financial year's cost logic compiled once into arrays: the only implementation of
/// "plans → plans by placement → spend" that the ledger has. ``Costing/modelled(_:factor:projected:)``
/// evaluates it once for the central ledger, and the Monte Carlo evaluates it for every draw
/// (``CompiledLedger``), so the two cannot drift apart.
///
/// A year's spend depends only on that year's plans and on fixed factors: the placement mix,
/// `move_placements` levers (their stock so far), capacity and the overflow setting, unit costs
/// after levers, the inflation index, the calibration factor, other spend and one-off savings.
/// Placements are held in key order (by name), the order in which the dictionary version summed
/// them, so every sum is added in the same order and gives the same bits.
///
/// Complexity: O(placements + moves + settings) a draw, no allocation. The Monte Carlo runs it
/// on a block of draws at once (placements outer, draws inner), the central ledger on one.
struct YearCostModel: Sendable {
  /// A `move_placements` lever's effect this year.
  struct Move: Sendable {
    /// Index of the placement plans leave.
    let from: Int
    /// Index of the placement plans join.
    let to: Int
    /// Plans moved by now: Σ plans a year × ramp over the lever's projected active years.
    let stock: Double
    /// Capacity of `to` this year when the lever is capped by its places; nil when not capped.
    let capacity: Double?
  }

  /// A setting with a capacity: plans beyond it go to the overflow placement.
  struct Overflow: Sendable {
    /// Index of the setting.
    let setting: Int
    /// Places this year, floored at zero.
    let capacity: Double
  }

  /// The year.
  let year: FinancialYear
  /// True for a projected year: levers and capacity apply. False for an outturn year (and for
  /// calibration), whose mix is the observed one.
  let projected: Bool
  /// Every placement that can hold plans this year, in key order: those with a share, and any
  /// that a lever or the overflow can move plans into.
  let placements: [Placement]
  /// Share of plans by placement (0 where a placement has no share).
  let shares: [Double]
  /// True where the placement has a share (the mix's keys).
  let hasShare: [Bool]
  /// The mix as a dictionary, for reports.
  let shareTable: [Placement: Double]
  /// Product of the `demand_growth` levers' multipliers up to this year (1 without any).
  let demandMultiplier: Double
  /// `move_placements` levers, in lever order.
  let moves: [Move]
  /// Settings with a capacity, in setting order (projected years only).
  let overflows: [Overflow]
  /// Index of the overflow placement (0 when there are no settings).
  let overflowTarget: Int
  /// Cost per plan at price-year prices after `unit_cost` levers.
  let baseCost: [Double]
  /// The inflation index (1 + inflation)^(year − price year).
  let inflationIndex: Double
  /// Other spend at price-year prices (`costs.other`).
  let other: Double
  /// One-off savings from levers this year.
  let oneOff: Double

  /// The mark ``place(_:demand:costed:overflowed:received:)`` sets where a move added plans.
  static let receivedByMove: UInt8 = 1
  /// The mark set on the overflow placement when it took plans.
  static let receivedByOverflow: UInt8 = 2

  /// Number of placements.
  var count: Int { placements.count }

  /// Plans by placement for `total` plans (already multiplied by ``demandMultiplier``).
  ///
  /// Writes the mix's plans after `move_placements` (before capacity) to `demand`, and the plans
  /// that are costed (after the overflow takes what exceeds capacity) to `costed`, both `count`
  /// long. When given, `overflowed` gets the plans moved out of each full setting, and
  /// `received` is marked (``receivedByMove``, ``receivedByOverflow``) where a placement gained
  /// plans, so that a report lists exactly the placements the dictionary version listed.
  @inline(__always)
  func place(
    _ total: Double, demand: UnsafeMutablePointer<Double>, costed: UnsafeMutablePointer<Double>,
    overflowed: UnsafeMutablePointer<Double>? = nil, received: UnsafeMutablePointer<UInt8>? = nil
  ) {
    withUnsafePointer(to: total) { total in
      place(total, draws: 1, demand: demand, costed: costed, overflowed: overflowed, received: received)
    }
  }

  /// ``place(_:demand:costed:overflowed:received:)`` for `draws` totals at once: placement p of
  /// draw j at `p * draws + j` in `demand`, `costed` and `overflowed` (placements outer, draws
  /// inner, so each step is one loop over the draws). Every draw goes through the same
  /// operations in the same order as on its own, so its figures are the same bits; `received`
  /// (one mark a placement) is marked when any draw's placement gained plans.
  @inline(__always)
  func place(
    _ totals: UnsafePointer<Double>, draws n: Int, demand: UnsafeMutablePointer<Double>,
    costed: UnsafeMutablePointer<Double>, overflowed: UnsafeMutablePointer<Double>? = nil,
    received: UnsafeMutablePointer<UInt8>? = nil
  ) {
    shares.withUnsafeBufferPointer { shares in
      // A placement without a share holds 0 (total × 0): as the dictionary's `?? 0`.
      for index in 0..<shares.count {
        let share = shares[index]
        let row = demand + index * n
        for j in 0..<n { row[j] = totals[j] * share }
      }
    }
    for move in moves {
      let from = demand + move.from * n
      let to = demand + move.to * n
      var any = false
      for j in 0..<n {
        var moved = min(move.stock, from[j])
        if let capacity = move.capacity { moved = min(moved, max(0, capacity - to[j])) }
        guard moved > 0 else { continue }
        from[j] -= moved
        to[j] += moved
        any = true
      }
      if any { received?[move.to] |= Self.receivedByMove }
    }
    costed.update(from: demand, count: shares.count * n)
    for overflow in overflows {
      let setting = costed + overflow.setting * n
      let target = costed + overflowTarget * n
      var any = false
      for j in 0..<n {
        let excess = max(0, setting[j] - overflow.capacity)
        guard excess > 0 else { continue }
        setting[j] -= excess
        target[j] += excess
        overflowed?[overflow.setting * n + j] = excess
        any = true
      }
      if any { received?[overflowTarget] |= Self.receivedByOverflow }
    }
  }

  /// Σ costed plans × unit cost, in key order, with unit costs `baseCost × scale`
  /// (scale = inflation index × calibration factor). A placement holding no plans adds +0,
  /// which leaves the sum's bits unchanged, so the sum equals the dictionary version's over
  /// the placements it held.
  @inline(__always)
  func placementSpend(_ costed: UnsafePointer<Double>, scale: Double) -> Double {
    var sum = 0.0
    withUnsafePointer(to: scale) { scale in
      placementSpend(costed, draws: 1, scales: scale, settingFactors: nil, into: &sum)
    }
    return sum
  }

  /// ``placementSpend(_:scale:)`` for `draws` draws laid out as ``place(_:draws:demand:costed:overflowed:received:)``
  /// writes them, draw j's scale `scales[j]`, into `sums[j]`; with `settingFactors` (same
  /// layout) each placement's unit cost is also multiplied by its own factor (drawn unit-cost
  /// inflation by setting): `baseCost × (scale × factor)`. Each draw's sum is added in key
  /// order, as on its own.
  @inline(__always)
  func placementSpend(
    _ costed: UnsafePointer<Double>, draws n: Int, scales: UnsafePointer<Double>,
    settingFactors: UnsafePointer<Double>?, into sums: UnsafeMutablePointer<Double>
  ) {
    for j in 0..<n { sums[j] = 0 }
    baseCost.withUnsafeBufferPointer { baseCost in
      for index in 0..<baseCost.count {
        let unit = baseCost[index]
        let row = costed + index * n
        if let settingFactors {
          let factors = settingFactors + index * n
          for j in 0..<n { sums[j] += (unit * (scales[j] * factors[j])) * row[j] }
        } else {
          for j in 0..<n { sums[j] += (unit * scales[j]) * row[j] }
        }
      }
    }
  }
}

extension YearCostModel {
  /// Compiles `year` of `scenario`: shares, levers, capacity and costs as ``Costing`` defines them.
  init(scenario: Scenario, costing: Costing, year: FinancialYear, projected: Bool) {
    let levers = costing.levers
    let shareTable = costing.shares(year)
    var universe = Set(shareTable.keys)
    var moveLevers: [(from: Placement, to: Placement, stock: Double, capacity: Double?)] = []
    var settings: [(Placement, Double)] = []
    if projected {
      for move in levers.moves(in: year) {
        universe.insert(move.from)
        universe.insert(move.to)
        moveLevers.append(move)
      }
      if let places = scenario.places {
        for setting in places.settingOrder {
          guard let capacity = places.settings[setting] else { continue }
          universe.insert(setting)
          settings.append((setting, max(0, capacity.capacity(in: year))))
        }
        if !settings.isEmpty { universe.insert(places.overflow) }
      }
    }
    let placements = universe.sorted()
    let position = Dictionary(uniqueKeysWithValues: placements.enumerated().map { ($1, $0) })
    self.year = year
    self.projected = projected
    self.placements = placements
    self.shares = placements.map { shareTable[$0] ?? 0 }
    self.hasShare = placements.map { shareTable[$0] != nil }
    self.shareTable = shareTable
    self.demandMultiplier = projected ? levers.demandMultiplier(in: year) : 1
    self.moves = moveLevers.compactMap { move in
      guard let from = position[move.from], let to = position[move.to] else { return nil }
      return Move(from: from, to: to, stock: move.stock, capacity: move.capacity)
    }
    self.overflows = settings.compactMap { setting, capacity in
      position[setting].map { Overflow(setting: $0, capacity: capacity) }
    }
    self.overflowTarget = scenario.places.flatMap { position[$0.overflow] } ?? 0
    self.baseCost = placements.map { placement in
      let given = costing.costPerPlan(placement, in: year)
      return (projected ? levers.unitCost(given, placement: placement, in: year) : given).value
    }
    self.inflationIndex = costing.inflationIndex(year)
    self.other = scenario.costs.other.value
    self.oneOff = projected ? levers.oneOffSavings(year).value : 0
  }
}
