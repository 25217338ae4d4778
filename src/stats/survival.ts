/**
 * Kaplan-Meier estimate of a median time (Kaplan & Meier 1958, JASA 53:457-481). A case that has
 * not had its event yet (a complaint still unanswered at the end of the period) is censored at the
 * time it has been waiting, instead of being dropped (which would make recent quarters look fast)
 * or counted as answered.
 *
 * The median is the first time at which the survival curve falls to 0.5 or below; when it equals
 * 0.5 exactly over an interval, the middle of that interval, so that without censoring the result
 * is the ordinary median. null when the curve never reaches 0.5.
 */
export function kaplanMeierMedian(times: readonly number[], events: readonly boolean[]): number | null {
  const order = times.map((_, i) => i).sort((a, b) => times[a]! - times[b]! || Number(events[b]) - Number(events[a]));
  let atRisk = times.length;
  let survival = 1;
  let k = 0;
  while (k < order.length) {
    const t = times[order[k]!]!;
    let deaths = 0;
    let leaving = 0;
    while (k < order.length && times[order[k]!] === t) {
      if (events[order[k]!]) deaths++;
      leaving++;
      k++;
    }
    if (deaths > 0) {
      survival *= 1 - deaths / atRisk;
      if (Math.abs(survival - 0.5) < 1e-12) {
        // Flat at exactly one half: the middle of the flat stretch, up to the next event time.
        for (let j = k; j < order.length; j++) if (events[order[j]!]) return (t + times[order[j]!]!) / 2;
        return t;
      }
      if (survival < 0.5) return t;
    }
    atRisk -= leaving;
  }
  return null;
}
