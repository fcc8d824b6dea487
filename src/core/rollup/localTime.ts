/** The plan's schools are in China: Beijing time unless the machine names another zone. */
export const DEFAULT_TIME_ZONE = "Asia/Shanghai";

/**
 * The zone for times a person reads: an explicit TZ, else the machine's own zone, except that a
 * machine left on UTC (servers, containers) is taken to mean Beijing time.
 */
export function importTimeZone(
  tz: string | undefined,
  machine = Intl.DateTimeFormat().resolvedOptions().timeZone
): string {
  const valid = (zone: string | undefined): zone is string => {
    if (!zone) return false;
    try {
      new Intl.DateTimeFormat("en", { timeZone: zone });
      return true;
    } catch (error) {
      // An unknown zone name (by name: Intl's RangeError may come from another realm).
      if ((error as Error | null)?.name === "RangeError") return false;
      throw error;
    }
  };
  if (valid(tz)) return tz;
  if (valid(machine) && !/^(Etc\/)?(UTC|GMT|Universal|Zulu)$/i.test(machine)) return machine;
  return DEFAULT_TIME_ZONE;
}

/** A time as 月报台账 shows it: 2026-11-29 09:50 in `timeZone`. */
export function localTime(date: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value])
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}
