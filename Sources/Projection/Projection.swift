/// The projection engine: scenario + background + statistics → sensitivity curves.
public enum ProjectionModule {}
