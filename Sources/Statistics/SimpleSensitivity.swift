/// The closed-form sensitivities of seed 001 (Tastet et al. 2021, Sec. IV), valid for b ≫ 1.
/// They are not CLs: at large b the median exclusion runs ≈ 22 % below the CLs median
/// (Φ⁻¹(0.90) = 1.28 against Φ⁻¹(0.95) = 1.64 in the CLs median).
public enum SimpleSensitivity {
    /// z = Φ⁻¹(CL): the one-sided Gaussian quantile, 1.2816 at CL = 0.90 (the "1.282" of seed 001).
    public static func z(confidence: Double) -> Double {
        NormalDistribution.quantile(confidence)
    }

    /// Whether the formulas below say anything: b + δb² > 0. Both are large-b approximations;
    /// without background (b = δb = 0) detection gives s = 0, "perfect sensitivity", and the
    /// median exclusion z² (1.64 events at 90 % CL), while the true CLs limit is ln 10 = 2.303:
    /// neither is a statement about the experiment, so callers report them as undefined there.
    public static func isDefined(background b: Double, backgroundUncertainty db: Double = 0) -> Bool {
        b > 0 || db > 0
    }

    /// Detection sensitivity s = z √(b + δb²): seed 001 Sec. IV, "s ≳ 1.282 √b" (90 % CL, local),
    /// with the background uncertainty added in quadrature to the Poisson variance.
    public static func detectionSignal(background b: Double, backgroundUncertainty db: Double = 0, confidence: Double = 0.90) -> Double {
        z(confidence: confidence) * (b + db * db).squareRoot()
    }

    /// Median expected exclusion: the s solving s = z √(b + s + δb²) (seed 001 Sec. IV, "√b
    /// replaced by √(b + s)"). The quadratic s² − z² s − z²(b + δb²) = 0 has the positive root
    /// s = [z² + √(z⁴ + 4 z² (b + δb²))] / 2; at b = 0 it is z² (1.64 at 90 % CL).
    public static func medianExclusionSignal(background b: Double, backgroundUncertainty db: Double = 0, confidence: Double = 0.90) -> Double {
        let z2 = z(confidence: confidence) * z(confidence: confidence)
        return 0.5 * (z2 + (z2 * z2 + 4 * z2 * (b + db * db)).squareRoot())
    }
}
