import { formatMinutes, MAX_MINUTES } from '../timeSpan';
import {
  DEFENDER_PERIODS,
  PERIOD_LOOKBACK_MINUTES,
  PERIOD_MINUTES,
  type DefenderPeriod,
} from './detectionRuleShape';

/**
 * Schedules between the platforms. A Sentinel scheduled rule runs every 5 minutes to 14 days and
 * looks back up to 14 days; a Defender custom detection runs continuously or every 1, 3, 12 or 24
 * hours with a look-back the service sets (detectionRuleShape.ts). A frequency Defender does not
 * offer becomes the next longer one, since running less often than intended is visible in the
 * result while a silently shorter look-back is not.
 */
export function toDefenderPeriod(
  kind: 'scheduled' | 'nrt',
  frequencyMinutes: number | undefined,
): { period: DefenderPeriod; notConverted: string[] } {
  if (kind === 'nrt') return { period: '0', notConverted: [] };
  if (frequencyMinutes === undefined)
    return {
      period: '24H',
      notConverted: ['The rule has no readable queryFrequency; the detection runs every 24H.'],
    };
  const period = DEFENDER_PERIODS.find((p) => p !== '0' && PERIOD_MINUTES[p] >= frequencyMinutes) ?? '24H';
  const notConverted =
    PERIOD_MINUTES[period] === frequencyMinutes
      ? []
      : [
          `queryFrequency ${formatMinutes(frequencyMinutes)} is not a Defender frequency (continuous, 1H, 3H, 12H, 24H); the detection runs every ${period}.`,
        ];
  return { period, notConverted };
}

export interface SentinelSchedule {
  readonly kind: 'Scheduled' | 'NRT';
  readonly queryFrequency?: string;
  readonly queryPeriod?: string;
}

/** `lookbackMinutes` is the newer schedule's explicit look-back, when the rule has one. */
export function toSentinelSchedule(
  period: DefenderPeriod,
  lookbackMinutes?: number,
): { schedule: SentinelSchedule; notConverted: string[] } {
  if (period === '0') return { schedule: { kind: 'NRT' }, notConverted: [] };
  const wanted = lookbackMinutes ?? PERIOD_LOOKBACK_MINUTES[period];
  const lookback = Math.min(wanted, MAX_MINUTES);
  return {
    schedule: {
      kind: 'Scheduled',
      queryFrequency: formatMinutes(PERIOD_MINUTES[period]),
      queryPeriod: formatMinutes(Math.max(lookback, PERIOD_MINUTES[period])),
    },
    notConverted:
      lookback < wanted
        ? [
            `Defender looks back ${formatMinutes(wanted)} at this frequency; a Sentinel rule looks back at most ${formatMinutes(MAX_MINUTES)}.`,
          ]
        : [],
  };
}
