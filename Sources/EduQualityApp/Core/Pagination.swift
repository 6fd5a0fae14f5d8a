import Fluent
import Vapor

/// One page of a list, with what the pagination component needs.
struct Page<T: Encodable>: Encodable {
    let items: [T]
    let page: Int
    let pageCount: Int
    let total: Int
    let previousHref: String?
    let nextHref: String?
    var previousPage: Int { page - 1 }
    var nextPage: Int { page + 1 }

    enum CodingKeys: String, CodingKey { case items, page, pageCount, total, previousHref, nextHref, previousPage, nextPage }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(items, forKey: .items)
        try c.encode(page, forKey: .page)
        try c.encode(pageCount, forKey: .pageCount)
        try c.encode(total, forKey: .total)
        try c.encodeIfPresent(previousHref, forKey: .previousHref)
        try c.encodeIfPresent(nextHref, forKey: .nextHref)
        try c.encode(previousPage, forKey: .previousPage)
        try c.encode(nextPage, forKey: .nextPage)
    }

    static var perPage: Int { Pagination.perPage }
}

extension Request {
    /// The requested page number: a positive whole number, 1 when absent; anything else is a 400.
    func pageNumber() throws -> Int {
        guard let raw = query[String.self, at: "page"], !raw.isEmpty else { return 1 }
        guard let n = Int(raw), n >= 1, n <= 1_000_000 else {
            throw AppError.badRequest("page must be a whole number from 1")
        }
        return n
    }

    /// This page's URL with `page` replaced, keeping every other query parameter.
    func href(page: Int) -> String {
        var components = URLComponents()
        components.path = url.path
        var items = (URLComponents(string: url.string)?.queryItems ?? []).filter { $0.name != "page" }
        if page > 1 { items.append(URLQueryItem(name: "page", value: String(page))) }
        components.queryItems = items.isEmpty ? nil : items
        return components.string ?? url.path
    }

    func page<T: Encodable>(_ items: [T], number: Int, total: Int) -> Page<T> {
        let count = max(1, (total + Page<T>.perPage - 1) / Page<T>.perPage)
        return Page(items: items, page: number, pageCount: count, total: total,
                    previousHref: number > 1 ? href(page: number - 1) : nil,
                    nextHref: number < count ? href(page: number + 1) : nil)
    }
}

/// The slice of a query's results on page `number` (from 1), `Page.perPage` to a page.
enum Pagination {
    static var perPage: Int { 25 }
    static func range(_ number: Int) -> Range<Int> { (number - 1) * perPage ..< number * perPage }
}

extension QueryBuilder {
    /// The rows of page `number`.
    func page(_ number: Int) async throws -> [Model] { try await range(Pagination.range(number)).all() }
}
