import Physics
import Scenario

/// The sensitivity at one HNL mass as one scenario parameter takes a list of values — what a
/// better veto, resolution or trigger buys (`reach scan`). Each value is the same scenario file
/// decoded with the value written in (`ScenarioOverride`), projected by the ordinary engine.
public struct ParameterScan: Sendable, Equatable {
    /// One value of the parameter and the projection there.
    public struct Point: Sendable, Equatable {
        /// The value as given (`30mrad`).
        public var text: String
        /// The value in `unit`.
        public var value: Double
        /// The unit of the first value that has one (empty for plain numbers); every point shares it.
        public var unit: String
        public var sensitivity: SensitivityPoint

        public init(text: String, value: Double, unit: String, sensitivity: SensitivityPoint) {
            self.text = text
            self.value = value
            self.unit = unit
            self.sensitivity = sensitivity
        }
    }

    /// A scan that cannot be made from its inputs.
    public enum InputError: Error, Sendable, Equatable, CustomStringConvertible {
        /// One decoded file per value is needed.
        case decodedFiles(values: Int, files: Int)
        /// The variant index is not in the file.
        case noSuchVariant(index: Int, count: Int)
        /// The mass is not inside the channel's kinematic range (`massProblem`).
        case mass(String)
        /// A value of the parameter does not give a number.
        case notANumber(path: String, text: String)
        /// The projection at the mass gave no point.
        case noProjection(massGeV: Double)

        public var description: String {
            switch self {
            case .decodedFiles(let values, let files): return "expected one decoded file per value (\(values) values, \(files) files)"
            case .noSuchVariant(let index, let count): return "variant \(index + 1) does not exist; the file has \(count)"
            case .mass(let problem): return problem
            case .notANumber(let path, let text): return "\(path) = '\(text)' is not a number; expected numeric values to scan"
            case .noProjection(let massGeV): return "no projection at \(TableFormatting.format(massGeV * 1000)) MeV"
            }
        }
    }

    public var parameter: ScenarioParameter
    public var channel: Channel
    public var massGeV: Double
    /// Label of the variant scanned.
    public var variant: String
    /// Confidence level of the limits (with the first value, should the scan be of the confidence).
    public var confidence: Double
    public var points: [Point]

    public init(parameter: ScenarioParameter, channel: Channel, massGeV: Double, variant: String, confidence: Double, points: [Point]) {
        self.parameter = parameter
        self.channel = channel
        self.massGeV = massGeV
        self.variant = variant
        self.confidence = confidence
        self.points = points
    }

    /// Why `massGeV` cannot be scanned in `channel`, if it cannot: it must lie in
    /// [0, endpoint), where the production rate is non-zero.
    public static func massProblem(_ massGeV: Double, channel: Channel) -> String? {
        guard massGeV >= 0, massGeV < channel.endpointGeV else {
            let endpoint = TableFormatting.format(channel.endpointGeV * 1000)
            return "\(TableFormatting.format(massGeV * 1000)) MeV is outside the kinematic range of \(channel.name); expected a mass in [0, \(endpoint)) MeV"
        }
        return nil
    }
}

extension Projector {
    /// The scan of `parameter` at `massGeV` for the variant at `variant`: `variations[i]` is the
    /// scenario file decoded with `values[i]` written in (`ScenarioLoader.loadVariations`). The
    /// radiative sample is shared by every value (`RadiativeSampleCache`): a veto or exposure
    /// scan reweights one generated sample. `progress`, if given, is called on the calling thread
    /// as each value starts, with its 1-based position and the number of values.
    public func scan(_ variations: [ScenarioFile], values: [String], parameter: ScenarioParameter,
                     variant: Int, massGeV: Double, progress: ((_ value: Int, _ of: Int) -> Void)? = nil) throws -> ParameterScan {
        guard variations.count == values.count, let first = variations.first else {
            throw ParameterScan.InputError.decodedFiles(values: values.count, files: variations.count)
        }
        guard first.variants.indices.contains(variant) else {
            throw ParameterScan.InputError.noSuchVariant(index: variant, count: first.variants.count)
        }
        if let problem = ParameterScan.massProblem(massGeV, channel: first.channel) {
            throw ParameterScan.InputError.mass(problem)
        }
        let unit = values.lazy.compactMap { parameter.numericValue(of: $0)?.unit }.first { !$0.isEmpty }
        var points: [ParameterScan.Point] = []
        for (position, (file, text)) in zip(variations, values).enumerated() {
            progress?(position + 1, values.count)
            guard let number = parameter.numericValue(of: text, in: unit) else {
                throw ParameterScan.InputError.notANumber(path: parameter.path, text: text)
            }
            let sensitivity = try point(of: file, variant: variant, massGeV: massGeV)
            points.append(.init(text: text, value: number.value, unit: number.unit, sensitivity: sensitivity))
        }
        let scenario = first.variants[variant]
        return ParameterScan(parameter: parameter, channel: first.channel, massGeV: massGeV, variant: scenario.label,
                             confidence: scenario.analysis.confidence, points: points)
    }
}
