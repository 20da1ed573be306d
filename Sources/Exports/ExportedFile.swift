import Foundation

/// One file of an export: its name inside the export's folder and its bytes. The libraries build
/// files in memory; the command line writes them (all or none).
public struct ExportedFile: Sendable, Equatable {
    /// The file's name, without folder (`submission.yaml`, `na62-kpi0en-v1-150MeV.json`).
    public var name: String
    public var data: Data

    public init(name: String, data: Data) {
        self.name = name
        self.data = data
    }

    init(name: String, text: String) {
        self.init(name: name, data: Data(text.utf8))
    }
}
