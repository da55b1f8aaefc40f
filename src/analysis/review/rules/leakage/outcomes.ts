/**
 * The checks of what is recorded after an outcome, by name (the table of outcomes is in outcome-table.ts): a feature
 * recorded after its target's outcome, a consequence of the target's own event, a total that includes the target.
 */
import { OUTCOMES, type Outcome } from './outcome-table.js';

export { OUTCOMES, type Outcome } from './outcome-table.js';

/** Words that say a value is from before the outcome: `prior_collections`, `prev_purchases`. */
const BEFORE =
  /(^|_)(prior|prev|previous|past|lag\d*|lagged|hist|historical|history|before|pre|baseline|at_application|at_admission|at_signup|at_start|at_intake|at_entry|at_booking|last_(year|season|month|quarter|week)|expected|planned|scheduled|estimated|ytd|(days|hours|weeks|months|years|time)_since(_last)?)($|_)/;
/**
 * A count over a period (`inquiries_6m`, `collections_12_mths_ex_med`) is the period before, as credit reports give it,
 * unless the name counts from the start (`max_dpd_first_6m`, `visits_next_30d`).
 */
const PERIOD = /(^|_)\d+_?(d|w|m|y|mths?|months?|days?|weeks?|yrs?|years?)($|_)/;
// (`recheck_visits_30d`: visits that follow an event by their name, counted over the days after it.)
const FROM_START = /(^|_)(first|next|after|since|post|following|rechecks?|follow_?ups?|revisits?)($|_)/;

/** Whether a name says its value is from before the outcome (`days_since_change`, `prev_visits`). */
export function fromBefore(name: string): boolean {
  return BEFORE.test(snake(name));
}

/** snake_case, lower-cased: `collectionCallsMade` → `collection_calls_made`. */
export function snake(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

/**
 * The outcomes `feature` is recorded after, when one of `targetNames` (the target column, the columns it is made from,
 * not its data file's: `insulin` in a diabetes file is a lab value) names that outcome; none when the feature's name
 * says it is from before.
 */
export function recordedAfter(feature: string, targetNames: string[]): Outcome[] {
  const f = snake(feature);
  if (BEFORE.test(f) || (PERIOD.test(f) && !FROM_START.test(f))) return [];
  const t = targetNames.map(snake);
  // order_date beside a label made from the next order's order_date: the column the label itself reads (at another
  // row) is the row's own record, not one named after the outcome.
  if (t.includes(f)) return [];
  // parts_replaced_at_service beside a winter's breakdown: the work of a routine visit named as such, before — unless
  // that visit is the outcome's own (issues_found_at_inspection beside failed_inspection).
  const routine = ROUTINE.exec(f)?.[4];
  if (routine && !t.some((n) => n.includes(routine))) return [];
  // (A date or time the label is computed from, order_date of the next order, names when, not which outcome.)
  const events = t.filter((n) => !/(^|_)(date|time|timestamp|datetime|day|at|on|ts)$/.test(n));
  const found = OUTCOMES.filter(
    (o) =>
      o.after.test(f) && events.some((n) => o.target.test(n)) && !(o.not && t.some((n) => o.not!.test(n))),
  );
  // disposition_date beside a label made from `disposition`, status_changed_at beside one made from `status`: when
  // the label's own column was recorded, the outcome's time.
  // (When the label is made from several columns, dead = planted - alive_year1, the time of one of them is no
  // outcome's: planted_on is when the count the survival is measured against was recorded, before the outcome.)
  const made = new Set(
    t.slice(1).filter((n) => n !== t[0] && !/(^|_)(date|time|timestamp|datetime|day|at|on|ts)$/.test(n)),
  );
  const own = t.find(
    (n, i) =>
      (i === 0 || made.size <= 1) &&
      n.length >= 3 &&
      new RegExp(`^(${n}_(${TIME_WORDS})|(${TIME_WORDS})_of_${n})$`).test(f),
  );
  if (own)
    found.push({
      event: `the "${own}" outcome`,
      target: /./,
      after: /./,
      follows: `it is the time "${own}", which the label is made from, was recorded`,
    });
  // rebooked_365 from next_job_date - job_date: an outcome after the job is over, so the job's own invoice and final
  // amounts are known when it is predicted — but a lifetime total of the customer (a CRM export's lifetime_jobs)
  // counts the next job the label looks for.
  const next = t.some((n) => NEXT.test(n));
  if (next && LIFETIME.test(f))
    found.push({
      event: 'the later events the label looks for',
      target: /./,
      after: LIFETIME,
      follows:
        'a lifetime or all-time total counts every event of the entity, the next one the label is made from included',
    });
  // paid_late of an invoice: its payment follows the invoice, whose amount is known when it is issued.
  const payment = t.some((n) =>
    /(^|_)(paid|pay|payment|payments|overdue|dunning|defaulted|default)($|_)/.test(n),
  );
  // (rejected of a rebate claim's audit: a decision on what was submitted, the invoice with it.)
  const submission = t.some((n) => /(^|_)(audit\w*|review\w*|reject\w*|approv\w*|fraud\w*)($|_)/.test(n));
  if (COMPLETION.test(f) && !next && !((payment || submission) && /(^|_)invoice/.test(f)))
    found.push({
      event: 'the completion of the job or case',
      target: /./,
      after: COMPLETION,
      follows:
        'final amounts, the invoice and the time a record was last modified exist once the job or case is over',
    });
  if (HANDLING.test(f) && !aboutLaterEvent(t))
    found.push({
      event: 'the handling of the job or case',
      target: /./,
      after: HANDLING,
      follows:
        'what handling the case took (the time to close it, minutes on scene, hours out of service, parts fitted or ordered, overtime to cover it) is recorded as it is handled, with its outcome',
    });
  return found;
}

/**
 * What handling a job, call or case took, recorded while it is handled and so with its outcome (a tow patrol's
 * minutes on scene and parts fitted beside `towed`, an appliance repair's parts ordered and days to close beside a
 * first-visit fix, an aircraft's hours out of service beside a bird strike's damage, the overtime paid to cover an
 * absence, the engineer visits a repair took): the durations up to its end and the work done on it. Not a door's
 * close time, a web visit's time on site or a barn's downtime between flocks (no case's handling), and not a label
 * about a later event (a revisit, a repeat), for which this job's handling is the past.
 */
const HANDLING =
  /(^|_)((minutes|mins|hours|hrs|days|time|duration)_(to|until|till)_(close|closure|resolve|resolution|complete|completion|finish|fix|repair|restore|restoration|clear|discharge)|(closure|resolution|completion|turnaround|restoration|handling)_(minutes|mins|hours|hrs|days|time|duration)|(minutes|mins|hours|hrs|time)_(on|at)_scene|(on|at)_scene_(minutes|mins|hours|hrs|time|duration)|out_of_service|(parts|materials?)_(fitted|ordered|used|replaced|installed)|(fitted|ordered|replaced)_parts|cover(ed|ing)?_overtime|overtime_(to_)?cover\w*|(engineer|technician|fitter|installer|repair|service)_visits?(_(total|count|made))?)($|_)/;
/** Work done at a routine visit (`parts_replaced_at_service`, `parts_fitted_during_annual_inspection`). */
const ROUTINE =
  /(^|_)(at|during|from|in)_(last_|annual_|routine_|scheduled_)?(service|servicing|inspection|maintenance|mot|pm|check_?up|overhaul)($|_)/;

/**
 * A duration that ends with the case (`search_hours` = closed_at − reported_at, `months_enrolled` = end_date −
 * start_date): of the columns a feature is computed from (`sources`), one is when the case ended and another is a
 * date or time. Not beside a label about a later event, for which this case's end is the past.
 */
export function durationToEnd(
  sources: readonly string[],
  targetNames: string[],
): [string, Outcome] | undefined {
  const t = targetNames.map(snake);
  if (aboutLaterEvent(t)) return undefined;
  const end = sources.find((s) => {
    const f = snake(s);
    // (A plan as the thing that ended, plan_closed of a pay-as-you-go plan, is no planned time: of such a name only
    // a word that makes it one, expected_closed, is.)
    const ended = END_OF_CASE.test(f)
      ? !PLAN.test(f)
      : CASE_ENDED.test(f) && !PLANNED.test(f) && sources.some((o) => o !== s && STARTED.test(snake(o)));
    return ended && !AGREED_END.test(f) && !BEFORE.test(f) && !t.includes(f);
  });
  const start = sources.find(
    (s) => s !== end && (new RegExp(`(^|_)(${TIME_WORDS})$`).test(snake(s)) || STARTED.test(snake(s))),
  );
  if (end === undefined || start === undefined) return undefined;
  // (A label timed by an actual event's date, late = actual_delivery > est_delivery + 2 months beside campaign_days =
  // end_date - launch_date: its outcome is that date's, the campaign's end one before it. Not any date of the label:
  // pickup_date.isna() of an abandoned fill times no other outcome.)
  if (t.some((n) => n !== snake(end) && /(^|_)actual_/.test(n))) return undefined;
  return [
    end,
    {
      event: 'the end of the case',
      target: /./,
      after: END_OF_CASE,
      follows: `a duration up to ${JSON.stringify(end)}, when the case was closed, resolved or completed, ends with the outcome`,
    },
  ];
}

/**
 * When a case, stay, enrolment or trip ended (`closed_at`, `date_resolved`, `end_date`, `returned_on`): a
 * search's hours (closed minus reported), months enrolled (end minus start) and days to close are computed from it.
 * Not "close" alone (a market's or a door's close time), nor a departure (a flight's is its start), a checkout (a
 * library loan's) or an exit (a ride's), which end one step and start the next.
 */
const END_OF_CASE =
  /(^|_)((closed|closure|resolved|resolution|completed|completion|ended|end|finished|discharge|discharged|returned|terminated|termination|withdrawn|withdrawal)_(at|on|date|time|ts|datetime|timestamp|dt)|(date|time|dt)_(closed|resolved|completed|ended|finished|discharged|returned|terminated|withdrawn))$/;
/**
 * A case's end named by the event alone (`plan_closed`, `account_terminated`), a date when beside the case's start
 * (`plan_start`): `plan_closed - plan_start` is how long the plan ran, until it was paid off or taken back.
 */
const CASE_ENDED = /_(closed|ended|terminated)$/;
const STARTED = /(^|_)(start|started|opened|began|begun)$/;
const PLANNED = /(^|_)(planned|scheduled|expected|estimated|promised|forecast|budgeted|contracted|due)($|_)/;
/** An end agreed beforehand: a contract's, a lease's, a policy's term (`contract_end_date`), known from the start. */
const AGREED_END =
  /(^|_)(contract|term|lease|policy|subscription|warranty|tenancy|agreement|season|promo\w*|offer|trial)_/;
/** A label about a later event (`next_visit`, `revisit_30d`, `readmitted`): this case's end and handling are its past. */
function aboutLaterEvent(targetNames: readonly string[]): boolean {
  return targetNames.some((n) => NEXT.test(n) || LATER_EVENT.test(n));
}
const NEXT = /(^|_)(next|following|subsequent)($|_)/;
const LATER_EVENT =
  /(^|_)(re_?visits?|repeats?|recur\w*|readmi\w*|callbacks?|return\w*|again|rebook\w*|reopen\w*)($|_)/;

const TIME_WORDS = 'date|time|at|on|ts|timestamp|datetime|day|changed_at|updated_at|recorded_at';

/**
 * What exists once a job, order or case is over, whatever the outcome: its final amounts (`final_eur`, `final_price`),
 * its invoice's totals, the balance paid last (`final_balance_paid`, which a booking cancelled before it falls due
 * never pays), and when its record was last modified (`last_modified_at`, `updated_at`: after every event of
 * the record, the outcome included).
 */
const COMPLETION =
  /(^|_)(final_(amount|price|cost|bill|invoice|total|charges?|fees?|payment|paid|value|eur|usd|gbp)|invoice(d)?_(total|amount|sum|value|eur|usd|gbp)|invoice_total\w*|total_invoiced|final_balance\w*|balance_(paid|payment)\w*|last_modified\w*|last_updated\w*|modified_at|updated_at|last_update\w*)($|_)/;

/** Totals over an entity's whole history, later events included (`lifetime_jobs`, `all_time_orders`). */
const LIFETIME = /(^|_)(lifetime|all_time|alltime|career|total_ever|ever)($|_)/;

const PLAN =
  /(^|_)(quoted?|plan|planned|estimated?|budget|budgeted|scheduled|expected|promised|target|forecast|contracted|booked|crs|deadline|due)($|_)/;

/**
 * Whether a column is named as measured before (`pre_session_pain`, `baseline_hba1c`, `prior_visits`): known before
 * the outcome.
 */
export function namesBefore(name: string): boolean {
  return BEFORE.test(snake(name));
}

/** Whether a column is named as a plan (`deadline_at`, `quoted_days`, `promised_by`): known before the outcome. */
export function namesPlan(name: string): boolean {
  return PLAN.test(snake(name));
}
const ACTUAL = /(^|_)(actual|actually|realised|realized|measured|observed|outturn)($|_)/;

/**
 * Of the columns a label is made from (`overran = actual_days > 1.15 * quoted_days`), the one named as what actually
 * happened, when another is named as the plan it is measured against: the outcome's own measurement.
 */
export function actualOfPlan(names: readonly string[]): string | undefined {
  if (!names.some((n) => PLAN.test(snake(n)))) return undefined;
  return names.find((n) => ACTUAL.test(snake(n)) && !PLAN.test(snake(n)));
}

/** Whether a column names the actual time of event `p` (dep_time, actual_arr_time), not its planned time. */
export function actualTime(column: string, p: string): boolean {
  const c = column.toLowerCase();
  if (/sched|crs|plan|expect|estimat|promis|book/.test(c)) return false;
  return new RegExp(`(^|_)(actual_)?${p.toLowerCase()}_?(time|at|ts|timestamp|datetime)$`).test(c);
}

/**
 * Outcome events, each with the words that name it (a churned customer cancelled, terminated or closed the account;
 * a defaulted loan is charged off or sent to collection), and what only exists once one happened (in a feature's
 * name: a fee, a date, a reason of it).
 */
const EVENTS: RegExp[] = [
  /churn|cancel|terminat|unsubscri|attrit|closure|closed/i,
  /default|delinquen|charge_?off|charged_?off|collection|arrears/i,
  /fraud|chargeback|dispute/i,
  /readmi/i,
  /return|refund/i,
  /fail|breakdown|repair/i,
  // An employee leaving: an exit interview, a resignation date or reason exist only for those who left.
  /(^|_)(left|leave|leaver|leavers|quit|resign\w*|exit\w*|turnover)($|_)/i,
  // A hospital stay ends in a discharge: its date, disposition or destination are known once the stay is over.
  /(^|_)(los|stays?|length_of_stay)($|_)|discharg/i,
];
const CONSEQUENCE =
  /(^|_)(fee|fees|charge|charged|penalty|reason|date|amount|refund|status|code|disposition|destination|interview|courier|pickup|label|tracking|shipment)($|_)/i;

/**
 * A feature naming a consequence of the target's own event: `cancellation_fee` for `is_canceled`,
 * `cancellation_fee_charged` for `churned`.
 */
function consequence(feature: string, target: string): boolean {
  let f = feature.replace(/([a-z])([A-Z])/g, '$1_$2').split('_');
  let t = target.replace(/([a-z])([A-Z])/g, '$1_$2').split('_');
  // left_birth_date beside left_won (one row per bout, a side's columns): the words both names begin with name the
  // side, not the event; `churn_date` beside `churn` keeps them (the target would be left without a word).
  while (f.length > 1 && t.length > 1 && f[0]!.toLowerCase() === t[0]!.toLowerCase()) {
    f = f.slice(1);
    t = t.slice(1);
  }
  const snake = f.join('_');
  const rest = t.join('_');
  return EVENTS.some((e) => e.test(rest) && e.test(snake)) && CONSEQUENCE.test(snake);
}

/** Columns recorded only after the outcome in well-known data sets (documented leaks). */
const POST_OUTCOME_BY_DATASET: [RegExp, RegExp][] = [[/titanic/i, /^(boat|body)$/i]];
/**
 * Names of events that follow an outcome (a chargeback after fraud, a refund after a cancellation). Not "recovery":
 * after a default it is (OUTCOMES), but a temperament test's `startle_recovery` or a prepayment meter's
 * `debt_recovery_share` (a rate set on the account) are measured before any outcome.
 */
// (Not a kind of settlement, `settlement_type` urban or rural: a place people live in, as often as a claim's payment.
// Not the sum a complaint is about, `amount_disputed_gbp` at an ombudsman's referral: the dispute is the case itself.)
const POST_OUTCOME =
  /(^|_)(chargebacks?|refunds?|refunded|disputes?|(?<!(amount|sum|value)_)disputed(?!_(amount|sum|value))|write_?offs?|written_?off|settlements?(?!_(type|kind|class|category|size|tier|pattern|density|plates?|stage)($|_))|settled)($|_)/i;

/**
 * Whether a column is recorded after the outcome whatever the domain: events that follow one (chargebacks, refunds,
 * settlements), a consequence of the target's own event (`cancellation_fee` for `is_canceled`), or a documented
 * post-outcome column of a well-known data set (Titanic's `boat` and `body`).
 */
export function postOutcome(column: string, target: string, dataset: string): boolean {
  return (
    POST_OUTCOME.test(column) ||
    consequence(column, target) ||
    POST_OUTCOME_BY_DATASET.some(([set, col]) => set.test(dataset) && col.test(column))
  );
}

/**
 * A total of which the target is a part (`total_amount` beside the target `tip_amount`: the trip's total includes the
 * tip, as the NYC taxi data dictionary says): the feature is the target plus other columns. Matched by the unit word
 * the two share (`amount`, `cost`, `count`), a feature named `total_<unit>` or `<unit>_total`.
 */
export function totalOf(feature: string, target: string): boolean {
  const f = snake(feature).split('_');
  const t = snake(target).split('_');
  const unit = t.at(-1);
  if (
    !unit ||
    t.length < 2 ||
    t.includes('total') ||
    !/^(amount|amt|cost|costs|count|sum|paid|price|fee|fees|minutes|hours|kwh)$/.test(unit)
  )
    return false;
  return (
    (f.length === 2 && f[0] === 'total' && f[1] === unit) ||
    (f.length === 2 && f[0] === unit && f[1] === 'total')
  );
}
