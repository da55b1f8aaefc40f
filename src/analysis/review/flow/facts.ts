/**
 * What the interpreter (interpret.ts) learns about a program and the leakage rules read: origins of rows, values
 * (data, estimators) and the facts of splits, fits, evaluations and cross-validations.
 *
 * Size: one vocabulary — the fact types the interpreter writes and every leakage rule reads, with the few queries
 * over origins they share; splitting it would spread one data model over files that all import each other's types.
 */
import type { Position } from '../types.js';

/**
 * `part`: a hand-made piece (slice, take/skip, sample); `subset`: the rows a boolean mask keeps; `oversampled`: rows
 * with copies (resampling, or a row-wise concatenation of data with a copy of itself); `undersampled`: rows an
 * under-sampler kept (a class-balanced subset: held-out rows cut from it no longer have the real class balance).
 */
export type OriginKind =
  | 'load'
  | 'train'
  | 'test'
  | 'part'
  | 'subset'
  | 'oversampled'
  | 'undersampled'
  | 'shuffled'
  | 'unknown';

export interface Origin {
  id: number;
  kind: OriginKind;
  parents: number[];
  at: Position;
  /** Loop (statement id) the origin was made in, if any. */
  loop: number | undefined;
  /** The function (node id) or module (0) whose code made it. */
  scope: number;
  /** Names it was bound to (`X_val`, `test`): they say which part a hand-made split is. */
  names: Set<string>;
  split?: SplitFact;
  /** For oversampled origins: the resampling call. */
  how?: string;
  /**
   * Rows kept by a mask on one column (`df[df.season.between(2016, 2022)]`): the column, and the bounds when they
   * are constants the analysis knows (absent: some values of the column, which ones not known).
   */
  range?: { column: string; range?: Range; equals?: string };
  /**
   * Rows kept by a comparison of two of their columns that bounds one only from below (`msg[msg.sent_at >=
   * msg.intake_date]`): `column` at or after `from`, every later record kept — no cut of the record's end in time.
   */
  after?: { column: string; from: string };
}

/**
 * The values a mask of constants keeps on one column, as numbers (dates as milliseconds): `lo`/`hi` absent when
 * unbounded on that side, `loIn`/`hiIn` whether the bound itself is kept.
 */
export interface Range {
  lo?: number;
  hi?: number;
  loIn: boolean;
  hiIn: boolean;
}

export interface Taint {
  /** What learnt from the rows: `StandardScaler`, `statistics (mean)`, … */
  by: string;
  fitRows: ReadonlySet<number>;
  at: Position;
  /** For statistics of one column by group (`groupby(k)["y"].transform("sum")`): that column. */
  col?: { frame: number; name: string };
  /** For statistics by group: the grouping columns (a split by one of them keeps each group on one side). */
  groupBy?: string[];
  /**
   * For the rows of each entity counted or summed and given to each of them
   * (`groupby("booking_ref")["bag"].transform("size")`, `groupby("order_id")["kg"].transform("sum")`): an attribute of
   * the entity (bags per booking, an order's total weight), no statistic learnt across entities — but over all of its
   * rows, later ones included.
   */
  entityCount?: boolean;
  /**
   * The columns of a frame the learnt values were written to (`df["age_z"] = (df.age - df.age.mean()) / …`): features
   * that leave them out do not carry it, though the frame does.
   */
  assigned?: { frame: number; names: string[] };
  /**
   * A reduction by group merged back onto the rows on its own keys, unshifted (`daily = s.groupby(["station", "day"])
   * .agg(kwh=("kwh", "sum"))`, `s.merge(daily, on=["station", "day"])`): each row gets its own group's statistic, as
   * with `transform`.
   */
  mergedBack?: boolean;
  /**
   * A reduction by the id of the rows it is merged onto (`bookings.merge(pairs.groupby("booking_id").agg(…),
   * on="booking_id")`): each row's statistic is of its own group only, one group per row — nothing crosses rows.
   */
  ownGroup?: boolean;
  /**
   * A reduction by key of a dated table (`notices.groupby("property_id").agg(n=("notice_id", "count"))` with
   * notice_date parsed as a date), not filtered before it: every record of each key, whenever dated. `after`: the
   * comparisons that kept its records from a date on (see Origin.after) — still every record after it, when that
   * date is the row's own.
   */
  eventLog?: {
    frame: number;
    dates: string[];
    /** Of two keys, the entity's (`tunnel_id` of `["tunnel_id", "crop_cycle"]`); absent for one key. */
    key?: string;
    after?: { column: string; from: string }[];
  };
  /**
   * Learnt from a dated table and joined onto other rows by date (`sightings.merge(table, on=["date", "beach_id"])`
   * of a table whose anomalies are from a climatology over every day): the rows it was joined onto. Each of them gets
   * the statistics' values of its own date, learnt from every date — those of a later test part too.
   */
  joinedOnto?: ReadonlySet<number>;
}

export interface ColsView {
  frame: number;
  /** `slice`: columns by position, `arr[:, start:stop]` (no names; `column` names of `arr[:, k]` are `#k`). */
  mode: 'drop' | 'only' | 'slice';
  names: Set<string>;
  /**
   * Columns of some dtypes only (`select_dtypes("number")`): a column not dropped is kept only if of those types,
   * which the program does not say.
   */
  typed?: boolean;
  /**
   * `only`: these columns and others the program does not name (`NUMERIC + [c for c in df.columns if
   * c.startswith("weekday_")]`): a named column is among the features, an unnamed one may be.
   */
  more?: true;
  /** With `more`: the others' names all start with one of these (`c.startswith("hedge_type_")`). */
  prefixes?: string[];
  start?: number;
  stop?: number;
}

/**
 * A column of a frame that a value is computed from row by row (`df["a"] / df["b"]`, `df["y"].rolling(7).mean()`),
 * and how many rows into the past it is read: `shift(1)` reads the previous row (lag 1); a window without a shift
 * includes the current row (lag 0); `shift(-1)` reads the next one (lag -1). Aggregates over groups are no such
 * dependency (a target mean encoding is preprocessing, not a copy of the row's own target).
 */
export interface ColDep {
  frame: number;
  name: string;
  lag: number;
  /**
   * For a value read at a position of a series (`s[i + k]`, the last position of a window `s[i : i + k]`): that
   * position, as a sum of named terms and a constant. Two reads of one series are comparable when their named terms
   * are the same: the window `s[i : i + k]` ends one step before the label `s[i + k]`.
   */
  pos?: Affine;
  /**
   * Read only as a divisor (`finish_seconds / length_km`): the value is a rate per unit of this column, which says
   * how the other columns are scaled, not what they are.
   */
  divisor?: true;
  /**
   * Read only as the subtracted side of a difference of two columns (`reported_at` in `closed_at - reported_at`): the
   * start of a duration, whose end is the other side.
   */
  subtracted?: true;
}

/** `i + k - 1` as `{ terms: { i: 1, k: 1 }, c: -1 }`. */
export interface Affine {
  terms: Record<string, number>;
  c: number;
}

export interface DataVal {
  kind: 'data';
  rows: Set<number>;
  taints: Taint[];
  /**
   * The result of an as-of join that may attach a later record (`next_cip = pd.merge_asof(df[["rack_id", "day"]],
   * cip_days, …, direction="forward")`): the columns it brings (see Facts.laterAsOf).
   */
  laterCols?: { names: Set<string>; at: Position; how: string };
  /** Dates parsed from text (`pd.to_datetime(df["listed_at"])`): assigned to a column, a column of dates. */
  parsedDates?: true;
  /**
   * A frame made empty (`feat = xr.Dataset()`, `pd.DataFrame()`) and filled column by column: it takes the rows of
   * what is assigned to it (`feat["moisture_z"] = anom["moisture"]`).
   */
  emptyFrame?: true;
  /**
   * Indicator columns made from a column's values (`pd.get_dummies(df["arena"], prefix="arena")`): new columns, none
   * of the frame's own, their names unknown here but for `prefixes` (`arena_`).
   */
  indicators?: { prefixes?: string[]; from: string };
  /** Values computed from such a column (`(next_cip["cip_day"] - df["day"]).dt.days`): where it was joined, how. */
  later?: { at: Position; how: string };
  /** Evidence that the rows are a time series (lag features, datetime index). */
  time?: { at: Position; evidence: string; weak?: boolean };
  /** The frame (data value id) this one's columns come from, and which columns. */
  cols?: ColsView;
  /** A rolling/expanding window: its statistics are per-row features, not statistics of the rows. */
  windowed?: boolean;
  /**
   * A statistic of one moving window (`sig[s : s + WIN].mean(0)`): one row of features; joined with others of the
   * same window (`np.concatenate([w.mean(0), w.std(0)])`) they are that row's columns, not rows twice.
   */
  windowStat?: boolean;
  /** Predictions this value is computed from (`model(x)`, a loss of it): a backward pass through it trains. */
  preds?: PredRef[];
  /** Evaluations this value is a score of (a metric, a loss or an accuracy count on held-out data). */
  evals?: EvalFact[];
  /**
   * A table of results (`pd.DataFrame([{"fold": k, "val_auc": v, "test_auc": t}, …])`): the evaluations behind each
   * of its columns, so that sorting or picking by one column decides by those scores only.
   */
  scoreCols?: Map<string, EvalFact[]>;
  /**
   * A table of results with a column of fitted models (`pd.DataFrame([{"auc": auc, "booster": booster}, …])`): the
   * model of each such column, so the row picked from the table (`res.iloc[0]["booster"]`) is that model again.
   */
  models?: Map<string, EstVal>;
  /** A table of results sorted by a column of scores: cutting its top rows (`head(k)`, `iloc[0]`) picks by them. */
  pickBy?: EvalFact[];
  /** For a loss or a metric of predictions: the labels they were compared with (`loss_fn(net(X), y)`: `y`). */
  against?: DataVal;
  /** Cross-validation or search scores this value is (or is computed from). */
  internal?: InternalScoreFact[];
  /** Columns this value is computed from row by row (see ColDep). */
  deps?: ColDep[];
  /**
   * `deps` are exactly what a function mapped over the rows read to make these values (ds.map(encode) of a Hugging
   * Face dataset), not columns the frame was once built from.
   */
  mappedFrom?: true;
  /**
   * pd.concat([train, test], keys=["train", "test"]): the rows of each key, so `.loc["test"]` of it (or of a frame
   * computed from it row by row) is that part again.
   */
  keyedParts?: Record<string, number[]>;
  /** A tf.data ds.shuffle(n) that reshuffles on every pass (reshuffle_each_iteration not False): where. */
  reshuffled?: Position;
  /** A supervised dataset (`tf.data.Dataset.from_tensor_slices((X, y))`, `TensorDataset(X, y)`, `DMatrix(X, label=y)`). */
  xy?: { x: DataVal; y: DataVal };
  /** A single column of a frame, e.g. `y = df['price']`. */
  column?: { frame: number; name: string };
  /** All columns of the loaded frame (no column dropped or selected yet). */
  whole?: boolean;
  /**
   * The periods after the training series a forecast is made for, when the program does not say which rows they
   * are (`fitted.forecast(12)`): a forecast compared with held-out values is evaluated on those values.
   */
  future?: boolean;
  /**
   * A boolean mask comparing rows with a constant (`df.index < "2016"`, `df["fold"] == k`): which comparison, and
   * whether negated (`~mask`, `>=` for `<`). The rows a mask and its complement keep are two parts of a split.
   */
  mask?: {
    key: string;
    neg: boolean;
    column?: string;
    range?: Range;
    /** Equal to a string (`ledger["visit_type"] == "install"`): that string. */
    equals?: string;
    /**
     * Of such a mask and a range on another column (`(ledger.kind == "withdrawal") & (ledger.posted_on <= SNAPSHOT)`):
     * that range, which the rows kept lie within (the rows' origin records it; the split the first mask may make of
     * the rows is its own).
     */
    within?: { column: string; range: Range };
    /** The constant compared with, when known (`df.index < train_end`, a date bound to a name: in milliseconds). */
    value?: number;
    /**
     * `df["stand_id"].isin(train_stands)` with train_stands a part of a split of the ids (`train_test_split(
     * df["stand_id"].unique())`): that part; the rows it keeps (or, negated, the other part's) are a part of the split.
     */
    ids?: number;
  };
  /** A Hugging Face DatasetDict (`load_dataset("imdb")`): the key of its predefined split (see Interpreter.predefinedPart). */
  splits?: string;
  /**
   * The rows of another table these rows were inner-joined to by a key (`para.merge(tickets[["ticket_id", "queue"]],
   * on="ticket_id")`): they describe those rows' entities, so put after them they are copies of them.
   */
  joined?: {
    rows: Set<number>;
    key: string;
    /** The other table's frame and, when known, the only columns taken from it (`tickets[["customer_id", "created_at"]]`). */
    frame?: number;
    names?: ReadonlySet<string>;
  };
  /**
   * Each item is a stack of several crops of one image (a dataset with a `FiveCrop`/`TenCrop` transform): the crops
   * joined as rows (`torch.cat`) are several rows per image.
   */
  crops?: string;
  /** A Polars expression's output name (`pl.col("y").shift(1).alias("y_lag1")`). */
  alias?: string;
  /**
   * Read from a file named by a value that changes in a loop (`np.load(path)` for each recording, the loop that many
   * iterations of it): one item's array, while that loop runs. A statistic of it is that item's own (a recording
   * centred on its own mean), not one learnt across the rows.
   */
  perItem?: number;
  /** The distinct values of a column (`df["block_id"].unique()`, `np.unique(df["block_id"])`): its name. */
  distinct?: string;
  /**
   * A mask comparing two columns of the same rows in time order (`ev["event_time"] < ev["delinquent_on"]`): each row
   * kept only if its `earlier` column is before its `later` one.
   */
  rowCut?: { earlier: string; later: string; open?: boolean };
  frame: number;
  at: Position;
}

export type Role = 'transformer' | 'model' | 'resampler' | 'search';

export interface EstVal {
  kind: 'est';
  id: number;
  cls: string;
  role: Role;
  at: Position;
  /** `fresh`: a fit that starts over (see `restarts`), so the fits before it no longer count. */
  fits: { rows: Set<number>; at: Position; fresh?: boolean }[];
  /**
   * fit() starts from scratch (scikit-learn estimators, pipelines and searches, and the XGBoost/LightGBM/CatBoost
   * scikit-learn wrappers, unless warm_start=True or given a model to continue): a model fit again later on other
   * rows no longer holds what the earlier fit learnt. Keras models and training loops keep training instead.
   */
  restarts?: boolean;
  /** Made (or bound) inside a loop: a different model each iteration. */
  loop: number | undefined;
  steps: EstVal[];
  earlyStopping: boolean;
  /** A search's cv= splitter. */
  cv?: SplitterVal;
  /** A search's cv= list of (train, test) positions kept by masks: those masks (see the search's fit). */
  cvFolds?: [DataVal, DataVal][];
  /**
   * For a ColumnTransformer: the columns its transformers are given by name, and whether other columns reach the
   * model too (remainder="passthrough", or columns chosen by a selector the program does not name).
   */
  columns?: { names: string[]; rest: boolean };
  /**
   * Held-out data its last fit reported scores on (Keras' validation_data, eval_set): reading the fit's history
   * (`hist.history["val_accuracy"]`, `evals_result()`) reads those scores.
   */
  monitored?: DataVal[];
  /** Data given when the model is made (statsmodels' `OLS(y, X)`, `ols("y ~ a", data=df)`): `.fit()` trains on it. */
  data?: { x: DataVal; y?: DataVal };
  /**
   * A setting learnt from rows before the estimator was made (`TfidfVectorizer(vocabulary=terms)` with the terms
   * chosen by chi² over every labelled text): refitting it in each fold keeps that setting.
   */
  learnt?: { by: string; rows: Set<number>; at: Position };
  /**
   * Learns nothing from the rows it is fit on: every setting it would learn is written out
   * (`OrdinalEncoder(categories=[["I", "II", "III"]])`, `CountVectorizer(vocabulary=["mild", "hot"])`).
   */
  fixed?: boolean;
  /**
   * A prefit threshold tuner (`TunedThresholdClassifierCV(clf, cv="prefit")`): the classifier whose decision
   * threshold its fit() chooses; it predicts as that classifier.
   */
  thresholdOf?: EstVal;
}

export interface PredVal {
  kind: 'pred';
  /** One forward pass or predict call (the same pass seen through losses and arithmetic). */
  id: number;
  model: EstVal;
  data: DataVal;
  /**
   * How many fits the model had when it predicted: `y2 = model.fit(X1, y1).predict(X2)` then
   * `model.fit(X2, y2)` — y2 is the first fit's prediction, whenever it is scored.
   */
  fits?: number;
}
export type PredRef = PredVal;
export interface IndexVal {
  kind: 'index';
  origin: number;
}
export interface IndexOfVal {
  kind: 'indexof';
  data: DataVal;
}
export interface StatVal {
  kind: 'stat';
  rows: Set<number>;
  by: string;
  at: Position;
}
export interface ModuleVal {
  kind: 'module';
  name: string;
}
export interface TupleVal {
  kind: 'tuple';
  items: (Val | undefined)[];
  /** `slice(2001, 2017)` kept in a name: its bounds (as constantValue reads them; absent for None). */
  slice?: { lo?: number; hi?: number };
}
export interface CollVal {
  kind: 'coll';
  items: Val[];
  /** For a dict with string keys (`{"train": train_dl, "val": val_dl}`): the key of each item. */
  keys?: (string | undefined)[];
}
export interface SplitterVal {
  kind: 'splitter';
  cls: string;
  shuffle: boolean;
  at: Position;
  /** TimeSeriesSplit(gap=k): rows left out between each training part and its test part (0 when not given). */
  gap?: number;
}
export interface GroupVal {
  kind: 'group';
  data: DataVal;
  /** The grouping columns, when named (`groupby(["store", "week"])`). */
  keys?: string[];
}
export interface ClassVal {
  kind: 'class';
  name: string;
  torch: boolean;
  /** Methods by name (their definitions' node ids). */
  methods: Map<string, number>;
  /** A @dataclass or NamedTuple without its own __init__: its annotated fields, in order (the constructor's arguments). */
  fields?: string[];
  /**
   * A @dataclass's field defaults (`params: dict = field(default_factory=lambda: {"depth": 6})`, `seed: int = 0`):
   * what a field not given to the constructor holds.
   */
  defaults?: Map<string, Val>;
  /** Class attributes set in its body (`categorical = ["a", "b"]`), read through an instance (`self.categorical`). */
  attrs?: Map<string, Val>;
}
/**
 * An instance of a user class: its attributes (`self.X = …`) and methods run with `self` bound to it, so a Dataset
 * wrapper, a feature builder or a threshold tuner acts on the caller's data.
 */
export interface ObjVal {
  kind: 'obj';
  cls: ClassVal;
  attrs: Map<string, Val>;
  /** What iterating or indexing it gives (`__getitem__`'s result), once computed. */
  items?: DataVal | null;
  /** A hand-written model (its class has fit and predict): the model its fit() trains, once fit. */
  model?: EstVal;
}
/** A user-defined function (its definition's node id): calls to it are interpreted with their arguments. */
export interface FuncVal {
  kind: 'func';
  name: string;
  id: number;
  /**
   * One of several model factories iterated (`for name, make in CANDIDATES.items()` over `{"ridge": lambda: Ridge(),
   * …}`): what a call gives, one of their models, made anew each iteration (see bindIteration).
   */
  made?: EstVal;
}
/** String literals (`"price"`, `["age", "fare"]`), so that `df[TARGET]` and `df[NUMERIC]` name their columns. */
export interface StrsVal {
  kind: 'strs';
  values: string[];
  /** A list of names (`["a"]`) rather than one name (`"a"`). */
  list: boolean;
  /**
   * Column names the program computes from a frame's columns without naming them all (`[c for c in df.columns if
   * c.startswith("px_")]`, `df.columns.drop("y")`): `drop` when it is every column but those, else an unknown subset.
   */
  /** `frame`: the frame whose columns they are (`wfeat.columns` applied to `df` after a merge is a subset of df's). */
  /**
   * `prefixes`: an unknown subset whose names all start with one of these (`c.startswith("region_")`, the columns
   * get_dummies made with that prefix).
   */
  /** `from`: the column an unknown subset was made from (get_dummies' indicators of `arena`). */
  partial?: { drop?: string[]; typed?: boolean; frame?: number; prefixes?: string[]; from?: string };
}
/**
 * A training loop a library runs (Lightning's or Hugging Face's Trainer): what it trains on, what it validates on,
 * and whether that validation chooses (early stopping, keeping the best checkpoint).
 */
export interface TrainerVal {
  kind: 'trainer';
  stopping: boolean;
  model?: EstVal;
  train?: DataVal;
  eval?: DataVal;
}
/** A number literal (`num_classes = 10`): no rows. */
export interface NumVal {
  kind: 'num';
  value: number;
  /** The values it takes, when it is one of a few known ones (`for lag in (1, 7, 28)`). */
  values?: number[];
  /** The size of this data (`len(X)`): an index made from it (`range(len(X))`, `randperm(len(X))`) is of its rows. */
  of?: DataVal;
}
/** A boolean literal (`train=False`), for the branches that depend on one. */
export interface ConstVal {
  kind: 'const';
  value: boolean;
  /** `None` given to a function's parameter (by default or by the caller): `opt is None` is then known. */
  none?: true;
}

export type Val =
  | DataVal
  | EstVal
  | PredVal
  | IndexVal
  | IndexOfVal
  | StatVal
  | ModuleVal
  | TupleVal
  | CollVal
  | SplitterVal
  | GroupVal
  | ClassVal
  | ObjVal
  | FuncVal
  | StrsVal
  | TrainerVal
  | ConstVal
  | NumVal;

export interface SplitFact {
  id: number;
  fn: string;
  at: Position;
  source: DataVal;
  train: number;
  test: number;
  /** False when the call turns shuffling off (`shuffle=False`) or the splitter keeps order. */
  shuffled: boolean;
  /** For a split by a mask on one column (`df[df.week <= 120]`, `df[df.week > 120]`): that column. */
  by?: string;
  /**
   * train_test_split(X, y, specimen) with an array of the rows' entity ids split beside them (a column the program
   * counts as ids, `df["specimen_id"].nunique()`): that id, the rows being several per entity and split row by row.
   */
  ids?: string;
  /** `kf.split(X, y, groups)` with a splitter that ignores groups (see CvFact.ignoredGroups): its name. */
  ignoredGroups?: string;
  /**
   * The split divides the distinct values of this column (`train_test_split(df["block_id"].unique())`), not rows:
   * each id's rows then go to one side (`df[df["block_id"].isin(train_blocks)]`), a split by group.
   */
  distinct?: string;
  /** The column a group splitter keeps whole (`GroupShuffleSplit(…).split(X, y, groups=df["match_id"])`). */
  groups?: string;
  /**
   * The parts meet, in time order, with no gap between them: one cutoff for both (`df[df.date < CUTOFF]`,
   * `df[df.date >= CUTOFF]`) or train_test_split(…, shuffle=False); not two cutoffs (`CUTOFF - HORIZON` for the
   * training part). TimeSeriesSplit's folds too, each training part ending `gap` rows before its test part.
   */
  sameCut?: true;
  /** Rows left out between the training and the test part (TimeSeriesSplit(gap=…)): a label that far ahead is fine. */
  gap?: number;
  /**
   * The parts are cut at one value on two columns (`df[df.booked_at < CUTOFF]`, `df[df.starts_at >= CUTOFF]`): the
   * training part's column and the test part's.
   */
  crossCut?: { train: string; test: string };
  /**
   * A cut by position (`df.iloc[:n]`, `df.iloc[n:]`), recorded for the label's horizon alone: its parts are not
   * linked to it (they stay the parts they were to the other rules).
   */
  position?: true;
  /** train_test_split's other arrays' frames, when not the first's (y = meta["label"] beside X from an array). */
  frames?: number[];
}

export interface TrainFact {
  model: EstVal;
  x: DataVal;
  y: DataVal | undefined;
  at: Position;
  /** Loops the training is in (innermost last): a model trained in a loop changes every iteration. */
  loops: number[];
  /** The column definitions when the model was trained: a later cell may define the same column again. */
  columnDefs?: Facts['columnDefs'];
}

export interface EvalFact {
  model: EstVal;
  data: DataVal;
  at: Position;
  /** `score`/`evaluate`/a metric; early stopping and monitoring (eval_set, validation_data) also choose. */
  how: 'score' | 'metric' | 'early-stopping';
  /** Loops the evaluation is in (innermost last). */
  loops: number[];
  /** The model's fits made before this evaluation. */
  fitsBefore: { rows: Set<number>; at: Position }[];
  /** Where the score decides something: a branch (keep this state, stop now), or picking the best of several. */
  decides?: Position;
  /**
   * A residual (`np.log(out[col]) - ref.predict(out)`) written to a named column of a frame of rows: a feature made
   * of a model's predictions (a z-score against a reference equation), not a score anything is chosen by.
   */
  written?: true;
  /** The forward pass evaluated; an evaluation of a pass that is then back-propagated is a training step. */
  pred?: number;
  /** One score of several models' predictions together (a blend scored by one metric call): the call's id. */
  joint?: number;
  /** A score at every threshold (`precision_recall_curve`, `roc_curve`): picking from it chooses a setting. */
  sweep?: boolean;
  /**
   * The loop (statement id) in which the score, computed once before it, is compared with each setting the loop
   * tries (`abs_err = np.abs(y_test - pred)`, then `for k in grid: if np.mean(abs_err <= k * mad) >= 0.9: break`):
   * a score per setting, as if it were recomputed in the loop.
   */
  perSetting?: number;
}

export interface CvFact {
  fn: string;
  est: EstVal | undefined;
  data: DataVal;
  /** The labels given (`cross_val_score(model, X, y)`). */
  y?: DataVal;
  at: Position;
  cv: Val | undefined;
  cvText: string | undefined;
  /** The column given as `groups=` (each group kept in one fold by a group splitter). */
  groups?: string;
  /**
   * `groups=` given to a split that ignores it (KFold, StratifiedKFold, ShuffleSplit, or `cv=5` and the default
   * folds): the splitter's name. scikit-learn uses groups only with a Group* splitter, so each group's rows still
   * fall on both sides of every fold.
   */
  ignoredGroups?: string;
  /** The column definitions when it ran (see TrainFact.columnDefs). */
  columnDefs?: Facts['columnDefs'];
}

/**
 * A score computed inside cross-validation or a search, on the training data's own folds: `cross_val_score(...)`,
 * a search's `best_score_`. Honest for one model; the best of several (or a search's best) is biased upwards.
 */
export interface InternalScoreFact {
  /** `cv`: a cross-validation's scores; `search`: a search's best score (`best_score_`), already the best of many. */
  how: 'cv' | 'search';
  model: EstVal | undefined;
  data: DataVal | undefined;
  /** The rows the score was computed on (the cross-validated data, the search's fit). */
  rows?: ReadonlySet<number>;
  at: Position;
  /** Loops it was computed in (innermost last). */
  loops: number[];
  /** Where the score picks among models or settings (`max(scores)`, a branch on it). */
  decides?: Position;
}

export interface TransformerFitFact {
  est: EstVal;
  data: DataVal;
  at: Position;
}

export interface Facts {
  origins: Map<number, Origin>;
  splits: SplitFact[];
  trainings: TrainFact[];
  evals: EvalFact[];
  cvs: CvFact[];
  /** Scores of cross-validation and searches on the training folds (see InternalScoreFact). */
  internalScores: InternalScoreFact[];
  /** Loops that iterate over data (batches of a loader, rows of a frame), not over settings or models. */
  batchLoops: Set<number>;
  transformerFits: TransformerFitFact[];
  /** The program groups rows somewhere (a `groups=` argument, a Group* splitter). */
  usesGroups: boolean;
  /** Column names a frame is used with (selected, dropped, read, assigned), by frame. */
  frameColumns: Map<number, Set<string>>;
  /**
   * Key columns a frame has several rows per value of, by frame: the key of a many-to-one merge
   * (`persons.merge(households, on="household_id", validate="many_to_one")`: several persons per household).
   */
  groupKeys?: Map<number, Set<string>>;
  /**
   * Id columns of a frame whose distinct values the program counts, lists or groups by (`df["pack_id"].nunique()`,
   * `len(set(ds["pet_id"]))`, `df.groupby("student_id").size()`), by frame: it treats the rows as several per id.
   * Weaker than groupKeys (a panel of stores split by date is right): only a shuffled split is judged by them.
   */
  countedKeys?: Map<number, Set<string>>;
  /**
   * Id columns each of whose values the program treats as a series of rows (`g = df.groupby("batch_id")`,
   * `g["ph"].diff()`, `g["ph"].transform("first")`), by frame: several ordered rows per id, whatever the id's name
   * (`batch_id` here is a production batch, not a minibatch). Judged as countedKeys.
   */
  seriesKeys?: Map<number, Set<string>>;
  /** Id columns the program drops from a frame (`df.drop(columns=["student_id", "y"])`), by frame: not features. */
  droppedIds?: Map<number, Set<string>>;
  /**
   * Columns a frame is indexed by alone (`active.set_index("donor_id")`), by frame: the program keys its rows by
   * them, one row per value (a register of donors, not their gifts).
   */
  indexKeys?: Map<number, Set<string>>;
  /**
   * Foreign keys of a frame, by frame: the key of a merge that names the other table's entity, not this one's
   * (`lines.merge(claims[["claim_id", "is_fraud"]], on="claim_id")`: several lines per claim), with the columns
   * that table brings (its selected columns, else its frame's). A label among them is the entity's, repeated on its
   * rows.
   */
  foreignKeys?: Map<number, { key: string; frame: number; names?: Set<string> }[]>;
  /**
   * Tables merged into a frame on a key (`lots.merge(ring[["lot_id", "sold", "commission_paid"]], on="lot_id")`), by
   * frame: the other table's frame and the columns it brings (its selected columns, else its frame's); `keys` when
   * merged on several (`on=["race_id", "bib"]`, `key` the first).
   */
  merges?: Map<number, { key: string; keys?: string[]; frame: number; names?: Set<string> }[]>;
  /**
   * Columns that are a calendar period (day, week, month) of a time column (`s["day"] = s["ts"].dt.normalize()`,
   * `.dt.date`, `.dt.to_period("W").dt.start_time`), by frame: column → the time column. Groups by the period are
   * whole on one side of a split of that time column at a period's start.
   */
  periodKeys?: Map<number, Map<string, string>>;
  /**
   * The rows put in random order (`df.sample(frac=1)`, `sklearn.utils.shuffle`, `rng.permutation(len(df))`), with
   * the time-order evidence of the data at that point: cut into parts afterwards, they are split at random.
   */
  shuffles: { origin: number; at: Position; how: string; time?: DataVal['time'] }[];
  /**
   * Data loaders made (`DataLoader(train_set, batch_size=64, shuffle=True)`): the batches a program trains or evaluates
   * on, even where the training itself is not in the program (or not followed).
   */
  loaders?: { data: DataVal; at: Position }[];
  /** drop_duplicates() calls, with the rows they deduplicate. */
  dedups: { rows: Set<number>; at: Position }[];
  /** `fit`/`fit_transform` calls of the program's own classes (`prep.fit_transform(test_df)`), with the rows given. */
  userFits?: { cls: string; rows: Set<number>; at: Position }[];
  /** Every prediction (`model.predict(test)`, a forward pass), scored or not, and where it was made. */
  predictions?: { pred: PredVal; at: Position }[];
  /** Columns assigned to each frame (`df["ratio"] = …`, `assign(ratio=…)`), with what they are computed from. */
  columnDefs: Map<number, Map<string, { deps: ColDep[]; at: Position }>>;
  /** The data set a frame was loaded from, when named (`fetch_openml("titanic")`, `read_csv("titanic.csv")`). */
  frameSources: Map<number, string>;
  /** Columns a loader parsed as dates (`read_csv(…, parse_dates=["notice_date"])`), by frame: a dated table. */
  datedColumns?: Map<number, Set<string>>;
  /**
   * Frames whose rows were kept by a comparison of two of their columns in time order (see DataVal.rowCut), by
   * frame: an event log merged with each row's own date and cut at it (`ev[ev.event_time < ev.delinquent_on]`).
   */
  rowCuts?: Map<number, { earlier: string; later: string }[]>;
  /**
   * Two time columns of a frame the program takes one from the other (`df["starts_at"] - df["booked_at"]`, a lead
   * time): the one subtracted comes first in each row.
   */
  timeOrder?: { frame: number; earlier: string; later: string }[];
  /**
   * As-of joins that may attach a later record (`samples.join_asof(advisories, …, strategy="nearest")`,
   * `pd.merge_asof(…, direction="forward")`), by the left frame: the columns the right table brings (when known).
   */
  laterAsOf?: { frame: number; names: Set<string>; at: Position; how: string }[];
  /** Names of imported modules by alias (`np` → `numpy`), for the syntactic rules. */
  imports: Map<string, string>;
}

/** Strict ancestors of an origin (what it was split or sampled from). */
/**
 * Whether a view's columns may hold `name`: named among them, or among the others it keeps without naming them (any
 * name, or one starting with a prefix they were picked by).
 */
export function mayHold(cols: ColsView, name: string): boolean {
  if (cols.names.has(name)) return true;
  return !!cols.more && (!cols.prefixes || cols.prefixes.some((p) => name.startsWith(p)));
}

export function ancestors(facts: Facts, id: number): Set<number> {
  const out = new Set<number>();
  const stack = [...(facts.origins.get(id)?.parents ?? [])];
  while (stack.length) {
    const o = stack.pop()!;
    if (out.has(o)) continue;
    out.add(o);
    stack.push(...(facts.origins.get(o)?.parents ?? []));
  }
  return out;
}
