// Benchmarks for `make bench` (release build): each line names its target and whether it is met.
print("reach benchmarks: none yet")
