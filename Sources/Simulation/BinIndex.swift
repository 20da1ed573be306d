/// A real-valued bin position turned into an index of a histogram with `count` bins: clamped
/// to the histogram before the conversion to `Int`, so no value (±∞, NaN, 1e300 from an extreme
/// resolution or window) can trap the conversion. NaN counts as the first bin.
@inline(__always)
func clampedBinIndex(_ position: Double, count: Int) -> Int {
    let last = Double(max(count - 1, 0))
    return position > 0 ? Int(position < last ? position : last) : 0
}
