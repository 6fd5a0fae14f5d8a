/// The dimension codes shared by every respondent of a cell, tracked as the element-wise minimum
/// and maximum of their (row-major, 8-wide) dimension ids: a column whose minimum equals its
/// maximum is one code for all of them. Such a code is an implied constraint of the cell — the
/// population with that code contains the cell even when no query constraint named it.
struct SharedCodes: Sendable {
    typealias Row = SIMD8<UInt16>
    private(set) var minimum = Row(repeating: .max)
    private(set) var maximum = Row(repeating: 0)

    @inline(__always)
    mutating func add(_ row: Row) {
        minimum = pointwiseMin(minimum, row)
        maximum = pointwiseMax(maximum, row)
    }

    @inline(__always)
    static func row(at row: Int, in dimensions: UnsafeBufferPointer<UInt16>) -> Row {
        UnsafeRawPointer(dimensions.baseAddress! + row &* RoundColumns.stride).loadUnaligned(as: Row.self)
    }

    /// Bit c set when every row has the same code, other than "none", in column c.
    var sharedColumns: Int {
        let same = (minimum .== maximum) .& (minimum .!= Row(repeating: 0))
        var mask = 0
        for column in 0..<ReportDimension.columnCount where same[column] { mask |= 1 << column }
        return mask
    }

    /// (column, code) for each column all rows share, ignoring "none" (not a reportable code).
    var constraints: [ConstraintLadder.Step] {
        (0..<ReportDimension.columnCount).compactMap { column in
            minimum[column] == maximum[column] && minimum[column] != 0
                ? ConstraintLadder.Step(column: column, code: minimum[column]) : nil
        }
    }
}
