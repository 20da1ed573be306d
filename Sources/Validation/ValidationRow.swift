/// One line of the validation table: a quantity stated in a paper and what `reach` computes.
public struct ValidationRow: Sendable, Equatable {
    public var quantity: String
    /// The paper's value as text, with its source.
    public var paper: String
    /// `reach`'s value as text.
    public var reach: String
    /// reach / paper where both are numbers (nil for context rows).
    public var ratio: Double?

    public init(quantity: String, paper: String, reach: String, ratio: Double?) {
        self.quantity = quantity
        self.paper = paper
        self.reach = reach
        self.ratio = ratio
    }
}
