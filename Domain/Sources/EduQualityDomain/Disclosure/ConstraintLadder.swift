/// One constraint that defines a report population (say site = S), with the wider constraints it
/// relaxes to for disclosure rule (c): site → its organisation → its region → dropped;
/// organisation → its region → dropped; anything else → dropped.
struct ConstraintLadder: Sendable {
    struct Step: Sendable {
        let column: Int
        let code: UInt16
    }

    /// From the constraint itself to its widest place; "dropped" is the implicit last level.
    let steps: [Step]

    /// Levels including "dropped".
    var levelCount: Int { steps.count + 1 }

    init(dimension: ReportDimension, code: UInt16, hierarchy: PlaceHierarchy) {
        var steps = [Step]()
        switch dimension {
        case .national:
            break
        case .site:
            steps.append(Step(column: ReportDimension.site.column!, code: code))
            let organisation = hierarchy.organisation(ofSite: code)
            steps.append(Step(column: ReportDimension.organisation.column!, code: organisation))
            steps.append(Step(column: ReportDimension.region.column!, code: hierarchy.region(ofOrganisation: organisation)))
        case .organisation:
            steps.append(Step(column: ReportDimension.organisation.column!, code: code))
            steps.append(Step(column: ReportDimension.region.column!, code: hierarchy.region(ofOrganisation: code)))
        default:
            steps.append(Step(column: dimension.column!, code: code))
        }
        self.steps = steps
    }
}
