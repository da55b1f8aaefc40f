/**
 * What is recorded only once an outcome has happened, by domain: the words that name an outcome a model is trained to
 * predict (a loan's default, a diagnosis, a ticket's escalation) and the words of what follows it (collection calls,
 * the treatment prescribed, the agent's notes). A feature named after what follows its target's outcome is not known
 * at prediction time (Kaufman et al. 2012, "Leakage in data mining": "leaking features … recorded after the target";
 * Kapoor & Narayanan 2023, "Leakage and the reproducibility crisis in ML-based science", L3.1 "temporal leakage").
 *
 * Hand-written: no library ships such a table. Each entry names the published or documented leak it encodes; the
 * check stays a low-confidence note (names can mislead: `prior_collections` is the past).
 */

export interface Outcome {
  /** The outcome, as the finding words it ("a default"). */
  event: string;
  /** Words in the target's name (or the columns it is made from). */
  target: RegExp;
  /** Words in a feature's name that only exist once that outcome happened. */
  after: RegExp;
  /** What follows the outcome, for the finding's explanation. */
  follows: string;
}

/** Matched against snake_case names, lower-cased: `(^|_)word` anchors a word's start. */
export const OUTCOMES: Outcome[] = [
  {
    event: 'a default',
    target: /(^|_)(default\w*|delinquen\w*|bad_loan|charged?_?off|loan_status|npl|non_?performing)($|_)/,
    // Lending Club's documented post-origination columns (recoveries, total_pymnt, last_pymnt_*), collection and
    // days-past-due counts of the loan itself.
    after:
      /(^|_)(collections?|collect(ed|or|ors)|recover(y|ies|ed)|dpd|days_past_due|past_due|arrears|overdue|late_fees?|missed_payments?|write_?offs?|written_?off|charge_?offs?|hardship|restructur\w*|forbearance|foreclos\w*|repossess\w*|total_pymnt|total_rec_\w+|last_pymnt\w*|out_prncp\w*)($|_)/,
    follows: 'collection, arrears and recovery come after a loan goes bad',
  },
  {
    event: 'a fraud',
    target: /(^|_)(fraud\w*|scam|chargebacks?)($|_)/,
    after:
      /(^|_)(chargebacks?|disputes?|disputed|refunds?|refunded|reversals?|reversed|payouts?|paid_out|settle\w*|investigat\w*|blocked|frozen|confirmed|reported)($|_)/,
    follows: 'investigations, chargebacks and settlements follow a fraud',
  },
  {
    event: 'a diagnosis',
    target:
      /(^|_)(diabet\w*|t[12]d|cancer|tumou?r|malignan\w*|disease|diagnos\w*|sepsis(_\d+)?|septic|infect\w*|stroke|pneumonia|covid\w*|dementia|alzheimer\w*|hypertens\w*|hypotens\w*|chd|cad|mi|heart_disease|ckd|copd|asthma|depress\w*|positive|case)($|_)/,
    // A treatment is given once the disease is diagnosed: drugs, orders, procedures and referrals for it.
    after:
      /(^|_)(treat\w*|therap\w*|medicat\w*|prescri\w*|rx|drugs?|doses?|dosage|metformin|statins?|antibiotics?|abx|antiviral\w*|chemo\w*|radiotherap\w*|radiation|surgery|surgical|procedure|biopsy|referr\w*|referred|icu|ventilat\w*|vasopressors?|carbapenem\w*|vancomycin|oncolog\w*|dialysis|stent\w*|discharge\w*|bolus\w*|saline\w*|fluid_challenge)($|_)/,
    // (An intradialytic hypotension is treated with a saline bolus: the fluid given answers the event.)
    follows: 'treatment, prescriptions and procedures follow the diagnosis',
  },
  {
    event: 'a death or the end of a stay',
    target:
      /(^|_)(mortality|death|died|dead|deceased|surviv\w*|los|length_of_stay|expire\w*|in_hospital)($|_)/,
    after:
      /(^|_)(discharge\w*|autopsy|death\w*|hospice|disposition|total_charges|total_cost|los|length_of_stay|days_in_hospital|processed|slaughter\w*|harvested)($|_)/,
    // (A flock's or herd's mortality over a cycle: the animals processed or slaughtered at its end are the survivors.)
    follows: 'the discharge, its disposition and the stay’s total cost are known when the stay ends',
  },
  {
    // The index stay's length is known at discharge, when a readmission is predicted: only the readmission's own
    // records come after it.
    event: 'a readmission',
    target: /(^|_)(readmi\w*)($|_)/,
    // The readmission's own records, or the time to it (`days_to_next_admission`).
    after: /(^|_)(readmi\w*|next_admission\w*|next_visit\w*)($|_)/,
    follows: 'the readmission’s own records exist once the patient is readmitted',
  },
  {
    event: 'a click',
    target: /(^|_)(clicks?|clicked|ctr)($|_)/,
    after:
      /(^|_)(conversions?|converted|conversion_value|purchase[ds]?|revenue|order_value|orders?|checkout|basket_value|cart_value|spend|installs?|dwell_time|time_on_page)($|_)/,
    follows: 'conversions, installs, revenue and time on the page are recorded after the click',
  },
  {
    // An app's install, a visit's time on the page come before a purchase (a game's first-week play predicting its
    // payers): only what the purchase itself records follows it.
    event: 'a conversion or purchase',
    target: /(^|_)(convert\w*|conversions?|purchase[ds]?|bought|buy|orders?|ordered)($|_)/,
    after:
      /(^|_)(conversions?|converted|conversion_value|purchase[ds]?|revenue|order_value|orders?|checkout|basket_value|cart_value|spend)($|_)/,
    follows: 'conversion values, revenue and the order are recorded with the purchase',
  },
  {
    event: 'an escalation or resolution',
    target:
      /(^|_)(escalat\w*|resolution\w*|resolved|reopen\w*|csat|satisf\w*|sla|breach\w*|complaint\w*|handle_time|time_to_resolve)($|_)/,
    after:
      /(^|_)(agent_notes?|notes|transfers?|transferred|reassign\w*|resolution\w*|resolved|closed|closure|reopen\w*|surveys?|csat|handle_time|replies|escalat\w*)($|_)/,
    follows: 'notes, transfers and the resolution are written while the ticket is handled',
  },
  {
    event: 'a cancellation or churn',
    target:
      /(^|_)(churn\w*|cancel\w*|attrit\w*|unsubscri\w*|terminat\w*|closure|closed|retain\w*|retention|renew\w*|lapsed?)($|_)/,
    after:
      /(^|_)(cancel\w*|terminat\w*|exit\w*|win_?back|retention_offer|final_bill|closing|closure|refunds?|deactivat\w*|port_out|ported)($|_)/,
    follows: 'cancellation fees, exit surveys and win-back offers exist once the customer has left',
  },
  {
    event: 'an energy use',
    target: /(^|_)(kwh|consumption|energy_use|usage|demand|load|mwh|therms?)($|_)/,
    // A bill is the use times the tariff.
    after: /(^|_)(bills?|billed|invoice\w*|amount_due|energy_cost|electricity_cost)($|_)/,
    follows: 'the bill is the consumption times the tariff',
  },
  {
    event: 'an employee leaving or being promoted',
    target: /(^|_)(attrition|left|leaver|quit|resign\w*|turnover|promot\w*|terminat\w*)($|_)/,
    after:
      /(^|_)(exit\w*|severance|notice_period|last_day|final_pay\w*|next_salary|new_salary|new_title|new_grade|raise|promotion_date|replacement|offboard\w*)($|_)/,
    follows: 'exit interviews, severance and a new salary come with the change itself',
  },
  {
    event: 'a claim',
    target: /(^|_)(claims?|claimed|loss|losses)($|_)/,
    after:
      /(^|_)(payouts?|paid|paid_amount|settle\w*|reserves?|adjuster\w*|litigat\w*|lawyer|subrogation|salvage)($|_)/,
    follows: 'payouts, reserves and settlements are set while a claim is handled',
  },
  {
    event: 'a late arrival',
    target: /(^|_)(late|lateness|delay\w*|on_time|ontime|transit_days|delivery_days|eta_error)($|_)/,
    // A late return (a library loan, a rental): fines and late fees accrue once the item is overdue.
    after:
      /(^|_)(actual\w*|delivered\w*|delivery_date|delivery_time|arriv\w*|received\w*|complaints?|compensation|refunds?|claims?|fines?|fine_amount\w*|late_fees?|penalt\w*|days_overdue|overdue_days)($|_)/,
    follows: 'the actual arrival, fines and any compensation are known once the parcel, trip or loan is late',
  },
  {
    // The NYC taxi trip-duration task: fare, tip and total are metered over the trip (TLC data dictionary); the
    // drop-off place is known when the trip is requested, its time only at the end.
    // A container's (a car's, a parcel's) dwell at a terminal: storage and demurrage are billed at gate-out.
    event: 'a trip’s or a stay’s duration',
    target:
      /(^|_)(duration\w*|trip_time|travel_time|ride_time|trip_minutes|journey_time|dwell\w*|parking_time|time_in_yard)($|_)/,
    after:
      /(^|_)(final_fare|fare_amount|metered_fare|total_amount|tip_amount|tips?|tolls_amount|(dropoff|drop_off|arrival)_(time|datetime|at|ts|timestamp)|arrived_at|end_time|ended_at|completed_at|storage_fees?\w*|demurrage\w*|detention_fees?\w*|parking_fees?\w*|gate_out\w*)($|_)/,
    follows:
      'the metered fare, the drop-off, storage and demurrage fees are known once the trip or the stay has ended',
  },
  {
    // A reservation's or an appointment's no-show: a forfeited deposit, a check-in, the time at the table or in the
    // clinic exist once the guest or patient did (not) come.
    event: 'a no-show',
    target: /(^|_)(no_?shows?|noshow|did_not_attend|dna|missed_appointment|showed_up)($|_)/,
    after:
      /(^|_)(deposit_forfeited|forfeit\w*|table_minutes|table_occupied\w*|seated\w*|checked_in|check_in_time|arrival_time|arrived\w*|visit_duration|bill_amount|final_bill)($|_)/,
    follows:
      'a forfeited deposit, the check-in and the time spent there exist once the guest came or did not',
  },
  {
    // An online order's return (retail return prediction at checkout).
    event: 'a return',
    target: /(^|_)(returned|is_return|return_flag|will_return|items_returned)($|_)/,
    after:
      /(^|_)(return_label\w*|refunds?|refunded|restock\w*|rma|return_reason\w*|return_shipping\w*|support_contacts?|days_to_first_contact)($|_)/,
    follows: 'return labels, refunds and the contacts about them come after the order',
  },
  {
    event: 'a pass, fail or dropout',
    target:
      /(^|_)(pass|passed|fail|failed|dropout|dropped_out|graduat\w*|grade|grades|g3|final_grade|exam_result)($|_)/,
    after:
      /(^|_)(final\w*|g3|exam_score|final_exam|certificate|diploma|graduat\w*|withdraw\w*|resit|retake|transcript)($|_)/,
    follows: 'the final exam and its consequences come after the course',
  },
  {
    event: 'a match result',
    target: /(^|_)(win|wins|won|winner|result|outcome|home_win|victory|lost)($|_)/,
    after: /(^|_)(final_score|full_time\w*|fthg|ftag|points_scored|margin|runs_scored|sets_won)($|_)/,
    follows: 'the final score decides the result',
  },
  {
    event: 'a campaign’s success',
    target: /(^|_)(success\w*|funded|state)($|_)/,
    after:
      /(^|_)(pledged|usd_pledged\w*|backers|pct_funded|percent_funded|raised|amount_raised|funded_amount)($|_)/,
    follows: 'the amount pledged at the deadline decides whether the campaign succeeded',
  },
  {
    event: 'a hire or admission',
    target: /(^|_)(hired|hire|admit\w*|accepted|offer\w*|enrol\w*|placed|placement)($|_)/,
    after:
      /(^|_)(start_date|salary_offered|offer_salary|onboard\w*|enrolled|enrollment_date|joined|joining_date|signed|background_check\w*|reference_check\w*|drug_test\w*)($|_)/,
    // (Background and reference checks are run on the candidates an offer is made to.)
    follows: 'a start date and an offered salary exist once the offer was made',
  },
  {
    event: 'a machine failure',
    target: /(^|_)(fail\w*|breakdown|fault\w*|broken|downtime|rul)($|_)/,
    after:
      /(^|_)(repair\w*|replaced|replacement\w*|downtime\w*|work_orders?|failure_mode|root_cause|warranty_claim\w*)($|_)/,
    follows: 'repairs, replacements and the root cause are recorded after the failure',
  },
  {
    // A graded or inspected item (a fabric roll, a board, a batch) is mended, reworked or scrapped after the grade,
    // because of it.
    event: 'a quality grade or inspection result',
    target:
      /(^|_)(grade[sd]?|grading|defects?|defective|rejects?|rejected|qc_\w+|pass_fail|first_quality)($|_)/,
    after: /(^|_)(mend\w*|rework\w*|scrap\w*|scrapped|downgrad\w*|credit_notes?|rejection_reason\w*)($|_)/,
    follows: 'mending, rework and scrapping are done after an item is graded, because of its grade',
  },
  {
    // A pawn or a loan is redeemed or repaid, or forfeited: what was paid on it (the interest, the total) is known once
    // it was.
    event: 'a redemption or repayment',
    target:
      /(^|_)(redeem\w*|redemption\w*|forfeit\w*|repaid|repay\w*|prepaid|prepay\w*|paid_off|payoff)($|_)/,
    after:
      /(^|_)(interest_paid|total_paid|amount_paid|paid_amount|amount_repaid|repaid_amount|payoff_\w+|last_payment\w*|months_reported|redeemed_on|redemption_date)($|_)/,
    follows: 'the interest and the total paid, and the last payment, are recorded as the loan is repaid',
  },
  {
    // A pregnancy test (serum beta-hCG around day 14 after transfer) and the scans after it tell the outcome of an
    // embryo transfer or a conception.
    event: 'a pregnancy',
    target: /(^|_)(pregnan\w*|clinical_preg\w*|live_birth\w*|conceiv\w*|conception|implant\w*)($|_)/,
    after:
      /(^|_)(b_?hcg\w*|beta_hcg\w*|hcg\w*|serum_b|fetal_\w+|heartbeat|gestation\w*|birth_weight|delivery\w*)($|_)/,
    follows: 'the hCG test, the scans and the delivery follow the transfer that leads to a pregnancy',
  },
  {
    // An auction's results sheet: the hammer price, the buyer and the commission (charged on the hammer price) exist
    // only for a lot that sold, once it did.
    event: 'a sale at auction',
    target: /(^|_)(sold|unsold|passed_in|sell_through|sale_result)($|_)/,
    after:
      /(^|_)(commission\w*|hammer\w*|buyer\w*|winning_bid\w*|final_bid\w*|sale_price|sold_price|price_realised|price_realized|buyers?_premium)($|_)/,
    follows: 'the hammer price, the buyer and the commission on it are recorded when the lot sells',
  },
  {
    // A complication of a procedure keeps the patient in hospital, brings them back or to theatre again
    // (length of stay is the usual outcome measure of surgical complications).
    event: 'a complication',
    target: /(^|_)(complicat\w*|adverse_events?|morbidity|post_?op_\w+)($|_)/,
    after:
      /(^|_)(hospitali[sz]ed_days|hospitali[sz]ation_days|days_(in_)?hospital\w*|length_of_stay|los|icu_days|days_in_icu|reoperat\w*|re_?admi\w*|revision\w*|discharge\w*|transfusions?)($|_)/,
    follows: 'a longer stay, a return to theatre and a readmission follow a complication',
  },
];

/** Words that say a value is from before the outcome: `prior_collections`, `prev_purchases`. */
const BEFORE =
  /(^|_)(prior|prev|previous|past|lag\d*|lagged|hist|historical|history|before|pre|baseline|at_application|at_admission|at_signup|expected|planned|scheduled|estimated|ytd)($|_)/;
/**
 * A count over a period (`inquiries_6m`, `collections_12_mths_ex_med`) is the period before, as credit reports give it,
 * unless the name counts from the start (`max_dpd_first_6m`, `visits_next_30d`).
 */
const PERIOD = /(^|_)\d+_?(d|w|m|y|mths?|months?|days?|weeks?|yrs?|years?)($|_)/;
const FROM_START = /(^|_)(first|next|after|since|post|following)($|_)/;

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
  // (A date or time the label is computed from, order_date of the next order, names when, not which outcome.)
  const events = t.filter((n) => !/(^|_)(date|time|timestamp|datetime|day|at|on|ts)$/.test(n));
  const found = OUTCOMES.filter((o) => o.after.test(f) && events.some((n) => o.target.test(n)));
  // disposition_date beside a label made from `disposition`, status_changed_at beside one made from `status`: when
  // the label's own column was recorded, the outcome's time.
  const own = t.find(
    (n) => n.length >= 3 && new RegExp(`^(${n}_(${TIME_WORDS})|(${TIME_WORDS})_of_${n})$`).test(f),
  );
  if (own)
    found.push({
      event: `the "${own}" outcome`,
      target: /./,
      after: /./,
      follows: `it is the time "${own}", which the label is made from, was recorded`,
    });
  if (COMPLETION.test(f))
    found.push({
      event: 'the completion of the job or case',
      target: /./,
      after: COMPLETION,
      follows:
        'final amounts, the invoice and the time a record was last modified exist once the job or case is over',
    });
  return found;
}

const TIME_WORDS = 'date|time|at|on|ts|timestamp|datetime|day|changed_at|updated_at|recorded_at';

/**
 * What exists once a job, order or case is over, whatever the outcome: its final amounts (`final_eur`, `final_price`),
 * its invoice's totals, and when its record was last modified (`last_modified_at`, `updated_at`: after every event of
 * the record, the outcome included).
 */
const COMPLETION =
  /(^|_)(final_(amount|price|cost|bill|invoice|total|charges?|fees?|payment|paid|value|eur|usd|gbp)|invoice(d)?_(total|amount|sum|value|eur|usd|gbp)|invoice_total\w*|total_invoiced|last_modified\w*|last_updated\w*|modified_at|updated_at|last_update\w*)($|_)/;

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
/** Names of events that follow an outcome (a chargeback after fraud, a refund after a cancellation). */
const POST_OUTCOME =
  /(^|_)(chargebacks?|refunds?|refunded|disputes?|disputed|write_?offs?|written_?off|recover(y|ies|ed)|settlements?|settled)($|_)/i;

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
