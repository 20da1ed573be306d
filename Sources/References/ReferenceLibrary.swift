import Foundation
import Physics
import Yams

/// The bundled library of published limits: `Resources/reference-limits/` (CSV files and
/// `manifest.yaml`, copied unchanged from the project's reference-limit collection, which records
/// the provenance of every curve: hnlimits 1.2.0 data files, HEPData tables, digitisations).
public struct ReferenceLibrary: Sendable {
    /// All curves, in manifest order.
    public let curves: [ReferenceCurve]

    /// Curves mixing with `flavour`, in manifest order.
    public func curves(flavour: LeptonFlavour) -> [ReferenceCurve] { curves.filter { $0.flavour == flavour } }

    /// The curve with `id` for `flavour`; `bbn` is an alias of `bbn_sabti_2020`.
    public func curve(id: String, flavour: LeptonFlavour) -> ReferenceCurve? {
        let resolved = ReferenceLibrary.aliases[id] ?? id
        return curves.first { $0.id == resolved && $0.flavour == flavour }
    }

    /// Known ids per flavour (aliases included), for validating scenario files.
    public var knownIDs: [LeptonFlavour: Set<String>] {
        var ids: [LeptonFlavour: Set<String>] = [:]
        for curve in curves { ids[curve.flavour, default: []].insert(curve.id) }
        for (alias, target) in ReferenceLibrary.aliases {
            for flavour in LeptonFlavour.allCases where ids[flavour]?.contains(target) == true { ids[flavour]?.insert(alias) }
        }
        return ids
    }

    /// Short names users may write instead of a full id.
    public static let aliases = ["bbn": "bbn_sabti_2020"]

    /// The library shipped with `reach`, loaded once from the package resources.
    public static let bundled: Result<ReferenceLibrary, ReferenceLibraryError> = {
        guard let folder = Bundle.module.url(forResource: "reference-limits", withExtension: nil) else {
            return .failure(.missingResources)
        }
        return load(folder: folder)
    }()

    /// Loads a library from a folder holding `manifest.yaml` and the CSV files it names.
    public static func load(folder: URL) -> Result<ReferenceLibrary, ReferenceLibraryError> {
        let manifestURL = folder.appendingPathComponent("manifest.yaml")
        guard let text = try? String(contentsOf: manifestURL, encoding: .utf8) else {
            return .failure(.unreadable(path: manifestURL.path))
        }
        let manifest: ReferenceManifest
        do {
            manifest = try YAMLDecoder().decode(ReferenceManifest.self, from: text)
        } catch {
            return .failure(.manifest(path: manifestURL.path, problem: "\(error)"))
        }
        guard manifest.format_version == ReferenceManifest.formatVersion else {
            return .failure(.formatVersion(path: manifestURL.path, found: manifest.format_version, expected: ReferenceManifest.formatVersion))
        }
        var curves: [ReferenceCurve] = []
        for entry in manifest.curves {
            let url = folder.appendingPathComponent(entry.file)
            guard let csv = try? String(contentsOf: url, encoding: .utf8) else {
                return .failure(.unreadable(path: url.path))
            }
            switch LimitCurveTable.parse(csv) {
            case .failure(let error):
                return .failure(.curve(path: url.path, line: error.line, message: error.message))
            case .success(let table):
                curves.append(ReferenceCurve(
                    id: entry.id, flavour: entry.flavour, label: entry.label, kind: entry.kind, process: entry.process,
                    confidenceLevel: entry.confidence_level, citation: entry.reference, arxiv: entry.arxiv,
                    showByDefault: entry.show_by_default, origin: entry.origin,
                    massesMeV: table.massesMeV, u2: table.u2))
            }
        }
        return .success(ReferenceLibrary(curves: curves))
    }
}

/// The bundled library could not be loaded (a broken installation, not a user error).
public enum ReferenceLibraryError: Error, Equatable, CustomStringConvertible {
    /// The resource folder is not beside the executable.
    case missingResources
    /// A file of the library cannot be read.
    case unreadable(path: String)
    /// The manifest is not what this version reads.
    case manifest(path: String, problem: String)
    /// The manifest's format is newer (or older) than this version understands.
    case formatVersion(path: String, found: Int, expected: Int)
    /// A curve's table has a problem at a line.
    case curve(path: String, line: Int, message: String)

    public var description: String {
        switch self {
        case .missingResources:
            return "the bundled reference-limits folder is missing next to the reach executable (reach_References.resources)"
        case .unreadable(let path): return "\(path): cannot be read"
        case .manifest(let path, let problem): return "\(path): \(problem)"
        case .formatVersion(let path, let found, let expected):
            return "\(path): format_version \(found); expected format_version \(expected), the format this version of reach reads"
        case .curve(let path, let line, let message): return "\(path):\(line): \(message)"
        }
    }
}

/// The part of `manifest.yaml` that `reach` uses; other provenance keys stay in the file.
struct ReferenceManifest: Decodable {
    /// The manifest format this version reads (`format_version` in the file).
    static let formatVersion = 1

    struct Entry: Decodable {
        var id: String
        var flavour: LeptonFlavour
        var file: String
        var label: String
        var process: String
        var kind: ReferenceCurve.Kind
        var confidence_level: String
        var show_by_default: Bool
        var reference: String
        var arxiv: String?
        var origin: String
    }
    var format_version: Int
    var curves: [Entry]
}
