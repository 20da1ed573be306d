import Foundation
import References
import Scenario

/// The reference curves a scenario brings in its own files (`figure.references: [{file, label, kind}]`).
public enum UserReferenceCurves {
    /// Reads every user curve of `file`; ids are `file:<absolute path>`.
    public static func read(for file: ScenarioFile) throws -> [ReferenceCurve] {
        try file.figure.references.compactMap { reference -> ReferenceCurve? in
            guard case .file(let path, let label, let kind) = reference else { return nil }
            switch ReferenceCurveFile.read(path: path) {
            case .failure(let failure):
                throw failure
            case .success(let table):
                return ReferenceCurve(
                    id: ReferenceCurve.userFileID(path: path), flavour: file.channel.flavour, label: label,
                    kind: kind == .upperLimit ? .upperLimit : .lowerBound, process: "user curve", confidenceLevel: "",
                    citation: path, arxiv: nil, showByDefault: true, origin: "user file",
                    massesMeV: table.massesMeV, u2: table.u2)
            }
        }
    }
}
