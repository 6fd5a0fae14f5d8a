/// The smallest number of people a published figure may be about (3 by default; stricter bodies
/// use 10). Every count or aggregate shown or exported goes through this type.
public struct DisclosureThreshold: Hashable, Sendable, Codable {
    public let value: Int

    public static let standard = DisclosureThreshold(unchecked: 3)

    /// Refuses thresholds below 2: a threshold of 1 would publish single people.
    public init?(_ value: Int) {
        guard value >= 2 else { return nil }
        self.value = value
    }

    private init(unchecked value: Int) { self.value = value }

    /// Primary suppression: a figure about n people may be shown only if n ≥ threshold.
    public func allows(_ n: Int) -> Bool { n >= value }

    /// A difference between two nested published populations must be 0 or ≥ threshold, or the
    /// people in the difference can be worked out by subtraction.
    public func allowsDifference(_ d: Int) -> Bool { d == 0 || d >= value }
}
