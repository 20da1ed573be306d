import ArgumentParser
import Exports
import Foundation
import Projection
import Scenario

/// `reach export`: a scenario's projection as a HEPData submission (`--hepdata DIR`) and as pyhf
/// workspaces (`--pyhf DIR`). The formats live in target `Exports`; this command projects, and
/// writes every file of both folders together (all or none, `OutputFile.write`).
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a scenario's expected limits as a HEPData submission and as pyhf workspaces.",
        discussion: """
            --hepdata DIR: submission.yaml, one data file per scenario document \
            (<name>-limits.yaml: the mass, then per variant its statistic, the CLs expected \
            median and its ±1σ/±2σ edges as separate columns) and the scenario file as an \
            additional resource. Check it with `hepdata-validate -d DIR`.

            --pyhf DIR: one workspace (JSON, schema 1.0.0) per document, variant and mass, \
            <name>-v<variant number>-<mass>MeV.json: a single-bin counting experiment whose \
            POI mu is the parameter (|U|² or B) over the power of ten stated in the \
            measurement's name, with the background's uncertainty as histosys (Gaussian prior) \
            or normsys (log-normal prior) and the Asimov background as observation. \
            <name> is the figure's: the file's stem, -<document> in a file of several.

            Missing folders are created (as mkdir -p does); files of an earlier export with the same names are \
            replaced. See docs/exports.md.

            Example:
              reach export scenarios/na62-kpi0en.yaml --hepdata hepdata --pyhf workspaces
            """
    )

    @OptionGroup var input: ScenarioOptions

    @Option(help: "Folder for the HEPData submission (created if missing).")
    var hepdata: String?

    @Option(help: "Folder for the pyhf workspaces (created if missing).")
    var pyhf: String?

    @Flag(help: "No summary line on stderr.")
    var quiet = false

    @OptionGroup var simulation: SimulationOptions

    func validate() throws {
        guard hepdata != nil || pyhf != nil else {
            throw ValidationError("nothing to export; expected --hepdata DIR, --pyhf DIR or both")
        }
        if let hepdata, let pyhf, hepdata == pyhf {
            throw ValidationError("--hepdata and --pyhf name the same folder \(hepdata); expected two folders (every file of a HEPData submission must be referenced by it)")
        }
    }

    func run() throws {
        let start = DispatchTime.now()
        let messages = Messages(quiet: quiet)
        if let hepdata { try OutputFile.checkFolder(hepdata, option: "--hepdata", what: "the HEPData submission") }
        if let pyhf { try OutputFile.checkFolder(pyhf, option: "--pyhf", what: "the pyhf workspaces") }
        let all = try input.loadDocuments()
        let documents = try input.selectedDocuments(of: all)
        let scenarioData: Data
        do {
            scenarioData = try Data(contentsOf: URL(fileURLWithPath: input.file))
        } catch {
            throw InputFailure("\(input.file): cannot be read (\(error.localizedDescription))")
        }
        let projector = Projector(generation: simulation.generation, workers: simulation.workers)
        let progress = Progress(quiet: quiet)
        defer { progress.clear() }
        var projected: [ProjectedDocument] = []
        do {
            for document in documents {
                let name = all.count > 1 ? document.documentName : nil
                let projection = try projector.project(document, variants: try input.selectedVariants(in: document)) {
                    progress.update("projecting " + Progress.variantText($0, of: $1, document: name))
                }
                projected.append(ProjectedDocument(scenario: document, projection: projection,
                                                   basename: FigureNaming.basename(stem: input.stem, document: name)))
            }
        } catch let failure as UsageFailure {
            throw failure
        } catch {
            throw InputFailure("\(error)")
        }
        progress.clear()
        ProjectionTable.warnings(projected.map(\.projection)).forEach(messages.warning)

        var items: [OutputFile.Item] = []
        var said: [String] = []
        if let hepdata {
            let files: [ExportedFile]
            do {
                files = try HEPDataSubmission.files(projected, scenarioName: (input.file as NSString).lastPathComponent, scenarioData: scenarioData,
                                                    toolVersion: Reach.configuration.version)
            } catch {
                throw RunFailure("--hepdata \(hepdata): the submission cannot be written as YAML (\(error))")
            }
            items += files.map { OutputFile.Item(data: $0.data, path: (hepdata as NSString).appendingPathComponent($0.name)) }
            for stray in Self.unreferenced(in: hepdata, written: files.map(\.name)) {
                messages.warning("--hepdata \(hepdata): \(stray) is not part of the submission; hepdata-validate refuses a folder with files it does not reference")
            }
            said.append("HEPData submission (\(files.count) files) → \(hepdata)")
        }
        if let pyhf {
            let files = PyhfExport.files(projected)
            items += files.map { OutputFile.Item(data: $0.data, path: (pyhf as NSString).appendingPathComponent($0.name)) }
            said.append("\(files.count) pyhf workspaces → \(pyhf)")
        }
        try OutputFile.checkDistinct(outputs: items.map(\.path), from: documents.flatMap(\.inputPaths) + [input.file])
        try OutputFile.write(items, creatingFolders: [hepdata, pyhf].compactMap { $0 })
        messages.summary("exported \(said.joined(separator: ", ")) in \(elapsedSeconds(since: start))")
    }

    /// Files already in `folder` that the export does not write (hidden files aside).
    static func unreferenced(in folder: String, written: [String]) -> [String] {
        let present = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        let names = Set(written)
        return present.filter { !$0.hasPrefix(".") && !names.contains($0) }.sorted()
    }
}
