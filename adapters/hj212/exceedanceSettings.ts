/** Settings of the exceedance read model's writers. */
import { envInt } from '../../lib/config';

/**
 * EXCEEDANCES_UPDATE_DELAY_MS (default 30000): how long the HJ 212 listener gathers the days its
 * devices write before evaluating their exceedances once. Every read of every device writes chunks,
 * and an evaluation reads a whole day of the city, so evaluating per read would cost a day's chunks
 * per packet; an exceedance shows at most this long (plus the evaluation) after its reading.
 * File ingestion does not wait: the ingest command ends with the model updated.
 */
export function exceedancesUpdateDelayMs(): number {
  const ms = envInt('EXCEEDANCES_UPDATE_DELAY_MS', 30_000);
  if (ms < 1) throw new Error(`EXCEEDANCES_UPDATE_DELAY_MS must be at least 1 (ms), got ${ms}`);
  return ms;
}
