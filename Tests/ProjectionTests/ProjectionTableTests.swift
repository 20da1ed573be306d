import XCTest
import ProjectionFixtures
import Foundation
import Physics
@testable import Projection

final class ProjectionTableTests: XCTestCase {
    private func projection() -> DocumentProjection {
        let scan = MassScan(channel: .kaonToPi0ElectronN, massesGeV: [0.125, 0.135], workers: .threads(1))
        let curves = [3e10, 1.4e11].map { scan.curve(for: seed001Variant(kaonDecays: $0), background: FlatBackground(eventsPerGeV2: 2e6 * $0 / 3e10)) }
        return DocumentProjection(title: "Test \"quoted\"", channel: .kaonToPi0ElectronN, confidence: 0.9, curves: curves)
    }

    /// The JSON parses, has the documented shape, and carries the same numbers as the CSV.
    func testJSONParsesAndMatchesCSV() throws {
        let p = projection()
        let json = try JSONSerialization.jsonObject(with: Data(ProjectionTable.json(p).utf8)) as! [String: Any]
        XCTAssertEqual(json["title"] as? String, "Test \"quoted\"")
        XCTAssertEqual(json["channel"] as? String, "K+ -> pi0 e+ N")
        let variants = json["variants"] as! [[String: Any]]
        XCTAssertEqual(variants.count, 2)
        let csvRows = ProjectionTable.csv(p).split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        XCTAssertEqual(csvRows.count, 4)
        var row = 0
        for variant in variants {
            for point in variant["points"] as! [[String: Any]] {
                for (index, column) in ProjectionTable.columns.enumerated().dropFirst() {
                    XCTAssertEqual((point[column] as! NSNumber).doubleValue, Double(csvRows[row][index])!, "\(column)")
                }
                row += 1
            }
        }
    }

    func testCSVHeaderHasTheDocumentedColumns() {
        let header = ProjectionTable.csv(projection()).split(separator: "\n")[0]
        XCTAssertTrue(header.hasPrefix("variant,mass_MeV,br_per_U2,kaon_decays_eff,signal_acceptance,window_k"))
        XCTAssertTrue(header.hasSuffix("u2_cls_expected,u2_cls_minus2sigma,u2_cls_minus1sigma,u2_cls_plus1sigma,u2_cls_plus2sigma,scenario,channel,confidence,statistic"))
    }

    /// Several documents: one CSV whose last two columns name each row's document and channel;
    /// the rows of each document are the rows of its own table.
    func testSeveralDocumentsShareOneCSV() {
        let electron = projection()
        var muon = projection()
        muon.channel = .kaonToMuonN
        muon.name = "kmun-study"
        let rows = ProjectionTable.csv([electron, muon]).split(separator: "\n").map(String.init)
        XCTAssertEqual(rows.count, 1 + 4 + 4)
        XCTAssertEqual(rows[0], ProjectionTable.csvColumns.joined(separator: ","))
        XCTAssertTrue(rows[1...4].allSatisfy { $0.hasSuffix(",kpi0en,K+ -> pi0 e+ N,0.9,median-exclusion") }, "\(rows)")
        XCTAssertTrue(rows[5...8].allSatisfy { $0.hasSuffix(",kmun-study,K+ -> mu+ N,0.9,median-exclusion") }, "\(rows)")
        XCTAssertEqual(Array(rows[1...4]), ProjectionTable.csv(electron).split(separator: "\n").dropFirst().map(String.init))
        XCTAssertTrue(rows.allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == ProjectionTable.csvColumns.count })
    }

    /// JSON: one document is one object (with its name); several are listed under "scenarios".
    func testJSONOfSeveralDocumentsListsThem() throws {
        let one = try JSONSerialization.jsonObject(with: Data(ProjectionTable.json([projection()]).utf8)) as! [String: Any]
        XCTAssertEqual(one["scenario"] as? String, "kpi0en")
        XCTAssertNil(one["scenarios"])
        var second = projection()
        second.name = "other"
        let two = try JSONSerialization.jsonObject(with: Data(ProjectionTable.json([projection(), second]).utf8)) as! [String: Any]
        let documents = try XCTUnwrap(two["scenarios"] as? [[String: Any]])
        XCTAssertEqual(documents.map { $0["scenario"] as? String }, ["kpi0en", "other"])
        XCTAssertEqual(documents.map { ($0["variants"] as? [Any])?.count }, [2, 2])
    }
}
