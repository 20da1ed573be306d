import Foundation
import Validation

// `make validate`: computes the validation table and writes it into README.md between its markers.
let arguments = CommandLine.arguments.dropFirst()
let readmePath = arguments.first ?? "README.md"
do {
    let table = ValidationTable.markdown(try ValidationTable.rows(scenarioFolder: "scenarios"))
    let readme = try String(contentsOfFile: readmePath, encoding: .utf8)
    guard let updated = ValidationTable.replacingTable(in: readme, with: table) else {
        FileHandle.standardError.write(Data("\(readmePath): validation-table markers not found\n".utf8))
        exit(1)
    }
    try Data(updated.utf8).write(to: URL(fileURLWithPath: readmePath), options: .atomic)
    print(table, terminator: "")
} catch {
    FileHandle.standardError.write(Data("validate: \(error)\n".utf8))
    exit(1)
}
