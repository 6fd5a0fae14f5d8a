import Fluent
import SQLKit

extension Database {
    /// Case-insensitive "contains" for search boxes: ILIKE on PostgreSQL, LIKE (already
    /// case-insensitive for ASCII) on SQLite.
    var containsOperator: DatabaseQuery.Filter.Method {
        (self as? any SQLDatabase)?.dialect.name == "postgresql" ? .custom("ILIKE") : .custom("LIKE")
    }
}

/// `%text%` with LIKE's own wildcards taken literally.
func likePattern(_ text: String) -> String {
    "%" + text.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + "%"
}
