import * as hdr from 'hdr-histogram-js';

/** Latency percentiles in milliseconds, read from an HDR histogram recorded in microseconds. */
export interface LatencySummary {
  count: number;
  mean: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  p999: number;
  max: number;
  /** The histogram itself (HdrHistogram compressed base64), for anyone who wants other percentiles. */
  hdr?: string;
}

/**
 * An HDR histogram of latencies: 3 significant digits from 1 µs to minutes, so p99 and max keep
 * their precision whatever the spread (no averaging of percentiles, no fixed buckets).
 */
export class LatencyHistogram {
  private readonly histogram = hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 600_000_000,
    numberOfSignificantValueDigits: 3,
  });

  recordMs(ms: number): void {
    // Clock readings at millisecond resolution can put a receipt a fraction before its stamp.
    this.histogram.recordValue(Math.max(0, Math.round(ms * 1000)));
  }

  get count(): number {
    return this.histogram.totalCount;
  }

  add(other: LatencyHistogram): void {
    this.histogram.add(other.histogram);
  }

  reset(): void {
    this.histogram.reset();
  }

  percentileMs(p: number): number {
    return this.histogram.getValueAtPercentile(p) / 1000;
  }

  summary(options: { withHdr?: boolean } = {}): LatencySummary {
    const h = this.histogram;
    const ms = (us: number) => Math.round(us) / 1000;
    return {
      count: h.totalCount,
      mean: h.totalCount ? ms(h.mean) : 0,
      p50: ms(h.getValueAtPercentile(50)),
      p90: ms(h.getValueAtPercentile(90)),
      p95: ms(h.getValueAtPercentile(95)),
      p99: ms(h.getValueAtPercentile(99)),
      p999: ms(h.getValueAtPercentile(99.9)),
      max: ms(h.maxValue),
      ...(options.withHdr && h.totalCount ? { hdr: hdr.encodeIntoCompressedBase64(h) } : {}),
    };
  }
}
