/// A level of the Intensive Support Framework: graded, supportive support for a provider,
/// department, programme or wider system. Categories are configurable data
/// (`Seed/reference/isf-categories.json`, editable by an administrator); level 1 is the lightest.
public struct ISFCategory: Hashable, Sendable, Codable {
    public let level: Int
    public var name: String
    public var description: String
    /// How often a subject in this category is reviewed, in weeks: the suggested next review.
    public var reviewWeeks: Int

    public init(level: Int, name: String, description: String, reviewWeeks: Int) {
        self.level = level
        self.name = name
        self.description = description
        self.reviewWeeks = reviewWeeks
    }
}

/// The configured categories, lowest level first, levels 1, 2, 3… without gaps.
public struct ISFCategoryScale: Hashable, Sendable {
    public let categories: [ISFCategory]

    public struct Invalid: Error, Hashable, Sendable, CustomStringConvertible {
        public let reason: String
        public var description: String { reason }
    }

    public init(_ categories: [ISFCategory]) throws(Invalid) {
        let sorted = categories.sorted { $0.level < $1.level }
        guard sorted.count >= 2 else { throw Invalid(reason: "the framework needs at least two categories") }
        for (index, category) in sorted.enumerated() {
            guard category.level == index + 1 else { throw Invalid(reason: "category levels must run 1, 2, 3… without gaps") }
            guard !category.name.trimmingWhitespace.isEmpty else { throw Invalid(reason: "category \(category.level) needs a name") }
            guard (1...104).contains(category.reviewWeeks) else {
                throw Invalid(reason: "category \(category.level)'s review interval must be 1 to 104 weeks")
            }
        }
        self.categories = sorted
    }

    /// The default four categories of the domain reference.
    public static let standard = try! ISFCategoryScale([
        ISFCategory(level: 1, name: "Provider-led improvement",
                    description: "Improvement led by the provider under routine monitoring.", reviewWeeks: 26),
        ISFCategory(level: 2, name: "Supported improvement",
                    description: "Improvement with regional quality team support and an agreed action plan.", reviewWeeks: 12),
        ISFCategory(level: 3, name: "Intensive support",
                    description: "Intensive support with senior leadership engagement, review visits and time-bound requirements.", reviewWeeks: 8),
        ISFCategory(level: 4, name: "Serious concern",
                    description: "Learners' safety or training at risk; the regulator is informed; suspension or withdrawal of training is under consideration.", reviewWeeks: 4),
    ])

    public var top: ISFCategory { categories.last! }

    public func category(_ level: Int) -> ISFCategory? {
        categories.indices.contains(level - 1) ? categories[level - 1] : nil
    }
}
