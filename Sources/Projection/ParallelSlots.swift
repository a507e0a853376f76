import Forecasting
import HighNeeds
/// Slots that concurrent iterations fill, one slot each (`DispatchQueue.concurrentPerform`):
/// no two iterations touch the same slot, and the values are read after every iteration ended.
final class ParallelSlots<Value>: @unchecked Sendable {
  private let slots: UnsafeMutableBufferPointer<Value?>

  init(count: Int) {
    slots = .allocate(capacity: count)
    slots.initialize(repeating: nil)
  }

  deinit {
    slots.deinitialize()
    slots.deallocate()
  }

  subscript(index: Int) -> Value? {
    get { slots[index] }
    set { slots[index] = newValue }
  }

  /// The filled values in slot order (call after the concurrent work has finished).
  var values: [Value] { slots.compactMap { $0 } }
}
