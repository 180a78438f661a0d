/**
 * The first value NOT yet emitted at `seconds` after the start (Spark's RateStreamProvider.valueAtSecond).
 * During ramp-up the speed grows by `rowsPerSecond / (rampUpTimeSeconds + 1)` (integer division) each second;
 * e.g. rowsPerSecond 10, rampUpTime 4s: speed 0 2 4 6 8 10 10, end value 0 2 6 12 20 30 40.
 */
export function valueAtSecond(seconds: number, rowsPerSecond: number, rampUpTimeSeconds: number): number {
  const speedDeltaPerSecond = Math.floor(rowsPerSecond / (rampUpTimeSeconds + 1));
  if (seconds <= rampUpTimeSeconds) {
    // (speedDelta * seconds) * (seconds + 1) / 2, halving the even factor first so it stays an integer.
    return seconds % 2 === 1
      ? ((seconds + 1) / 2) * speedDeltaPerSecond * seconds
      : (seconds / 2) * speedDeltaPerSecond * (seconds + 1);
  }
  const rampUpPart = valueAtSecond(rampUpTimeSeconds, rowsPerSecond, rampUpTimeSeconds);
  return rampUpPart + (seconds - rampUpTimeSeconds) * rowsPerSecond;
}
