import { formatMinutes, MAX_MINUTES } from '../timeSpan';
import {
  DEFENDER_PERIODS,
  FREQUENCY_LIST,
  FREQUENCY_OF,
  isoDuration,
  PERIOD_LOOKBACK_MINUTES,
  PERIOD_MINUTES,
  type DefenderPeriod,
  type DetectionRule,
} from './detectionRuleShape';

/**
 * Schedules between the platforms. A Sentinel scheduled rule runs every 5 minutes to 14 days and
 * looks back up to 14 days; a Defender custom detection runs continuously or every 1, 3, 12 or 24
 * hours and looks back at least as far as its frequency (detectionRuleShape.ts). A frequency Defender does not
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
          `queryFrequency ${formatMinutes(frequencyMinutes)} is not a Defender frequency (${FREQUENCY_LIST}); the detection runs every ${FREQUENCY_OF[period]}.`,
        ];
  return { period, notConverted };
}

/**
 * The detection's `schedule`: the frequency, and for a scheduled rule the Sentinel query period
 * as `lookback`. Graph wants a look-back at least as long as the frequency, so a shorter one (a
 * 15-minute rule looking back 30 minutes runs hourly) grows to the frequency, and says so.
 */
export function toDefenderSchedule(
  kind: 'scheduled' | 'nrt',
  frequencyMinutes: number | undefined,
  periodMinutes: number | undefined,
): { schedule: DetectionRule['schedule']; notConverted: string[] } {
  const { period, notConverted } = toDefenderPeriod(kind, frequencyMinutes);
  const frequency = FREQUENCY_OF[period];
  if (period === '0' || periodMinutes === undefined) return { schedule: { frequency }, notConverted };
  const lookback = Math.max(periodMinutes, PERIOD_MINUTES[period]);
  if (lookback > periodMinutes)
    notConverted.push(
      `queryPeriod ${formatMinutes(periodMinutes)} is shorter than the frequency ${frequency}; the detection looks back ${isoDuration(lookback)}.`,
    );
  return { schedule: { frequency, lookback: isoDuration(lookback) }, notConverted };
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
