import Foundation
import Physics

/// `masses: {from: 100 MeV, to: 300 MeV, step: 1 MeV}`: the HNL masses to scan, inside the
/// channel's kinematic range [0, m_K − m_l (− m_π0)].
enum MassGridDecoding {
    static let keys = ["from", "to", "step"]
    static func decode(_ node: SourceNode, context: DecodingContext) -> MassGrid? {
        let log = context.log
        guard let reader = MappingReader(node, allowedKeys: keys, expected: "a mapping {from: <mass>, to: <mass>, step: <mass>}", log: log)
        else { return nil }
        let kinematic = ValueRange(lower: 0, upper: context.channel?.endpointGeV)
        var rangeText = "a mass >= 0 like 100 MeV"
        if let channel = context.channel {
            rangeText = "a mass in [0, \(NumberText.plain(channel.endpointGeV * 1e3)) MeV], the kinematic range of \(channel.name)"
        }

        let from = reader.required("from", expected: rangeText).flatMap {
            ValueDecoding.quantity($0, .mass, range: kinematic, expected: rangeText, log: log)
        }
        let toNode = reader.required("to", expected: rangeText)
        let to = toNode.flatMap { ValueDecoding.quantity($0, .mass, range: kinematic, expected: rangeText, log: log) }
        let stepExpected = "a positive mass like 1 MeV, giving at least 2 and at most \(MassGrid.maximumPointCount) points"
        let stepNode = reader.required("step", expected: stepExpected)
        let step = stepNode.flatMap { ValueDecoding.quantity($0, .mass, range: .positive, expected: stepExpected, log: log) }

        guard let from, let to, let step, let toNode, let stepNode else { return nil }
        guard from <= to else {
            log.report(toNode, "'\(toNode.scalar?.quotedForMessage ?? "")' is below masses.from", expected: "to >= from")
            return nil
        }
        let pointCount = MassGrid.pointCount(fromGeV: from, toGeV: to, stepGeV: step)
        guard pointCount >= 2, pointCount <= Double(MassGrid.maximumPointCount) else {
            let count = pointCount < 1e15 ? String(Int(pointCount)) : "more than 10^15"
            let points = pointCount == 1 ? "1 mass point" : "\(count) mass points"
            let span = "from \(NumberText.plain(from * 1e3)) MeV to \(NumberText.plain(to * 1e3)) MeV"
            log.report(stepNode, "'\(stepNode.scalar?.quotedForMessage ?? "")' gives \(points) \(span)", expected: stepExpected)
            return nil
        }
        return MassGrid(fromGeV: from, toGeV: to, stepGeV: step)
    }
}
