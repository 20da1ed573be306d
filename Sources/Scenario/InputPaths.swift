/// The files a scenario document is computed from: the document itself, every background
/// table of its variants and every reference curve or limit table its figure draws. Commands refuse to write
/// their output over any of them.
extension ScenarioFile {
    public var inputPaths: [String] {
        var paths = [path]
        for variant in variants {
            for component in variant.background { if let table = component.source.tablePath { paths.append(table) } }
        }
        for reference in figure.references {
            switch reference {
            case .file(let curve, _, _), .limitTable(let curve, _): paths.append(curve)
            case .bundled: break
            }
        }
        return paths
    }
}
