/**
 * What is recorded only once an outcome has happened, by domain: the words that name an outcome a model is trained to
 * predict (a loan's default, a diagnosis, a ticket's escalation) and the words of what follows it (collection calls,
 * the treatment prescribed, the agent's notes). A feature named after what follows its target's outcome is not known
 * at prediction time (Kaufman et al. 2012, "Leakage in data mining": "leaking features … recorded after the target";
 * Kapoor & Narayanan 2023, "Leakage and the reproducibility crisis in ML-based science", L3.1 "temporal leakage").
 *
 * Hand-written: no library ships such a table. Each entry names the published or documented leak it encodes; the
 * check stays a low-confidence note (names can mislead: `prior_collections` is the past).
 *
 * Size: one data table, an entry per domain and nothing else (the matching is in outcomes.ts); cut by line count it
 * would be two halves of one list that must be read, and tested, as one.
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
  /** Names among the target's (or the columns it is made from) that say its outcome is another one. */
  not?: RegExp;
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
      /(^|_)(diabet\w*|t[12]d|cancer|tumou?r|malignan\w*|disease|diagnos\w*|sepsis(_\d+)?|septic|infect\w*|stroke|pneumonia|covid\w*|dementia|alzheimer\w*|hypertens\w*|hypotens\w*|chd|cad|mi|heart_disease|ckd|copd|asthma|depress\w*|delirium|delirious|agitation|positive|pos|case|\w*blight|mildew|canker|scab)($|_)/,
    // A treatment is given once the disease is diagnosed: drugs, orders, procedures and referrals for it.
    // (Not any dose: a routine one, a probiotic every hatchery batch is given, treats no diagnosis.)
    after:
      /(^|_)(treat\w*|therap\w*|medicat\w*|prescri\w*|rx|drugs?|metformin|statins?|antibiotics?|abx|antiviral\w*|chemo\w*|radiotherap\w*|radiation|surgery|surgical|procedure|biopsy|referr\w*|referred|icu|ventilat\w*|vasopressors?|carbapenem\w*|vancomycin|oncolog\w*|dialysis|stent\w*|discharge\w*|bolus\w*|saline\w*|fluid_challenge|antipsychotic\w*|haloperidol\w*|olanzapine\w*|quetiapine\w*|risperidone\w*|rescue_sedation\w*|prn_\w+|isolat\w*|quarantin\w*|sanitation\w*|(\w+_)?(cut_out|pruned_out|grubbed|rogued|roguing)\w*)($|_)/,
    // (A delirium on a ward is treated with an antipsychotic, haloperidol, or doses given as needed, prn_: the drug
    // answers the agitation seen.)
    // (An orchard block's fireblight is cut out: the sanitation pruning answers the strikes seen.)
    // (An intradialytic hypotension is treated with a saline bolus: the fluid given answers the event. A positive
    // test, parvo_pos, sends the animal or patient to isolation.)
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
    // (Not an order's status or id, order_status beside a return: a record of the order, whatever its outcome.)
    target:
      /(^|_)(convert\w*|conversions?|purchase[ds]?|bought|buy|orders?(?!_(status|state|stage|id|no|number|ref|line|lines|date|time|type)($|_))|ordered)($|_)/,
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
      /(^|_)(churn\w*|cancel\w*|attrit\w*|unsubscri\w*|terminat\w*|closure|closed|retain\w*|retention|renew\w*|lapsed?|(licen[cs]e|lease|tenancy|contract|membership|agreement)_end(ed)?)($|_)/,
    // (A trip's cancellation, a boat tour's or a ferry's: the boats that sailed that day are the other outcome.)
    // (Not bookings cancelled in the member's history, n_late_cancel, late_cancellations: a count of the times a
    // booking was called off is behaviour before the member leaves.)
    after:
      /(^|_)((?<!(^|_)(n|num|count|no|number_of|late|short_notice)_)cancel\w*|terminat\w*|exit\w*|win_?back|retention_offer|final_bill|closing|closure|refunds?|deactivat\w*|port_out|ported|launched|sailed|departed|deposit_return\w*|deposit_refund\w*|move_out\w*|moving_out|checkout_inspection\w*|(vouchers?|credits?|credit_notes?)_(issued|given|sent|offered)\w*|rebook\w*|clearance\w*|\w+_clearance\w*)($|_)/,
    // (A tenant who will not renew asks for the deposit back and books the move-out inspection; a cancelled tour's
    // booked groups are given vouchers or rebooked; a garage or a unit let on a licence is cleared once it ends.)
    follows:
      'cancellation fees, exit surveys, win-back offers and the deposit asked back exist once the customer has decided to leave; what sailed or departed once the day is over; vouchers and rebookings once a booking is cancelled',
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
      /(^|_)(payouts?|paid|paid_amount|settle\w*|reserves?|adjuster\w*|litigat\w*|lawyer|subrogation|salvage|replacements?(_\w+)?_(sent|issued|shipped|dispatched|supplied))($|_)/,
    // (A warranty claim is met by replacements sent: replacement_frames_sent counts what the claims were answered with.)
    follows: 'payouts, reserves, settlements and the replacements sent are set while a claim is handled',
  },
  {
    event: 'a late arrival',
    target: /(^|_)(late|lateness|delay\w*|on_time|ontime|transit_days|delivery_days|eta_error)($|_)/,
    // A late return (a library loan, a rental): fines and late fees accrue once the item is overdue; chasers
    // (chase emails, chasing calls) are sent once it is; a thesis past its registration period pays continuation fees.
    // (Not what the customer sends for the work to start, selection_received or order_received: it comes before the
    // delivery that is late, and is when the work is planned.)
    after:
      /(^|_)(actual\w*|delivered\w*|delivery_date|delivery_time|arriv\w*|(?<!(?:order|selection|application|request|documents?|payment|deposit|brief|artwork|files|materials?|specs?)_)received\w*|complaints?|compensation|refunds?|claims?|fines?|fine_amount\w*|late_fees?|continuation_fees?\w*|penalt\w*|days_overdue|overdue_days|chase\w*|chasers?|chasing\w*|return_condition\w*|condition_(on|at)_return\w*|stoppages?\w*|(?<!(?:planned|scheduled|estimated)_)downtime_(hours|days)\w*|(hours|days)_lost\w*|(?<!(?:planned|scheduled|estimated)_)(days|weeks|hours)_on_site)($|_)/,
    // (A keg's or a tool's condition is recorded when it comes back; a campaign's stoppages and downtime accrue while
    // it runs, and are what makes it late; a fit-out's days on site are counted to its completion.)
    follows:
      'the actual arrival, fines, chasers and any compensation are known once the parcel, trip, job or loan is late',
    // (A delay measured as the minutes some handling took after the arrival, handover_minutes > 30 for an
    // ambulance's crew: the arrival starts it, and is known when the row is predicted.)
    not: /^(?!.*(arriv|arr_|deliver|transit|travel|journey|trip|flight|ship|eta|dep_))\w+_(minutes|mins|hours|hrs|duration)$/,
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
      /(^|_)(deposit_forfeited|forfeit\w*|table_minutes|table_occupied\w*|seated\w*|checked_in|check_in_time|arrival_time|arrived\w*|visit_duration|bill_amount|final_bill|redeemed|redemptions?|extras?_(spend|spent|revenue|sales|bill)\w*|on_?site_spend\w*|incidentals?\w*|(paintballs?|balls|rounds|kit|gear|equipment|rental_kit)_(issued|used|fired|handed_out))($|_)/,
    // (What a guest spends on extras during the stay, nothing for one who never came; the kit and ammunition handed
    // out at a paintball or a shooting session, none to a group that never turned up.)
    follows:
      'a forfeited deposit, the check-in, what was redeemed or spent there and the time spent there exist once the guest came or did not',
  },
  {
    // An online order's return (retail return prediction at checkout).
    event: 'a return',
    target: /(^|_)(returned|is_return|return_flag|will_return|items_returned)($|_)/,
    after:
      /(^|_)(return_label\w*|refunds?|refunded|restock\w*|rma|return_reason\w*|return_shipping\w*|support_contacts?|days_to_first_contact|reviews?_(stars|rating|score|text)\w*|review_stars|(site|engineer|technician|service)_visits_total|call_?outs?(_total|_count)?)($|_)/,
    // (A product review is written once the order has arrived, with the return. An installation returned under
    // warranty is visited again: every visit logged against the job counts the call-outs.)
    follows: 'return labels, refunds, reviews and the contacts about them come after the order',
  },
  {
    event: 'a pass, fail or dropout',
    target:
      /(^|_)(pass|passed|fail|failed|dropout|dropped_out|graduat\w*|grade|grades|g3|final_grade|exam_result|certified|certification|certificate_(result|awarded|outcome))($|_)/,
    // (An exit test's score, like the final exam's, is taken at the end of the course; the end-of-course feedback
    // form's overall rating too — only those who stayed fill it in.)
    after:
      /(^|_)(final\w*|g3|exam_score|final_exam|exit_\w*|\w*_exit_score|certificate|diploma|graduat\w*|withdraw\w*|resit|retake|transcript|overall_rating|sessions_rated|(assessor|examiner|invigilator)_(interventions?|notes|remarks|comments)\w*|signed_off(?!_(at|on|date|time|ts|by))|sign_?offs|signoffs|defects_(on|at|in)_\w+|defects_(found|recorded|noted)|(improvement|enforcement|prohibition)_notices?(_served|_issued)?)($|_)/,
    // (What the assessor did or wrote during the practical test itself: its interventions are part of the result; the
    // instructor's sign-offs of competences through the course are what the certificate is awarded on — counted, not
    // the time one record was signed off, signed_off_at; the defects an assessor records on the sheet, the notices an
    // inspector serves at the inspection that fails.)
    follows:
      'the final exam, the exit test, what the assessor noted or signed off during it and the end-of-course feedback come with the result',
  },
  {
    event: 'a match result',
    // (A result or outcome alone, or a match's or game's: a burn-in's or a lab test's result is no match's.)
    target:
      /(^|_)(win|wins|won|winner|home_win|victory|lost)($|_)|^((match|game|fixture|full_time|ft)_)?(results?|outcome)$/,
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
    // (Not an amount or a ratio, offer_ratio = offer_usd / list_price: a price offered, no hire or admission.)
    target:
      /^(?!.*(^|_)(ratio|usd|eur|gbp|price|amount|value|pct|percent|rate|cents?|dollars?)($|_))(.*_)?(hired|hire|admit\w*|accepted|offer\w*|enrol\w*|placed|placement)($|_)/,
    after:
      /(^|_)(start_date|salary_offered|offer_salary|onboard\w*|enrolled|enrollment_date|joined|joining_date|signed|background_check\w*|reference_check\w*|drug_test\w*)($|_)/,
    // (Background and reference checks are run on the candidates an offer is made to.)
    follows: 'a start date and an offered salary exist once the offer was made',
    // (A placement failed, a practice placement's result: the student was placed, and starts, before it.)
    not: /(^|_)(fail|failed|failure|fails)($|_)/,
  },
  {
    event: 'an admission to hospital',
    // An attendance ends in admission or discharge: the time spent in the emergency department, the specialty
    // referrals made there and the bed requested are known when it ends (NHS ECDS: departure time, referred-to
    // service, decision to admit). (Not a readmission, whose index stay is known at discharge: see above.)
    target: /(^|_)(admitted|admission|admit|hospitali[sz]ed|inpatient)($|_)/,
    after:
      /(^|_)(ed_los\w*|los|length_of_stay|ed_length_of_stay|time_in_ed\w*|minutes_in_ed|specialty_referrals?|referred_to_specialty|bed_request\w*|decision_to_admit\w*)($|_)/,
    follows:
      'the time in the department, specialty referrals and a bed request are known once the attendance ends',
  },
  {
    event: 'a machine failure',
    target: /(^|_)(fail\w*|breakdown|fault\w*|broken|downtime|outages?|rul)($|_)/,
    after:
      /(^|_)(repair\w*|replaced|replacement\w*|downtime\w*|work_orders?|failure_mode|root_cause|warranty_claim\w*)($|_)/,
    follows: 'repairs, replacements and the root cause are recorded after the failure',
  },
  {
    // A graded or inspected item (a fabric roll, a board, a batch) is mended, reworked or scrapped after the grade,
    // because of it; a print run a client rejects is reprinted.
    event: 'a quality grade or inspection result',
    target:
      /(^|_)(grade[sd]?|grading|defects?|defective|rejects?|rejected|qc_\w+|pass_fail|(shade|colour|color|spec|qc|check)_fail\w*|first_quality|hardness\w*|off_spec|out_of_spec|in_spec|spec_\w+|non_?conform\w*|ber|blossom_end_rot)($|_)/,
    // (A piece that misses its hardness spec is reground or re-tempered: the rework time is that answer. Not a share
    // of reground material in a compound, regrind_pct of a vinyl puck, which is an input of the process.)
    after:
      /(^|_)(mend\w*|rework\w*|re_?dye\w*|(days|hours)_to_(dispatch|despatch)\w*|scrap\w*|scrapped|downgrad\w*|credit_notes?|rejection_reason\w*|regrind(?!_(?:pct|percent|share|ratio|frac\w*|content|mix))\w*|reground|re_?temper\w*|re_?heat_treat\w*|remake\w*|remade|re_?prints?|re_?printed|concession\w*|class_ii\w*|second_class\w*|deduct\w*|dockage|auction_price\w*|hammer_price\w*|price_realised|price_realized|realised_price\w*|realized_price\w*)($|_)/,
    // (A lot graded on the auction floor sells at its grade's price: the price realised is that grade's answer. A dye
    // lot whose shade fails is re-dyed before it is dispatched: the days to dispatch count the correction.)
    follows:
      "mending, rework, reprints, scrapping, price deductions and the price a lot fetches at auction follow an item's grading, because of its grade",
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
    // A bowel preparation scored at colonoscopy (the Boston scale): the endoscopist flushes and suctions a poor prep
    // during the very procedure where it is scored.
    event: 'an inadequate bowel preparation',
    target: /(^|_)(inadequate\w*|bbps\w*|boston_bowel\w*|prep_quality|poor_prep|bowel_prep\w*)($|_)/,
    after:
      /(^|_)(irrigat\w*|flush\w*|suction\w*|water_(used|volume)\w*|caecal_intubation\w*|cecal_intubation\w*|withdrawal_time\w*|repeat_colonoscopy\w*)($|_)/,
    follows: 'irrigation and suction are done during the colonoscopy that scores the preparation',
  },
  {
    // A skip or container charged extra for its weight: the weighbridge ticket and the tipping fee by tonne are what
    // the surcharge is computed from, after collection.
    event: 'an overweight surcharge',
    target: /(^|_)(overweight\w*|surcharge[sd]?|excess_weight\w*|over_limit)($|_)/,
    after:
      /(^|_)(tipping_fees?\w*|gate_fees?\w*|weighbridge\w*|tonnage_charged\w*|disposal_fees?\w*|landfill_tax\w*|net_weight_t\w*)($|_)/,
    follows:
      'the weighbridge ticket and the tipping fee are recorded when the load is tipped, after collection',
  },
  {
    // A difficult birth (dystocia, a calving or lambing scored for ease, an assisted delivery): the newborn is weighed
    // and examined at the birth whose ease is predicted.
    event: 'a difficult or assisted birth',
    target:
      /(^|_)(dystocia|calving_ease|lambing_ease|foaling_ease|birth_difficulty|calving_difficulty|assisted_(birth|calving|lambing|delivery)|assisted)($|_)/,
    not: /(^|_)(living|suicide|dying|reproduct\w*|ivf|conception)($|_)/,
    after:
      /(^|_)((calf|lamb|foal|piglet|newborn|neonat\w*)_\w*weight\w*|birth_weight\w*|stillborn|stillbirth\w*|apgar\w*)($|_)/,
    follows: 'the newborn is weighed and scored at the birth whose difficulty is predicted',
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
      /(^|_)(hospitali[sz]ed_days|hospitali[sz]ation_days|days_(in_)?hospital\w*|length_of_stay|los|icu_days|days_in_icu|reoperat\w*|re_?admi\w*|revision\w*|discharge\w*|transfusions?|recheck\w*|revisits?)($|_)/,
    // (Recheck visits in the weeks after a surgery are booked because something went wrong.)
    follows: 'a longer stay, a return to theatre, recheck visits and a readmission follow a complication',
  },
  {
    // A skin reaction to radiotherapy, a rash, an ulcer: dressings and creams are issued once it has appeared
    // (`derm_g2` from the CTCAE grade of radiation dermatitis, abbreviated as oncology data sets do).
    event: 'a skin reaction',
    target: /(^|_)(derm|dermatitis|rash|ulcer\w*|mucositis|skin_toxicit\w*|desquamation)($|_)/,
    after: /(^|_)(dressings?\w*|hydrogel\w*|ointments?|creams?|steroid_cream\w*|wound_care\w*)($|_)/,
    follows: 'dressings and creams are issued for the reaction',
  },
  {
    // A tornado's Enhanced Fujita rating is assigned from the damage survey, with the path's measured length and width.
    event: "a storm's damage rating",
    target: /(^|_)(ef|ef_rating|ef_scale|f_scale|fujita\w*|damage_rating|tornado_rating)($|_)/,
    after: /(^|_)(path_(width|length)\w*|damage\w*|fatalit\w*|injur\w*|deaths?|survey\w*)($|_)/,
    follows: 'the rating comes from the damage survey, which measures the path',
  },
  {
    // Items left at a repair shop, a missed pickup: reminders and storage fees are sent because it was not collected.
    event: 'a collection missed',
    // (A loan never brought back, a wheelchair or a tool: reminder calls are made because it is overdue. A gift voucher
    // left unused: the reminder e-mails go out until it is booked.)
    target:
      /(^|_)(uncollected|not_collected|unclaimed|unused|unredeemed|not_redeemed|never_redeemed|abandon\w*|no_?show\w*|missed_pickup|unreturned|not_returned|never_returned)($|_)/,
    after: /(^|_)(reminders?\w*|chasers?|chase\w*|follow_?ups?|notices?|storage_fees?)($|_)/,
    follows: 'reminders and notices are sent once the item is not collected',
  },
  {
    // An overrun, a delay: the actual duration or cost is what the overrun is measured from, known at the end.
    event: 'an overrun',
    target:
      /(^|_)(overrun\w*|overran|ran_over|over_budget|overbudget|slippage|exceed\w*|late_finish|finished_late)($|_)/,
    // (What the run consumed, read from the vehicle's or machine's log: fuel used, idle time, the hours it ran.)
    after:
      /(^|_)(actual(_\w+)?|fuel_(used|consumed|burn\w*|per_\w+)|(energy|material|labou?r)_used|idle_(minutes|time|hours)|elapsed\w*|invoiced|billed)($|_)/,
    // (What was invoiced, labour_hours_invoiced, is billed at the end for the work the job took.)
    follows:
      'the actual duration and cost, what the job consumed and what was invoiced for it exist once the job is done',
  },
  {
    // A repair's length (a fault job's hours, the time to repair): the labour and parts booked to the job are billed
    // for those hours, once it is closed.
    event: 'a repair’s length',
    target:
      /(^|_)(repair_(hours|time|minutes|days|duration)|time_to_(repair|fix)|hours_to_(repair|fix)|mttr)($|_)/,
    after:
      /(^|_)(labou?r_(cost|charge|charged|billed)\w*|parts_(cost|used|fitted)\w*|job_cost\w*|invoice\w*)($|_)/,
    follows: 'the labour and parts billed to a repair are counted for the hours it took',
  },
  {
    // A clinical trial site's recruitment shortfall: the patients screened are counted over the same recruitment
    // period as those randomised, the screen-failures and consents with them.
    event: 'a recruitment shortfall',
    target: /(^|_)(shortfall\w*|under_?recruit\w*|randomi[sz]ed|recruitment_target_met)($|_)/,
    after:
      /(^|_)((patients|participants|subjects)_screened|screened|screen_?fail\w*|consented\w*|screening_visits?)($|_)/,
    follows:
      'the patients screened and consented are counted over the period whose randomisations the label counts',
  },
  {
    // A sell-out (a train, a show, a sailing at capacity): a waiting list for returns opens, people are turned away.
    event: 'a sell-out',
    target: /(^|_)(sold_out|sell_?outs?|sellouts?|fully_booked|at_capacity|full_house)($|_)/,
    after: /(^|_)(wait_?list\w*|waiting_list\w*|turned_away\w*|returns_queue\w*|standby_list\w*)($|_)/,
    follows: 'a waiting list for returns and the people turned away exist once it is full',
  },
  {
    // A refusal or a grant (a planning application, a permit, a benefit or insurance claim): an appeal is lodged
    // against the decision once it is made — unless the decision predicted is the appeal's own.
    event: 'a decision on an application',
    target: /(^|_)(refus\w*|rejected|denied|denials?|approved|approvals?|granted|decision\w*)($|_)/,
    after:
      // (That an appeal was made, not what it says: appeal_grounds of rows that are appeals are their input.)
      /(^|_)(appealed|has_appeal\w*|appeals?_(lodged|filed|made|submitted|raised|pending|count)|n_appeals|num_appeals|appeal_flag|judicial_review\w*|ombudsman\w*|resubmi\w*)($|_)/,
    not: /(^|_)appeal\w*/,
    follows: 'an appeal is lodged against a decision once it is made',
  },
  {
    // A race not finished: timing mats, splits and checkpoints passed are recorded during the race.
    event: 'a race not finished',
    // (A fell or trail runner who stops at a checkpoint is "retired", RET in the results.)
    // (A randonneur who stops abandons the brevet; the controls stamped on the card are those reached before.)
    target:
      /(^|_)(dnf|did_not_finish|dns|finished|finish_status|retired|retirements?|race_status|abandon\w*)($|_)/,
    after:
      /(^|_)(timing_mats?\w*|mats_crossed|splits?\w*|checkpoints?\w*|laps_completed|distance_covered\w*|finish_time\w*|controls?_(stamped|reached|passed|punched|visited)\w*|stamps_collected)($|_)/,
    follows: 'the splits and checkpoints are recorded during the race',
  },
  {
    // A programme not finished (a course, a training plan, a MOOC): the sessions done over the whole programme count
    // those after the prediction week, and a dropout does none of them (the MOOC dropout task's engagement totals).
    event: 'a dropout from a programme',
    target:
      /(^|_)(dropout|dropped_out|drop_out|did_not_finish|dnf|not_completed|(programme|program|course|plan)_completed|completed_(programme|program|course|plan))($|_)/,
    after:
      /(^|_)((runs|sessions|workouts|lessons|classes|logins|visits|modules|activities|check_?ins|submissions)_(logged_|attended_|completed_|done_)?total|total_(runs|sessions|workouts|lessons|classes|logins|visits|modules|activities|check_?ins|submissions))($|_)/,
    follows:
      'the sessions done over the whole programme are counted to its end, those after dropping out being none',
  },
  {
    // A water-quality excursion (a nitrate or ammonia spike, an algal bloom, low oxygen): the keeper changes water,
    // doses or flushes the system because of the reading, the same day.
    event: 'a water-quality excursion',
    target:
      /(^|_)(nitrate\w*|nitrite\w*|ammonia\w*|algal_bloom|bloom|hypoxi\w*|low_do|do_crash|fish_kill)($|_)/,
    after:
      /(^|_)(water_changes?\w*|water_changed|flush\w*|dosed|dosing\w*|aerat\w*_added|emergency_\w+)($|_)/,
    follows: 'water changes, dosing and flushes answer the reading',
  },
  {
    // A rental returned damaged: the check-in inspection (its length, photos, the repair quote) is made at the return,
    // and the longer it takes the more it found.
    event: 'damage found at a return',
    target: /(^|_)(damage\w*|damaged)($|_)/,
    after:
      /(^|_)(check_?in_\w+|return_inspection\w*|inspection_minutes|repair_(cost|estimate|quote)\w*|repack\w*|re_?wrap\w*|claim_amount\w*|excess_charged\w*|move_?out_\w+|checkout_(cleaning|inspection)\w*|cleaning_(hours|minutes|cost)\w*)($|_)/,
    // (A pallet found damaged at the distribution centre is repacked there: the minutes it took are logged on receipt.)
    // (A student room's move-out inspection and the cleaning it needed are logged as the tenant leaves.)
    follows:
      'the check-in or move-out inspection, the cleaning and the repair quote are made when the vehicle or the room comes back',
  },
  {
    // A borehole drilled dry or productive: the pump test and the water level are measured once it is drilled.
    event: 'a dry hole',
    target: /(^|_)(dry_hole|dry_well|dry_borehole|borehole_fail\w*|productive)($|_)/,
    after:
      /(^|_)(pump_test\w*|tested_yield\w*|yield_lpm|static_water_level\w*|swl|drawdown\w*|water_struck\w*)($|_)/,
    follows: 'the pump test and the water levels are measured in the drilled hole',
  },
  {
    // An item listed for sale: the price it finally fetched is known with the markdowns taken while it waited and the
    // days it took (a house's days on market, a consigned piece's price cuts).
    event: 'a final sale price',
    target:
      /(^|_)(sale_price\w*|sold_price\w*|final_price\w*|selling_price\w*|realised_price|realized_price)($|_)/,
    after:
      /(^|_)(n_markdowns|markdowns?|marked_down|price_cuts?|price_drops?|price_reductions?|days_on_market|days_to_sell|days_to_sale|time_to_sale|sold_date|sale_date|date_sold)($|_)/,
    follows: 'the markdowns taken and the time the item took to sell are known once it sold',
  },
  {
    // Food or stock thrown away after a freshness window: the laps a plate went round, the hours on the shelf, count
    // up to the moment it was taken or binned.
    event: 'a discard or spoilage',
    target: /(^|_)(discard\w*|spoil\w*|spoilt|wasted|waste_flag|binned|expired)($|_)/,
    after:
      /(^|_)(laps\w*|minutes_on_belt|time_on_belt|hours_on_shelf|shelf_hours|time_on_display|display_minutes|disposed\w*|disposal\w*|write_?offs?|written_?off)($|_)/,
    follows:
      'the laps, the time on display and the write-off are counted until the item is taken or thrown away',
  },
  {
    // A merged change reverted or rolled back: the incidents it caused, the hotfixes and the post-mortem are what
    // the revert answers.
    event: 'a revert or rollback',
    target: /(^|_)(revert\w*|rolled_back|rollback\w*)($|_)/,
    after:
      /(^|_)(incidents?|linked_incidents?|incident_\w+|hotfix\w*|post_?mortem\w*|outages?|pages_fired|paged)($|_)/,
    follows: 'the incidents a change causes, the hotfixes and the post-mortem come after it is merged',
  },
  {
    // A let agreed, a tenancy signed after a viewing: the holding deposit is taken once the offer is accepted, the
    // referencing and right-to-rent checks are run on the applicant who goes ahead.
    event: 'a let agreed',
    target: /(^|_)((tenancy|lease|let)_(signed|agreed)|signed_(tenancy|lease)|let_agreed)($|_)/,
    after:
      /(^|_)(holding_deposit\w*|reservation_fee\w*|referencing\w*|reference_checks?|right_to_rent\w*|move_in_date|tenancy_start\w*)($|_)/,
    follows: 'a holding deposit, the referencing and the move-in date come once the let is agreed',
  },
];
