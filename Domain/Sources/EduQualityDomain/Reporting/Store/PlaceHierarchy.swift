/// Which organisation each site belongs to and which region each organisation belongs to, by
/// dictionary id. Learned from reference data or from the first response that names a place; a
/// later contradiction is refused, because disclosure control relies on the nesting being exact.
struct PlaceHierarchy: Sendable, Hashable {
    private(set) var organisationOfSite: [UInt16] = [0]
    private(set) var regionOfOrganisation: [UInt16] = [0]

    /// Records site ∈ organisation; false if the site is already known to be elsewhere.
    mutating func place(site: UInt16, in organisation: UInt16) -> Bool {
        Self.place(Int(site), under: organisation, in: &organisationOfSite)
    }

    mutating func place(organisation: UInt16, in region: UInt16) -> Bool {
        Self.place(Int(organisation), under: region, in: &regionOfOrganisation)
    }

    func organisation(ofSite site: UInt16) -> UInt16 {
        Int(site) < organisationOfSite.count ? organisationOfSite[Int(site)] : 0
    }

    func region(ofOrganisation organisation: UInt16) -> UInt16 {
        Int(organisation) < regionOfOrganisation.count ? regionOfOrganisation[Int(organisation)] : 0
    }

    private static func place(_ child: Int, under parent: UInt16, in parents: inout [UInt16]) -> Bool {
        if child >= parents.count { parents.append(contentsOf: repeatElement(0, count: child + 1 - parents.count)) }
        if parents[child] == 0 { parents[child] = parent; return true }
        return parents[child] == parent
    }
}
