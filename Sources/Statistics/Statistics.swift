/// Counting-experiment statistics for one signal window (see the files of this module).
public enum StatisticsModule {}
