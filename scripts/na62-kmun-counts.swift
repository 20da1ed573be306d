// Writes the shipped example of `reach limit --table` input for the K+ -> mu+ N search,
// NA62 2016-2018 (scenarios/tables/na62-kmun-2016-2018-counts.csv), from the projection of
// scenarios/na62-kmun.yaml, and from it the table the figure of na62-kmun-observed.yaml draws:
//
//     .build/release/reach project scenarios/na62-kmun.yaml --variant 1 -o - \
//         | swift scripts/na62-kmun-counts.swift > scenarios/tables/na62-kmun-2016-2018-counts.csv
//     .build/release/reach limit --table scenarios/tables/na62-kmun-2016-2018-counts.csv \
//         --channel "K+ -> mu+ N" --kaon-decays 1.14023e10 -o scenarios/tables/na62-kmun-2016-2018-limits.csv
//
// Per mass: N_exp and dN_exp are the projection's background and background_uncertainty in the
// +-1.5 sigma window; the acceptance A_N = signal_per_U2 / (N_K B/|U|^2) (signal acceptance,
// visible-decay loss and window fraction), so that B_SES = 1/(N_K A_N) is the projection's own.
// N_obs is not data: a Poisson number with mean N_exp (xorshift64, fixed seed, masses in
// order), drawn independently at each mass, whereas the real windows overlap and their counts
// are correlated. The observed limit thus fluctuates around the expected one as an unblinded
// result does, more from point to point than the real one.
import Foundation

let seed: UInt64 = 20_210_416

struct Rng {
    var state: UInt64
    mutating func next() -> Double {
        state ^= state << 13; state ^= state >> 7; state ^= state << 17
        return Double(state >> 11) * 0x1.0p-53
    }
    /// Poisson(mean): arrivals of a unit-rate process before `mean` (exact; O(mean) draws).
    mutating func poisson(_ mean: Double) -> Int {
        var time = 0.0, count = 0
        while true {
            time -= log(1 - next())
            if time > mean { return count }
            count += 1
        }
    }
}

var lines: [String] = []
while let line = readLine() { lines.append(line) }
guard let header = lines.first?.split(separator: ",").map(String.init) else { fatalError("no input: pipe `reach project` into this script") }
func column(_ name: String) -> Int {
    guard let index = header.firstIndex(of: name) else { fatalError("the projection has no column \(name)") }
    return index
}
let (variant, mass, perU2, kaonDecays, signalPerU2, background, uncertainty) =
    (column("variant"), column("mass_MeV"), column("br_per_U2"), column("kaon_decays_eff"), column("signal_per_U2"),
     column("background"), column("background_uncertainty"))
let rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
guard let label = rows.first?[variant], let nK = rows.first.flatMap({ Double($0[kaonDecays]) }) else { fatalError("no rows") }

var rng = Rng(state: seed)
print("""
    # Example counts per mass for `reach limit --table`: NA62 2016-2018, K+ -> mu+ N, N_K = \(rows[0][kaonDecays]).
    # Not data. N_exp, dn_exp, acceptance: the projection of scenarios/na62-kmun.yaml, variant '\(label)'.
    # n_obs: Poisson(N_exp), xorshift64 seed \(seed), independent per mass (real windows overlap: their counts are correlated).
    # Written by scripts/na62-kmun-counts.swift.
    mass_MeV,n_obs,n_exp,dn_exp,acceptance
    """)
for row in rows where row[variant] == label {
    guard let b = Double(row[background]), Double(row[uncertainty]) != nil, let s = Double(row[signalPerU2]),
          let p = Double(row[perU2]), p > 0 else { fatalError("mass \(row[mass]): a value is missing") }
    let acceptance = s / (nK * p)
    print("\(row[mass]),\(rng.poisson(b)),\(row[background]),\(row[uncertainty]),\(String(format: "%.6g", acceptance))")
}
