import Foundation
import Scenario

/// The sensitivity at one mass over a grid of two scenario parameters (`reach scan` with two
/// `--parameter`/`--values` pairs): what the detector must reach along both, e.g. the hermetic
/// veto angle against N_K. Row j is the scan of the first parameter with the second at its j-th
/// value — the same file decoded with both values written in, projected by the ordinary engine.
public struct ParameterGrid: Sendable, Equatable {
    /// The second parameter and its values (the first parameter's are in every row).
    public var second: ScenarioParameter
    public var secondValues: [ParameterScan.Point]
    /// One scan of the first parameter per value of the second.
    public var rows: [ParameterScan]

    public init(second: ScenarioParameter, secondValues: [ParameterScan.Point], rows: [ParameterScan]) {
        self.second = second
        self.secondValues = secondValues
        self.rows = rows
    }

    public var first: ScenarioParameter { rows[0].parameter }
    public var firstValues: [ParameterScan.Point] { rows[0].points }

    /// CSV: the two values and units, then the limit columns of a one-parameter scan.
    public static func csv(_ grid: ParameterGrid) -> String {
        let columns = ParameterScanTable.limitColumns(for: grid.rows[0].channel)
        var text = "# \(grid.first.path) (value_1) against \(grid.second.path) (value_2) at \(TableFormatting.format(grid.rows[0].massGeV * 1000)) MeV, variant '\(grid.rows[0].variant)'\n"
        text += (["value_1", "unit_1", "value_2", "unit_2"] + columns.map(\.name)).joined(separator: ",") + "\n"
        for (row, second) in zip(grid.rows, grid.secondValues) {
            for point in row.points {
                let cells = [TableFormatting.csvNumber(point.value), TableFormatting.csvField(point.unit),
                             TableFormatting.csvNumber(second.value), TableFormatting.csvField(second.unit)]
                    + columns.map { TableFormatting.csvNumber($0.value(point.sensitivity)) }
                text += cells.joined(separator: ",") + "\n"
            }
        }
        return text
    }

    /// JSON: the parameters, the mass, the variant and one object per grid point.
    public static func json(_ grid: ParameterGrid) -> String {
        struct Point: Encodable {
            let value1: Double, unit1: String, value2: Double, unit2: String
            let limits: ColumnObject
            enum CodingKeys: String, CodingKey { case value1 = "value_1", unit1 = "unit_1", value2 = "value_2", unit2 = "unit_2", limits }
        }
        struct Document: Encodable {
            let parameters: [String]
            let massMeV: Double
            let variant: String
            let points: [Point]
            enum CodingKeys: String, CodingKey { case parameters, massMeV = "mass_MeV", variant, points }
        }
        let columns = ParameterScanTable.limitColumns(for: grid.rows[0].channel)
        let points = zip(grid.rows, grid.secondValues).flatMap { row, second in
            row.points.map { Point(value1: $0.value, unit1: $0.unit, value2: second.value, unit2: second.unit, limits: ColumnObject($0.sensitivity, columns: columns)) }
        }
        return TableFormatting.json(Document(parameters: [grid.first.path, grid.second.path], massMeV: grid.rows[0].massGeV * 1000,
                                             variant: grid.rows[0].variant, points: points))
    }
}

extension Projector {
    /// The grid: `variations[j · n₁ + i]` is the file decoded with `firstValues[i]` and
    /// `secondValues[j]` written in.
    public func grid(_ variations: [ScenarioFile], first: ScenarioParameter, firstValues: [String],
                     second: ScenarioParameter, secondValues: [String], variant: Int, massGeV: Double,
                     progress: ((_ value: Int, _ of: Int) -> Void)? = nil) throws -> ParameterGrid {
        guard variations.count == firstValues.count * secondValues.count else {
            throw ParameterScan.InputError.decodedFiles(values: firstValues.count * secondValues.count, files: variations.count)
        }
        let unit = secondValues.lazy.compactMap { second.numericValue(of: $0)?.unit }.first { !$0.isEmpty }
        var rows: [ParameterScan] = []
        var values: [ParameterScan.Point] = []
        for (j, text) in secondValues.enumerated() {
            guard let number = second.numericValue(of: text, in: unit) else {
                throw ParameterScan.InputError.notANumber(path: second.path, text: text)
            }
            let files = Array(variations[(j * firstValues.count)..<((j + 1) * firstValues.count)])
            let row = try scan(files, values: firstValues, parameter: first, variant: variant, massGeV: massGeV) { i, n in
                progress?(j * n + i, n * secondValues.count)
            }
            rows.append(row)
            values.append(.init(text: text, value: number.value, unit: number.unit, sensitivity: row.points[0].sensitivity))
        }
        return ParameterGrid(second: second, secondValues: values, rows: rows)
    }
}
