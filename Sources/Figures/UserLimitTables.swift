import Foundation
import References
import Scenario

/// The tables of observed and expected limits a scenario's figure draws (`figure.references:
/// [{file, label, kind: limit_table}]`, the CSV of `reach limit --table`), read for the figure's
/// y axis: B for a continuum channel, |U|² otherwise.
public struct UserLimitTable: Sendable, Equatable {
    public var path: String
    public var label: String
    public var limits: ObservedLimitTable.Limits

    public init(path: String, label: String, limits: ObservedLimitTable.Limits) {
        self.path = path
        self.label = label
        self.limits = limits
    }

    /// The quantity on the y axis of `file`'s figure.
    public static func parameter(for file: ScenarioFile) -> ObservedLimitTable.Parameter {
        file.channel.isContinuum ? .branchingFraction : .u2
    }

    /// Every limit table of `file`'s figure, in order, read through the reader `reach validate` uses.
    public static func read(for file: ScenarioFile) throws -> [UserLimitTable] {
        try file.figure.limitTables.map { table in
            UserLimitTable(path: table.path, label: table.label,
                           limits: try ReferenceCurveFile.readLimitTable(path: table.path, parameter: parameter(for: file)).get())
        }
    }
}
