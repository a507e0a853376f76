import HighNeeds
import OfficialData

extension ScenarioDraft {
  /// The scenario `init --authority` writes and `run --authority` (with no scenario file) runs:
  /// one code path, so the two never differ. Demand from the store's SEN2 counts, money from its
  /// DfE finance files (a reorganised group's members' money summed with `--combine-lineage`).
  ///
  /// - Returns: the draft and the store it was read from; nil when no `--authority` was given.
  static func fromStore(_ official: AuthorityOptions, horizon: Int) throws -> (ScenarioDraft, OfficialStore)? {
    guard let (store, authority) = try official.resolve() else { return nil }
    do {
      let figures = try AuthorityFigures(store: store, authority: authority)
      var name = authority.name
      var placements = figures.placements
      var money: ScenarioMoney
      if official.combineLineage {
        guard let lineage = figures.lineage, let change = Reorganisation.containing(authority.code) else {
          throw Failure(kind: .usage, message: "--combine-lineage: \(authority.name) was not reorganised")
        }
        name = lineage.name
        placements = try store.successorPlacements(of: change)
        let dataset = try store.financeDataset()
        var members: [(name: String, code: String, money: AuthorityMoney)] = []
        for code in change.predecessors + change.successors {
          let member = try store.authority(matching: code)
          let memberFigures = try AuthorityFigures(store: store, authority: member)
          members.append(
            (
              member.name, code,
              AuthorityMoney(dataset: dataset, authority: member, placements: memberFigures.placements)
            ))
        }
        money = ScenarioMoney(combining: members, change: change)
      } else {
        money = ScenarioMoney(try store.money(of: authority, placements: placements))
      }
      let census = figures.plannedCaseload(combiningReorganisation: official.combineLineage)
      var draft = ScenarioDraft(figures: figures, census: census, placements: placements, name: name, horizon: horizon)
      draft.money = money
      return (draft, store)
    } catch let error as OfficialDataError {
      throw failure(error, writing: false)
    }
  }
}
