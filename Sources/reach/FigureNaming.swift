import Foundation

/// Names of figure files: the scenario file's stem, the document's name when the file holds
/// several, and what the figure shows — `na62-kpi0en.pdf`, `hike-kmun.pdf`,
/// `hike-kmun-background.png`, `na62-kpi0en-veto-scan-detector-veto-hermetic-angle.pdf`.
enum FigureNaming {
    /// `scenarios/na62-kpi0en.yaml` → `na62-kpi0en`.
    static func stem(of file: String) -> String {
        URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
    }

    /// The figure of one document: the stem, `-<document>` in a file of several, and `-<suffix>`.
    static func basename(stem: String, document: String?, suffix: String? = nil) -> String {
        [stem, document, suffix].compactMap { $0 }.joined(separator: "-")
    }

    /// A scenario key path as a file-name part: `detector.veto.hermetic_angle` → `detector-veto-hermetic-angle`.
    static func slug(_ path: String) -> String {
        String(path.map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }
}
