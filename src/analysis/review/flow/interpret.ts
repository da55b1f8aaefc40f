/**
 * The data-flow facts of one Python program (a file, or a notebook's cells joined in execution order): an abstract
 * interpretation of each scope, statement by statement, that follows data frames and arrays from where they are
 * loaded through transformations, splits, fits and evaluations. Rows are followed as *origins*: a load makes one; a
 * split makes a train and a test origin whose parent is what was split; fit statistics remember the origins they
 * were computed on. Leakage rules then ask questions of these facts (did statistics of test rows reach training
 * data? was one test origin used to pick among models?) instead of matching text.
 *
 * Module-level code (notebook cells included) is one flow. A call to a function defined in the program is
 * interpreted where it is made, its parameters bound to the arguments (a context-sensitive summary: what the helper
 * fits, splits, resamples or evaluates happens to the caller's data, and its return value carries it back); functions
 * never called are interpreted on their own afterwards, their parameters unknown. Branches are taken in sequence
 * unless a boolean literal decides them (`train=False`); loop bodies once, with what they create marked as varying
 * per iteration.
 *
 * PyTorch-style training is recognised by data flow: a forward pass (`model(x)`) whose result reaches
 * `.backward()` trains the model on x; a forward pass compared with labels or given to a loss or metric, and never
 * back-propagated, evaluates it. Scores carry the evaluations they come from, so that a branch on a score (keep the
 * best epoch, stop early) or picking the best of several scores is known to decide.
 *
 * Size: the interpreter is one class of ~3,000 lines on purpose. Its statement and expression transfer functions are
 * mutually recursive over one scope state (a call evaluates arguments, which may be lambdas, comprehensions or calls);
 * split by syntax kind, every part would import every other. The facts it produces are in facts.ts, the API tables
 * it consults in apis.ts, the rules that read the facts in ../rules/.
 */
import type { Node } from 'web-tree-sitter';
import type { Position } from '../types.js';
import {
  CHOOSERS,
  CV_FUNCTIONS,
  DATEISH,
  isDatasetClass,
  isModelClass,
  isModelFactory,
  LEARNING_TRANSFORMERS,
  LOADER_FUNCTIONS,
  METRICS,
  OVERSAMPLERS,
  PIPELINES,
  ROW_CONCAT,
  restartsOnFit,
  SCORING_CALL,
  SEARCHES,
  SPLITTERS,
  STATISTICS,
  TIME_OPS,
  UNDERSAMPLERS,
} from './apis.js';
import type {
  Affine,
  ColDep,
  CollVal,
  ConstVal,
  DataVal,
  EstVal,
  EvalFact,
  Facts,
  FuncVal,
  GroupVal,
  IndexOfVal,
  InternalScoreFact,
  NumVal,
  ObjVal,
  Origin,
  OriginKind,
  PredVal,
  Role,
  SplitFact,
  SplitterVal,
  StatVal,
  StrsVal,
  Taint,
  TrainerVal,
  TupleVal,
  Val,
} from './facts.js';
import { ancestors } from './facts.js';
import { intersectRanges, rangeOf } from './range.js';
import { comprehensionNames, functionNames, Scope, type ScopeNames } from './scopes.js';

const posOf = (n: Node): Position => ({
  line: n.startPosition.row + 1,
  column: n.startPosition.column + 1,
  endLine: n.endPosition.row + 1,
  endColumn: n.endPosition.column + 1,
});

const last = (qname: string) => qname.slice(qname.lastIndexOf('.') + 1);
/** The frame of a Polars expression (`pl.col("y")`) until it is given to one (see Interpreter.polarsColumns). */
const POLARS_FRAME = -1;

/** The keys of a dict whose keys are all strings (`{"bmi": "bmi", "metformin_prescribed": "metformin"}`). */
function dictKeys(v: CollVal): string[] | undefined {
  const keys = v.keys;
  if (!keys || keys.length === 0 || keys.length !== v.items.length) return undefined;
  return keys.every((k): k is string => k !== undefined) ? keys : undefined;
}

const stringValue = (n: Node | null | undefined): string | undefined => {
  // ("y ~ a" " + b"): adjacent literals are one string.
  if (n?.type === 'parenthesized_expression') return stringValue(n.namedChildren[0]);
  if (n?.type === 'concatenated_string') {
    const parts = n.namedChildren.map((c) => stringValue(c));
    return parts.every((p) => p !== undefined) ? parts.join('') : undefined;
  }
  if (n?.type !== 'string') return undefined;
  if (n.namedChildren.some((c) => c?.type === 'interpolation')) return undefined;
  const content = n.namedChildren.filter((c) => c?.type === 'string_content');
  return content.length === 1 ? content[0]!.text : n.namedChildren.length === 2 ? '' : undefined;
};

const stringList = (n: Node | null | undefined): string[] | undefined => {
  if (!n) return undefined;
  const one = stringValue(n);
  if (one !== undefined) return [one];
  if (n.type === 'list' || n.type === 'tuple') {
    // (Comments between the items, `# build record`, are no items.)
    const out = n.namedChildren.filter((c) => c?.type !== 'comment').map((c) => stringValue(c));
    return out.every((s) => s !== undefined) ? (out as string[]) : undefined;
  }
  return undefined;
};

/** Well-known data sets whose rows are observations over time (statsmodels, OpenML, seaborn). */
const TIME_SERIES_DATASETS =
  /^(sunspots|co2|elnino|macrodata|nile|Bike_Sharing_Demand|bike_sharing|electricity|flights|AirPassengers|airline_passengers|daily_min_temperatures)$/i;

/** Keys of a catalogue of materials or products (a lot, a SKU, a recipe): looked up by many rows, not their entity. */
const CATALOGUE_KEY =
  /(^|_)(lot|lots|sku|product|item|supplier|vendor|recipe|brand|material|catalog|catalogue|grade|type|category|model|variety|cultivar)(_?(id|code|no|num|number|key|name))?$/i;

/** Outlier detectors: rows they keep are chosen by what they learnt from the rows they were fit on. */
const OUTLIER_DETECTORS = new Set([
  'IsolationForest',
  'LocalOutlierFactor',
  'OneClassSVM',
  'EllipticEnvelope',
]);
/** Attributes of a fitted model learnt from its rows (feature selection by them reuses those rows). */
const LEARNT_ATTRS =
  /^(coef_|feature_importances_|support_|ranking_|scores_|pvalues_|components_|params|pvalues|tree_|bin_edges_|cluster_centers_|quantiles_|statistics_|mean_|scale_|var_|center_)$/;

/**
 * Transformers whose output has the columns of their input (scalers, imputers one for one; encoders and a
 * ColumnTransformer column by column, one-hot widening each): which stay known.
 */
const COLUMNWISE =
  /^(StandardScaler|MinMaxScaler|RobustScaler|MaxAbsScaler|SimpleImputer|KNNImputer|IterativeImputer|PowerTransformer|QuantileTransformer|OneHotEncoder|OrdinalEncoder|ColumnTransformer|make_column_transformer)$/;

/** KerasTuner's tuners (keras_tuner.RandomSearch, …): .search() trains candidates and scores them on validation_data. */
/**
 * Whether a method call is made on rows in reverse order: its receiver is `s[::-1]` (or Polars' `reverse()`), directly
 * or through the shifts and windows applied to it since (`s[::-1].shift(1).rolling(14)`).
 */
function reversedRows(call: Node): boolean {
  let obj = call.childForFieldName('function')?.childForFieldName('object');
  while (
    obj?.type === 'call' &&
    /^(shift|rolling|rolling_(sum|mean|max|min)|sum|mean|max|min|fillna|astype)$/.test(
      obj.childForFieldName('function')?.childForFieldName('attribute')?.text ?? '',
    )
  )
    obj = obj.childForFieldName('function')?.childForFieldName('object');
  return (
    (obj?.type === 'call' &&
      obj.childForFieldName('function')?.childForFieldName('attribute')?.text === 'reverse') ||
    (obj?.type === 'subscript' && /\[\s*::\s*-1\s*\]$/.test(obj.text))
  );
}

/** `shift`'s settings other than how far (pandas, Polars, xarray); any other keyword names an xarray dimension. */
const SHIFT_SETTINGS = new Set(['periods', 'n', 'freq', 'axis', 'fill_value', 'suffix', 'shifts']);
const TUNERS = new Set(['RandomSearch', 'Hyperband', 'BayesianOptimization', 'GridSearch', 'SklearnTuner']);

const STOPPING =
  /early_stopping|EarlyStopping|ModelCheckpoint|ReduceLROnPlateau|load_best_model_at_end\s*=\s*True/;
/** Early-stopping helpers by name (`early_stopping(val_loss, model)`, `stopper.early_stop(loss)`). */
const STOPPER_CALL = /early_?stop|stopper/i;
/** `None` given to a parameter (see ConstVal.none). */
const NONE: ConstVal = { kind: 'const', value: false, none: true };
/** Methods that give the same values in another type or shape (a window stays that window). */
const SAME_VALUES =
  /^(astype|copy|to_numpy|numpy|reshape|squeeze|unsqueeze|flatten|ravel|float|double|clone|detach|cpu|transpose)$/;
/** Keywords of Hugging Face's Dataset.map that configure it and carry no rows. */
const HF_MAP_KEYWORD =
  /^(remove_columns|input_columns|batched|batch_size|num_proc|desc|load_from_cache_file|keep_in_memory|with_indices|with_rank|drop_last_batch|writer_batch_size|features|disable_nullable|fn_kwargs|new_fingerprint)$/;
/** Methods of a Hugging Face DatasetDict that apply to each of its parts. */
const HF_DICT_METHOD =
  /^(map|filter|remove_columns|rename_column|rename_columns|select_columns|cast_column|with_format|set_format|shuffle|flatten)$/;
/** A column named as a point in time (`booked_at`, `starts_at`, `visit_date`, `ts`, `end_time`). */
const TIME_NAME = /(^|_)(at|on|date|time|ts|timestamp|datetime|dt)$|^(date|time|ts|timestamp|datetime)(_|$)/i;
/** A key naming a period of the calendar (`season`, `year`, `week_no`): a grouping by time, not an entity's own. */
const PERIOD_KEY = /(^|_)(season|year|yr|month|week|quarter|period|day|date|hour)s?($|_)/i;
/** The keys of a DatasetDict's parts. */
const HF_PART = /^(train|test|validation|valid|dev|eval|unsupervised)$/i;
/** The file a checkpoint callback writes: `ModelCheckpoint("best.keras")`, `ModelCheckpoint(filepath="m.h5")`. */
const CHECKPOINT =
  /ModelCheckpoint\(\s*(?:[^()]*?\bfilepath\s*=\s*)?(?:["']([^"']+)["']|([A-Za-z_]\w*)\s*[,)])/;

/**
 * Columns naming a person (or animal) of a study, by themselves: `subject`, `patient`, `participant_id`; not a bare
 * plural (`patients`, `donors`: a count per row, as in `patients / beds`).
 */
const PERSON_KEY =
  /^(subject|patient|participant|speaker|person|individual|donor|animal|mouse|volunteer)(s?_?(id|no|num|number|code|key|name))?$/i;

/**
 * An id column (`pack_id`, `runner_id`, `pet_id`): what several rows may belong to. Not the label's own codes nor a
 * row's own number (`class_id`, `row_id`, `sample_id`). Also the registers' own numbers that name no "id": a vessel's
 * MMSI or IMO number, a vehicle's VIN, an aircraft's ICAO 24-bit address, a property's UPRN, a patient's MRN.
 */
const ENTITY_ID =
  /^(?!(class|label|target|type|category|cluster|fold|split|set|batch|row|index|part|sample|line)_?id$)[a-z][a-z0-9_]*?_?id$|^(mmsi|imo|vin|icao24|uprn|mrn)$/i;

/**
 * A register's number that names no "id" (`catalogue_no`, `case_number`, `lot_ref`), counted (`nunique()`): as many
 * things as the number says, each several rows ("{n} photos of {catalogue_no.nunique()} specimens"). Codes and keys are
 * left out (a postcode or a country code is shared by unrelated rows), and a row's own number (`row_no`, `line_no`).
 */
const COUNTED_NUMBER =
  /^(?!(class|label|target|type|category|cluster|fold|split|set|batch|row|index|part|line|page|seq|sequence|version)_?(no|num|number|ref)$)[a-z][a-z0-9_]*?_(no|num|number|ref)$/i;

/** A key column's name (`booking_id`, `lot_no`, `case_ref`) and what it names (`booking`). */
const KEY_NAME = /^(.*[a-z])_?(id|no|num|number|code|key|ref)$/i;

/** Keywords of a supervised dataset's constructor that hold one value per row (DMatrix, lgb.Dataset, Pool). */
const ROW_KEYWORDS =
  /^(data|label|labels|weight|weights|base_margin|init_score|baseline|group|qid|label_lower_bound|label_upper_bound|pairs|pairs_weight|timestamp|subgroup_id|group_id|group_weight)$/;

const BUILTINS = new Set([
  'print',
  'len',
  'range',
  'list',
  'dict',
  'set',
  'tuple',
  'str',
  'int',
  'float',
  'bool',
  'zip',
  'enumerate',
  'sorted',
  'min',
  'max',
  'sum',
  'abs',
  'round',
  'open',
  'type',
  'isinstance',
  'map',
  'filter',
  'self',
  'cls',
  'None',
  'True',
  'False',
  'super',
  'object',
  'Exception',
  'ValueError',
  'display',
  'np',
  'pd',
  'plt',
  'sns',
]);

interface Args {
  pos: Node[];
  kw: Map<string, Node>;
  /** `f(*xy)` as the only positional argument: the iterable spread into the positions. */
  splat?: Node;
}

/** The values a number takes, when known (a literal, or one of a few: `for lag in (1, 7)`). */
function nums(v: Val | undefined): number[] | undefined {
  if (v?.kind !== 'num') return undefined;
  if (v.values) return v.values;
  return Number.isFinite(v.value) ? [v.value] : undefined;
}

/** A number that is one of `values` (unknown when there are none, or too many to follow). */
function numOf(values: number[] | undefined): Val {
  const vs = values && values.length > 0 && values.length <= 16 ? [...new Set(values)] : undefined;
  if (vs?.length === 1) return { kind: 'num', value: vs[0]! };
  return vs ? { kind: 'num', value: Number.NaN, values: vs } : { kind: 'num', value: Number.NaN };
}

/** `a op b` for every pair of known values (+, -, *, //, %, **). */
function arithmetic(op: string | undefined, a: number[] | undefined, b: number[] | undefined): Val {
  if (!a || !b || a.length * b.length > 16) return { kind: 'num', value: Number.NaN };
  const f: Record<string, (x: number, y: number) => number> = {
    '+': (x, y) => x + y,
    '-': (x, y) => x - y,
    '*': (x, y) => x * y,
    '/': (x, y) => x / y,
    '//': (x, y) => Math.floor(x / y),
    '%': (x, y) => x % y,
    '**': (x, y) => x ** y,
  };
  const g = op ? f[op] : undefined;
  if (!g) return { kind: 'num', value: Number.NaN };
  return numOf(a.flatMap((x) => b.map((y) => g(x, y))).filter((x) => Number.isFinite(x)));
}

/**
 * Time evidence, the stronger kept: a parsed date column alone is weak (a table of store-days with a date is not a
 * forecast; its rows may be split at random); lag features, a date index or order, windows are strong.
 */
const strongest = (a: DataVal['time'], b: DataVal['time']): DataVal['time'] =>
  !a || (a.weak && b && !b.weak) ? b : a;

const sameTerms = (a: Affine, b: Affine) => {
  const ka = Object.keys(a.terms).filter((k) => a.terms[k] !== 0);
  const kb = Object.keys(b.terms).filter((k) => b.terms[k] !== 0);
  return ka.length === kb.length && ka.every((k) => a.terms[k] === b.terms[k]);
};

/** Dependencies read at a position (those already read at one keep theirs). */
const atPosition = (deps: ColDep[] | undefined, pos: Affine): ColDep[] | undefined =>
  deps?.map((d) => (d.pos ? d : { ...d, pos }));

/**
 * The axis a reduction runs over (`axis=`, `dim=` or the first positional argument of a method): `rows` for axis 0
 * (over the rows, one value per column), `row-wise` for axis 1 or -1 (over each row's columns), undefined otherwise.
 */
function reduceAxis(n: Node | undefined): 'rows' | 'row-wise' | undefined {
  const t = n?.text.replace(/\s/g, '');
  if (t === '0' || t === "'index'" || t === '"index"') return 'rows';
  if (t === '1' || t === '-1' || t === "'columns'" || t === '"columns"') return 'row-wise';
  // axis=(1,), axis=(1, 2): over each sample's own axes (a window's time steps), never the rows'. (A negative axis
  // depends on the array's rank: not judged.)
  const axes =
    t && /^\((-?\d+)(,-?\d+)*,?\)$/.test(t) ? t.slice(1, -1).split(',').filter(Boolean) : undefined;
  if (axes?.includes('0')) return 'rows';
  if (axes?.length && axes.every((a) => /^[1-9]\d*$/.test(a))) return 'row-wise';
  // xarray's named dimensions, mean(["lat", "lon"]), mean(dim="depth"): over space (or depth, members, bands), each
  // time step's own values — the rows a table made from it has. (Over "time", "year": the rows'.)
  const dims =
    t && /^\[?(["'][a-z_]+["'],?)+\]?$|^\((["'][a-z_]+["'],?)+\)$/i.test(t)
      ? t.match(/[a-z_]+/gi)
      : undefined;
  if (dims?.length && dims.every((d) => SPACE_DIMENSION.test(d))) return 'row-wise';
  return undefined;
}

/** Names of an array's dimensions other than time: space, depth or height, ensemble members, bands. */
const SPACE_DIMENSION =
  /^(lat|lon|latitude|longitude|x|y|z|easting|northing|depth|lev|level|height|plev|member|ensemble|realization|band|cell|grid|station|site)$/i;

/** Keyword arguments that style a plot or a message (a colour, a label, a marker). */
const STYLE_KEYWORD =
  /^(c|color|colors|colour|label|marker|linestyle|ls|cmap|title|fontweight|alpha|edgecolor|facecolor|fmt|end|sep)$/;
/** Calls that only show something: print, logging, notebook display, Matplotlib's drawing and labelling. */
const DISPLAY_CALL =
  /^(print|display|pprint|set|set_[a-z_]+|text|annotate|title|suptitle|xlabel|ylabel|legend|plot|scatter|bar|barh|imshow|hist|axhline|axvline|info|debug|warning|write)$/;

/**
 * `color='black' if yfit[i] == ytest[i] else 'red'`: a comparison that only picks how a value is shown (an argument of
 * a display call, or a style keyword) chooses nothing about the model, however it was scored.
 */
function displayOnly(cond: Node): boolean {
  let n = cond.parent;
  while (n?.type === 'parenthesized_expression') n = n.parent;
  if (n?.type === 'keyword_argument' && STYLE_KEYWORD.test(n.childForFieldName('name')?.text ?? ''))
    return true;
  if (n?.type === 'keyword_argument') n = n.parent;
  if (n?.type !== 'argument_list') return false;
  const fn = n.parent?.childForFieldName('function');
  const name = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : fn?.text;
  return DISPLAY_CALL.test(name ?? '');
}

/** Interprets a parsed program and returns its facts. */
/**
 * The predictions a score is of: clf.predict_proba(np.hstack([X, encoder.predict(X)])) is the classifier's; the
 * encoder's outputs were its inputs, not scored themselves.
 */
function outputs(preds: PredVal[]): PredVal[] {
  return preds.filter((p) => !preds.some((q) => q !== p && q.data.preds?.includes(p)));
}

export function interpret(root: Node): Facts {
  return new Interpreter().run(root);
}

class Interpreter {
  private nextId = 1;
  private readonly loops: number[] = [];
  /** Loops over a count whose body never reads the counter (`for _ in range(copies)`): the same done once per count. */
  private readonly countLoops = new Set<number>();
  /** Evaluations made by subtracting predictions from values (residuals, `y - model.predict(X)`). */
  private readonly residuals = new Set<EvalFact>();
  private readonly facts: Facts = {
    origins: new Map(),
    splits: [],
    trainings: [],
    evals: [],
    cvs: [],
    internalScores: [],
    batchLoops: new Set(),
    transformerFits: [],
    columnDefs: new Map(),
    dedups: [],
    shuffles: [],
    usesGroups: false,
    frameColumns: new Map(),
    frameSources: new Map(),
    imports: new Map(),
  };
  private readonly functions: { node: Node; scope: Scope }[] = [];
  private readonly torchClasses = new Set<string>();
  private scope = 0;
  /** Names bound to early-stopping callbacks (`stop = EarlyStopping(...)`, later `callbacks=[stop]`). */
  private readonly stoppers = new Set<string>();
  /** Checkpoint callbacks by name, with the file they write (`ckpt = ModelCheckpoint("best.keras")`). */
  private readonly checkpoints = new Map<string, string>();
  /** Models saved to a file (a checkpoint callback, torch.save, joblib.dump, model.save): loading it gives them back. */
  private readonly saved = new Map<string, EstVal>();
  /** Load origins by what was loaded (`read_csv("a.csv")` twice reads the same rows). */
  private readonly loaded = new Map<string, number>();
  /** Predefined parts of a dataset (`train=False`, `split="test"`) by dataset, with the split they make. */
  private readonly predefined = new Map<string, { fact: SplitFact; parts: Map<string, number> }>();
  /** User-defined functions by definition node id, with the scope they were defined in. */
  private readonly funcDefs = new Map<number, { node: Node; scope: Scope }>();
  /** Functions interpreted at a call (so not again on their own), the ones being interpreted, and a budget. */
  private readonly inlined = new Set<number>();
  private readonly active: number[] = [];
  private inlineBudget = 400;
  /** Path variables made from others (`out_dir = dst / name`), by name: the variable they start from. */
  private readonly pathRoots = new Map<string, string>();
  /** Directories augmented copies of images were written under (see imageWrite), with where. */
  private readonly augmentedDirs = new Map<string, Position>();
  /** Frames of a data set's parts (`data.endog`, `data.exog`), by the data set's frame and the attribute. */
  private readonly subFrames = new Map<string, number>();
  /** Columns assigned from predictions (`test["pred"] = model.predict(test)`), by frame: read back, those predictions. */
  private readonly predColumns = new Map<number, Map<string, PredVal[]>>();
  /** Frames that are scikit-learn data set bunches (load_iris(), fetch_openml(…)): .data is their feature matrix. */
  private readonly bunches = new Set<number>();
  /**
   * The keyword arguments a dict written out holds (`params = dict(max_depth=5, early_stopping_rounds=50)`,
   * `{"eval_set": [(X_val, y_val)]}`), by key: a call given `**params` is given them (see spreadKwargs).
   */
  private readonly kwargNodes = new WeakMap<CollVal, Map<string, Node>>();
  /** Keras functional models by the input tensors they are built on (their origins): models on the same share layers. */
  private readonly graphs = new Map<string, EstVal>();
  /**
   * Adapted preprocessing layers called on a symbolic input (`h = norm(inputs)` with `inputs = keras.Input(...)`), by
   * the input's origin: a functional `keras.Model(inputs, outputs)` built on that input holds them as steps.
   */
  private readonly inputLayers = new Map<number, EstVal[]>();
  /** Reductions by group whose key columns the program changed afterwards (see Taint.mergedBack). */
  private readonly movedKeys = new Set<number>();
  /** Lists made by a list comprehension over one iterable (see the pooling of learnt vectors in callFunction). */
  private readonly comprehended = new WeakSet<CollVal>();
  /** Data appended to a list in each loop over rows (see the append of a list in call). */
  private readonly appended = new WeakMap<CollVal, Map<string, DataVal[]>>();
  /** Masks used to select rows, by comparison and rows (see maskedPart). */
  private readonly masks = new Map<string, { parts: Map<boolean, Origin[]>; fact?: SplitFact }>();
  /** Parts cut by position from the same rows, by rows and bound (see positionalCut). */
  private readonly cuts = new Map<string, { head?: Origin; tail?: Origin; fact?: SplitFact }>();
  /** As-of joins that may attach a later record, by the call's node id (see noteLaterAsOf, DataVal.laterCols). */
  private readonly laterJoins = new Map<number, NonNullable<DataVal['laterCols']>>();
  /** Frames (ids) of `pd.Timestamp("2019-01-01")` values: their time in milliseconds (see maskOf). */
  private readonly timeConstants = new Map<number, number>();
  /** The value a mask part is cut at (`df.index < train_end` with train_end a known date), by origin. */
  private readonly cutValues = new Map<number, number>();
  /** Single values of the data read at a position (see subscript): cut points. */
  private readonly elements = new WeakSet<DataVal>();
  /** Parts of another array selected by a split's positions (see alignedPart), by part and rows. */
  private readonly aligned = new Map<string, Origin>();
  /** The origin of the rows of each reshuffling tf.data shuffle that take/skip cut (see DataVal.reshuffled). */
  private readonly reshuffles = new Map<string, Origin>();
  /** Values returned by the function bodies being interpreted, innermost last. */
  private readonly returns: (Val | undefined)[][] = [];
  /** How many fits its model had when each evaluation was made (see loop: a loss taken before the training step). */
  private readonly evalFits = new WeakMap<EvalFact, number>();
  /** Forward passes that reach .backward(): training steps, not evaluations. */
  private readonly trainedPreds = new Set<number>();
  /** The local, global and nonlocal names of each function and lambda (see scopes.ts), by node id. */
  private readonly scopeNames = new Map<number, ScopeNames>();

  /** A copy of the column definitions as they are now (a notebook's later cell may define a column again). */
  private columnDefsNow(): Facts['columnDefs'] {
    return new Map([...this.facts.columnDefs].map(([frame, defs]) => [frame, new Map(defs)]));
  }

  private namesOf(def: Node): ScopeNames {
    let names = this.scopeNames.get(def.id);
    if (!names) {
      names = functionNames(def);
      this.scopeNames.set(def.id, names);
    }
    return names;
  }

  run(root: Node): Facts {
    const module = new Scope();
    this.block(root, module);
    // Functions never called where they are known: on their own, parameters unknown, module-level names (imports,
    // globals) known by then. Those no other function calls go first, so that helpers they call are interpreted
    // with their arguments rather than alone.
    const called = new Set<string>();
    for (const c of root.descendantsOfType('call')) {
      const fn = c?.childForFieldName('function');
      if (fn?.type === 'identifier') called.add(fn.text);
    }
    const nameOf = (f: { node: Node }) => f.node.childForFieldName('name')?.text ?? '';
    const done = new Set<number>();
    for (const pass of [false, true]) {
      for (let i = 0; i < this.functions.length; i++) {
        const f = this.functions[i]!;
        if (this.inlined.has(f.node.id) || done.has(f.node.id) || called.has(nameOf(f)) !== pass) continue;
        done.add(f.node.id);
        const body = f.node.childForFieldName('body');
        this.scope = f.node.id;
        this.returns.push([]);
        if (body) this.block(body, new Scope(f.scope, this.namesOf(f.node)));
        this.returns.pop();
      }
    }
    // A forward pass that is back-propagated trains: what looked like evaluations of it were training steps.
    this.facts.evals = this.facts.evals.filter((e) => e.pred === undefined || !this.trainedPreds.has(e.pred));
    return this.facts;
  }

  // ---- values -------------------------------------------------------------------------------------------

  private origin(kind: OriginKind, parents: Iterable<number>, at: Position, how?: string): Origin {
    const o: Origin = {
      id: this.nextId++,
      kind,
      parents: [...parents],
      at,
      loop: this.loops.at(-1),
      scope: this.scope,
      names: new Set(),
      how,
    };
    this.facts.origins.set(o.id, o);
    return o;
  }

  /**
   * The columns a comment on the loading line lists (`# clip_path, speaker_id, emotion; about 60 clips per speaker`):
   * three or more names separated by commas, up to the first `;`, ` - ` or `(`.
   */
  private commentedColumns(call: Node): string[] | undefined {
    let stmt: Node | null = call;
    while (stmt?.parent && stmt.parent.type !== 'block' && stmt.parent.type !== 'module') stmt = stmt.parent;
    const next = stmt?.nextSibling;
    if (!stmt || next?.type !== 'comment' || next.startPosition.row !== stmt.endPosition.row)
      return undefined;
    const text = next.text.replace(/^#\s*/, '').split(/;|\s-\s|\(|:/)[0] ?? '';
    const names = text.split(',').map((x) => x.trim());
    return names.length >= 3 && names.every((x) => /^[A-Za-z_]\w*$/.test(x)) ? names : undefined;
  }

  /** A load; `key` (what was loaded, when it is a literal) makes loading the same thing twice the same rows. */
  private load(at: Position, key?: string): DataVal {
    const known = key === undefined ? undefined : this.loaded.get(key);
    const o = known ?? this.origin('load', [], at).id;
    if (key !== undefined) this.loaded.set(key, o);
    const id = this.nextId++;
    return { kind: 'data', rows: new Set([o]), taints: [], frame: id, whole: true, at };
  }

  /** A cross-validation or search score (see InternalScoreFact): no rows. */
  private internalScore(
    how: InternalScoreFact['how'],
    model: EstVal | undefined,
    data: DataVal | undefined,
    at: Position,
  ): DataVal {
    const fact: InternalScoreFact = { how, model, data, rows: data?.rows, at, loops: [...this.loops] };
    this.facts.internalScores.push(fact);
    return { kind: 'data', rows: new Set(), taints: [], frame: this.nextId++, at, internal: [fact] };
  }

  /**
   * The objective of a hyper-parameter search (Optuna's study.optimize, hyperopt's fmin, scikit-optimize, scipy's
   * minimize, bayes_opt): run by the search once per trial, so its body is a loop — models it makes differ every
   * trial — and what it returns decides (the search keeps the best trial).
   */
  private objective(arg: Node | undefined, scope: Scope, at: Position): void {
    if (!arg) return;
    const loop = -this.nextId++;
    this.loops.push(loop);
    try {
      let ret: Val | undefined;
      if (arg.type === 'lambda') {
        const body = arg.childForFieldName('body');
        ret = body ? this.expr(body, new Scope(scope, this.namesOf(arg))) : undefined;
      } else if (
        arg.type === 'call' &&
        /(^|\.)partial$/.test(arg.childForFieldName('function')?.text ?? '')
      ) {
        // functools.partial(objective, X=X_test, y=y_test)
        const a = this.args(arg);
        const f = a.pos[0] ? this.expr(a.pos[0], scope) : undefined;
        const pos = a.pos.slice(1).map((p) => this.expr(p, scope));
        const kw = new Map([...a.kw].map(([k, v]) => [k, this.expr(v, scope)] as const));
        if (f?.kind === 'func' && this.canInline(f)) ret = this.inlineWith(f, pos, kw);
      } else {
        const f = this.expr(arg, scope);
        if (f?.kind === 'func' && this.canInline(f)) ret = this.inlineWith(f, [], new Map());
      }
      this.decide(ret, at);
    } finally {
      this.loops.pop();
    }
  }

  /** A score: no rows, the evaluations it comes from. */
  private score(evals: EvalFact[], at: Position): DataVal {
    return { kind: 'data', rows: new Set(), taints: [], frame: this.nextId++, at, evals };
  }

  private pred(model: EstVal, data: DataVal): PredVal {
    const p: PredVal = { kind: 'pred', id: this.nextId++, model, data, fits: model.fits.length };
    this.facts.predictions ??= [];
    this.facts.predictions.push({ pred: p, at: data.at });
    return p;
  }

  private unknownData(at: Position): DataVal {
    const o = this.origin('unknown', [], at);
    return { kind: 'data', rows: new Set([o.id]), taints: [], frame: this.nextId++, at };
  }

  /**
   * `df.index < "2016-01-01"`, `df["year"] >= 2020`, `df.fold == k`: a mask of the rows by a comparison with a constant
   * (see DataVal.mask), or undefined for other comparisons.
   */
  private maskOf(n: Node, scope: Scope): DataVal | undefined {
    const ops = n.children.filter((c) => c && !c.isNamed).map((c) => c!.type);
    const [left, right] = n.namedChildren;
    if (ops.length !== 1 || !left || !right) return undefined;
    return this.maskBy(n, left, ops[0]!, right, scope);
  }

  /** The mask of `left op right` (see maskOf), also written `left.eq(right)`, `left.ge(right)` (pandas, Polars). */
  private maskBy(n: Node, left: Node, op: string, right: Node, scope: Scope): DataVal | undefined {
    const canon: Record<string, [string, boolean]> = {
      '<': ['<', false],
      '>=': ['<', true],
      '<=': ['<=', false],
      '>': ['<=', true],
      '==': ['==', false],
      '!=': ['==', true],
    };
    const c = canon[op];
    // (cutoff - pd.Timedelta(weeks=1), CUTOFF - HORIZON: a bound computed from constants is one too.)
    const constant = (x: Node): boolean =>
      /^(string|integer|float|unary_operator|call|attribute|identifier|subscript)$/.test(x.type) ||
      (x.type === 'binary_operator' &&
        /^[-+]$/.test(x.childForFieldName('operator')?.text ?? '') &&
        [x.childForFieldName('left'), x.childForFieldName('right')].every(
          (y) => !!y && y.type !== 'subscript' && constant(y),
        ));
    // df.index < df.index[-HOLDOUT]: one element of the data, at a position (a number), is a constant too.
    const pos = right.type === 'subscript' ? right.childrenForFieldName('subscript') : [];
    const element =
      pos.length === 1 &&
      (pos[0]!.type === 'integer' ||
        /^-\s*\d+$/.test(pos[0]!.text) ||
        (/^(identifier|unary_operator|binary_operator)$/.test(pos[0]!.type) &&
          this.expr(pos[0]!, scope)?.kind === 'num'));
    // years < cfg["test_from"]: a value looked up in a config dict (not data) is a constant too.
    const configValue =
      right.type === 'subscript' && !element
        ? ((v) => v !== undefined && !/^(data|pred|est|indexof|group)$/.test(v.kind))(this.expr(right, scope))
        : false;
    if (!c || !constant(right) || (right.type === 'subscript' && !element && !configValue)) return undefined;
    const lv = this.expr(left, scope);
    const base = lv?.kind === 'indexof' ? lv.data : lv?.kind === 'data' ? lv : undefined;
    if (!base || base.preds || base.evals || base.internal) return undefined;
    const rv = element ? undefined : this.expr(right, scope);
    // Both sides data (a column compared with another, a prediction with a label): not a mask by a constant.
    // (A name the program binds to what is not followed, `cutoff = pd.Timestamp(…)`, is unknown data: a constant.)
    const unknownOnly =
      rv?.kind === 'data' &&
      !rv.preds &&
      [...rv.rows].every((r) => this.facts.origins.get(r)?.kind === 'unknown');
    if (
      (rv?.kind === 'data' && !unknownOnly && !this.elements.has(rv)) ||
      rv?.kind === 'pred' ||
      rv?.kind === 'est'
    )
      return undefined;
    const out = this.derive([base], posOf(n), true);
    // df.a > df.a.quantile(0.99): a mask by a statistic of rows (used as values, np.where(mask, …), it carries it; the
    // rows a mask selects do not, see select).
    if (rv?.kind === 'stat') out.taints = [...out.taints, { by: rv.by, fitRows: rv.rows, at: rv.at }];
    // The column compared: df["week"], df.week.
    const sub = left.type === 'subscript' ? left.childrenForFieldName('subscript')[0] : undefined;
    // Polars: pl.col("work_date") < cutoff inside df.filter(…).
    const polarsCol =
      left.type === 'call' && /^(pl|polars)\.col$/.test(left.childForFieldName('function')?.text ?? '')
        ? left.childForFieldName('arguments')?.namedChildren
        : undefined;
    const column =
      (sub && stringValue(sub)) ??
      (left.type === 'attribute' ? left.childForFieldName('attribute')?.text : undefined) ??
      (polarsCol?.length === 1 && polarsCol[0] ? stringValue(polarsCol[0]) : undefined);
    // season <= CONFIG["last_train_season"], date >= start (a parameter given "2023-10-01"): the bound's value
    // when known, in the key too (two calls of one helper with other bounds are other masks).
    const value = element
      ? undefined
      : rv?.kind === 'data' && this.timeConstants.has(rv.frame)
        ? this.timeConstants.get(rv.frame)
        : constantValue(rv, right);
    const range = value === undefined ? undefined : rangeOf(c[0], c[1], value);
    out.mask = {
      key: `${left.text.replace(/\s/g, '')}|${c[0]}|${right.text.replace(/\s/g, '')}${value === undefined ? '' : `=${value}`}`,
      neg: c[1],
      ...(value !== undefined ? { value } : {}),
      ...(column && column !== 'index' ? { column } : {}),
      ...(range && column && column !== 'index' ? { range } : {}),
      ...(column && c[0] === '==' && !c[1] && right.type === 'string' && stringValue(right) !== undefined
        ? { equals: stringValue(right)! }
        : {}),
      // table[table.index <= pd.Period(TRAIN_END, "M")]: rows of the (time) index up to a date, its range as a label
      // slice's (see the .loc branch of subscript).
      ...(range && column === 'index' && value! > 1e11 ? { column, range } : {}),
    };
    return out;
  }

  /**
   * df.select("count", lag_1=pl.col("count").shift(1), mean_24h=pl.col("count").rolling_mean(24)),
   * df.with_columns(pl.col("y").shift(1).alias("y_lag1")): Polars expressions become columns of this frame, computed
   * from its columns (see ColDep). Undefined when no argument is a Polars expression.
   */
  private polarsColumns(
    d: DataVal,
    args: Args,
    argVals: (Val | undefined)[],
    n: Node,
    scope: Scope,
  ): DataVal | undefined {
    const at = posOf(n);
    // select("count", *[pl.col("count").shift(i).alias(f"lag_{i}") for i in (1, 2)]): the spread list too.
    const spread = (n.childForFieldName('arguments')?.namedChildren ?? [])
      .filter((a) => a?.type === 'list_splat')
      .map((a) => (a!.namedChildren[0] ? this.expr(a!.namedChildren[0], scope) : undefined));
    const kwNames = [...args.kw.keys()];
    const named: [string | undefined, Val | undefined][] = [
      ...argVals.flatMap((v, i): [string | undefined, Val | undefined][] =>
        // with_columns([pl.col(c).fill_null(…) for c in NUMERIC]): the expressions of the list.
        v?.kind === 'coll' && i < args.pos.length
          ? v.items.map((x): [string | undefined, Val | undefined] => [undefined, x])
          : [[i >= args.pos.length ? kwNames[i - args.pos.length] : undefined, v]],
      ),
      ...spread.flatMap((v): [undefined, Val | undefined][] =>
        v?.kind === 'coll' || v?.kind === 'tuple' ? v.items.map((x) => [undefined, x]) : [[undefined, v]],
      ),
    ];
    const exprs = named.filter(([, v]) => v?.kind === 'data' && v.frame === POLARS_FRAME);
    if (exprs.length === 0) return undefined;
    // with_columns(pl.col("area").fill_null(pl.col("area_med"))): unaliased, an expression keeps the name of the
    // column it starts from, and replaces it.
    const rootName = new Map<Val, string>();
    args.pos.forEach((a, i) => {
      const m = /^pl\.col\(\s*["'](\w+)["']\s*\)\s*\./.exec(a.text);
      const v = argVals[i];
      if (m && v && !/\.(alias|name)\b/.test(a.text)) rootName.set(v, m[1]!);
    });
    // group_by("season", …).agg(…).with_columns(pl.col("season") + 1): a reduction's key moved by a constant, so its
    // statistics go to another season's rows when joined back (see Taint.mergedBack), as pandas' key assignment does.
    // (Unaliased, a Polars expression keeps the name of the column it starts from.)
    for (const a of [...args.pos, ...args.kw.values()]) {
      const m = /^\(?\s*pl\.col\(["'](\w+)["']\)\s*[-+]\s*[\w.()]+\s*\)?(?:\.alias\(["'](\w+)["']\))?$/.exec(
        a.text,
      );
      const kw = [...args.kw].find(([, v]) => v === a)?.[0];
      if (m && (kw ?? m[2] ?? m[1]) === m[1])
        for (const r of d.rows) if (this.reductionKeys(r)?.includes(m[1]!)) this.movedKeys.add(r);
    }
    const out = this.derive([d], at, true);
    for (const [kw, v] of exprs) {
      const e = v as DataVal;
      const name = kw ?? e.alias ?? rootName.get(e);
      // pl.col(c).fill_null(pl.col(c).median()): a statistic of the expression's column is one of this frame's rows.
      for (const t of e.taints) {
        const fitRows = t.fitRows.size === 0 ? new Set(d.rows) : t.fitRows;
        const learnt: Taint = {
          ...t,
          fitRows,
          ...(t.col?.frame === POLARS_FRAME ? { col: { frame: d.frame, name: t.col.name } } : {}),
          ...(name ? { assigned: { frame: d.frame, names: [name] } } : {}),
        };
        if (!out.taints.some((x) => x.at === t.at && x.by === t.by)) out.taints.push(learnt);
      }
      const deps = (e.deps ?? []).map((c) => (c.frame === POLARS_FRAME ? { ...c, frame: d.frame } : c));
      for (const c of deps) this.useColumns(d.frame, [c.name]);
      // [pl.col("n").shift(k).alias(f"lag_{k}") for k in LAGS]: lag features, whatever their names.
      if (e.time) out.time = strongest(out.time, e.time);
      if (name === undefined) continue; // pl.col("count") as it is
      // (pl.col("snapshot_ts") - pl.col("alarm_ts")) after a join_asof(…, strategy="nearest"): from a later record.
      const later = deps.some((c) => c.frame === d.frame && d.laterCols?.names.has(c.name))
        ? d.laterCols
        : undefined;
      this.defineColumn(
        d,
        name,
        {
          ...e,
          frame: d.frame,
          deps,
          column: undefined,
          ...(later ? { later: { at: later.at, how: later.how } } : {}),
        },
        at,
      );
      // pl.col("avg_box_value") / pl.col("district_median_box_value") after joining a statistic in: computed from a
      // column the learnt values were written to, the new column carries them too (as pandas' df["r"] = … does).
      // (Read on the same row: a shifted read, pl.col("rate").shift(1).over("mentor_id"), is an earlier row's.)
      out.taints = out.taints.map((t) => {
        const a = t.assigned;
        const reads = deps.filter((c) => c.frame === a?.frame && a.names.includes(c.name));
        if (!a || a.names.includes(name) || reads.length === 0 || reads.some((c) => c.lag !== 0)) return t;
        return { ...t, assigned: { frame: a.frame, names: [...a.names, name] } };
      });
    }
    return out;
  }

  /** The variable a path expression starts from (`dst` in `str(dst / cls / f"{i}.png")`), resolved through paths made from it. */
  private pathRoot(n: Node): string | undefined {
    const names = [...n.text.replace(/["'][^"']*["']/g, ' ').matchAll(/\b([A-Za-z_]\w*)\b/g)]
      .map((m) => m[1]!)
      .filter((w) => !/^(str|os|path|join|Path|f|pathlib)$/.test(w));
    let root = names[0];
    for (let i = 0; root !== undefined && this.pathRoots.has(root) && i < 8; i++)
      root = this.pathRoots.get(root);
    return root;
  }

  /**
   * cv2.imwrite(path, aug(image=img)["image"]), img.save(path), save_image(img, path): an augmented copy of an image
   * written under a directory; that directory loaded whole (ImageFolder(dst)) then holds copies of its images.
   */
  private imageWrite(call: Node): void {
    const fn = call.childForFieldName('function')?.text ?? '';
    const args = this.args(call);
    let path: Node | undefined;
    let image: Node | undefined;
    if (/(^|\.)(imwrite|imsave)$/.test(fn)) [path, image] = [args.pos[0], args.pos[1]];
    else if (/(^|\.)save_image$/.test(fn)) [image, path] = [args.pos[0], args.pos[1]];
    else if (/\.save$/.test(fn) && this.loops.length > 0) {
      path = args.pos[0];
      image = call.childForFieldName('function')?.childForFieldName('object') ?? undefined;
    }
    if (!path || !image || this.loops.length === 0) return;
    if (!/\baug\w*\s*\(|augment|random_transform|\bflip|rotat/i.test(image.text)) return;
    const root = this.pathRoot(path);
    if (root !== undefined) this.augmentedDirs.set(root, posOf(call));
  }

  /** The rows of `d` in random order (see Facts.shuffles). */
  private shuffled(d: DataVal, at: Position, how: string, otherwise?: () => DataVal): DataVal {
    // Only a time series' order matters (see the time-split rule); other rows keep their identity.
    if (!d.time || d.time.weak) return otherwise ? otherwise() : this.derive([d], at, true);
    const o = this.origin('shuffled', d.rows, at, how);
    this.facts.shuffles.push({ origin: o.id, at, how, time: d.time });
    return this.withRows(this.derive([d], at, true), o, at);
  }

  /** Data derived from others, same rows (columns, types, values change; rows do not). */
  private derive(from: DataVal[], at: Position, keepCols = false): DataVal {
    const rows = new Set<number>();
    const taints: Taint[] = [];
    let time: DataVal['time'];
    let preds: PredVal[] | undefined;
    let evals: EvalFact[] | undefined;
    let internal: InternalScoreFact[] | undefined;
    let deps: ColDep[] | undefined;
    for (const d of from) {
      for (const c of d.deps ?? []) {
        deps ??= [];
        const same = deps.find(
          (x) => x.frame === c.frame && x.name === c.name && JSON.stringify(x.pos) === JSON.stringify(c.pos),
        );
        if (!same) deps.push(c);
        else if (c.lag < same.lag) deps[deps.indexOf(same)] = c;
        else if (same.divisor && !c.divisor && c.lag === same.lag) deps[deps.indexOf(same)] = c;
        else if (same.subtracted && !c.subtracted && c.lag === same.lag) deps[deps.indexOf(same)] = c;
      }
      for (const e of d.internal ?? []) {
        internal ??= [];
        if (!internal.includes(e)) internal.push(e);
      }
      for (const r of d.rows) rows.add(r);
      for (const t of d.taints) if (!taints.includes(t)) taints.push(t);
      time = strongest(time, d.time);
      for (const p of d.preds ?? []) {
        preds ??= [];
        if (!preds.includes(p)) preds.push(p);
      }
      for (const e of d.evals ?? []) {
        evals ??= [];
        if (!evals.includes(e)) evals.push(e);
      }
    }
    const first = from[0];
    const later = from.find((f) => f.later)?.later;
    return {
      kind: 'data',
      rows,
      taints,
      time,
      ...(later ? { later } : {}),
      ...(keepCols && first?.laterCols ? { laterCols: first.laterCols } : {}),
      preds,
      evals,
      internal,
      deps,
      xy: from.length === 1 ? first?.xy : undefined,
      frame: first?.frame ?? this.nextId++,
      cols: keepCols ? first?.cols : undefined,
      column: keepCols ? first?.column : undefined,
      whole: keepCols ? first?.whole : undefined,
      ...(keepCols && first?.splits ? { splits: first.splits } : {}),
      ...(keepCols && first?.joined ? { joined: first.joined } : {}),
      ...(keepCols && first?.crops ? { crops: first.crops } : {}),
      ...(from.length === 1 && first?.mappedFrom ? { mappedFrom: true as const } : {}),
      ...(from.length === 1 && first?.reshuffled ? { reshuffled: first.reshuffled } : {}),
      ...(from.length === 1 && first?.perItem !== undefined ? { perItem: first.perItem } : {}),
      ...(from.length === 1 && first?.models ? { models: first.models } : {}),
      ...(from.filter((f) => f.keyedParts).length === 1
        ? { keyedParts: from.find((f) => f.keyedParts)!.keyedParts }
        : {}),
      at,
    };
  }

  /** One column of a frame (`df["price"]`, `df.price`, `arr[:, 0]` as "#0"): computed from itself, lag 0. */
  private useColumns(frame: number, names: Iterable<string>): void {
    let set = this.facts.frameColumns.get(frame);
    if (!set) {
      set = new Set();
      this.facts.frameColumns.set(frame, set);
    }
    for (const n of names) set.add(n);
  }

  private colOf(frame: DataVal, name: string, at: Position): DataVal {
    if (this.bunches.has(frame.frame) && (name === 'data' || name === 'images')) {
      // iris.data, mnist["data"]: a scikit-learn data set's feature matrix, all its columns (no label column): a
      // denoiser trained to give back X_train from X_train + noise reconstructs its input; it leaks no label.
      const key = `${frame.frame}.${name}`;
      let sub = this.subFrames.get(key);
      if (sub === undefined) {
        sub = this.nextId++;
        this.subFrames.set(key, sub);
      }
      return { ...this.derive([frame], at), frame: sub, whole: true, cols: undefined, column: undefined };
    }
    this.useColumns(frame.frame, [name]);
    // test["p_fault"] = final.predict(test), then roc_auc_score(test["fault"], test["p_fault"]): the column read back
    // holds those predictions.
    // (Parts of one table share its frame: the predictions written to this part's rows, not another part's.)
    const preds = this.predColumns
      .get(frame.frame)
      ?.get(name)
      ?.filter((p) => this.sameRows(frame, p.data));
    const later = frame.laterCols?.names.has(name) ? frame.laterCols : undefined;
    return {
      ...this.derive([frame], at),
      column: { frame: frame.frame, name },
      deps: [{ frame: frame.frame, name, lag: 0 }],
      ...(preds?.length ? { preds } : {}),
      ...(later ? { later: { at: later.at, how: later.how } } : {}),
    };
  }

  /**
   * An as-of join that takes the nearest or the next record of the right table (direction="forward"/"nearest",
   * Polars strategy="forward"/"nearest"), not the last one before each row: the columns it brings may be recorded
   * after the row's time (Facts.laterAsOf). The keys (on, by) are the row's own.
   */
  private noteLaterAsOf(
    left: DataVal,
    right: Val | undefined,
    how: string | undefined,
    fn: string,
    args: Args,
    node: Node,
  ): void {
    const at = posOf(node);
    if (how !== 'forward' && how !== 'nearest') return;
    if (right?.kind !== 'data') return;
    // (Not right_on: merge_asof keeps the right table's own key column, cip_day beside day, the next record's time.)
    // A right table whose columns are not named (read_csv of the alarm log): that key column at least, the time of
    // the record attached (hours_from_alarm = snapshot_ts - alarm_ts).
    const rightOn = stringValue(args.kw.get('right_on'));
    const known = right.cols?.mode === 'only' && !right.cols.more;
    if (!known && (rightOn === undefined || rightOn === stringValue(args.kw.get('left_on')))) return;
    const keys = new Set(
      ['on', 'left_on', 'by', 'left_by', 'right_by'].flatMap((k) => {
        const v = args.kw.get(k);
        return v ? (stringList(v) ?? (stringValue(v) !== undefined ? [stringValue(v)!] : [])) : [];
      }),
    );
    const names = new Set([...(known ? right.cols!.names : [rightOn!])].filter((c) => !keys.has(c)));
    if (names.size === 0) return;
    const note = {
      frame: left.frame,
      names,
      at,
      how: `${fn}(…, ${fn === 'join_asof' ? 'strategy' : 'direction'}="${how}")`,
    };
    this.facts.laterAsOf ??= [];
    this.facts.laterAsOf.push(note);
    this.laterJoins.set(node.id, { names, at, how: note.how });
  }

  /**
   * pd.merge_asof(inv, hist, left_on="issue_date", right_on="asof_date", by="account_id", allow_exact_matches=False):
   * backward, each row gets the last record strictly before its own time — another row's values. The right table's
   * columns the program computed row by row (a running share of late payments, the row's own label included) are
   * then read from an earlier row: redefined as such (lag one more) in the joined frame.
   */
  private earlierAsOf(left: DataVal, right: DataVal, args: Args): void {
    const direction = stringValue(args.kw.get('direction')) ?? 'backward';
    const leftOn = stringValue(args.kw.get('left_on'));
    const rightOn = stringValue(args.kw.get('right_on'));
    const strict = args.kw.get('allow_exact_matches')?.text === 'False';
    if (direction !== 'backward' || !(strict || (leftOn && rightOn && leftOn !== rightOn))) return;
    if (right.cols?.mode !== 'only') return;
    const from = this.facts.columnDefs.get(right.cols.frame);
    const into = this.facts.columnDefs.get(left.cols?.frame ?? left.frame);
    if (!from || !into) return;
    for (const name of right.cols.names) {
      const def = from.get(name);
      if (!def || name === rightOn) continue;
      into.set(name, { ...def, deps: def.deps.map((d) => ({ ...d, lag: d.lag + 1 })) });
    }
  }

  /** Records columns of a frame as parsed dates (read_csv's parse_dates, a column assigned pd.to_datetime(…)). */
  private addDated(frame: number, names: Iterable<string>): void {
    this.facts.datedColumns ??= new Map();
    const dated = this.facts.datedColumns.get(frame) ?? new Set<string>();
    for (const n of names) dated.add(n);
    this.facts.datedColumns.set(frame, dated);
  }

  /** A column of dates: parsed as dates (read_csv parse_dates, pd.to_datetime) or named as one (see dateNamed). */
  private dated(c: { frame: number; name: string }): boolean {
    return !!this.facts.datedColumns?.get(c.frame)?.has(c.name) || dateNamed(c.name);
  }

  /** Records `df[name] = value`: the column and what it is computed from row by row. */
  private defineColumn(frame: DataVal, name: string, v: Val | undefined, at: Position): void {
    let defs = this.facts.columnDefs.get(frame.frame);
    if (!defs) {
      defs = new Map();
      this.facts.columnDefs.set(frame.frame, defs);
    }
    const deps = this.dataOf(v).flatMap((d) => d.deps ?? []);
    if (v?.kind === 'data' && v.parsedDates) this.addDated(frame.frame, [name]);
    // df["days_to_next_cip"] = (next_cip["cip_day"] - df["day"]).dt.days: a column made from a later record.
    const later = this.dataOf(v).find((d) => d.later)?.later;
    if (later) {
      this.facts.laterAsOf ??= [];
      this.facts.laterAsOf.push({ frame: frame.frame, names: new Set([name]), ...later });
    }
    // (Only a model's own output, model.predict(X) or predict_proba(X)[:, 1]: values computed from predictions, a
    // trend subtracted, are other columns.)
    const assigned = v?.kind === 'pred' && v.model.cls !== 'polyfit' ? v : undefined;
    const cols = this.predColumns.get(frame.frame);
    if (assigned || cols?.has(name)) {
      const others = (cols?.get(name) ?? []).filter((p) => !this.sameRows(frame, p.data));
      const next = cols ?? new Map<string, PredVal[]>();
      next.set(name, assigned ? [...others, assigned] : others);
      this.predColumns.set(frame.frame, next);
    }
    // out[c] = df[c] for c in NUMERIC after out["days_open"] = …, under `if c not in out` (branches are not
    // followed): the column copied as it is, the same-named column of the same frame, is no new definition.
    const prior = defs.get(name);
    if (
      prior &&
      deps.length > 0 &&
      deps.every((d) => d.frame === frame.frame && d.name === name && d.lag === 0 && !d.pos)
    )
      return;
    defs.set(name, { deps, at });
  }

  /**
   * The part of `base` that positions of a split of another array select: `spectra[tr]` with `tr, te` from a split of
   * `meta` (one row of each per inspection) is that part of the spectra's rows, on the same side of the same split.
   * The split's own part when `base` is (or comes from) what was split.
   */
  private alignedPart(base: DataVal, part: Origin): Origin {
    if (!part.split || base.rows.size === 0) return part;
    const from = ancestors(this.facts, part.id);
    if ([...base.rows].some((r) => r === part.id || from.has(r) || ancestors(this.facts, r).has(part.id)))
      return part;
    const key = `${part.id}:${[...base.rows].sort((a, b) => a - b).join(',')}`;
    const known = this.aligned.get(key);
    if (known) return known;
    const o = this.origin(part.kind, base.rows, part.at, part.how);
    o.split = part.split;
    for (const n of part.names) o.names.add(n);
    this.aligned.set(key, o);
    return o;
  }

  private withRows(d: DataVal, origin: Origin, at: Position): DataVal {
    return { ...this.derive([d], at, true), rows: new Set([origin.id]) };
  }

  private est(cls: string, role: Role, at: Position, steps: EstVal[] = []): EstVal {
    return {
      kind: 'est',
      id: this.nextId++,
      cls,
      role,
      at,
      fits: [],
      loop: this.loops.at(-1),
      steps,
      earlyStopping: false,
    };
  }

  private dataOf(v: Val | undefined): DataVal[] {
    if (!v) return [];
    if (v.kind === 'data') return [v];
    if (v.kind === 'tuple') return v.items.flatMap((i) => this.dataOf(i));
    if (v.kind === 'coll') return v.items.flatMap((i) => this.dataOf(i));
    if (v.kind === 'pred') return [{ ...v.data, preds: [...(v.data.preds ?? []), v] }];
    if (v.kind === 'group') return [v.data];
    // train_test_split(df.index): the frame's row labels are its rows (df.loc[train_idx] then selects that part).
    if (v.kind === 'indexof') return [{ ...v.data, cols: undefined, column: undefined, deps: undefined }];
    // len(X) given where positions are made (range(len(X)), randperm(len(X)), rng.integers(1, 4, size=len(X))): X's
    // rows, none of its values.
    if (v.kind === 'num')
      return v.of ? [{ ...v.of, cols: undefined, column: undefined, deps: undefined }] : [];
    if (v.kind === 'obj') {
      const items = this.objItems(v);
      return items ? [items] : [];
    }
    return [];
  }

  /** Marks the evaluations a value's scores come from as deciding (a branch on them, picking the best). */
  private decide(v: Val | undefined, at: Position): void {
    for (const d of this.dataOf(v)) {
      for (const e of d.evals ?? []) e.decides ??= at;
      for (const e of d.internal ?? []) e.decides ??= at;
    }
  }

  /** Predictions scored against other data (labels): evaluations of the model on the predicted rows. */
  private scoreAgainst(data: DataVal[], at: Position): EvalFact[] {
    const refs: PredVal[] = [];
    for (const d of data) for (const p of d.preds ?? []) if (!refs.includes(p)) refs.push(p);
    if (refs.length === 0 || !data.some((d) => !d.preds?.length && d.rows.size > 0)) return [];
    // test - fitted.forecast(12): a forecast of unnamed periods is evaluated on the values it is compared with.
    // (Values of unknown origin, such as a running best score, are no such values.)
    const actual = data.find(
      (d) => !d.preds?.length && [...d.rows].some((r) => this.facts.origins.get(r)?.kind !== 'unknown'),
    );
    const evals = outputs(refs)
      .filter((p) => !p.data.future || actual)
      .map((p) => this.evaluate(p.model, p.data.future ? actual! : p.data, at, 'metric', p.id, p.fits));
    if (new Set(evals.map((e) => e.model.id)).size > 1) {
      const joint = this.nextId++;
      for (const e of evals) e.joint = joint;
    }
    return evals;
  }

  /** A backward pass through predictions: the model trains on the rows they were made from. */
  private backprop(data: DataVal[], at: Position): void {
    for (const d of data) {
      for (const p of d.preds ?? []) {
        if (this.trainedPreds.has(p.id)) continue;
        this.trainedPreds.add(p.id);
        // The labels the loss compared the predictions with, unless the batch is a supervised dataset's (its own).
        this.train(p.model, p.data, p.data.xy ? undefined : d.against, at);
      }
    }
  }

  // ---- statements ---------------------------------------------------------------------------------------

  private block(node: Node, scope: Scope): void {
    for (const s of node.namedChildren) if (s) this.statement(s, scope);
  }

  private statement(s: Node, scope: Scope): void {
    switch (s.type) {
      case 'expression_statement':
        for (const e of s.namedChildren) if (e) this.exprStatement(e, scope);
        return;
      case 'import_statement':
      case 'import_from_statement':
        this.importStatement(s, scope);
        return;
      case 'block':
        this.block(s, scope);
        return;
      case 'if_statement':
      case 'elif_clause': {
        const cond = s.childForFieldName('condition');
        const v = cond ? this.expr(cond, scope) : undefined;
        if (cond) this.decide(v, posOf(cond));
        // A boolean literal decides the branch (`def step(loader, train): if train: loss.backward()`).
        const truth = v?.kind === 'const' ? v.value : undefined;
        const consequence = s.childForFieldName('consequence');
        if (consequence && truth !== false) this.statement(consequence, scope);
        if (truth === true) return;
        for (const alt of s.childrenForFieldName('alternative')) if (alt) this.statement(alt, scope);
        return;
      }
      case 'try_statement':
      case 'else_clause':
      case 'except_clause':
      case 'finally_clause':
        for (const c of s.namedChildren) {
          if (c && (c.type === 'block' || c.type.endsWith('_clause'))) this.statement(c, scope);
        }
        return;
      case 'with_statement': {
        for (const item of s.descendantsOfType('with_item')) {
          const value = item?.childForFieldName('value');
          if (!value) continue;
          if (value.type === 'as_pattern') {
            const v = this.expr(value.namedChildren[0]!, scope);
            const target = value.childForFieldName('alias')?.namedChildren[0] ?? value.namedChildren[1];
            if (target && v) this.bind(target, v, scope);
          } else this.expr(value, scope);
        }
        const body = s.childForFieldName('body');
        if (body) this.block(body, scope);
        return;
      }
      case 'for_statement':
        this.loop(s, scope, () => {
          const right = s.childForFieldName('right');
          const left = s.childForFieldName('left');
          const body = s.childForFieldName('body');
          const en = this.enumerated(right, left, scope);
          const it = en ? en.it : right ? this.expr(right, scope) : undefined;
          const target = en ? en.item : left;
          // A loop over a count whose body never reads the counter (`for _ in range(copies)`) does the same once per
          // count; not one that stops at a `break` (a retry's: one item), nor `for start in range(0, n, hop)`.
          if (it?.kind === 'num' && !it.of && target && body) {
            const counter = namesIn(target);
            const read = body.descendantsOfType('identifier').some((i) => !!i && counter.includes(i.text));
            if (!read && !body.descendantsOfType('break_statement').length) this.countLoops.add(s.id);
          }
          const names = this.unrollable(it, left);
          const numbers = left?.type === 'identifier' ? this.numbers(it) : undefined;
          // for part in (train, test), for name, part in parts.items() / for part in parts.values(): a few frames.
          const keyed = /\.(items|values)\(\)$/.test(right?.text ?? '');
          const frameVar =
            left?.type === 'identifier'
              ? left
              : keyed &&
                  /\.items\(\)$/.test(right?.text ?? '') &&
                  left?.type === 'pattern_list' &&
                  left.namedChildren.length === 2
                ? (left.namedChildren[1] ?? undefined)
                : undefined;
          // A name bound to a few frames made one by one (`out = [f.copy() for f in frames]`) is such a list too.
          const named =
            right?.type === 'identifier' && it?.kind === 'coll' && !it.keys && it.items.length >= 2;
          // for f in (fit_frame,) + frames: tuples written out or passed, one after the other.
          const joined = right?.type === 'binary_operator' && it?.kind === 'tuple';
          const frames =
            (right?.type === 'tuple' || right?.type === 'list' || keyed || named || joined) &&
            frameVar?.type === 'identifier' &&
            (it?.kind === 'tuple' || it?.kind === 'coll') &&
            it.items.length > 0 &&
            it.items.length <= 4 &&
            it.items.every((i) => i?.kind === 'data')
              ? (it.items as DataVal[])
              : undefined;
          if (names && left) {
            // for phase in ["train", "val"]: the body once per name, the name known to the branches and lookups on it.
            for (const v of names) {
              scope.set(left.text, { kind: 'strs', values: [v], list: false });
              if (body) this.block(body, scope);
            }
          } else if (frames && frameVar && left) {
            // for set_ in (train_set, test_set): set_.drop(..., inplace=True): the body once per frame.
            const keys = it?.kind === 'coll' ? it.keys : undefined;
            frames.forEach((f, i) => {
              scope.set(frameVar.text, f);
              if (frameVar !== left) {
                const k = keys?.[i];
                const nameVar = left.namedChildren[0];
                if (nameVar?.type === 'identifier')
                  if (k !== undefined) scope.set(nameVar.text, { kind: 'strs', values: [k], list: false });
                  else this.unbind(nameVar, scope);
              }
              if (body) this.block(body, scope);
            });
          } else if (
            left?.type === 'pattern_list' &&
            left.namedChildren.length === 2 &&
            left.namedChildren.every((c) => c?.type === 'identifier') &&
            /\.items\(\)$/.test(right?.text ?? '') &&
            it?.kind === 'coll' &&
            it.keys?.length === it.items.length &&
            it.items.length > 0 &&
            it.items.length <= 8 &&
            it.keys.every((k) => k !== undefined) &&
            it.items.every((i) => i.kind === 'num' || i.kind === 'strs' || i.kind === 'const')
          ) {
            // for name, w in {"roll_3h": 3, "roll_24h": 24}.items(): the body once per entry, the name known (the
            // column it defines) and its value (a window, a lag).
            const [kVar, vVar] = left.namedChildren as Node[];
            it.items.forEach((item, i) => {
              scope.set(kVar!.text, { kind: 'strs', values: [it.keys![i]!], list: false });
              scope.set(vVar!.text, item);
              if (body) this.block(body, scope);
            });
          } else if (numbers && left) {
            // for lag in (1, 7, 28): the body once per number (f"lag_{lag}" names, shift(lag) reads that far back);
            // with many, once with the number one of them.
            for (const k of numbers.length <= 8 ? numbers : [Number.NaN]) {
              scope.set(left.text, Number.isNaN(k) ? numOf(numbers) : { kind: 'num', value: k });
              if (body) this.block(body, scope);
            }
          } else {
            if (target) this.bindIteration(target, it, scope, posOf(s));
            if (body) this.block(body, scope);
          }
          const alt = s.childForFieldName('alternative');
          if (alt) this.statement(alt, scope);
        });
        return;
      case 'while_statement':
        this.loop(s, scope, () => {
          const cond = s.childForFieldName('condition');
          const v = cond ? this.expr(cond, scope) : undefined;
          if (cond) this.decide(v, posOf(cond));
          // while len(names) < 0: never entered.
          if (v?.kind === 'const' && !v.value) return;
          const body = s.childForFieldName('body');
          if (body) this.block(body, scope);
        });
        return;
      case 'function_definition': {
        this.functions.push({ node: s, scope });
        this.funcDefs.set(s.id, { node: s, scope });
        const name = s.childForFieldName('name')?.text;
        if (name) scope.set(name, { kind: 'func', name, id: s.id });
        return;
      }
      case 'decorated_definition': {
        const def = s.childForFieldName('definition');
        if (def) this.statement(def, scope);
        return;
      }
      case 'class_definition': {
        const name = s.childForFieldName('name')?.text;
        const supers = s.childForFieldName('superclasses')?.text ?? '';
        const torch = /\b(nn\.)?Module\b|LightningModule|keras\.Model|\bModel\b/.test(supers);
        const methods = new Map<string, number>();
        const body = s.childForFieldName('body');
        // @dataclass class Split: X_train: np.ndarray …; class Split(NamedTuple): …: fields in order.
        const decorated =
          s.parent?.type === 'decorated_definition' &&
          /@(dataclasses\.)?dataclass\b/.test(s.parent.text.slice(0, s.startIndex - s.parent.startIndex));
        const fields =
          decorated || /\bNamedTuple\b/.test(supers)
            ? (body?.namedChildren ?? [])
                .map((c) => (c?.type === 'expression_statement' ? c.namedChildren[0] : undefined))
                .filter((a): a is Node => a?.type === 'assignment' && !!a.childForFieldName('type'))
                .map((a) => a.childForFieldName('left')?.text ?? '')
                .filter((f) => /^\w+$/.test(f))
            : undefined;
        // params: dict = field(default_factory=lambda: {…}), seed: int = 0: each field's default, the lambda's body
        // for a factory.
        const defaults = new Map<string, Val>();
        for (const c of fields ? (body?.namedChildren ?? []) : []) {
          const a = c?.type === 'expression_statement' ? c.namedChildren[0] : undefined;
          const left =
            a?.type === 'assignment' && a.childForFieldName('type') ? a.childForFieldName('left') : null;
          let right = a?.childForFieldName('right') ?? null;
          if (left?.type !== 'identifier' || !right) continue;
          if (
            right.type === 'call' &&
            /^(dataclasses\.)?field$/.test(right.childForFieldName('function')?.text ?? '')
          ) {
            const kws = (right.childForFieldName('arguments')?.namedChildren ?? []).filter(
              (k) => k?.type === 'keyword_argument',
            );
            const kw = (name: string) =>
              kws.find((k) => k?.childForFieldName('name')?.text === name)?.childForFieldName('value');
            const factory = kw('default_factory');
            right =
              factory?.type === 'lambda'
                ? (factory.childForFieldName('body') ?? null)
                : (kw('default') ?? null);
            if (!right) continue;
          }
          const v = this.expr(right, scope);
          if (v) defaults.set(left.text, v);
        }
        // categorical = ["a", "b"] in the class body (no annotation): a class attribute, self.categorical in methods.
        const attrs = new Map<string, Val>();
        for (const c of body?.namedChildren ?? []) {
          const a = c?.type === 'expression_statement' ? c.namedChildren[0] : undefined;
          const left =
            a?.type === 'assignment' && !a.childForFieldName('type') ? a.childForFieldName('left') : null;
          const right = a?.childForFieldName('right');
          if (left?.type !== 'identifier' || !right) continue;
          const v = this.expr(right, scope);
          if (v) attrs.set(left.text, v);
        }
        if (name) {
          scope.set(name, {
            kind: 'class',
            name,
            torch,
            methods,
            ...(fields?.length ? { fields } : {}),
            ...(defaults.size > 0 ? { defaults } : {}),
            ...(attrs.size > 0 ? { attrs } : {}),
          });
          if (torch) this.torchClasses.add(name);
        }
        for (const c of body?.namedChildren ?? []) {
          if (c?.type === 'function_definition' || c?.type === 'decorated_definition') {
            const def = c.type === 'decorated_definition' ? c.childForFieldName('definition') : c;
            if (!def) continue;
            this.functions.push({ node: def, scope });
            this.funcDefs.set(def.id, { node: def, scope });
            const m = def.childForFieldName('name')?.text;
            if (m) methods.set(m, def.id);
          }
        }
        return;
      }
      case 'return_statement': {
        const v = s.namedChildren[0] ? this.expr(s.namedChildren[0], scope) : undefined;
        this.returns.at(-1)?.push(v);
        return;
      }
      case 'delete_statement':
        // del df["ratio"]: the column is gone.
        for (const t of s.namedChildren.flatMap((c) =>
          c?.type === 'expression_list' ? c.namedChildren : [c],
        )) {
          if (t?.type !== 'subscript') continue;
          const base = t.childForFieldName('value');
          const col = stringValue(t.childrenForFieldName('subscript')[0]);
          const frame = base ? this.expr(base, scope) : undefined;
          if (frame?.kind === 'data' && col !== undefined)
            this.facts.columnDefs.get(frame.frame)?.delete(col);
        }
        return;
      case 'assert_statement':
      case 'print_statement':
      case 'raise_statement':
        for (const c of s.namedChildren) if (c) this.expr(c, scope);
        return;
      default:
        return;
    }
  }

  /**
   * for x, y in zip(X, y): for _ in range(copies): out.append(jitter(x)): a loop over a count (see countLoops) inside
   * the pass over the rows, so each row is appended once per count (a copy each time); the body is interpreted once,
   * so the second append is not seen. (`out.append(x[k])` for k in range(…) reads its counter: parts of the row.)
   */
  private repeatedIn(rowLoop: number): boolean {
    return this.loops.slice(this.loops.indexOf(rowLoop) + 1).some((l) => this.countLoops.has(l));
  }

  private loop(s: Node, _scope: Scope, body: () => void): void {
    this.loops.push(s.id);
    const first = this.facts.evals.length;
    try {
      body();
    } finally {
      this.loops.pop();
    }
    this.trainedAfterInLoop(first);
  }

  /**
   * A score taken in a loop on the rows the loop then trains the model on (`loss = loss_fn(model(bx), by)` logged
   * before `train(model, bx, by)`): a training loss, since the loop trains on those rows every iteration (the body is
   * interpreted once, so the fit comes after the score). Those later fits count as made before it.
   */
  private trainedAfterInLoop(first: number): void {
    for (const e of this.facts.evals.slice(first)) {
      const made = this.evalFits.get(e);
      if (made === undefined || e.how === 'early-stopping') continue;
      const later = e.model.fits.slice(made).filter((f) => !f.fresh);
      const covering = later.find((f) =>
        [...e.data.rows].every(
          (r) => f.rows.has(r) || [...ancestors(this.facts, r)].some((a) => f.rows.has(a)),
        ),
      );
      if (covering && e.data.rows.size > 0 && !e.fitsBefore.some((f) => f.at === covering.at))
        e.fitsBefore.push({ rows: covering.rows, at: covering.at });
    }
  }

  private importStatement(s: Node, scope: Scope): void {
    if (s.type === 'import_statement') {
      for (const n of s.namedChildren) {
        if (!n) continue;
        if (n.type === 'aliased_import') {
          const name = n.childForFieldName('name')?.text ?? '';
          const alias = n.childForFieldName('alias')?.text ?? name;
          scope.set(alias, { kind: 'module', name });
          this.facts.imports.set(alias, name);
        } else if (n.type === 'dotted_name') {
          const top = n.text.split('.')[0]!;
          scope.set(top, { kind: 'module', name: top });
          this.facts.imports.set(top, top);
          this.facts.imports.set(n.text, n.text);
        }
      }
      return;
    }
    const module = s.childForFieldName('module_name')?.text ?? '';
    for (const n of s.namedChildren) {
      if (!n || n.id === s.childForFieldName('module_name')?.id) continue;
      if (n.type === 'aliased_import') {
        const name = n.childForFieldName('name')?.text ?? '';
        const alias = n.childForFieldName('alias')?.text ?? name;
        scope.set(alias, { kind: 'module', name: `${module}.${name}` });
        this.facts.imports.set(alias, `${module}.${name}`);
      } else if (n.type === 'dotted_name') {
        scope.set(n.text, { kind: 'module', name: `${module}.${n.text}` });
        this.facts.imports.set(n.text, `${module}.${n.text}`);
      }
    }
  }

  private exprStatement(e: Node, scope: Scope): void {
    if (e.type === 'call') this.imageWrite(e);
    if (e.type === 'assignment') {
      const right = e.childForFieldName('right');
      const left = e.childForFieldName('left');
      if (!right || !left) return;
      // out_dir = dst / img_path.parent.name: a path under dst (see imageWrite).
      if (left.type === 'identifier' && /\s\/\s|os\.path\.join\(|\bPath\(|^f["']/.test(right.text)) {
        const root = this.pathRoot(right);
        if (root !== undefined && root !== left.text) this.pathRoots.set(left.text, root);
      }
      if (left.type === 'identifier' && STOPPING.test(right.text)) this.stoppers.add(left.text);
      const ckpt = left.type === 'identifier' ? this.checkpointFile(right.text, scope) : undefined;
      if (ckpt) this.checkpoints.set(left.text, ckpt);
      const v = this.expr(right, scope);
      if (v) this.bind(left, v, scope, right);
      else this.unbind(left, scope);
      return;
    }
    if (e.type === 'augmented_assignment') {
      const left = e.childForFieldName('left');
      const right = e.childForFieldName('right');
      if (!left || !right) return;
      const a = this.expr(left, scope);
      const b = this.expr(right, scope);
      const merged = this.binary(a, b, posOf(e));
      if (merged) this.bind(left, merged, scope);
      return;
    }
    if (e.type === 'yield') {
      // A generator: what it yields is what calling it gives (for the flow, like a return).
      const v = e.namedChildren[0] ? this.expr(e.namedChildren[0], scope) : undefined;
      this.returns.at(-1)?.push(v);
      return;
    }
    this.expr(e, scope);
  }

  private unbind(target: Node, scope: Scope): void {
    if (target.type === 'identifier') scope.delete(target.text);
    else if (
      target.type === 'pattern_list' ||
      target.type === 'tuple_pattern' ||
      target.type === 'list_pattern'
    )
      for (const c of target.namedChildren) if (c) this.unbind(c, scope);
  }

  private bind(target: Node, v: Val, scope: Scope, valueNode?: Node): void {
    switch (target.type) {
      case 'identifier': {
        let bound = v;
        if (v.kind === 'est' && this.loops.length > 0 && v.loop === undefined) bound = v; // re-bound, not re-made
        scope.set(target.text, bound);
        // (A mask's name, is_val = (train_df["date"] >= …).to_numpy(), names the rows it will keep, not the rows it is
        // computed from.)
        if (v.kind === 'data' && !v.mask)
          for (const r of v.rows) this.facts.origins.get(r)?.names.add(target.text);
        return;
      }
      case 'pattern_list':
      case 'tuple_pattern':
      case 'list_pattern':
      case 'tuple':
      case 'list': {
        const targets = target.namedChildren.filter((c): c is Node => !!c);
        // fpr, tpr, _ = roc_curve(y_test, proba): the thresholds are dropped, so a point picked on the curve (the
        // equal-error point) reads a metric off it and sets nothing; only a kept threshold makes the sweep a choice.
        if (v.kind === 'data' && targets.length === 3 && targets[2]!.text === '_')
          for (const e of v.evals ?? []) e.sweep = undefined;
        // train, test = parts, parts a list of as many frames: one each.
        if (
          v.kind === 'tuple' ||
          (v.kind === 'coll' &&
            targets.length >= 2 &&
            v.items.length === targets.length &&
            // (X_tr, y_tr), (X_te, y_te) = pairs, a list of as many (X, y) pairs: one each.
            v.items.every((i) => i.kind === 'data' || i.kind === 'tuple'))
        ) {
          targets.forEach((t, i) => {
            const item = v.items[i];
            if (item) this.bind(t, item, scope);
            else this.unbind(t, scope);
          });
        } else if (
          v.kind === 'coll' &&
          v.items.length === 1 &&
          v.items[0]!.kind === 'tuple' &&
          targets.every(
            (t) =>
              (t.type === 'tuple_pattern' || t.type === 'list_pattern' || t.type === 'tuple') &&
              t.namedChildren.length === (v.items[0] as TupleVal).items.length,
          )
        ) {
          // (X_fit, y_fit), (X_val, y_val) = to_tensors(fit, val), a list built by out.append((X, y)) once per frame
          // (one item here, the loop read once): each pair is (X, y) position by position, not X and y together.
          for (const t of targets) this.bind(t, v.items[0]!, scope);
        } else for (const t of targets) this.bind(t, v, scope);
        return;
      }
      case 'subscript': {
        // df['col'] = expr: the frame now carries what expr carries (taints, time evidence).
        const obj = target.childForFieldName('value');
        const base = obj ? this.expr(obj, scope) : undefined;
        // parts[name] = part.fillna(…) of a dict keyed by names ({"train": …, "test": …}), name known: that entry
        // is replaced. results[name] = score: the collection holds it (picking its best later chooses by it).
        const subNode = target.childrenForFieldName('subscript')[0];
        const entry = base?.kind === 'coll' && base.keys && subNode ? this.key(subNode, scope) : undefined;
        const slot = entry !== undefined && base?.kind === 'coll' ? base.keys!.indexOf(entry) : -1;
        if (base?.kind === 'coll' && slot >= 0 && v) base.items[slot] = v;
        else if (base?.kind === 'coll' && base.items.length < 64) {
          base.items.push(v);
          if (base.keys) base.keys.push(entry);
        }
        // params["early_stopping_rounds"] = 50 of a dict written out: one more keyword argument it gives (**params).
        const key = stringValue(subNode);
        const kw = base?.kind === 'coll' ? this.kwargNodes.get(base) : undefined;
        if (kw && valueNode && key !== undefined && /^[A-Za-z_]\w*$/.test(key)) kw.set(key, valueNode);
        if (base?.kind === 'data') {
          const sub = target.childrenForFieldName('subscript').filter((c): c is Node => !!c);
          // df["ratio"] = …, df.loc[:, "ratio"] = …, df[["a", "b"]] = …: columns of the frame and what they come from.
          const colNode = sub.length > 1 ? sub[1] : sub[0];
          // df.loc[df.city.isin(rare), "city"] = "other": the rows changed are chosen by what was learnt (counts of
          // all rows), which the frame now carries.
          const rowSel = sub.length > 1 && sub[0]!.type !== 'slice' ? this.expr(sub[0]!, scope) : undefined;
          const chosenBy = rowSel?.kind === 'stat' ? [] : this.dataOf(rowSel).flatMap((d) => d.taints);
          const fstr = colNode?.type === 'string' ? this.expr(colNode, scope) : undefined;
          const named = colNode
            ? (stringList(colNode) ??
              this.named(colNode, scope)?.values ??
              (fstr?.kind === 'strs' ? fstr.values : undefined))
            : undefined;
          // df[cols] = df[cols].fillna(0): each column computed from itself (the selection carries no names row by row).
          const own = (c: string): Val | undefined =>
            v?.kind === 'data' &&
            !v.deps &&
            v.cols?.mode === 'only' &&
            v.cols.frame === base.frame &&
            v.cols.names.has(c)
              ? { ...v, deps: [{ frame: base.frame, name: c, lag: 0 }] }
              : v;
          for (const c of named ?? []) this.defineColumn(base, c, own(c), posOf(target));
          // daily["day"] = daily["day"] + pd.Timedelta(days=1) on a reduction by day: its statistics move to another
          // day's rows when merged back (see Taint.mergedBack).
          for (const r of base.rows)
            if (named?.some((c) => this.reductionKeys(r)?.includes(c))) this.movedKeys.add(r);
          // s["day"] = s["plug_in_time"].dt.normalize(): a calendar period of a time column (see Facts.periodKeys).
          const period = valueNode ? periodOf(valueNode.text) : undefined;
          if (period && named?.length === 1) {
            this.facts.periodKeys ??= new Map();
            const m = this.facts.periodKeys.get(base.frame) ?? new Map<string, string>();
            m.set(named[0]!, period);
            this.facts.periodKeys.set(base.frame, m);
          }
          // X = df[COLS].copy(); X["lead_days"] = …: the selection now has that column too.
          if (named?.length && base.cols?.mode === 'only' && base.cols.frame === base.frame)
            for (const c of named) base.cols.names.add(c);
          // What is learnt is written to these columns (see Taint.assigned).
          const tag = (t: Taint): Taint =>
            named?.length ? { ...t, assigned: { frame: base.frame, names: [...named] } } : t;
          for (const d of this.dataOf(v)) {
            if (base.emptyFrame && !d.evals && !d.internal && !d.preds?.length)
              for (const r of d.rows) base.rows.add(r);
            for (const t of d.taints) {
              if (!base.taints.includes(t)) base.taints.push(tag(t));
              else if (named?.length && t.assigned?.frame === base.frame) {
                // df["resid"] = df["y"] - df["trend"]: computed from a column the learnt values were written to,
                // the new column carries them too.
                const a = t.assigned;
                const reads = d.deps?.some((c) => c.frame === base.frame && a.names.includes(c.name));
                const fresh = named.filter((c) => !a.names.includes(c));
                if (reads && fresh.length > 0)
                  base.taints[base.taints.indexOf(t)] = {
                    ...t,
                    assigned: { frame: a.frame, names: [...a.names, ...fresh] },
                  };
              }
            }
            // df["segment"] = KMeans(5).fit_predict(df[num]): a column of what a model learnt from its fit rows.
            for (const p of d.preds ?? []) {
              const fit = p.model.fits.at(-1);
              // df["detr"] = df.y - trend.predict(t) on the rows the trend was fit on: in-sample residuals, a
              // transform of those rows (detrending), not a held-out error.
              const inSample = fit && [...p.data.rows].every((r) => fit.rows.has(r));
              if (fit && (!d.evals || inSample) && !base.taints.some((t) => t.at === fit.at))
                base.taints.push(tag({ by: `${p.model.cls} predictions`, fitRows: fit.rows, at: fit.at }));
            }
            base.time = strongest(base.time, d.time);
            // scores[i] = mean_squared_error(y_test, pred): an array of scores (picking its best chooses by them).
            // (Not out[f"{col}_z"] = resid / sd, a residual written to a named column of a frame of rows: a feature
            // made of it; the frame stays rows, which a split can still divide.)
            const feature = colNode?.type === 'string' && base.rows.size > 0 && !base.evals?.length;
            if (feature)
              for (const e of d.evals ?? []) if (this.residuals.has(e) && !e.decides) e.written = true;
            if (d.evals?.length && !feature)
              base.evals = [...(base.evals ?? []), ...d.evals.filter((e) => !base.evals?.includes(e))];
            if (d.internal?.length)
              base.internal = [
                ...(base.internal ?? []),
                ...d.internal.filter((e) => !base.internal?.includes(e)),
              ];
          }
          if (v.kind === 'stat') base.taints.push(tag({ by: v.by, fitRows: v.rows, at: v.at }));
          for (const t of chosenBy) if (!base.taints.includes(t)) base.taints.push(tag(t));
          if (valueNode && /\bto_datetime\b/.test(valueNode.text)) {
            base.time = strongest(base.time, {
              at: posOf(valueNode),
              evidence: 'a datetime column',
              weak: true,
            });
          }
        }
        return;
      }
      case 'attribute': {
        // self.X = …: an attribute of an instance.
        const objNode = target.childForFieldName('object');
        const attr = target.childForFieldName('attribute')?.text;
        const base = objNode ? this.receiver(objNode, scope) : undefined;
        if (base?.kind === 'obj' && attr) {
          base.attrs.set(attr, v);
          base.items = undefined;
        }
        return;
      }
      default:
        return;
    }
  }

  /** Binds a loop target to one item of what is iterated (a collection of models, a splitter's folds). */
  private bindIteration(target: Node, it: Val | undefined, scope: Scope, at: Position): void {
    if (!it) {
      this.unbind(target, scope);
      return;
    }
    // for model in (HuberRegressor(), HistGradientBoostingRegressor()): a tuple of models, as a list of them.
    if (it.kind === 'tuple' && it.items.length > 0 && it.items.every((i) => i?.kind === 'est'))
      it = { kind: 'coll', items: it.items as Val[] };
    if (it.kind === 'coll') {
      const ests = it.items.filter((i): i is EstVal => i.kind === 'est');
      const data = it.items.filter((i): i is DataVal => i.kind === 'data');
      let item: Val | undefined;
      if (ests.length === 1 && it.items.length === 1) {
        // for model in [Ridge()]: that one model, the same every iteration (made in the for statement or not).
        const one = ests[0]!;
        if (one.loop !== undefined && one.loop === this.loops.at(-1)) one.loop = undefined;
        item = one;
      } else if (ests.length > 0) {
        // One of several models, different each iteration: fit as each of them was.
        // (Models of different targets, {col: ols(f"{col} ~ …") for col in ("fev1", "fvc")}, are no alternatives
        // to choose between: one per outcome, not made in the loop as candidates.)
        const targets = ests.map((e) => {
          const ys = this.facts.trainings.filter((t) => t.model.id === e.id).map((t) => t.y?.column?.name);
          return ys.length > 0 && ys.every((y) => y !== undefined && y === ys[0]) ? ys[0] : undefined;
        });
        const perTarget =
          ests.length > 1 && targets.every((y) => y !== undefined) && new Set(targets).size === ests.length;
        item = {
          ...this.est(ests.map((e) => e.cls).join(' | '), ests[0]!.role, at),
          fits: ests.flatMap((e) => e.fits),
          loop: perTarget ? undefined : this.loops.at(-1),
        };
      } else if (data.length > 0) item = this.derive(data, at);
      else if (
        it.items.length > 1 &&
        it.items.length <= 8 &&
        it.items.every(
          (i) =>
            i.kind === 'func' &&
            this.canInline(i) &&
            (this.funcDefs.get(i.id)?.node.childForFieldName('parameters')?.namedChildren.length ?? 0) === 0,
        )
      ) {
        // for name, make in {"ridge": lambda: Ridge(), "forest": lambda: RandomForestRegressor()}.items(): factories
        // of several models, each called in the loop: one of those models, a different one each iteration.
        const made = (it.items as FuncVal[]).map((f) => this.inlineWith(f, [], new Map()));
        const ests = made.filter((m): m is EstVal => m?.kind === 'est');
        if (ests.length === made.length)
          item = {
            kind: 'func',
            name: '<factory>',
            id: (it.items[0] as FuncVal).id,
            made: { ...this.est(ests.map((e) => e.cls).join(' | '), ests[0]!.role, at) },
          };
      } else if (it.items.length > 0 && it.items.every((i) => i.kind === 'stat')) {
        // for col, lam in params.items() over {col: stats.boxcox(frame[col])[1] …}: one of the learnt values, learnt
        // from the rows of them all.
        const stats = it.items as StatVal[];
        item = {
          kind: 'stat',
          rows: new Set(stats.flatMap((x) => [...x.rows])),
          by: stats[0]!.by,
          at: stats[0]!.at,
        };
      } else if (
        it.items.length > 0 &&
        it.items.every((i) => i.kind === 'coll' && !i.keys && i.items.length > 0)
      ) {
        // for c, cuts in edges.items() over {c: [q25, q50, …]}: one of the lists, its items those of them all.
        item = { kind: 'coll', items: it.items.flatMap((i) => (i as CollVal).items).slice(0, 64) };
      }
      const nested = it.items.find((i) => i.kind === 'tuple');
      if (!item && nested) item = nested;
      // folds = kf.split(X) made before the loop, then `for tr, te in folds`: a different fold each iteration, as
      // when the split is called in the for statement itself (its rows are drawn in this loop).
      const loop = this.loops.at(-1);
      if (nested?.kind === 'tuple' && loop !== undefined)
        for (const i of nested.items) {
          const o = i?.kind === 'index' ? this.facts.origins.get(i.origin) : undefined;
          if (o && o.loop === undefined && o.split?.fn.endsWith('.split')) o.loop = loop;
        }
      if (item) {
        if (target.type === 'pattern_list' || target.type === 'tuple_pattern') {
          const parts = target.namedChildren.filter((c): c is Node => !!c);
          const inner = parts[1];
          if (
            parts.length === 2 &&
            item.kind === 'tuple' &&
            (inner?.type === 'tuple_pattern' || inner?.type === 'pattern_list') &&
            inner.namedChildren.length === item.items.length
          ) {
            // for c, (lo, hi) in bounds.items() over {c: (lo, hi)}: a dict's items are its own (key, value) pairs;
            // the key is a name, the value the tuple.
            const keys = it.keys?.filter((k): k is string => k !== undefined) ?? [];
            if (keys.length > 0 && keys.length === it.items.length && parts[0]!.type === 'identifier')
              scope.set(parts[0]!.text, { kind: 'strs', values: keys, list: false });
            else this.unbind(parts[0]!, scope);
            this.bind(inner, item, scope);
          } else if (item.kind === 'tuple') this.bind(target, item, scope);
          else this.bind(parts.at(-1)!, item, scope);
        } else this.bind(target, item, scope);
      } else this.unbind(target, scope);
      return;
    }
    if (it.kind === 'num') {
      // for t in np.linspace(...): a number each iteration; for i in range(len(X)): a position in X's rows.
      const loop = this.loops.at(-1);
      if (it.of && loop !== undefined) this.facts.batchLoops.add(loop);
      // for i in range(1, 5): one of those numbers.
      const one: Val = !it.of && it.values ? numOf(it.values) : { kind: 'num', value: Number.NaN };
      for (const c of target.type === 'identifier' ? [target] : target.namedChildren)
        if (c) scope.set(c.text, target.type === 'identifier' ? one : { kind: 'num', value: Number.NaN });
      return;
    }
    if (it.kind === 'pred') {
      // for y_pred in reg.staged_predict(X_test): the predictions after each boosting stage.
      this.bind(target, it, scope);
      return;
    }
    if (it.kind === 'tuple') {
      // enumerate()/zip() results and splitter folds come as tuples of items; zip(X, y) goes over rows, and so does
      // zip(predictions, y_test) (a prediction and its label, row by row).
      const loop = this.loops.at(-1);
      const rowwise = (i: Val | undefined) => i?.kind === 'data' && !i.preds && !i.evals && !i.internal;
      if (
        loop !== undefined &&
        it.items.length > 0 &&
        it.items.some(rowwise) &&
        it.items.every((i) => rowwise(i) || i?.kind === 'pred')
      )
        this.facts.batchLoops.add(loop);
      this.bind(target, it, scope);
      return;
    }
    if (it.kind === 'group' && (target.type === 'pattern_list' || target.type === 'tuple_pattern')) {
      // for store, grp in scored.groupby("store_id"): each group's rows, a part of the frame with its columns (and
      // the predictions written to them); the key unknown.
      const loop = this.loops.at(-1);
      if (loop !== undefined) this.facts.batchLoops.add(loop);
      const parts = target.namedChildren.filter((c): c is Node => !!c);
      if (parts.length === 2) {
        this.unbind(parts[0]!, scope);
        this.bind(parts[1]!, this.derive([it.data], at, true), scope);
        return;
      }
    }
    if (it.kind === 'data' && !it.evals && !it.internal) {
      // Iterating a data loader or a frame: batches of the same rows.
      const loop = this.loops.at(-1);
      if (loop !== undefined) this.facts.batchLoops.add(loop);
      const batch = this.derive([it], at, true);
      if (target.type === 'pattern_list' || target.type === 'tuple_pattern') {
        for (const t of target.namedChildren) if (t) this.bind(t, batch, scope);
      } else this.bind(target, batch, scope);
      return;
    }
    this.unbind(target, scope);
  }

  // ---- expressions --------------------------------------------------------------------------------------

  private expr(n: Node, scope: Scope): Val | undefined {
    switch (n.type) {
      case 'lambda': {
        // text_pipeline = lambda x: vocab(tokenizer(x)): a function value, run where it is called.
        this.funcDefs.set(n.id, { node: n, scope });
        return { kind: 'func', name: '<lambda>', id: n.id };
      }
      case 'identifier': {
        // A name never bound here (a parameter, a star import, an earlier notebook session) used as a value: unknown
        // data, bound so that every later use is the same rows.
        const v = scope.get(n.text);
        if (v || BUILTINS.has(n.text)) return v;
        const d = this.unknownData(posOf(n));
        scope.set(n.text, d);
        return d;
      }
      case 'parenthesized_expression':
        return n.namedChildren[0] ? this.expr(n.namedChildren[0], scope) : undefined;
      case 'attribute':
        return this.attribute(n, scope);
      case 'call': {
        const v = this.call(n, scope);
        // An as-of join's result: the later records it may bring (see noteLaterAsOf).
        const laterCols = this.laterJoins.get(n.id);
        if (laterCols && v?.kind === 'data') return { ...v, laterCols };
        // CUTOFF = pd.Timestamp("2019-01-01"): unknown data as before (a constant to masks, as a name bound to nothing
        // is when used), its value noted for the ranges masks keep (see constantValue).
        // (pd.Period(TRAIN_END, "M"), pd.Timestamp(CUTOFF): of a name bound to a date, that date.)
        const first = n.childForFieldName('arguments')?.namedChildren[0];
        const dateOf =
          /(^|\.)(Timestamp|to_datetime|datetime64|Period)$/.test(
            n.childForFieldName('function')?.text ?? '',
          ) && first?.type === 'identifier'
            ? this.expr(first, scope)
            : undefined;
        const t =
          v === undefined || (v.kind === 'data' && !v.deps)
            ? constantValue(dateOf?.kind === 'strs' ? dateOf : undefined, n)
            : undefined;
        if (t === undefined) return v;
        const d = v?.kind === 'data' ? v : this.unknownData(posOf(n));
        this.timeConstants.set(d.frame, t);
        return d;
      }
      case 'subscript':
        return this.subscript(n, scope);
      case 'binary_operator': {
        const l = n.childForFieldName('left');
        const r = n.childForFieldName('right');
        const op = n.childForFieldName('operator')?.type;
        const a = l ? this.expr(l, scope) : undefined;
        const b = r ? this.expr(r, scope) : undefined;
        // 0.8 * len(X), LOOKBACK + 1: numbers (a size times a fraction is no longer the rows).
        if (a?.kind === 'num' && b?.kind === 'num') return arithmetic(op, nums(a), nums(b));
        // CUTOFF - pd.Timedelta(days=HORIZON): a date that many days from a known one, a bound of its own, not
        // CUTOFF's (CUTOFF - gap of a span bound elsewhere: another date all the same, its value unknown).
        if ((op === '-' || op === '+') && a?.kind === 'data' && this.timeConstants.has(a.frame) && r) {
          const days = this.spanDays(r, scope);
          const d = this.unknownData(posOf(n));
          if (days !== undefined && days !== null)
            this.timeConstants.set(
              d.frame,
              this.timeConstants.get(a.frame)! + (op === '-' ? -1 : 1) * days * 864e5,
            );
          return d;
        }
        const v = this.binary(a, b, posOf(n), op);
        // df["starts_at"] - df["booked_at"] of two time columns: the one subtracted comes first (see Facts.timeOrder).
        if (op === '-' && a?.kind === 'data' && b?.kind === 'data' && a.column && b.column) {
          const [later, earlier] = [a.column, b.column];
          if (
            later.frame === earlier.frame &&
            later.name !== earlier.name &&
            [later, earlier].every((c) => TIME_NAME.test(c.name))
          ) {
            this.facts.timeOrder ??= [];
            this.facts.timeOrder.push({ frame: later.frame, earlier: earlier.name, later: later.name });
          }
        }
        // g["won"].cumsum() - df["won"]: the sum of each group's earlier rows, the row's own value taken out again
        // (as shift(1) and an expanding sum); a reduction's rows so moved off their own keys (see moveReduction).
        if (op === '-' && l && r && v?.kind === 'data' && a?.kind === 'data' && cumulativeLessOwn(l, r)) {
          this.moveReduction(a);
          if (v.deps) v.deps = v.deps.map((c) => (c.lag === 0 && !c.pos ? { ...c, lag: 1 } : c));
        }
        return v;
      }
      case 'true':
      case 'false':
        return { kind: 'const', value: n.type === 'true' };
      case 'concatenated_string': {
        // "y ~ a" " + b": one string when every part is a literal; otherwise its parts are evaluated (f-strings).
        const v = stringValue(n);
        if (v !== undefined) return { kind: 'strs', values: [v], list: false };
        for (const c of n.namedChildren) if (c) this.expr(c, scope);
        return undefined;
      }
      case 'string': {
        // f"{evaluate(model, X_test):.3f}": the expressions inside are evaluated like any other; f"lag_{k}" with k
        // known (a string, or one of a few numbers) is those names.
        let texts: string[] | undefined = [''];
        // f"rating {s}/5. {t}" of values of rows (not scores): a text made of them, row by row.
        const rowValues: DataVal[] = [];
        for (const c of n.namedChildren) {
          if (c?.type === 'string_content') texts = texts?.map((t) => t + c.text);
          else if (c?.type === 'interpolation') {
            const e = c.childForFieldName('expression');
            const v = e ? this.expr(e, scope) : undefined;
            if (v?.kind === 'data' && !v.preds && !v.evals && !v.internal && v.deps?.length)
              rowValues.push(v);
            const parts = c.namedChildren.some(
              (x) => x?.type === 'format_specifier' || x?.type === 'type_conversion',
            )
              ? undefined
              : v?.kind === 'strs' && !v.list && !v.partial
                ? v.values
                : nums(v)?.map(String);
            texts =
              parts && texts && texts.length * parts.length <= 16
                ? texts.flatMap((t) => parts.map((p) => t + p))
                : undefined;
          } else if (c?.type !== 'string_start' && c?.type !== 'string_end') texts = undefined;
        }
        const v = stringValue(n);
        if (v !== undefined) return { kind: 'strs', values: [v], list: false };
        if (texts && texts.length > 0) return { kind: 'strs', values: texts, list: false };
        return rowValues.length > 0 ? this.derive(rowValues, posOf(n), true) : undefined;
      }
      case 'integer':
      case 'float':
        // A number is a number, not unknown rows (num_classes = 10, later to_categorical(y, num_classes)).
        return { kind: 'num', value: Number(n.text.replace(/_/g, '')) };
      case 'unary_operator':
      case 'not_operator': {
        const a = n.childForFieldName('argument') ?? n.namedChildren.at(-1);
        const v = a ? this.expr(a, scope) : undefined;
        if (n.type === 'not_operator' && v?.kind === 'const') return { kind: 'const', value: !v.value };
        // shift(-lag): the values negated.
        if (v?.kind === 'num' && n.children[0]?.type === '-') return numOf(nums(v)?.map((x) => -x));
        // ~mask: the complement of a mask.
        if (v?.kind === 'data' && v.mask && (n.children[0]?.type === '~' || n.type === 'not_operator'))
          return {
            ...this.derive([v], posOf(n), true),
            mask: {
              key: v.mask.key,
              neg: !v.mask.neg,
              ...(v.mask.ids !== undefined ? { ids: v.mask.ids } : {}),
            },
          };
        return v;
      }
      case 'comparison_operator':
      case 'boolean_operator': {
        const mask = n.type === 'comparison_operator' ? this.maskOf(n, scope) : undefined;
        if (mask) return mask;
        const vals = n.namedChildren.map((c) => (c ? this.expr(c, scope) : undefined));
        const folded = this.fold(n, vals);
        if (folded) return folded;
        // awarded >= 0.5 * deposit_amount: the outcome measured against a share of another column, a rate per unit
        // of it (awarded / deposit >= 0.5) — that column read as a divisor is (see ColDep.divisor).
        const scaled = (c: Node | null, v: Val | undefined): Val | undefined => {
          if (n.type !== 'comparison_operator' || c?.type !== 'binary_operator' || v?.kind !== 'data')
            return v;
          if (c.childForFieldName('operator')?.type !== '*') return v;
          const sides = [c.childForFieldName('left'), c.childForFieldName('right')];
          if (!sides.some((x) => x && /^(integer|float)$/.test(x.type))) return v;
          return v.deps ? { ...v, deps: v.deps.map((d) => ({ ...d, divisor: true as const })) } : v;
        };
        const data = vals.flatMap((v, i) => this.dataOf(scaled(n.namedChildren[i] ?? null, v)));
        if (data.length === 0) return vals.find((v) => v?.kind === 'stat');
        const out = this.derive(data, posOf(n));
        // ev["event_time"] < ev["delinquent_on"]: two columns of the same rows in time order (see DataVal.rowCut).
        const op = n.type === 'comparison_operator' ? n.children.filter((c) => c && !c.isNamed) : [];
        const [l, r] = vals;
        if (
          op.length === 1 &&
          /^[<>]=?$/.test(op[0]!.type) &&
          l?.kind === 'data' &&
          r?.kind === 'data' &&
          l.column &&
          r.column &&
          l.column.frame === r.column.frame &&
          l.column.name !== r.column.name &&
          !l.preds &&
          !r.preds
        ) {
          const lt = op[0]!.type.startsWith('<');
          // (Open: the later column bounded from below only, unless narrowed by another mask on it, see binary.)
          out.rowCut = { earlier: (lt ? l : r).column!.name, later: (lt ? r : l).column!.name, open: true };
        }
        // (model(x).argmax(1) == y): predictions counted against labels, an accuracy.
        const evals = n.type === 'comparison_operator' ? this.scoreAgainst(data, posOf(n)) : [];
        // p_test >= threshold, the threshold picked from the same model's curve on these very rows
        // (thresholds[np.flatnonzero(recall >= TARGET)[-1]] of precision_recall_curve(y_test, p_test)): the model put
        // to use at the threshold its test scores chose — what is then counted of it is scored at that choice.
        if (evals.length === 0 && op.length === 1 && /^[<>]=?$/.test(op[0]!.type)) {
          const chosen = data
            .flatMap((d) => (d.preds ? [] : (d.evals ?? [])))
            .filter((e) => e.sweep && e.decides);
          for (const d of data)
            for (const p of d.preds ?? [])
              if (chosen.some((e) => e.model.id === p.model.id && this.sameRows(e.data, p.data)))
                evals.push(this.evaluate(p.model, p.data, posOf(n), 'metric', p.id, p.fits));
        }
        if (evals.length) out.evals = [...(out.evals ?? []), ...evals];
        // abs_err <= k * mad in a loop over k, abs_err a score computed before the loop: the score of each setting
        // tried (see EvalFact.perSetting).
        const loop = this.loops.at(-1);
        if (n.type === 'comparison_operator' && loop !== undefined && !this.facts.batchLoops.has(loop))
          for (const d of data)
            for (const e of d.evals ?? []) if (!e.loops.includes(loop)) e.perSetting ??= loop;
        return out;
      }
      case 'tuple':
      case 'expression_list':
        return { kind: 'tuple', items: n.namedChildren.map((c) => (c ? this.expr(c, scope) : undefined)) };
      case 'list':
      case 'set': {
        const names = stringList(n);
        if (names && names.length > 0 && n.type === 'list')
          return { kind: 'strs', values: names, list: true };
        const items = n.namedChildren
          .map((c) => (c && c.type !== 'comment' ? this.expr(c, scope) : undefined))
          .filter((v): v is Val => !!v);
        // ["beach", TARGET] with TARGET = "rescue_logged": names, as a list of literals is.
        if (
          n.type === 'list' &&
          items.length > 0 &&
          items.length === n.namedChildren.filter((c) => c?.type !== 'comment').length &&
          items.every((v) => v.kind === 'strs' && !v.list && !v.partial && v.values.length === 1)
        )
          return { kind: 'strs', values: items.map((v) => (v as StrsVal).values[0]!), list: true };
        return { kind: 'coll', items };
      }
      case 'dictionary': {
        const items: Val[] = [];
        const keys: (string | undefined)[] = [];
        const kw = new Map<string, Node>();
        for (const p of n.namedChildren) {
          const v = p?.type === 'pair' ? p.childForFieldName('value') : undefined;
          const literal = stringValue(p?.childForFieldName('key'));
          if (v && literal !== undefined && /^[A-Za-z_]\w*$/.test(literal)) kw.set(literal, v);
          const val = v ? this.expr(v, scope) : undefined;
          if (!val) continue;
          items.push(val);
          keys.push(this.key(p?.childForFieldName('key'), scope));
        }
        const out: CollVal = { kind: 'coll', items, keys };
        if (kw.size > 0) this.kwargNodes.set(out, kw);
        return out;
      }
      case 'list_comprehension':
      case 'generator_expression':
      case 'set_comprehension':
      case 'dictionary_comprehension':
        return this.comprehension(n, scope);
      case 'conditional_expression': {
        const vals = n.namedChildren.map((c) => (c ? this.expr(c, scope) : undefined));
        if (n.namedChildren[1] && !displayOnly(n)) this.decide(vals[1], posOf(n.namedChildren[1]));
        return vals[0] ?? vals[2];
      }
      case 'keyword_argument': {
        const v = n.childForFieldName('value');
        return v ? this.expr(v, scope) : undefined;
      }
      case 'await':
      // [df, *copies]: the items of copies among the list's. ([*anom.data_vars, "elevation"]: xarray's variables
      // spread into a list are their names, as a frame's columns are — no data.)
      case 'list_splat':
        if (n.namedChildren[0]?.type === 'attribute' && /\.data_vars$/.test(n.namedChildren[0].text))
          return undefined;
        return n.namedChildren[0] ? this.expr(n.namedChildren[0], scope) : undefined;
      default:
        return undefined;
    }
  }

  /** A lambda's body, its parameters bound to `args` (the last one repeated: `lambda x, y` over one dataset's rows). */
  private lambda(n: Node, args: Val[], scope: Scope): Val | undefined {
    const inner = new Scope(scope, this.namesOf(n));
    const params = n.childForFieldName('parameters')?.namedChildren ?? [];
    params.forEach((p, i) => {
      const name = p?.type === 'identifier' ? p.text : p?.childForFieldName('name')?.text;
      const v = args[Math.min(i, args.length - 1)];
      if (name && v) inner.set(name, v);
    });
    const body = n.childForFieldName('body');
    return body ? this.expr(body, inner) : undefined;
  }

  /** The object of `obj.attr`: an unbound name there is a module or global, not data. */
  private receiver(n: Node, scope: Scope): Val | undefined {
    return n.type === 'identifier' ? scope.get(n.text) : this.expr(n, scope);
  }

  private comprehension(n: Node, scope: Scope): Val | undefined {
    // Its iteration variables are its own; the first iterable is evaluated in the enclosing scope.
    const inner = new Scope(scope, comprehensionNames(n));
    const id = n.id;
    this.loops.push(id);
    try {
      const clauses = n.namedChildren.filter((c) => c?.type === 'for_in_clause');
      const conds = n.namedChildren.filter((c): c is Node => c?.type === 'if_clause');
      const body = n.childForFieldName('body') ?? n.namedChildren[0];
      const left = clauses[0]?.childForFieldName('left');
      const right = clauses[0]?.childForFieldName('right');
      // [c for c in df.columns if …]: some of the frame's columns, which the program does not name.
      const cols =
        clauses.length === 1 && n.type === 'list_comprehension'
          ? this.columnFilter(right, left, body, conds, inner)
          : undefined;
      if (cols) return cols;
      const first = clauses.length === 1 && right ? this.expr(right, scope) : undefined;
      // [f.copy() for f in (train, test)]: one item per frame, each its own rows (as a loop over them runs once each).
      // (Also a generator unpacked, y_fit, y_val = (d["returned"].to_numpy() for d in (fit_part, val_part)).)
      if (
        (n.type === 'list_comprehension' || n.type === 'generator_expression') &&
        left?.type === 'identifier' &&
        body &&
        conds.length === 0 &&
        (first?.kind === 'coll' || first?.kind === 'tuple') &&
        first.items.length >= 2 &&
        first.items.length <= 4 &&
        first.items.every((i) => i?.kind === 'data')
      ) {
        const items: Val[] = [];
        for (const f of first.items) {
          inner.set(left.text, f!);
          const v = this.expr(body, inner);
          if (v) items.push(v);
        }
        return items.length > 0 ? { kind: 'coll', items } : undefined;
      }
      const names = this.unrollable(first, left);
      // (Iterating a dict gives its keys, not the numbers it maps them to.)
      const keyed = first?.kind === 'coll' && !!first.keys?.some((k) => k !== undefined);
      const numbers =
        left?.type === 'identifier' && !conds.length && !keyed ? this.numbers(first) : undefined;
      if (numbers && left && body && body.type !== 'pair') {
        // [f"lag_{k}" for k in LAGS]: the names, when every item is a known name.
        const out: string[] = [];
        for (const k of numbers) {
          inner.set(left.text, { kind: 'num', value: k });
          const v = this.expr(body, inner);
          if (v?.kind !== 'strs' || v.list || v.partial) break;
          out.push(...v.values);
        }
        if (out.length >= numbers.length) return { kind: 'strs', values: out, list: true };
      }
      // [f"{c}_bin" for c in BIN_COLS] over a dict's keys or a list of names: the names made from each.
      const keyNames =
        first?.kind === 'coll' && first.keys?.length && first.keys.every((k) => k !== undefined)
          ? (first.keys as string[])
          : first?.kind === 'strs' && first.list && !first.partial
            ? first.values
            : undefined;
      if (
        keyNames &&
        keyNames.length <= 32 &&
        left?.type === 'identifier' &&
        !conds.length &&
        body?.type === 'string'
      ) {
        const out: string[] = [];
        for (const k of keyNames) {
          inner.set(left.text, { kind: 'strs', values: [k], list: false });
          const v = this.expr(body, inner);
          if (v?.kind !== 'strs' || v.list || v.partial || v.values.length !== 1) break;
          out.push(v.values[0]!);
        }
        if (out.length === keyNames.length) return { kind: 'strs', values: out, list: true };
      }
      // [f for f, keep in zip(FEATURES, selector.get_support()) if keep]: some of FEATURES, chosen by what the
      // selector learnt (a statistic of its fit rows), or by something else — never columns beyond FEATURES.
      const zipped = this.zipFilteredNames(clauses, conds, body, scope);
      if (zipped) return zipped;
      // [f for group in CONFIG.values() for f in group] with CONFIG a dict of lists of names (or of dicts keyed by
      // names): every name, in order.
      const flat = this.flatNames(clauses, body, scope);
      if (flat) return flat;
      // {name: embed(frame) for name, frame in frames.items()} of a dict of parts ({"train": …, "test": …}): one item
      // per key, each made of its own part.
      const pairs =
        clauses.length === 1 &&
        conds.length === 0 &&
        (left?.type === 'pattern_list' || left?.type === 'tuple_pattern') &&
        left.namedChildren.length === 2 &&
        left.namedChildren.every((c) => c?.type === 'identifier') &&
        right?.type === 'call' &&
        right.childForFieldName('function')?.childForFieldName('attribute')?.text === 'items' &&
        first?.kind === 'coll' &&
        first.keys?.length === first.items.length &&
        first.items.length >= 2 &&
        first.items.length <= 8 &&
        first.keys.every((k) => k !== undefined) &&
        first.items.some((i) => i.kind === 'data')
          ? first
          : undefined;
      if (pairs && left && body) {
        const [kNode, vNode] = left.namedChildren as Node[];
        const items: Val[] = [];
        const keys: (string | undefined)[] = [];
        pairs.items.forEach((item, i) => {
          inner.set(kNode!.text, { kind: 'strs', values: [pairs.keys![i]!], list: false });
          inner.set(vNode!.text, item);
          const valueNode = body.type === 'pair' ? body.childForFieldName('value') : body;
          const val = valueNode ? this.expr(valueNode, inner) : undefined;
          if (!val) return;
          items.push(val);
          keys.push(body.type === 'pair' ? this.key(body.childForFieldName('key'), inner) : undefined);
        });
        return { kind: 'coll', items, keys };
      }
      if (names && left && body) {
        // {x: DataLoader(parts[x]) for x in ["train", "test"]}: one item per name, keyed by it.
        const items: Val[] = [];
        const keys: (string | undefined)[] = [];
        for (const v of names) {
          inner.set(left.text, { kind: 'strs', values: [v], list: false });
          const valueNode = body.type === 'pair' ? body.childForFieldName('value') : body;
          const val = valueNode ? this.expr(valueNode, inner) : undefined;
          if (!val) continue;
          items.push(val);
          keys.push(body.type === 'pair' ? this.key(body.childForFieldName('key'), inner) : undefined);
        }
        // [c + "_prev" for c in SCADA]: names made from names, a list of names.
        if (
          body.type !== 'pair' &&
          n.type === 'list_comprehension' &&
          items.length === names.length &&
          items.every((i) => i.kind === 'strs' && !i.list && !i.partial && i.values.length === 1)
        )
          return { kind: 'strs', values: items.map((i) => (i as StrsVal).values[0]!), list: true };
        return { kind: 'coll', items, keys };
      }
      const counted: string[][] = [];
      for (const clause of n.namedChildren) {
        if (clause?.type !== 'for_in_clause') continue;
        const left = clause.childForFieldName('left');
        const right = clause.childForFieldName('right');
        const where = clause === clauses[0] ? scope : inner;
        const en = this.enumerated(right, left, where, inner);
        const target = en ? en.item : left;
        const it = en ? en.it : right ? this.expr(right, where) : undefined;
        if (target && right) this.bindIteration(target, it, inner, posOf(clause));
        if (it?.kind === 'num' && !it.of && target) counted.push(namesIn(target));
      }
      const valueNode = body?.type === 'pair' ? body.childForFieldName('value') : body;
      let v = valueNode ? this.expr(valueNode, inner) : undefined;
      if (!v) return undefined;
      // [r["file"] for r in csv.DictReader(fh)], [int(r["grade"] == "unfit") for r in rows]: a value read from each
      // record of the data, one per row — that column, as list(df["file"]) is.
      const records = first?.kind === 'coll' && first.items.length === 1 ? first.items[0] : first;
      if (
        n.type === 'list_comprehension' &&
        clauses.length === 1 &&
        conds.length === 0 &&
        left?.type === 'identifier' &&
        records?.kind === 'data' &&
        !records.preds &&
        v.kind === 'data' &&
        !v.preds &&
        [...v.rows].every((r) => records.rows.has(r)) &&
        valueNode
          ?.descendantsOfType('subscript')
          .some(
            (x) =>
              x?.childForFieldName('value')?.text === left.text &&
              stringValue(x.childrenForFieldName('subscript')[0]) !== undefined,
          )
      )
        return v;
      // [(randomize(s), y) for s, y in zip(df.smiles, df.logS) for _ in range(5)]: each row made again once per count
      // (a clause over a count whose names the item does not use), copies of it as an appending loop makes them.
      const used = new Set(valueNode?.descendantsOfType('identifier').map((i) => i?.text));
      if (valueNode?.type === 'identifier') used.add(valueNode.text);
      // [(s, y) for c, y in zip(df.canon, df.logS) for s in random_smiles(c, 10)]: several items made from each row (a
      // variant each), the row's other values (its label) repeated with each: copies of the row's information.
      const outer = clauses[0]?.childForFieldName('left');
      const outerNames = outer ? namesIn(outer) : [];
      // (Or over a few constants, [(f, y, o) for f, y in zip(files, labels) for o in ("hflip", "vflip", "rot180")]:
      // each row once per orientation, the same scan flipped.)
      const constants = (from: Node | null | undefined): boolean => {
        const v = from && /^(identifier|list|tuple)$/.test(from.type) ? this.expr(from, inner) : undefined;
        const k =
          v?.kind === 'strs' && v.list && !v.partial
            ? v.values.length
            : v?.kind === 'coll' &&
                v.items.every((i) => i.kind === 'num' || i.kind === 'strs' || i.kind === 'const')
              ? v.items.length
              : 0;
        return k >= 2 && k <= 16;
      };
      const variants = clauses.slice(1).some((c) => {
        const from = c?.childForFieldName('right');
        const item = c?.childForFieldName('left');
        return (
          ((from?.type === 'call' &&
            from.descendantsOfType('identifier').some((i) => !!i && outerNames.includes(i.text))) ||
            constants(from)) &&
          !!item &&
          namesIn(item).some((name) => used.has(name))
        );
      });
      const carried = outerNames.some((name) => used.has(name));
      if (
        this.facts.batchLoops.has(id) &&
        valueNode &&
        (counted.some((names) => names.every((name) => !used.has(name))) || (variants && carried))
      ) {
        const how = 'copies of each row made by a comprehension (one per count or variant)';
        const copy = (d: Val | undefined): Val | undefined =>
          d?.kind === 'data' && !d.preds && !d.evals
            ? this.withRows(d, this.origin('oversampled', d.rows, posOf(n), how), posOf(n))
            : d;
        v = v.kind === 'tuple' ? { ...v, items: v.items.map(copy) } : (copy(v) ?? v);
      }
      const out: CollVal = { kind: 'coll', items: [v] };
      if (n.type === 'list_comprehension') this.comprehended.add(out);
      return out;
    } finally {
      this.loops.pop();
    }
  }

  /** `[f for f, keep in zip(NAMES, mask) if keep]` (see comprehension): the statistic choosing, or NAMES. */
  private zipFilteredNames(
    clauses: (Node | null)[],
    conds: Node[],
    body: Node | null | undefined,
    scope: Scope,
  ): Val | undefined {
    if (clauses.length !== 1 || conds.length === 0 || body?.type !== 'identifier') return undefined;
    const left = clauses[0]!.childForFieldName('left');
    const right = clauses[0]!.childForFieldName('right');
    if (left?.type !== 'pattern_list' || left.namedChildren.length !== 2 || right?.type !== 'call')
      return undefined;
    if (right.childForFieldName('function')?.text !== 'zip' || left.namedChildren[0]?.text !== body.text)
      return undefined;
    const zargs = right.childForFieldName('arguments')?.namedChildren ?? [];
    if (zargs.length !== 2) return undefined;
    const names = this.named(zargs[0]!, scope);
    if (!names?.list || (!names.partial && names.values.length === 0)) return undefined;
    const chooser = this.expr(zargs[1]!, scope);
    if (chooser?.kind === 'stat') return chooser;
    // Some of columns the program computed without naming them ([c for c in df.columns if c.startswith("nm_")]):
    // as unknown as they were, and no column beyond them.
    if (names.partial) return { ...names, partial: { ...names.partial } };
    return { kind: 'strs', values: [...names.values], list: true };
  }

  /** The names of `[f for g in CONFIG.values() for f in g]` (see comprehension), when every group is known. */
  private flatNames(
    clauses: (Node | null)[],
    body: Node | null | undefined,
    scope: Scope,
  ): StrsVal | undefined {
    if (clauses.length !== 2 || body?.type !== 'identifier') return undefined;
    const [outer, inner] = clauses as Node[];
    const g = outer!.childForFieldName('left');
    const src = outer!.childForFieldName('right');
    const f = inner!.childForFieldName('left');
    const of = inner!.childForFieldName('right');
    if (g?.type !== 'identifier' || f?.text !== body.text || of?.text !== g.text || src?.type !== 'call')
      return undefined;
    const fn = src.childForFieldName('function');
    if (fn?.type !== 'attribute' || fn.childForFieldName('attribute')?.text !== 'values') return undefined;
    const dict = this.expr(fn.childForFieldName('object')!, scope);
    if (dict?.kind !== 'coll' || !dict.keys || dict.items.length === 0) return undefined;
    const names: string[] = [];
    for (const item of dict.items) {
      if (item.kind === 'strs' && item.list && !item.partial) names.push(...item.values);
      else if (
        item.kind === 'coll' &&
        item.keys?.length === item.items.length &&
        item.keys.every((k) => k !== undefined)
      )
        names.push(...(item.keys as string[]));
      else return undefined;
    }
    return { kind: 'strs', values: names, list: true };
  }

  private binary(a: Val | undefined, b: Val | undefined, at: Position, op?: string): Val | undefined {
    // (fit_frame,) + frames: one tuple after the other, item by item.
    if (op === '+' && a?.kind === 'tuple' && b?.kind === 'tuple')
      return { kind: 'tuple', items: [...a.items, ...b.items] };
    // names + names, [x for x in rows] * 3: a list of rows concatenated with itself holds copies of its rows.
    if (a?.kind === 'coll' && (b === a || (op === '*' && b?.kind === 'num'))) {
      const rows = a.items.flatMap((i) => this.dataOf(i)).flatMap((d) => [...d.rows]);
      if (rows.length > 0) {
        const o = this.origin(
          'oversampled',
          rows,
          at,
          op === '*' ? 'a list repeated' : 'a list concatenated with itself',
        );
        return { kind: 'coll', items: a.items.map((i) => (i.kind === 'data' ? this.withRows(i, o, at) : i)) };
      }
    }
    // c + "_prev" with c one known name: that name with the suffix.
    if (
      op === '+' &&
      a?.kind === 'strs' &&
      b?.kind === 'strs' &&
      !a.list &&
      !b.list &&
      !a.partial &&
      !b.partial &&
      a.values.length * b.values.length <= 16
    )
      return { kind: 'strs', values: a.values.flatMap((x) => b.values.map((y) => x + y)), list: false };
    // num = []; num += ["ask_price"]: an empty list and a list of names make that list of names.
    if (op !== '*' && a?.kind === 'coll' && a.items.length === 0 && b?.kind === 'strs' && b.list) return b;
    if (op !== '*' && b?.kind === 'coll' && b.items.length === 0 && a?.kind === 'strs' && a.list) return a;
    // [X] + [X + noise]: list concatenation keeps the items apart; [df] * 3 repeats them.
    if (a?.kind === 'coll' && b?.kind === 'coll') return { kind: 'coll', items: [...a.items, ...b.items] };
    // NUMERIC + ["renovated"]: a longer list of column names.
    if (a?.kind === 'strs' && b?.kind === 'strs' && a.list && b.list) {
      if (!a.partial && !b.partial) return { kind: 'strs', values: [...a.values, ...b.values], list: true };
      // [c for c in df.columns if c.startswith("lag_")] + ["month"]: still columns the program does not all name
      // (every column but some, less those added back; else an unknown subset).
      const p = (a.partial ?? b.partial)!;
      const other = a.partial ? b : a;
      const drop = a.partial && b.partial ? undefined : p.drop?.filter((n) => !other.values.includes(n));
      const prefixes = a.partial && b.partial ? undefined : p.prefixes;
      const partial = {
        ...(drop ? { drop } : {}),
        ...(p.typed ? { typed: true } : {}),
        ...(p.frame !== undefined ? { frame: p.frame } : {}),
        ...(prefixes ? { prefixes } : {}),
        ...(p.from !== undefined && !(a.partial && b.partial) ? { from: p.from } : {}),
      };
      // (An unknown subset and names: the names are among them — see ColsView.more.)
      // (pitch_cols + other_cols + ["piece_type"]: the names known to be among a partial list stay known.)
      const known = drop ? [] : [...a.values, ...b.values];
      return { kind: 'strs', values: known, list: true, partial };
    }
    if (a?.kind === 'coll' && b === undefined && a.items.length > 0)
      return { kind: 'coll', items: [...a.items, ...a.items] };
    // ~is_test & (df["season"] < TEST): rows on the first mask's side, narrowed — still that side of its split.
    if (op === '&' && a?.kind === 'data' && b?.kind === 'data' && a.mask && b.mask) {
      // (df.date >= start) & (df.date <= end): the values between both bounds.
      const both =
        a.mask.range && b.mask.range && a.mask.column === b.mask.column
          ? intersectRanges(a.mask.range, b.mask.range)
          : undefined;
      // (ledger.kind == "withdrawal") & (ledger.posted_on <= SNAPSHOT): records of one kind, within the dates — the
      // rows kept are within the date bound, which says which records a summary of them can hold (see Mask.within).
      const within =
        !both && a.mask.equals !== undefined && !a.mask.range && b.mask.range && b.mask.column
          ? { column: b.mask.column, range: b.mask.range }
          : undefined;
      const mask = both
        ? { ...a.mask, key: `${a.mask.key}&${b.mask.key}`, neg: false, range: both }
        : { ...a.mask, range: undefined, ...(within ? { within } : {}) };
      return { ...this.derive([a, b], at, true), mask };
    }
    // finish_seconds / length_km: the divisor's columns marked as such (see ColDep.divisor), unless also read above.
    const divisorOf = (v: Val | undefined): Val | undefined =>
      (op === '/' || op === '//') && v?.kind === 'data' && v.deps?.length
        ? { ...v, deps: v.deps.map((d) => ({ ...d, divisor: true as const })) }
        : v;
    // closed_at - reported_at: the subtracted columns marked as such (see ColDep.subtracted), when both sides are data.
    const subtractedOf = (v: Val | undefined): Val | undefined =>
      op === '-' && a?.kind === 'data' && v?.kind === 'data' && v.deps?.length
        ? { ...v, deps: v.deps.map((d) => ({ ...d, subtracted: true as const })) }
        : v;
    const data = [...this.dataOf(a), ...this.dataOf(subtractedOf(divisorOf(b)))];
    const stats = [a, b].filter((v): v is StatVal => v?.kind === 'stat');
    if (data.length === 0) return stats[0];
    const out = this.derive(data, at, true);
    // (sms.sent_at < sms.fill_date) & (sms.sent_at >= sms.fill_date - 90 days): still the cut at each row's date,
    // narrowed (see DataVal.rowCut).
    const cut = op === '&' ? [a, b].find((v) => v?.kind === 'data' && v.rowCut) : undefined;
    if (cut?.kind === 'data' && cut.rowCut) {
      // (The other side bounding the same column, sent_at < intake_date + 30 days: no longer open-ended.)
      const other = cut === a ? b : a;
      const later = cut.rowCut.later;
      const bounded = this.dataOf(other).some((v) => v.deps?.some((c) => c.name === later));
      out.rowCut = bounded ? { earlier: cut.rowCut.earlier, later } : cut.rowCut;
    }
    // y_test - model.predict(X_test): residuals of predictions against labels, an evaluation (a hand-written error).
    if (op === '-') {
      const evals = this.scoreAgainst(data, at);
      for (const e of evals) this.residuals.add(e);
      if (evals.length) out.evals = [...(out.evals ?? []), ...evals];
    }
    // (X - X.mean()) / X.std(): the statistics' rows reach the result.
    for (const s of stats) out.taints = [...out.taints, { by: s.by, fitRows: s.rows, at: s.at }];
    return out;
  }

  private attribute(n: Node, scope: Scope): Val | undefined {
    const objNode = n.childForFieldName('object');
    const attr = n.childForFieldName('attribute')?.text ?? '';
    if (!objNode) return undefined;
    const obj = this.receiver(objNode, scope);
    if (!obj) return undefined;
    switch (obj.kind) {
      case 'module':
        return { kind: 'module', name: `${obj.name}.${attr}` };
      case 'data':
        if (attr === 'index') return { kind: 'indexof', data: obj };
        // Polars df.height: the number of its rows, as len(df).
        if (attr === 'height' && !obj.preds && !obj.evals && !obj.internal)
          return { kind: 'num', value: Number.NaN, of: obj };
        if (attr === 'endog' || attr === 'exog') {
          // A statsmodels data set's endog / exog: frames of their own (the outcomes, the regressors), same rows.
          const key = `${obj.frame}.${attr}`;
          let frame = this.subFrames.get(key);
          if (frame === undefined) {
            frame = this.nextId++;
            this.subFrames.set(key, frame);
          }
          return { ...this.derive([obj], posOf(n)), frame, whole: true, cols: undefined, column: undefined };
        }
        if (attr === 'columns' || attr === 'shape' || attr === 'dtypes') return undefined;
        if (
          attr === 'iloc' ||
          attr === 'loc' ||
          attr === 'values' ||
          attr === 'T' ||
          attr === 'dt' ||
          attr === 'str'
        )
          return obj;
        // (d.promised_by - d.shipped_at).dt.days, s.dt.dayofweek, s.cat.codes: the series itself, converted; not a
        // column named "days".
        if (objNode.type === 'attribute' && /\.(dt|str|cat)$/.test(objNode.text))
          return this.derive([obj], posOf(n), true);
        // df.price: a column.
        return this.colOf(obj, attr, posOf(n));
      case 'est':
        if (attr === 'best_estimator_' || attr === 'estimator') return obj;
        // w2v.wv, d2v.dv: the learnt vectors, still what the model learnt from its texts.
        if ((attr === 'wv' || attr === 'dv') && obj.role === 'transformer' && obj.fits.length > 0) return obj;
        // voting_clf.estimators_: the ensemble's members, each fit on what the ensemble was fit on.
        if (
          (attr === 'estimators_' || attr === 'named_estimators_') &&
          obj.steps.length > 0 &&
          obj.fits.length > 0
        )
          return {
            kind: 'coll',
            items: obj.steps.map((s) => ({
              ...s,
              fits: s.fits.length > 0 ? s.fits : obj.fits.map((f) => ({ ...f })),
            })),
          };
        // pc.factors (statsmodels' PCA made with its data): that data transformed by what the PCA learnt from it.
        if (
          /^(factors|scores|transformed_data|projection)$/.test(attr) &&
          obj.role === 'transformer' &&
          obj.data &&
          obj.fits.length > 0
        ) {
          const out = this.derive([obj.data.x], posOf(n));
          const fit = obj.fits.at(-1)!;
          out.taints = [...out.taints, { by: obj.cls, fitRows: fit.rows, at: fit.at }];
          return out;
        }
        // hist = model.fit(..., validation_data=(x_val, y_val)); hist.history: the scores on the monitored data.
        if ((attr === 'history' || attr === 'evals_result_') && obj.monitored?.length)
          return this.score(
            obj.monitored.map((d) => this.evaluate(obj, d, posOf(n), 'score')),
            posOf(n),
          );
        // search.best_score_: the cross-validated score of the best of the candidates, on the training folds.
        if (attr === 'best_score_' && obj.role === 'search') {
          const s = this.internalScore('search', obj.steps[0] ?? obj, undefined, posOf(n));
          const fact = s.internal![0]!;
          fact.rows = obj.fits.at(-1)?.rows;
          return s;
        }
        // lof.negative_outlier_factor_, kmeans.labels_, tsne.embedding_: one value per row it was fit on, each learnt
        // from all of them (a density among the neighbours, a cluster, a position).
        if (
          /^(negative_outlier_factor_|labels_|embedding_|outlier_scores_|probabilities_)$/.test(attr) &&
          obj.fits.length > 0
        ) {
          const fit = obj.fits.at(-1)!;
          return {
            kind: 'data',
            rows: new Set(fit.rows),
            taints: [{ by: `${obj.cls}.${attr}`, fitRows: new Set(fit.rows), at: fit.at }],
            frame: this.nextId++,
            at: posOf(n),
          };
        }
        // lasso.coef_, forest.feature_importances_: learnt from the rows the model was fit on.
        if (LEARNT_ATTRS.test(attr) && obj.fits.length > 0)
          return {
            kind: 'stat',
            rows: new Set(obj.fits.at(-1)!.rows),
            by: `${obj.cls}.${attr}`,
            at: obj.fits.at(-1)!.at,
          };
        return undefined;
      case 'pred':
        return obj;
      // corr.index, scores.values: what the statistics say, still learnt from those rows.
      case 'stat':
        return obj;
      case 'obj': {
        const own = obj.attrs.get(attr) ?? obj.cls.attrs?.get(attr);
        if (own) return own;
        // @property def features(self): return self.cat_features + self.num_features — read as an attribute.
        const id = obj.cls.methods.get(attr);
        const f: FuncVal | undefined = id === undefined ? undefined : { kind: 'func', name: attr, id };
        return f && this.decorated(id!, 'property') && this.canInline(f)
          ? this.inlineWith(f, [obj], new Map())
          : undefined;
      }
      case 'class':
        return obj.attrs?.get(attr);
      default:
        return undefined;
    }
  }

  /**
   * `XGBClassifier(**params)`, `model.fit(X, y, **fit_kw)` with `params` a dict written out: its keys are keyword
   * arguments of the call (those written in the call itself win). A dict built otherwise adds nothing.
   */
  private spreadKwargs(n: Node, args: Args, scope: Scope): void {
    for (const a of n.childForFieldName('arguments')?.namedChildren ?? []) {
      if (a?.type !== 'dictionary_splat') continue;
      const inner = a.namedChildren[0];
      const v =
        inner?.type === 'identifier'
          ? scope.get(inner.text)
          : inner?.type === 'dictionary'
            ? this.expr(inner, scope)
            : undefined;
      const nodes = v?.kind === 'coll' ? this.kwargNodes.get(v) : undefined;
      for (const [k, node] of nodes ?? []) if (!args.kw.has(k)) args.kw.set(k, node);
    }
  }

  private args(n: Node): Args {
    const out: Args = { pos: [], kw: new Map() };
    const list = n.childForFieldName('arguments');
    // sum(loss(x) for x in loader): the generator is the one argument.
    if (list?.type === 'generator_expression') {
      out.pos.push(list);
      return out;
    }
    for (const a of list?.namedChildren ?? []) {
      if (!a || a.type === 'comment') continue;
      if (a.type === 'keyword_argument') {
        const name = a.childForFieldName('name')?.text;
        const value = a.childForFieldName('value');
        if (name && value) out.kw.set(name, value);
        if (name === 'groups') this.facts.usesGroups = true;
      } else if (a.type === 'list_splat') {
        if (out.pos.length === 0) out.splat = a.namedChildren[0] ?? undefined;
      } else if (a.type !== 'dictionary_splat') out.pos.push(a);
    }
    if (out.splat && out.pos.length > 0) out.splat = undefined;
    return out;
  }

  /**
   * `data_dir.glob("training-*")`, `glob.glob("data/eval/*.png")`, `tf.io.gfile.glob(…)`: the files a literal pattern
   * names, a load of their own. Two listings with different patterns (of one directory) are different files, the same
   * pattern the same files.
   */
  private fileListing(
    method: string,
    obj: Val | undefined,
    objNode: Node,
    args: Args,
    at: Position,
  ): DataVal | undefined {
    if (!/^(glob|iglob|rglob|list_files)$/.test(method)) return undefined;
    const pattern = stringValue(args.pos[0] ?? args.kw.get('pattern') ?? args.kw.get('file_pattern'));
    if (pattern === undefined) return undefined;
    const base =
      obj?.kind === 'data' ? [...obj.rows].join(',') : obj?.kind === 'module' ? obj.name : objNode.text;
    return this.load(at, `listing:${base}:${pattern}`);
  }

  private call(n: Node, scope: Scope): Val | undefined {
    const fn = n.childForFieldName('function');
    if (!fn) return undefined;
    const args = this.args(n);
    this.spreadKwargs(n, args, scope);
    const at = posOf(n);
    if (fn.type === 'attribute') {
      const objNode = fn.childForFieldName('object')!;
      const method = fn.childForFieldName('attribute')?.text ?? '';
      if (
        objNode.type === 'attribute' &&
        objNode.childForFieldName('attribute')?.text === 'columns' &&
        /^(drop|difference)$/.test(method)
      ) {
        // df.columns.drop("y"), df.columns.difference(["y", "id"]): every column but those.
        this.expr(objNode, scope);
        const a = args.pos[0] ?? args.kw.get('labels');
        const names = a ? (stringList(a) ?? this.named(a, scope)?.values) : undefined;
        // df.select_dtypes("number").columns.drop("id"): the numeric columns but those.
        const typed = {
          ...(/\bselect_dtypes\s*\(/.test(objNode.text) ? { typed: true } : {}),
          ...this.columnsFrame(objNode, scope),
        };
        return { kind: 'strs', values: [], list: true, partial: names ? { drop: names, ...typed } : typed };
      }
      const obj = this.receiver(objNode, scope);
      const listing = this.fileListing(method, obj, objNode, args, at);
      if (listing) return listing;
      if (obj?.kind === 'strs' && obj.partial && /^(tolist|to_list|copy)$/.test(method)) return obj;
      const keys =
        obj?.kind === 'coll' && method === 'keys' && args.pos.length === 0 ? dictKeys(obj) : undefined;
      if (keys) return { kind: 'strs', values: keys, list: true };
      const edited = obj?.kind === 'strs' && obj.list ? this.editNames(obj, method, args, scope) : undefined;
      if (edited && objNode.type === 'identifier') {
        // numeric.append("grade_band"): the list of column names now holds it (the features named by it do too).
        scope.set(objNode.text, edited);
        return undefined;
      }
      if (
        objNode.type === 'identifier' &&
        ((obj?.kind === 'strs' && obj.list && /^(remove|append|insert)$/.test(method)) ||
          (!obj && method === 'remove' && args.pos.length === 1))
      ) {
        // cols.remove(vifs.idxmax()): a column list (names, or list(df.columns)) changed by a value computed from the
        // rows (the column of the largest VIF, correlation, importance) is a choice learnt from those rows, like
        // SelectKBest's.
        const vals = [...args.pos, ...args.kw.values()].map((a) => this.expr(a, scope));
        const rows = vals.flatMap((v) =>
          v?.kind === 'stat'
            ? [...v.rows]
            : this.dataOf(v).flatMap((d) => (d.preds || d.evals || d.internal ? [] : [...d.rows])),
        );
        if (rows.length > 0)
          scope.set(objNode.text, {
            kind: 'stat',
            rows: new Set(rows),
            by: `statistics of the rows (list.${method})`,
            at,
          });
        return undefined;
      }
      if (method === 'optimize' && !obj)
        return this.callFunction(`${objNode.text}.${method}`, args, n, scope);
      if (obj?.kind === 'module') return this.callFunction(`${obj.name}.${method}`, args, n, scope);
      if (obj?.kind === 'est') return this.estMethod(obj, method, args, n, scope);
      if (obj?.kind === 'obj') {
        // self.model(xb): an attribute holding a model (or a function) is called, not a method of the class.
        const held = obj.cls.methods.has(method) ? undefined : obj.attrs.get(method);
        if (held?.kind === 'est') return this.callEst(held, args, scope, at);
        if (held?.kind === 'func') return this.inline(held, args, n, scope);
        return this.objMethod(obj, method, args, n, scope);
      }
      if (obj?.kind === 'class' && !obj.torch && obj.methods.has(method)) {
        // ClaimRiskModel.load(path), Features._counts(df): a method called on the class itself runs as a function —
        // a @staticmethod with its arguments, a @classmethod with the class first, another with its explicit self.
        const id = obj.methods.get(method)!;
        const f: FuncVal = { kind: 'func', name: method, id };
        if (!this.decorated(id, 'classmethod')) return this.inline(f, args, n, scope);
        if (!this.canInline(f)) return this.generic(args, scope, at);
        const pos = args.pos.map((a) => this.expr(a, scope));
        const kw = new Map([...args.kw].map(([k, v]) => [k, this.expr(v, scope)] as const));
        return this.inlineWith(f, [obj, ...pos], kw);
      }
      if (obj?.kind === 'trainer') return this.trainerMethod(obj, method, args, n, scope);
      if (obj?.kind === 'coll' && /^(append|extend|insert|add)$/.test(method)) {
        // scores.append(acc): the list holds what is appended.
        for (const a of args.pos) {
          let v = this.expr(a, scope);
          // for x in X: out.append(x); out.append(flip(x)): two values of the same row in one pass over the rows,
          // a copy of it (augmentation) — also from a loop inside that pass (for _ in range(copies): …).
          const loop = this.loops.findLast((l) => this.facts.batchLoops.has(l));
          if (v?.kind === 'data' && loop !== undefined && !v.preds && !v.evals) {
            const key = `${loop}`;
            const before = (this.appended.get(obj) ?? new Map<string, DataVal[]>()).get(key) ?? [];
            const d = v;
            const repeated = this.repeatedIn(loop);
            if (repeated || before.some((b) => [...b.rows].some((r) => d.rows.has(r)))) {
              const how = repeated
                ? 'copies of each row appended in a loop over a count'
                : 'a second copy of each row appended';
              const o = this.origin('oversampled', d.rows, posOf(n), how);
              v = this.withRows(d, o, posOf(n));
            }
            const m = this.appended.get(obj) ?? new Map<string, DataVal[]>();
            m.set(key, [...before, d]);
            this.appended.set(obj, m);
          }
          if (v && obj.items.length < 64) obj.items.push(v);
        }
        return undefined;
      }
      if ((method === 'step' || STOPPER_CALL.test(objNode.text)) && args.pos.length > 0) {
        // scheduler.step(val_loss) (ReduceLROnPlateau): the score decides the learning rate — whatever value
        // the scheduler's constructor gave here (none, or data made of its arguments).
        for (const a of args.pos) this.decide(this.expr(a, scope), at);
        return undefined;
      }
      if (
        obj?.kind === 'coll' &&
        HF_DICT_METHOD.test(method) &&
        obj.keys?.length === obj.items.length &&
        obj.keys.every((k) => k !== undefined && HF_PART.test(k)) &&
        obj.items.every((i) => i.kind === 'data')
      ) {
        // splits.map(encode, batched=True) of a Hugging Face DatasetDict ({"train": …, "test": …}): each part.
        const items = obj.items.map((d) => this.dataMethod(d as DataVal, method, args, n, scope) ?? d);
        return { kind: 'coll', items, keys: [...obj.keys] };
      }
      // Polars pl.col("won_prize").mean().over("mentor_id"): a statistic of each group given back to its rows (pandas'
      // groupby(k)[c].transform("mean")), in an expression a frame's with_columns() evaluates.
      const over = method === 'over' && obj?.kind === 'stat' ? polarsAggregation(objNode) : undefined;
      const overKey = over ? (stringValue(args.pos[0]) ?? stringList(args.pos[0] ?? null)?.[0]) : undefined;
      if (over?.[1] && overKey !== undefined) {
        const keys = stringList(args.pos[0] ?? null) ?? [overKey];
        return {
          kind: 'data',
          rows: new Set(),
          taints: [
            {
              by: 'group statistics (transform)',
              fitRows: new Set(),
              at,
              col: { frame: POLARS_FRAME, name: over[1] },
              groupBy: keys,
            },
          ],
          frame: POLARS_FRAME,
          at,
        };
      }
      // full["part"].eq("train"), df["date"].ge(CUTOFF): a comparison written as a method.
      const compared = { eq: '==', ne: '!=', lt: '<', le: '<=', gt: '>', ge: '>=' }[method];
      if (obj?.kind === 'data' && compared && args.pos.length === 1 && args.kw.size === 0) {
        const m = this.maskBy(n, objNode, compared, args.pos[0]!, scope);
        if (m) return m;
      }
      if (obj?.kind === 'data') {
        const r = this.dataMethod(obj, method, args, n, scope);
        if (r?.kind === 'data' && this.kwBool(args, 'inplace') === true) {
          // df.fillna(df.mean(), inplace=True): the frame itself changes.
          // df["Age"].fillna(…, inplace=True): the column, and so its frame.
          const owner = objNode.type === 'subscript' ? objNode.childForFieldName('value') : undefined;
          const frame = owner?.type === 'identifier' ? scope.get(owner.text) : undefined;
          for (const target of frame?.kind === 'data' ? [obj, frame] : [obj]) {
            for (const t of r.taints) if (!target.taints.includes(t)) target.taints.push(t);
            target.time = strongest(target.time, r.time);
          }
          return undefined;
        }
        return r;
      }
      if (obj?.kind === 'indexof' && /^(to_series|to_frame|to_numpy)$/.test(method)) {
        // X.index.to_series(): the row labels of X as values, one per row of X (as pd.Series(X.index, index=X.index)).
        for (const a of [...args.pos, ...args.kw.values()]) this.expr(a, scope);
        return this.dataOf(obj)[0];
      }
      if (obj?.kind === 'indexof' && (method === 'repeat' || method === 'tile') && args.pos.length > 0) {
        // df.loc[df.index.repeat(df["n"])]: every row as many times as its count, copies of rows.
        for (const a of [...args.pos, ...args.kw.values()]) this.expr(a, scope);
        const o = this.origin('oversampled', obj.data.rows, at, 'index.repeat()');
        return this.withRows(obj.data, o, at);
      }
      if (obj?.kind === 'splitter') return this.splitterMethod(obj, method, args, n, scope);
      if (obj?.kind === 'group') return this.groupMethod(obj, method, args, n, scope);
      if (obj?.kind === 'coll' && (method === 'items' || method === 'values')) return obj;
      const kwargs = obj?.kind === 'coll' && method === 'update' ? this.kwargNodes.get(obj) : undefined;
      if (kwargs) {
        // params.update(early_stopping_rounds=50), params.update({"eval_set": …}): more keyword arguments it gives.
        const lit = args.pos[0]?.type === 'dictionary' ? args.pos[0] : undefined;
        for (const p of lit?.namedChildren ?? []) {
          const k = p?.type === 'pair' ? stringValue(p.childForFieldName('key')) : undefined;
          const v = p?.childForFieldName('value');
          if (k !== undefined && v && /^[A-Za-z_]\w*$/.test(k)) kwargs.set(k, v);
        }
        for (const [k, node] of args.kw) kwargs.set(k, node);
      }
      if (obj?.kind === 'stat') return obj;
      if (obj?.kind === 'pred') return obj;
      if (method === 'gradient' && !obj && args.pos.length > 0) {
        // tape.gradient(loss, model.trainable_weights): TensorFlow's backward pass.
        const vals = args.pos.map((a) => this.expr(a, scope));
        this.backprop(this.dataOf(vals[0]), at);
        return undefined;
      }
      if (method === 'update_state' && objNode.type === 'identifier' && !obj) {
        // val_acc.update_state(y, logits): a Keras metric object accumulates a score; .result() reads it.
        const out = this.generic(args, scope, at, true);
        const evals = out?.kind === 'data' ? out.evals : undefined;
        // The metric object is global state (a module-level name used inside a @tf.function step): bind it where it
        // is defined, else at the top.
        let home = scope;
        while (!home.vars.has(objNode.text) && home.parent) home = home.parent;
        if (evals?.length) home.set(objNode.text, this.score(evals, at));
        return undefined;
      }
      if (!obj && /^(permutation|choice)$/.test(method) && /random|rng|generator/i.test(objNode.text)) {
        // np.random.default_rng(0).permutation(n), self.rng.choice(idx, k): a random generator, however reached.
        return this.callFunction(`random.${method}`, args, n, scope);
      }
      if (!obj && objNode.type === 'identifier' && !scope.get(objNode.text)) {
        return this.callFunction(`${objNode.text}.${method}`, args, n, scope);
      }
      if (method === 'backward') {
        // accelerator.backward(loss)
        const vals = args.pos.map((a) => this.expr(a, scope));
        this.backprop(
          vals.flatMap((v) => this.dataOf(v)),
          at,
        );
        return undefined;
      }
      if (method === 'fit') {
        // Unknown(…).fit(X) (PolynomialFeatures, a library's own estimator): fit() returns the estimator (or a
        // training history), not the rows it was given: a later .transform(X_test) of it holds only X_test's rows.
        for (const a of [...args.pos, ...args.kw.values()]) this.expr(a, scope);
        return undefined;
      }
      // Unknown receiver: evaluate the arguments for their effects; data in, data out.
      return this.generic(args, scope, at, SCORING_CALL.test(method));
    }
    const callee = fn.type === 'identifier' ? scope.get(fn.text) : this.expr(fn, scope);
    if (callee?.kind === 'func' && callee.made && args.pos.length === 0 && args.kw.size === 0) {
      // make() with make one of several factories iterated: one of their models, made in this iteration.
      const m = callee.made;
      return this.est(m.cls, m.role, posOf(n));
    }
    if (callee?.kind === 'func') return this.inline(callee, args, n, scope);
    if (callee?.kind === 'module') return this.callFunction(callee.name, args, n, scope);
    if (callee?.kind === 'class') {
      if (callee.torch) {
        for (const a of args.pos) this.expr(a, scope);
        return this.est(callee.name, 'model', at);
      }
      const init = callee.methods.get('__init__');
      if (init === undefined && callee.fields) {
        // Split(*train_test_split(X, y)), Split(X_train=…): the fields bound to the arguments, in order.
        const obj: ObjVal = { kind: 'obj', cls: callee, attrs: new Map() };
        const spread = args.splat ? this.expr(args.splat, scope) : undefined;
        const pos =
          spread?.kind === 'tuple' || spread?.kind === 'coll'
            ? spread.items
            : args.pos.map((a) => this.expr(a, scope));
        pos.forEach((v, i) => {
          const field = callee.fields![i];
          if (v && field) obj.attrs.set(field, v);
        });
        for (const [k, v] of args.kw) {
          const val = this.expr(v, scope);
          if (val) obj.attrs.set(k, val);
        }
        for (const [k, v] of callee.defaults ?? []) if (!obj.attrs.has(k)) obj.attrs.set(k, v);
        // def __post_init__(self): self.model = CatBoostClassifier(**self.params): run once the fields are bound.
        const post = callee.methods.get('__post_init__');
        const pf: FuncVal | undefined =
          post === undefined ? undefined : { kind: 'func', name: '__post_init__', id: post };
        if (pf && this.canInline(pf)) this.inlineWith(pf, [obj], new Map());
        return obj;
      }
      const f: FuncVal | undefined =
        init === undefined ? undefined : { kind: 'func', name: '__init__', id: init };
      if (callee.methods.size === 0 || (f && !this.canInline(f))) return this.generic(args, scope, at);
      // An instance: the constructor runs with self bound to it. Without one of its own (a subclass of a library
      // Dataset), the arguments are its data: the same rows.
      const obj: ObjVal = { kind: 'obj', cls: callee, attrs: new Map() };
      const pos = args.pos.map((a) => this.expr(a, scope));
      const kw = new Map([...args.kw].map(([k, v]) => [k, this.expr(v, scope)] as const));
      if (f) this.inlineWith(f, [obj, ...pos], kw);
      else
        [...pos, ...kw.values()].forEach((v, i) => {
          if (v) obj.attrs.set(`__arg${i}`, v);
        });
      return obj;
    }
    if (callee?.kind === 'obj') return this.objMethod(callee, '__call__', args, n, scope);
    if (callee?.kind === 'est') return this.callEst(callee, args, scope, at);
    if (!callee && fn.type === 'identifier') return this.callFunction(fn.text, args, n, scope);
    // criterion(outputs, labels) where criterion is a parameter (or a loss object the program did not make here):
    // named as a loss or a metric, it scores its arguments.
    return this.generic(
      args,
      scope,
      at,
      callee?.kind === 'data' && SCORING_CALL.test(fn.text.split('.').at(-1)!),
    );
  }

  /**
   * The days of a span (`pd.Timedelta(days=7)`, `timedelta(weeks=HORIZON)`, `pd.DateOffset(days=n)`,
   * `np.timedelta64(HORIZON, "D")`, `pd.Timedelta("7D")`): its number when known, undefined when not, null when the
   * node is no span.
   */
  private spanDays(n: Node, scope: Scope): number | null | undefined {
    if (
      n.type !== 'call' ||
      !/(^|\.)(Timedelta|timedelta|timedelta64|DateOffset|to_timedelta)$/.test(
        n.childForFieldName('function')?.text ?? '',
      )
    )
      return null;
    const args = this.args(n);
    // Days per unit, as keywords (days=), unit strings (unit="D") and the suffix of "7D".
    const per: Record<string, number> = {
      D: 1,
      day: 1,
      days: 1,
      W: 7,
      week: 7,
      weeks: 7,
      h: 1 / 24,
      hour: 1 / 24,
      hours: 1 / 24,
    };
    const num = (v: Node) => {
      const val = this.expr(v, scope);
      return val?.kind === 'num' && !val.of && Number.isFinite(val.value) ? val.value : undefined;
    };
    if (args.pos.length > 0) {
      // np.timedelta64(7, "D"), pd.Timedelta(7, unit="D"), pd.Timedelta("7D")
      const m = /^\s*(\d+(?:\.\d+)?)\s*([A-Za-z]+)\s*$/.exec(stringValue(args.pos[0]) ?? '');
      if (m) return per[m[2]!] === undefined ? undefined : Number(m[1]) * per[m[2]!]!;
      const count = num(args.pos[0]!);
      const f = per[stringValue(args.pos[1] ?? args.kw.get('unit')) ?? ''];
      return count !== undefined && f !== undefined ? count * f : undefined;
    }
    let total = 0;
    for (const [k, v] of args.kw) {
      const x = num(v);
      if (per[k] === undefined || x === undefined) return undefined;
      total += x * per[k]!;
    }
    return args.kw.size > 0 ? total : undefined;
  }

  /** model(x): a forward pass; normalizer(x), feature_space(x): an adapted preprocessing layer transforms. */
  private callEst(callee: EstVal, args: Args, scope: Scope, at: Position): Val | undefined {
    const data = args.pos.flatMap((a) => this.dataOf(this.expr(a, scope)));
    if (data.length === 0) return undefined;
    const fit = callee.fits.at(-1);
    if (callee.role === 'transformer' && fit) {
      for (const r of data[0]!.rows)
        if (this.facts.origins.get(r)?.kind === 'unknown') {
          const layers = this.inputLayers.get(r) ?? [];
          if (!layers.includes(callee)) this.inputLayers.set(r, [...layers, callee]);
        }
      const out = this.derive([data[0]!], at);
      out.taints = [...out.taints, { by: callee.cls, fitRows: fit.rows, at: fit.at }];
      return out;
    }
    // tokenizer(questions, contexts) of a pretrained tokenizer: the inputs encoded, row by row.
    if (callee.role === 'transformer' && callee.fits.length === 0) return this.derive(data, at);
    return this.pred(callee, data[0]!);
  }

  /** A method of a user class instance, run with self bound to it (fit_transform by fit then transform). */
  private objMethod(obj: ObjVal, method: string, args: Args, n: Node, scope: Scope): Val | undefined {
    const id = obj.cls.methods.get(method);
    const f: FuncVal | undefined = id === undefined ? undefined : { kind: 'func', name: method, id };
    // (A @staticmethod, self.logbook_features(tests, flights), is given its arguments alone, no instance first.)
    const self: Val[] = id !== undefined && this.decorated(id, 'staticmethod') ? [] : [obj];
    const pos = args.pos.map((a) => this.expr(a, scope));
    const kw = new Map([...args.kw].map(([k, v]) => [k, this.expr(v, scope)] as const));
    if (/^(fit|fit_transform|partial_fit)$/.test(method) && pos[0]?.kind === 'data') {
      this.facts.userFits ??= [];
      this.facts.userFits.push({ cls: obj.cls.name, rows: new Set(pos[0].rows), at: posOf(n) });
    }
    // class SVDRecommender: def fit(self, frame) … def predict(self, frame) …: a hand-written model; what its fit()
    // trains on and what its predict() is scored on are followed as any model's (the methods still run inline).
    const handWritten = obj.cls.methods.has('fit') && obj.cls.methods.has('predict');
    const x = pos[0]?.kind === 'data' ? pos[0] : undefined;
    if (handWritten && x && method === 'fit') {
      obj.model ??= this.est(obj.cls.name, 'model', posOf(n));
      const y = pos[1]?.kind === 'data' ? pos[1] : undefined;
      // def fit(self, df, y): self.model.fit(self.prepare(df), y): trained on the columns its fit() gives the model
      // it wraps (df[CATEGORICAL + NUMERIC]), not on every column of the frame it is handed.
      const before = this.facts.trainings.length;
      const inline = !!f && this.canInline(f);
      const v = inline ? this.inlineWith(f, [...self, ...pos], kw) : undefined;
      const wrapped = (m: EstVal) => [...obj.attrs.values()].some((a) => a?.kind === 'est' && a.id === m.id);
      const inner = this.facts.trainings
        .slice(before)
        .filter(
          (t) =>
            wrapped(t.model) &&
            [...t.x.rows].every(
              (r) => x.rows.has(r) || [...ancestors(this.facts, r)].some((a) => x.rows.has(a)),
            ),
        )
        .at(-1);
      this.train(obj.model, inner?.x ?? x, y, posOf(n));
      if (inline) return v;
    }
    if (handWritten && x && obj.model?.fits.length && /^predict(_proba)?$/.test(method)) {
      if (f && this.canInline(f)) this.inlineWith(f, [...self, ...pos], kw);
      return this.pred(obj.model, x);
    }
    if (f && this.canInline(f)) {
      const v = this.inlineWith(f, [...self, ...pos], kw);
      // def score(self, X): return self.model.predict_proba(X)[:, 1] of a hand-written model (fit, predict): its own
      // scores, the model its predict() is — one model read two ways, not a second one.
      const inner = (m: EstVal) => [...obj.attrs.values()].some((a) => a?.kind === 'est' && a.id === m.id);
      if (!handWritten || !obj.model?.fits.length || v === undefined) return v;
      if (v.kind === 'pred' && inner(v.model)) return { ...v, model: obj.model };
      if (v.kind === 'data' && v.preds?.some((p) => inner(p.model)))
        return { ...v, preds: v.preds.map((p) => (inner(p.model) ? { ...p, model: obj.model! } : p)) };
      return v;
    }
    // early_stopping(val_loss, model) of a class whose call is not in the program: a stopper fed a score decides.
    if (STOPPER_CALL.test(obj.cls.name) || STOPPER_CALL.test(method))
      for (const v of pos) this.decide(v, posOf(n));
    const fit = obj.cls.methods.get('fit');
    const transform = obj.cls.methods.get('transform');
    if (method === 'fit_transform' && fit !== undefined && transform !== undefined) {
      this.inlineWith({ kind: 'func', name: 'fit', id: fit }, [...self, ...pos], kw);
      return this.inlineWith(
        { kind: 'func', name: 'transform', id: transform },
        [...self, pos[0]],
        new Map(),
      );
    }
    const data = [...pos, ...kw.values()].flatMap((v) => this.dataOf(v));
    if (!data.length) return undefined;
    // self.loss_fn(self.model(X), y) with self.loss_fn = nn.MSELoss(): a loss kept on the instance (no method of the
    // class), called — a score, as loss_fn(…) is.
    if (id === undefined && SCORING_CALL.test(method))
      return this.scored(this.derive(data, posOf(n)), data, posOf(n));
    return this.derive(data, posOf(n));
  }

  /**
   * Whether key column `k` is the rows' own id: the entity it names (`booking` of `booking_id`) is in a name the rows
   * were given (`bookings`), or in one of `more` (the variable a method is called on).
   */
  private ownKey(k: string, d: DataVal, more: string[] = []): boolean {
    const entity = KEY_NAME.exec(k)?.[1]?.toLowerCase();
    if (!entity || entity.length < 3) return false;
    const names = [...more, ...[...d.rows].flatMap((r) => [...(this.facts.origins.get(r)?.names ?? [])])];
    return names.some((x) => x.toLowerCase().includes(entity));
  }

  /** Whether a method (its definition's node id) is decorated `@<name>` (`@staticmethod`, `@property`). */
  private decorated(id: number, name: string): boolean {
    const node = this.funcDefs.get(id)?.node;
    const decorated = node?.parent?.type === 'decorated_definition' ? node.parent : undefined;
    return !!decorated?.namedChildren.some(
      (c) => c?.type === 'decorator' && new RegExp(`^@\\s*${name}\\b`).test(c.text),
    );
  }

  /** What indexing or iterating an instance gives: its __getitem__ (features and labels), else its data. */
  private objItems(obj: ObjVal): DataVal | undefined {
    if (obj.items !== undefined) return obj.items ?? undefined;
    obj.items = null;
    const id = obj.cls.methods.get('__getitem__');
    const f: FuncVal | undefined = id === undefined ? undefined : { kind: 'func', name: '__getitem__', id };
    let v: Val | undefined;
    if (f && this.canInline(f)) v = this.inlineWith(f, [obj, { kind: 'num', value: Number.NaN }], new Map());
    let from = v ? this.dataOf(v) : [...obj.attrs.values()].flatMap((a) => this.dataOf(a));
    if (from.length === 0) return undefined;
    // (patch - patch.mean()) / patch.std() inside __getitem__: statistics of the one item it returns, nothing
    // learnt across items.
    const def = id === undefined ? undefined : this.funcDefs.get(id)?.node;
    if (def) {
      // (Not self.X.mean(0): a statistic of the whole dataset the instance holds.)
      const lines = def.text.split('\n');
      const textAt = (p: Position) =>
        p.line === p.endLine
          ? (lines[p.line - def.startPosition.row - 1] ?? '').slice(p.column - 1, p.endColumn - 1)
          : 'self.';
      const inside = (p: Position) =>
        p.line >= def.startPosition.row + 1 &&
        p.endLine <= def.endPosition.row + 1 &&
        !textAt(p).includes('self.');
      from = from.map((d) =>
        d.taints.some((t) => inside(t.at)) ? { ...d, taints: d.taints.filter((t) => !inside(t.at)) } : d,
      );
    }
    const at = from[0]!.at;
    const out = this.derive(from, at);
    if (v?.kind === 'tuple' && v.items.length === 2) {
      const [x, y] = v.items.map((i) => this.dataOf(i)[0]);
      if (x && y) out.xy = { x, y };
    }
    obj.items = out;
    return out;
  }

  /**
   * A call of a function defined in the program, interpreted with its arguments: its parameters bound to what the
   * caller passes (defaults otherwise), its body run in a scope over the one it was defined in, its last returned
   * value the call's value. Recursion, deep chains and a per-program budget fall back to treating it as unknown.
   */
  private inline(f: FuncVal, args: Args, n: Node, scope: Scope): Val | undefined {
    if (!this.canInline(f)) return this.callFunction(f.name, args, n, scope);
    // run_epoch(model, test_loader, opt=None): the parameter is None in this call (see ConstVal.none).
    const arg = (a: Node) => (a.type === 'none' ? NONE : this.expr(a, scope));
    const pos = args.pos.map(arg);
    const kw = new Map([...args.kw].map(([k, v]) => [k, arg(v)] as const));
    // train_mlp(X, y, **configs[best]) with a dict not written out here: the parameters it gives are settings
    // (sizes, rates), not rows; left unbound, each would read as data of its own (see expr's identifier).
    const spread = n
      .childForFieldName('arguments')
      ?.namedChildren.some((a) => a?.type === 'dictionary_splat');
    return this.inlineWith(f, pos, kw, spread);
  }

  /** How many parameters a function has before its first one with a default (or keyword-only, or `*args`). */
  private requiredParams(f: FuncVal): number {
    const params = this.funcDefs.get(f.id)?.node.childForFieldName('parameters')?.namedChildren ?? [];
    let k = 0;
    for (const p of params) {
      if (p?.type !== 'identifier' && p?.type !== 'typed_parameter') break;
      k++;
    }
    return k;
  }

  private canInline(f: FuncVal): boolean {
    const def = this.funcDefs.get(f.id);
    return (
      !!def?.node.childForFieldName('body') &&
      !this.active.includes(f.id) &&
      this.active.length < 6 &&
      this.inlineBudget > 0
    );
  }

  /** The body of `f` run with these argument values (see inline). */
  private inlineWith(
    f: FuncVal,
    pos: (Val | undefined)[],
    kw: Map<string, Val | undefined>,
    spread = false,
  ): Val | undefined {
    const def = this.funcDefs.get(f.id)!;
    const body = def.node.childForFieldName('body')!;
    this.inlineBudget--;
    this.inlined.add(f.id);
    const inner = new Scope(def.scope, this.namesOf(def.node));
    let i = 0;
    let keywordOnly = false;
    for (const p of def.node.childForFieldName('parameters')?.namedChildren ?? []) {
      if (!p) continue;
      if (p.type === 'list_splat_pattern' || p.type === 'keyword_separator') {
        // def to_tensors(fit_frame, *frames): frames is the tuple of the other positional arguments.
        const rest = p.type === 'list_splat_pattern' ? p.namedChildren[0] : undefined;
        if (
          rest?.type === 'identifier' &&
          !keywordOnly &&
          i <= pos.length &&
          pos.every((v) => v !== undefined)
        )
          inner.set(rest.text, { kind: 'tuple', items: pos.slice(i) });
        i = pos.length;
        keywordOnly = true;
        continue;
      }
      let name: string | undefined;
      let fallback: Node | null = null;
      if (p.type === 'identifier') name = p.text;
      else if (p.type === 'default_parameter' || p.type === 'typed_default_parameter') {
        name = p.childForFieldName('name')?.text;
        fallback = p.childForFieldName('value');
      } else if (p.type === 'typed_parameter')
        name = p.namedChildren.find((c) => c?.type === 'identifier')?.text;
      if (!name) continue;
      let v: Val | undefined;
      if (!keywordOnly && i < pos.length) v = pos[i++];
      else if (kw.has(name)) v = kw.get(name);
      else if (fallback) v = fallback.type === 'none' ? NONE : this.expr(fallback, def.scope);
      else if (spread) v = { kind: 'num', value: Number.NaN };
      if (v) inner.set(name, v);
    }
    this.active.push(f.id);
    this.returns.push([]);
    try {
      if (def.node.type === 'lambda') this.returns.at(-1)!.push(this.expr(body, inner));
      else this.block(body, inner);
    } finally {
      this.active.pop();
    }
    const returned = this.returns.pop()!;
    return returned.filter((v) => v !== undefined).at(-1);
  }

  /** `scores`: the callable scores its arguments (a loss, a metric helper): predictions against labels evaluate. */
  private generic(args: Args, scope: Scope, at: Position, scores = false): Val | undefined {
    const vals = [...args.pos, ...args.kw.values()].map((a) => this.expr(a, scope));
    const data = vals.flatMap((v) => this.dataOf(v));
    // np.flatnonzero(lasso.coef_): still what the model learnt.
    if (!data.length) return vals.find((v) => v?.kind === 'stat');
    const out = this.derive(data, at);
    // np.clip(X, lo, hi), np.where(X > hi, hi, X), np.subtract(X, mu): values made with statistics of rows carry them.
    for (const v of vals)
      if (v?.kind === 'stat' && !data.some((d) => d.preds || d.evals || d.internal))
        out.taints = [...out.taints, { by: v.by, fitRows: v.rows, at: v.at }];
    return scores ? this.scored(out, data, at) : out;
  }

  /** A loss or metric called on predictions and labels (`loss_fn(net(X), y)`): a score of them. */
  private scored(out: DataVal, data: DataVal[], at: Position): DataVal {
    const evals = this.scoreAgainst(data, at);
    if (evals.length) out.evals = [...(out.evals ?? []), ...evals];
    // loss_fn(net(X), y): the values the predictions are compared with are the labels (a backward pass through this
    // loss trains the model on them).
    const labels = data.filter((d) => !d.preds?.length && !d.evals && !d.internal);
    if (labels.length === 1 && data.some((d) => d.preds?.length)) out.against = labels[0];
    return out;
  }

  private kwBool(args: Args, name: string): boolean | undefined {
    const v = args.kw.get(name)?.text;
    return v === 'True' ? true : v === 'False' ? false : undefined;
  }

  private callFunction(qname: string, args: Args, n: Node, scope: Scope): Val | undefined {
    const out = this.libraryCall(qname, args, n, scope);
    // DataLoader(train_set, shuffle=True): batches made to train or evaluate on (see Facts.loaders).
    if (last(qname) === 'DataLoader' && out?.kind === 'data') {
      this.facts.loaders ??= [];
      this.facts.loaders.push({ data: out, at: posOf(n) });
    }
    return out;
  }

  private libraryCall(qname: string, args: Args, n: Node, scope: Scope): Val | undefined {
    const name = last(qname);
    const at = posOf(n);
    if (name === 'train_test_split') return this.trainTestSplit(args, n, scope);
    if (name === 'get_dummies' && /^(pd|pandas)\.get_dummies$/.test(qname) && args.pos.length >= 1) {
      // pd.get_dummies(df["arena"], prefix="arena") of one column: new indicator columns (see DataVal.indicators),
      // named `<prefix>_<value>`, or `<value>` alone without a prefix. (A frame's get_dummies keeps its other
      // columns: not new ones only.)
      const out = this.generic(args, scope, at);
      const source = args.pos[0]!;
      const from =
        source.type === 'subscript'
          ? stringValue(source.childForFieldName('subscript'))
          : source.type === 'attribute'
            ? source.childForFieldName('attribute')?.text
            : undefined;
      if (out?.kind !== 'data' || from === undefined) return out;
      const prefix = stringValue(args.kw.get('prefix'));
      const sep = stringValue(args.kw.get('prefix_sep')) ?? '_';
      return { ...out, indicators: { from, ...(prefix !== undefined ? { prefixes: [prefix + sep] } : {}) } };
    }
    if (
      (name === 'select_features' || name === 'extract_relevant_features') &&
      /^tsfresh\b/.test(qname) &&
      args.pos.length >= 2
    ) {
      // tsfresh's select_features(X, y): the columns of X whose test against the labels y is significant, a feature
      // selection learnt from X's rows and their labels (the labels are no feature of the result).
      const x = this.dataOf(this.expr(args.pos[0]!, scope))[0];
      for (const a of [...args.pos.slice(1), ...args.kw.values()]) this.expr(a, scope);
      if (!x) return undefined;
      const out = this.derive([x], at);
      out.taints = [...out.taints, { by: `tsfresh ${name}`, fitRows: new Set(x.rows), at }];
      return out;
    }
    if (name === 'col' && /^(polars|pl)\./.test(qname) && args.pos.length === 1) {
      // pl.col("count"): a column of the frame the expression is given to (select, with_columns), not known yet.
      // pl.col(c) for c in NUMERIC: the name c is bound to.
      const bound = this.named(args.pos[0], scope);
      const col = stringValue(args.pos[0]) ?? (bound && !bound.list ? bound.values[0] : undefined);
      if (col === undefined) return undefined;
      return {
        kind: 'data',
        rows: new Set(),
        taints: [],
        frame: POLARS_FRAME,
        deps: [{ frame: POLARS_FRAME, name: col, lag: 0 }],
        column: { frame: POLARS_FRAME, name: col },
        at,
      };
    }
    if (/statsmodels/.test(qname) && /^(PCA|Factor)$/.test(name) && args.pos.length > 0) {
      // statsmodels' PCA(data, ncomp=4), Factor(data, 2): fit when made; .factors / .scores are the data transformed.
      const d = this.dataOf(this.expr(args.pos[0]!, scope))[0];
      for (const a of [...args.pos.slice(1), ...args.kw.values()]) this.expr(a, scope);
      const e = this.est(name, 'transformer', at);
      if (d) {
        e.fits.push({ rows: new Set(d.rows), at });
        this.facts.transformerFits.push({ est: e, data: d, at });
        e.data = { x: d };
      }
      return e;
    }
    if (
      (name === 'polyfit' && /^(numpy|np)\b/.test(qname)) ||
      (name === 'fit' && /(^|\.)(Polynomial|Chebyshev|Legendre|Hermite|Laguerre)\.fit$/.test(qname))
    ) {
      // np.polyfit(x, y, deg), Polynomial.fit(x, y, deg): a model fit on x and y (its coefficients).
      const vals = args.pos.map((a) => this.expr(a, scope));
      for (const v of args.kw.values()) this.expr(v, scope);
      // np.polyfit(self.reference_, row, 1) against a statistic of the rows (multiplicative scatter correction's mean
      // spectrum): the coefficients are computed from that statistic, and so is what they correct.
      const learnt = vals.find((v) => v?.kind === 'stat');
      if (learnt) return learnt;
      const x = this.dataOf(vals[0])[0];
      const y = this.dataOf(vals[1])[0];
      const e = this.est(name === 'fit' ? qname.split('.').at(-2)! : 'polyfit', 'model', at);
      if (x) this.train(e, x, y, at);
      return e;
    }
    if ((name === 'polyval' || name === 'poly1d') && /^(numpy|np)\b/.test(qname)) {
      // np.polyval(coeffs, x): the fitted polynomial's predictions; np.poly1d(coeffs): the polynomial itself.
      const vals = args.pos.map((a) => this.expr(a, scope));
      const model = vals[0]?.kind === 'est' ? vals[0] : undefined;
      if (name === 'poly1d') return model ?? this.generic(args, scope, at);
      const x = this.dataOf(vals[1])[0];
      if (model && x) return this.pred(model, x);
      const data = vals.flatMap((v) => this.dataOf(v));
      return data.length ? this.derive(data, at) : undefined;
    }
    if (/^(to_categorical|one_hot)$/.test(name) && args.pos.length >= 1) {
      // keras.utils.to_categorical(df["label"]), F.one_hot(y): the same column, one-hot encoded.
      const d = this.dataOf(this.expr(args.pos[0]!, scope))[0];
      for (const a of [...args.pos.slice(1), ...args.kw.values()]) this.expr(a, scope);
      return d ? this.derive([d], at, true) : undefined;
    }
    if (name === 'isin' && /^(np|numpy)\.isin$/.test(qname) && args.pos.length === 2) {
      // np.isin(bells, test_bells): a mask by a set of values (group ids drawn at random, constants), as s.isin is;
      // with its complement it divides the rows of any array aligned with it (see select).
      const a = this.expr(args.pos[0]!, scope);
      const values = this.expr(args.pos[1]!, scope);
      if (a?.kind === 'data' && !a.preds && !a.evals && values?.kind !== 'stat') {
        const out = this.derive([a], at, true);
        out.mask = { key: `${args.pos[0]!.text}|in|${args.pos[1]!.text.replace(/\s/g, '')}`, neg: false };
        return out;
      }
    }
    if (
      /^(flatnonzero|nonzero|where|argwhere)$/.test(name) &&
      /^(np|numpy)\./.test(qname) &&
      args.pos.length === 1
    ) {
      // np.flatnonzero(test_mask), np.where(~test_mask)[0]: the positions a mask keeps select what the mask does.
      const m = this.expr(args.pos[0]!, scope);
      if (m?.kind === 'data' && m.mask)
        return name === 'flatnonzero' || name === 'argwhere' ? m : { kind: 'tuple', items: [m] };
      // np.flatnonzero(recall >= TARGET) over a curve's scores: the settings that meet a target (the last one is then
      // taken), a choice by those scores. (Of anything else, np.flatnonzero(lasso.coef_), the usual value below.)
      if (name !== 'where' && m?.kind === 'data' && m.evals?.length && !m.preds) {
        this.decide(m, at);
        return this.derive([m], at);
      }
    }
    if (name === 'qcut' && /(^|\.)(pd|pandas)\.qcut$/.test(qname) && args.pos.length > 0) {
      // pd.qcut(df["grain_density"], q=5): bins cut at the quantiles of the rows given (KBinsDiscretizer's
      // "quantile" strategy by hand), learnt from them.
      const x = this.dataOf(this.expr(args.pos[0]!, scope))[0];
      for (const a of [...args.pos.slice(1), ...args.kw.values()]) this.expr(a, scope);
      if (!x) return undefined;
      const out = this.derive([x], at, true);
      out.taints = [
        ...out.taints,
        {
          by: 'quantile bins (pd.qcut)',
          fitRows: new Set(x.rows),
          at,
          ...(x.column ? { col: { frame: x.column.frame, name: x.column.name } } : {}),
        },
      ];
      return out;
    }
    if (/^(permutation_importance|partial_dependence)$/.test(name) && args.pos.length >= 2) {
      // permutation_importance(model, X_test, y_test): the model scored on that data once per shuffled feature.
      const vals = args.pos.map((a) => this.expr(a, scope));
      for (const v of args.kw.values()) this.expr(v, scope);
      const model = vals[0]?.kind === 'est' ? vals[0] : undefined;
      const x = this.dataOf(vals[1])[0];
      if (!model || !x || model.fits.length === 0 || name === 'partial_dependence') return undefined;
      return this.score([this.evaluate(model, x, at, 'score')], at);
    }
    if (
      ((/^(zscore|winsorize|detrend)$/.test(name) && /(^|\.)(scipy|stats|mstats|signal)\./.test(qname)) ||
        (/^(seasonal_decompose|hpfilter|bkfilter|cffilter)$/.test(name) &&
          /statsmodels|\btsa\b/.test(qname))) &&
      args.pos.length > 0
    ) {
      // (statsmodels' seasonal_decompose(y), hpfilter(y): trend and seasonal parts smoothed over the whole series,
      // the later periods included.)
      // stats.zscore(X), mstats.winsorize(x, limits=…), signal.detrend(y): standardised by the mean and std of x, cut
      // at its quantiles, a line fit to the series removed — learnt from the rows given, applied to them.
      const x = this.dataOf(this.expr(args.pos[0]!, scope))[0];
      for (const a of [...args.pos.slice(1), ...args.kw.values()]) this.expr(a, scope);
      if (!x) return undefined;
      const out = this.derive([x], at, true);
      out.taints = [...out.taints, { by: `${name}()`, fitRows: new Set(x.rows), at }];
      return out;
    }
    if (
      ((name === 'searchsorted' && /(^|\.)(np|numpy)\./.test(qname)) ||
        (name === 'percentileofscore' && /(^|\.)(scipy|stats)\./.test(qname))) &&
      args.pos.length >= 2
    ) {
      // np.searchsorted(np.sort(ref), values) / len(ref), stats.percentileofscore(ref, v): where each value sits
      // among the reference rows (their empirical distribution), learnt from those rows.
      const ref = this.dataOf(this.expr(args.pos[0]!, scope))[0];
      const v = this.expr(args.pos[1]!, scope);
      for (const a of [...args.pos.slice(2), ...args.kw.values()]) this.expr(a, scope);
      const x = this.dataOf(v)[0];
      if (!x) return v;
      const out = this.derive([x], at, true);
      if (ref) {
        for (const t of ref.taints) if (!out.taints.includes(t)) out.taints.push(t);
        out.taints = [...out.taints, { by: `percentile ranks (${name})`, fitRows: new Set(ref.rows), at }];
      }
      return out;
    }
    if (/^(boxcox|yeojohnson)$/.test(name) && /(^|\.)(scipy|stats)\./.test(qname) && args.pos.length > 0) {
      // stats.boxcox(x): the power transform with the lambda fit to x by maximum likelihood, returned with it;
      // stats.boxcox(x_test, lmbda=lam): the transform with a given lambda (what it was fit on comes with it).
      const x = this.dataOf(this.expr(args.pos[0]!, scope))[0];
      const lmbdaNode = args.pos[1] ?? args.kw.get('lmbda');
      const lmbda = lmbdaNode ? this.expr(lmbdaNode, scope) : undefined;
      for (const [k, v] of args.kw) if (k !== 'lmbda') this.expr(v, scope);
      if (!x) return undefined;
      const out = this.derive([x], at, true);
      if (lmbdaNode) {
        if (lmbda?.kind === 'stat')
          out.taints = [...out.taints, { by: lmbda.by, fitRows: lmbda.rows, at: lmbda.at }];
        for (const d of this.dataOf(lmbda))
          for (const t of d.taints) if (!out.taints.includes(t)) out.taints.push(t);
        return out;
      }
      const by = `${name} (lambda)`;
      out.taints = [...out.taints, { by, fitRows: new Set(x.rows), at }];
      return { kind: 'tuple', items: [out, { kind: 'stat', rows: new Set(x.rows), by, at }] };
    }
    const inner = args.pos[0];
    if (
      qname === 'next' &&
      inner?.type === 'call' &&
      inner.childForFieldName('function')?.type === 'attribute' &&
      inner.childForFieldName('function')?.childForFieldName('attribute')?.text === 'split'
    ) {
      // train_idx, test_idx = next(GroupShuffleSplit(…).split(X, y, groups)): the first fold's indices.
      const v = this.expr(inner, scope);
      if (v?.kind === 'coll' && v.items[0]?.kind === 'tuple') return v.items[0];
      return v;
    }
    if (qname === 'next' && args.pos[0]?.type === 'identifier') {
      // next(doc_stream) of an iterator kept in a variable: each call reads the items after the last one read, so two
      // reads (training minibatches, then the test documents) are different rows of the stream. (next(iter(loader))
      // makes a new iterator each time: its first batch, the same rows.)
      const v = this.expr(args.pos[0], scope);
      for (const a of [...args.pos.slice(1), ...args.kw.values()]) this.expr(a, scope);
      const items = v?.kind === 'tuple' ? v.items : [v];
      const data = items.flatMap((i) => this.dataOf(i));
      if (data.length === 0 || data.some((d) => d.preds || d.evals || d.internal)) return v;
      const o = this.origin('part', new Set(data.flatMap((d) => [...d.rows])), at, 'next()');
      const read = (i: Val | undefined) => {
        const d = i?.kind === 'data' ? i : undefined;
        return d ? this.withRows(d, o, at) : i;
      };
      return v?.kind === 'tuple' ? { kind: 'tuple', items: v.items.map(read) } : read(v);
    }
    const recordsNode = args.pos[0];
    if (
      /^(pd|pandas)\.DataFrame(\.from_records)?$/.test(qname) &&
      args.pos.length === 1 &&
      recordsNode &&
      ((recordsNode.type === 'identifier' && scope.get(recordsNode.text)?.kind === 'coll') ||
        (recordsNode.type === 'list' && recordsNode.namedChildren.every((c) => c?.type === 'dictionary')))
    ) {
      // pd.DataFrame(rows) of dicts of scores ({"fold": k, "test_auc": auc}): a table of results, each column's scores
      // kept apart (see DataVal.scoreCols). (The list is only read here: evaluating it twice makes nothing twice.)
      const v = this.expr(recordsNode, scope);
      const cols = new Map<string, EvalFact[]>();
      const models = new Map<string, EstVal>();
      const records = v?.kind === 'coll' ? v.items : [];
      for (const r of records) {
        if (r.kind !== 'coll' || !r.keys) continue;
        r.items.forEach((item, i) => {
          const key = r.keys![i];
          if (key !== undefined && item.kind === 'est') models.set(key, item);
          const evals = this.dataOf(item).flatMap((d) => d.evals ?? []);
          if (key !== undefined && evals.length > 0) cols.set(key, [...(cols.get(key) ?? []), ...evals]);
        });
      }
      if (cols.size > 0 || models.size > 0) {
        for (const a of args.kw.values()) this.expr(a, scope);
        return {
          ...this.score([], at),
          evals: undefined,
          scoreCols: cols,
          ...(models.size > 0 ? { models } : {}),
        };
      }
    }
    if (
      /^((pd|pandas|pl|polars)\.DataFrame|(xr|xarray)\.Dataset)$/.test(qname) &&
      args.pos.length === 0 &&
      args.kw.size === 0
    )
      // feat = xr.Dataset(), then feat[f"{v}_z"] = anom[v] in a loop: no rows yet, those of its columns once assigned.
      return { kind: 'data', rows: new Set(), taints: [], frame: this.nextId++, at, emptyFrame: true };
    if (
      /^(pd|pandas)\.DataFrame$/.test(qname) &&
      args.pos.length === 0 &&
      args.kw.size === 1 &&
      args.kw.has('index')
    ) {
      // out = pd.DataFrame(index=df.index): an empty frame of df's rows; the columns assigned to it are its columns.
      const idx = this.expr(args.kw.get('index')!, scope);
      const base = idx?.kind === 'indexof' ? idx.data : undefined;
      if (base) {
        const out = this.derive([base], at);
        out.frame = base.cols?.frame ?? base.frame;
        out.cols = { frame: out.frame, mode: 'only', names: new Set() };
        out.whole = false;
        out.deps = undefined;
        return out;
      }
    }
    if (/^(pd|pandas)\.DataFrame$/.test(qname) && args.pos[0]?.type === 'dictionary') {
      // pd.DataFrame({"n_reprices": g.size(), "total_markdown": …}) of series: each key names its column, and what was
      // learnt to make a value is written there (see Taint.assigned). (Dicts of lists of rows go the generic way.)
      const pairs = args.pos[0].namedChildren.filter((c) => c?.type === 'pair');
      const vals = pairs.map((pr) => {
        const key = stringValue(pr!.childForFieldName('key') ?? null);
        const valueNode = pr!.childForFieldName('value');
        return { key, v: valueNode ? this.expr(valueNode, scope) : undefined };
      });
      for (const [k, v] of args.kw) if (k !== 'index' && k !== 'columns') this.expr(v, scope);
      const data = vals.flatMap(({ v }) => this.dataOf(v));
      if (
        pairs.length > 0 &&
        vals.every(({ key }) => key !== undefined) &&
        data.length > 0 &&
        data.every((x) => x.taints.some((t) => t.groupBy?.length))
      ) {
        const out = this.derive(data, at);
        out.frame = this.nextId++;
        out.taints = vals.flatMap(({ key, v }) =>
          this.dataOf(v).flatMap((x) =>
            x.taints.map((t) => ({ ...t, assigned: { frame: out.frame, names: [key!] } })),
          ),
        );
        out.cols = { frame: out.frame, mode: 'only', names: new Set(vals.map(({ key }) => key!)) };
        out.whole = true;
        out.deps = undefined;
        this.useColumns(
          out.frame,
          vals.map(({ key }) => key!),
        );
        return out;
      }
    }
    if (/^(pl|polars)\.Series$/.test(qname) && args.pos.length === 2) {
      // pl.Series("is_test", rng.random(df.height) < 0.2): the values, named (a mask stays that mask).
      this.expr(args.pos[0]!, scope);
      const v = this.expr(args.pos[1]!, scope);
      if (v?.kind === 'data') return v;
    }
    if (last(qname) === 'DatasetDict' && (args.kw.size > 0 || args.pos.length === 1)) {
      // DatasetDict(train=inner["train"], valid=inner["test"], test=outer["test"]) / DatasetDict({"train": …}): the
      // parts as given, each keyed.
      if (args.pos.length === 1) {
        const v = this.expr(args.pos[0]!, scope);
        if (v?.kind === 'coll' && v.keys?.length === v.items.length) return v;
      } else {
        const keys = [...args.kw.keys()];
        const items = [...args.kw.values()].map((a) => this.expr(a, scope));
        if (items.every((i) => i !== undefined)) return { kind: 'coll', items: items as Val[], keys };
      }
    }
    if (qname === 'zip' && args.pos.length >= 2 && !args.splat) {
      // zip(X, y): pairs of the same row of each; a loop `for x, label in zip(X, y)` takes each part apart (merged
      // into one value, the images would carry the labels).
      return { kind: 'tuple', items: args.pos.map((a) => this.expr(a, scope)) };
    }
    if (/^(list|sorted|tuple)$/.test(qname) && args.pos.length === 1 && args.kw.size === 0) {
      // list(predictors) / list(predictors.keys()) of a dict with string keys ({"bmi": "bmi", …}): its keys.
      const a = args.pos[0]!;
      const keyed =
        a.type === 'identifier' ||
        (a.type === 'call' &&
          a.childForFieldName('function')?.type === 'attribute' &&
          a.childForFieldName('function')?.childForFieldName('attribute')?.text === 'keys' &&
          a.childForFieldName('function')?.childForFieldName('object')?.type === 'identifier');
      const v = keyed ? this.expr(a, scope) : undefined;
      const keys = v?.kind === 'coll' ? dictKeys(v) : undefined;
      if (keys) return { kind: 'strs', values: keys, list: true };
      if (v?.kind === 'strs' && v.list) return v;
    }
    if (
      qname === 'list' &&
      args.pos.length === 1 &&
      args.pos[0]!.type === 'attribute' &&
      args.pos[0]!.childForFieldName('attribute')?.text === 'columns'
    ) {
      // list(df.columns): every column of the frame, by name (like df.columns.drop([])).
      this.expr(args.pos[0]!, scope);
      // list(dummies.columns) of pd.get_dummies(df["arena"], prefix="arena"): the indicators only, names unknown here
      // (see DataVal.indicators), not every column of the frame they were made from — of whichever frame they are
      // joined to (pd.concat([df, dummies], axis=1)), so of no frame in particular.
      const obj = args.pos[0]!.childForFieldName('object');
      const made = obj ? this.receiver(obj, scope) : undefined;
      if (made?.kind === 'data' && made.indicators) {
        const { prefixes, from } = made.indicators;
        return { kind: 'strs', values: [], list: true, partial: { from, ...(prefixes ? { prefixes } : {}) } };
      }
      return {
        kind: 'strs',
        values: [],
        list: true,
        partial: { drop: [], ...this.columnsFrame(args.pos[0]!, scope) },
      };
    }
    if (
      /^(set|(numpy|np|pd|pandas)\.unique)$/.test(qname) &&
      args.pos.length === 1 &&
      /^(identifier|subscript|attribute)$/.test(args.pos[0]!.type)
    ) {
      // len(set(ds["pet_id"])), np.unique(runners): distinct ids counted (see noteEntity). A plain read, looked at
      // before the call is evaluated as usual below.
      const v = this.expr(args.pos[0]!, scope);
      if (v?.kind === 'data') this.noteEntityColumn(v);
    }
    if (qname === 'slice' && args.pos.length >= 1 && args.pos.length <= 2 && args.kw.size === 0) {
      // train_years = slice(2001, 2017): the bounds, for ds.sel(year=train_years) (see the sel branch of dataMethod).
      const [loNode, hiNode] = args.pos.length === 1 ? [undefined, args.pos[0]] : [args.pos[0], args.pos[1]];
      const bound = (b: Node | undefined) =>
        b && b.type !== 'none' ? constantValue(this.expr(b, scope), b) : undefined;
      const [lo, hi] = [bound(loNode), bound(hiNode)];
      return {
        kind: 'tuple',
        items: [],
        slice: { ...(lo !== undefined ? { lo } : {}), ...(hi !== undefined ? { hi } : {}) },
      };
    }
    if (qname === 'len' && args.pos.length === 1) {
      // len(X): a number, the size of X (see NumVal.of).
      const v = this.expr(args.pos[0]!, scope);
      const d = this.dataOf(v)[0];
      return d && !d.evals && !d.internal && !d.preds ? { kind: 'num', value: Number.NaN, of: d } : undefined;
    }
    if (
      /^(numpy|np)\.(round|around|rint|abs|absolute|sort|unique|clip|flip|asarray|array|floor|ceil)$/.test(
        qname,
      ) &&
      args.pos.length >= 1
    ) {
      // np.round(np.arange(0.1, 0.91, 0.05), 2): settings to try, still numbers (not rows). Only numbers are taken
      // here (a name bound to numbers, a range of them, a list literal); data goes on below.
      const a = args.pos[0]!;
      const numeric =
        (a.type === 'identifier' && scope.get(a.text)?.kind === 'num' && !(scope.get(a.text) as NumVal).of) ||
        (a.type === 'call' &&
          /(arange|linspace|logspace|geomspace)$/.test(a.childForFieldName('function')?.text ?? '')) ||
        ((a.type === 'list' || a.type === 'tuple') &&
          a.namedChildren.every((c) => c?.type === 'integer' || c?.type === 'float'));
      if (numeric) {
        const v = this.expr(a, scope);
        for (const x of [...args.pos.slice(1), ...args.kw.values()]) this.expr(x, scope);
        if (v?.kind === 'num') return numOf(nums(v)) ?? v;
        return v;
      }
    }
    if (/^(int|float|round|abs)$/.test(qname) && args.pos.length >= 1) {
      // int(0.8 * n): still a number.
      const vals = args.pos.map((a) => this.expr(a, scope));
      const v = vals[0];
      if (v?.kind === 'num') {
        const f = qname === 'abs' ? Math.abs : qname === 'float' ? (x: number) => x : Math.trunc;
        return qname === 'round' ? { kind: 'num', value: Number.NaN } : numOf(nums(v)?.map(f));
      }
      const data = vals.flatMap((x) => this.dataOf(x));
      return data.length ? this.derive(data, at) : vals.find((x) => x?.kind === 'stat');
    }
    if (/^(linspace|arange|logspace|geomspace|range)$/.test(name) && /^(numpy|np|torch|range$)/.test(qname)) {
      // np.linspace(0.05, 0.95, 91): numbers (settings to try), not rows; with data in the arguments (range(len(X))),
      // positions of its rows.
      const vals = [...args.pos, ...args.kw.values()].map((a) => this.expr(a, scope));
      const data = vals.flatMap((v) => this.dataOf(v));
      // range(w, len(series)): positions of the rows, one number at a time (`series[t]` is the value at t).
      // Positions made from sizes (np.arange(len(df))) are the rows' places, not their values: no column is read.
      const sized = vals.every((v) => v?.kind === 'num' || this.dataOf(v).length === 0);
      const positions = (d: DataVal): DataVal => (sized ? { ...d, deps: undefined } : d);
      if (qname === 'range' && data.length && vals.every((v) => v?.kind === 'num'))
        return { kind: 'num', value: Number.NaN, of: positions(this.derive(data, at)) };
      if (data.length) return positions(this.derive(data, at));
      // range(1, lags + 1) with known bounds: one of those numbers (shift(i) over it reads 1 to lags rows back).
      const bounds = qname === 'range' ? vals.map((v) => nums(v)) : [];
      if (bounds.length >= 1 && bounds.length <= 3 && bounds.every((b) => b?.length === 1)) {
        const [a, b, step = 1] = bounds.length === 1 ? [0, bounds[0]![0]!] : bounds.map((x) => x![0]!);
        const count = step > 0 ? Math.ceil((b! - a!) / step) : 0;
        if (count >= 1 && count <= 16) return numOf(Array.from({ length: count }, (_, i) => a! + i * step));
      }
      return { kind: 'num', value: Number.NaN };
    }
    if (
      /^(optimize|fmin|gp_minimize|forest_minimize|gbrt_minimize|dummy_minimize)$/.test(name) ||
      (/^(minimize|minimize_scalar|differential_evolution|dual_annealing|basinhopping|brute)$/.test(name) &&
        /scipy|(^|\.)optimize\./.test(qname)) ||
      (name === 'BayesianOptimization' && (args.kw.has('f') || args.kw.has('pbounds'))) ||
      (/^(run|Tuner)$/.test(name) && /(^|\.)tune\b/.test(qname))
    ) {
      const fnNode =
        args.kw.get('fn') ??
        args.kw.get('func') ??
        args.kw.get('f') ??
        args.kw.get('objective') ??
        args.kw.get('trainable') ??
        args.pos[0];
      for (const a of [...args.pos, ...args.kw.values()]) if (a !== fnNode) this.expr(a, scope);
      this.objective(fnNode, scope, at);
      return undefined;
    }
    if (name === 'random_split') return this.randomSplit(args, n, scope);
    if (CV_FUNCTIONS.has(name)) {
      const est = args.pos[0] ? this.expr(args.pos[0], scope) : undefined;
      const xNode = args.pos[1] ?? args.kw.get('X');
      const x = xNode ? this.dataOf(this.expr(xNode, scope))[0] : undefined;
      const yNode = args.pos[2] ?? args.kw.get('y');
      const y = yNode ? this.dataOf(this.expr(yNode, scope))[0] : undefined;
      const cvNode = args.kw.get('cv');
      const cv = cvNode ? this.expr(cvNode, scope) : undefined;
      let groups: string | undefined;
      let groupsGiven = false;
      for (const [k, v] of args.kw) {
        if (k === 'cv' || k === 'X' || k === 'y') continue;
        const g = this.expr(v, scope);
        if (k === 'groups' && g?.kind === 'data') {
          groups = g.column?.name;
          groupsGiven = true;
        }
      }
      const ignoredGroups = groupsGiven ? groupsIgnoredBy(cvNode, cv) : undefined;
      if (x) {
        this.facts.cvs.push({
          fn: name,
          est: est?.kind === 'est' ? est : undefined,
          data: withPreset(this.columnsUsed(est?.kind === 'est' ? est : undefined, x, at), est),
          y,
          at,
          cv,
          cvText: cvNode?.text,
          ...(groups !== undefined && cv?.kind === 'splitter' && /Group/.test(cv.cls) ? { groups } : {}),
          ...(ignoredGroups ? { ignoredGroups } : {}),
          columnDefs: this.columnDefsNow(),
        });
      }
      if (name === 'cross_val_predict') return x ? this.derive([x], at) : undefined;
      // cross_val_score(model, X, y).mean(): the model's cross-validated score (picking the best of several is biased).
      return this.internalScore('cv', est?.kind === 'est' ? est : undefined, x, at);
    }
    // The path as a literal, or a name bound to one (a parameter given "data/faces.csv"): reading the same file
    // twice reads the same rows.
    const pathNode = args.pos[0] ?? args.kw.get('filepath') ?? args.kw.get('path');
    const namedPath = this.named(pathNode, scope);
    const path =
      stringValue(pathNode) ??
      (namedPath && !namedPath.list && !namedPath.partial && namedPath.values.length === 1
        ? namedPath.values[0]
        : undefined);
    if (/^(load|load_model|load_learner)$/.test(name) && path !== undefined && this.saved.has(path)) {
      // torch.load / keras.models.load_model / joblib.load of a file a model was saved to: that model.
      for (const v of args.kw.values()) this.expr(v, scope);
      return this.saved.get(path);
    }
    if (/^(save|dump)$/.test(name) && /^(torch|joblib|pickle|keras|tf)\b/.test(qname)) {
      const v = args.pos[0] ? this.expr(args.pos[0], scope) : undefined;
      const file = stringValue(args.pos[1] ?? args.kw.get('f'));
      if (v?.kind === 'est' && file !== undefined) this.saved.set(file, v);
      return undefined;
    }
    if (isDatasetClass(qname) || /^(image_dataset_from_directory|flow_from_directory)$/.test(name)) {
      // ImageFolder(dst) of a directory augmented copies were written to: its images include copies of each other.
      const dir = args.pos[0] ?? args.kw.get('root') ?? args.kw.get('directory');
      const copies = dir?.type === 'identifier' ? this.augmentedDirs.get(dir.text) : undefined;
      const loaded = isDatasetClass(qname) ? this.datasetLoad(qname, args, n, scope) : undefined;
      if (copies && (!loaded || loaded.kind === 'data')) {
        const d = loaded?.kind === 'data' ? loaded : this.load(at);
        if (!loaded) for (const a of [...args.pos, ...args.kw.values()]) this.expr(a, scope);
        const o = this.origin(
          'oversampled',
          d.rows,
          copies,
          'augmented copies of images written to the loaded folder',
        );
        return this.withRows(d, o, at);
      }
      if (loaded) return loaded;
    }
    if (isModelFactory(qname)) {
      for (const a of [...args.pos, ...args.kw.values()]) this.expr(a, scope);
      // AutoTokenizer.from_pretrained(…), AutoImageProcessor…: a fixed, pretrained preprocessing step, not a model
      // (what it returns are the inputs encoded, not predictions).
      const cls = qname.split('.').at(-2) ?? '';
      if (/(Tokenizer|Processor|FeatureExtractor|Config)(Fast)?$/.test(cls))
        return this.est(cls, 'transformer', at);
      return this.est(name, 'model', at);
    }
    if (LOADER_FUNCTIONS.test(name) && !qname.startsWith('json.') && !qname.startsWith('pickle.')) {
      if (args.kw.has('split') || args.kw.has('train') || args.kw.has('subset'))
        return this.datasetLoad(qname, args, n, scope);
      const d = this.load(at, path === undefined ? undefined : `${name}:${path}`);
      // for rec in meta.itertuples(): audio = np.load(f"audio/{rec.id}.npy"): one array file per item (see
      // DataVal.perItem). Not tables (read_csv of each part: a part's statistics are learnt across its rows).
      if (path === undefined && /^(load|loadtxt|fromfile|genfromtxt)$/.test(name) && this.loops.length > 0)
        d.perItem = this.loops.at(-1)!;
      // meta = pd.read_csv(PATH)  # image_id, patient_id, lesion_id, age: the file's columns, as the comment lists them.
      const listed = this.commentedColumns(n);
      if (listed) this.useColumns(d.frame, listed);
      // Hugging Face's load_dataset("imdb") without split=: a DatasetDict, ds["train"] / ds["test"] its parts.
      if ((name === 'load_dataset' || name === 'load_from_disk') && !/seaborn|sns/.test(qname))
        d.splits = `${name}:${path ?? args.pos[0]?.text ?? ''}`;
      const src = path ?? /datasets\.(\w+)\.load$/.exec(qname)?.[1];
      if (src !== undefined) {
        this.facts.frameSources.set(d.frame, src);
        const base = src.replace(/^.*[\\/]/, '').replace(/\.\w+$/, '');
        if (TIME_SERIES_DATASETS.test(base))
          d.time = { at, evidence: `the ${base} data set is a time series` };
      }
      const parse = args.kw.get('parse_dates');
      const parsed = parse ? stringList(parse) : undefined;
      if (parsed?.length) this.addDated(d.frame, parsed);
      const index = stringValue(args.kw.get('index_col'));
      // parse_dates alone only types some columns as dates (a listing's last review): the rows are a time series when
      // a date becomes the index (here, or by set_index/sort_values later) or lag features are built.
      const indexed = args.kw.get('index_col');
      if (parse && parse.text !== 'False' && indexed && indexed.text !== 'None' && indexed.text !== 'False')
        d.time = { at, evidence: 'a parsed date as the index in the loader' };
      else if (index && DATEISH.test(index)) d.time = { at, evidence: `index_col=${JSON.stringify(index)}` };
      return d;
    }
    if (
      /^(load_|fetch_)/.test(name) &&
      name !== 'load_data' &&
      (/datasets/.test(qname) || /^(seaborn|sns)\.load_dataset$/.test(qname))
    ) {
      // fetch_20newsgroups(subset="train"), fetch_lfw_people: predefined parts like a dataset's train=/split=.
      if (args.kw.has('subset')) return this.datasetLoad(qname, args, n, scope);
      const d = this.load(at);
      if (!/^(seaborn|sns)\./.test(qname)) this.bunches.add(d.frame);
      // fetch_openml("titanic"), sm.datasets.sunspots.load_pandas(): the data set's name.
      const parts = qname.split('.');
      const named =
        stringValue(args.pos[0] ?? args.kw.get('name')) ??
        (/^load_(pandas|data)$|^load$/.test(name) ? parts.at(-2) : name.replace(/^(load_|fetch_)/, ''));
      if (named !== undefined) {
        this.facts.frameSources.set(d.frame, named);
        if (TIME_SERIES_DATASETS.test(named))
          d.time = { at, evidence: `the ${named} data set is a time series` };
      }
      if (this.kwBool(args, 'return_X_y')) {
        // X, y = fetch_openml("titanic", return_X_y=True): the data set's columns but its target, and the target (its
        // name not given here: "target").
        const x: DataVal = {
          ...this.derive([d], at),
          whole: false,
          cols: { frame: d.frame, mode: 'drop', names: new Set(['target']) },
        };
        return { kind: 'tuple', items: [x, this.colOf(d, 'target', at)] };
      }
      return d;
    }
    if (name === 'load_data' && /datasets/.test(qname)) {
      // keras.datasets.*.load_data(): ((x_train, y_train), (x_test, y_test)), already split.
      const whole = this.load(at);
      const fact = this.registerSplit('load_data', at, whole, false);
      const tr = this.withRows(whole, this.facts.origins.get(fact.train)!, at);
      const te = this.withRows(whole, this.facts.origins.get(fact.test)!, at);
      return {
        kind: 'tuple',
        items: [
          { kind: 'tuple', items: [tr, this.derive([tr], at, true)] },
          { kind: 'tuple', items: [te, this.derive([te], at, true)] },
        ],
      };
    }
    if (/^make_/.test(name) && /datasets/.test(qname)) {
      const d = this.load(at);
      return { kind: 'tuple', items: [d, this.derive([d], at)] };
    }
    if (name === 'resample' && /utils|sklearn/.test(qname)) {
      const data = args.pos.flatMap((a) => this.dataOf(this.expr(a, scope)));
      if (this.kwBool(args, 'replace') === false || data.length === 0) return this.tupleOrOne(data, at);
      const o = this.origin(
        'oversampled',
        data.flatMap((d) => [...d.rows]),
        at,
        'resample(replace=True)',
      );
      const out = data.map((d) => this.withRows(d, o, at));
      return out.length === 1 ? out[0] : { kind: 'tuple', items: out };
    }
    if (name === 'choice' && /random|rng/i.test(qname) && this.kwBool(args, 'replace') !== false) {
      // np.random.choice(minority_idx, n_majority): indices drawn with replacement, copies of rows once used.
      const data = args.pos[0] ? this.dataOf(this.expr(args.pos[0], scope)) : [];
      for (const a of [...args.pos.slice(1), ...args.kw.values()]) this.expr(a, scope);
      if (data.length === 0 || data.every((d) => d.preds || d.evals || d.internal)) return undefined;
      const o = this.origin(
        'oversampled',
        data.flatMap((d) => [...d.rows]),
        at,
        'random choice of rows with replacement',
      );
      return this.withRows(data[0]!, o, at);
    }
    if (name === 'shuffle' && /utils|sklearn/.test(qname)) {
      const data = args.pos.flatMap((a) => this.dataOf(this.expr(a, scope)));
      if (data.length === 0) return undefined;
      // shuffle(X, y): the same random order for all.
      const first = this.shuffled(data[0]!, at, 'shuffle()');
      const o = [...first.rows].map((r) => this.facts.origins.get(r)).find((x) => x?.kind === 'shuffled');
      return this.tupleOrOne(
        data.map((d, i) =>
          i === 0 ? first : o ? this.withRows(this.derive([d], at, true), o, at) : this.derive([d], at, true),
        ),
        at,
      );
    }
    if (/^(permutation|randperm)$/.test(name) && /random|rng|torch|^np\b|numpy/.test(qname)) {
      // rng.permutation(len(df)), torch.randperm(len(X)): the positions of those rows in random order.
      const data = args.pos.flatMap((a) => this.dataOf(this.expr(a, scope)));
      for (const a of args.kw.values()) this.expr(a, scope);
      if (data.length !== 1 || data[0]!.preds || data[0]!.evals) return this.tupleOrOne(data, at);
      return this.shuffled(data[0]!, at, `${name}()`);
    }
    if (name === 'to_datetime') {
      const v = this.generic(args, scope, at);
      if (v?.kind === 'data') {
        v.time = strongest(v.time, { at, evidence: 'pd.to_datetime', weak: true });
        // inv["listed_at"] = pd.to_datetime(inv["listed_at"]): a column of dates, as parse_dates= makes it.
        v.parsedDates = true;
      }
      return v;
    }
    if (METRICS.test(name) && /metrics|sklearn|lifelines|sksurv|^[a-z_]+$/.test(qname)) {
      const refs: PredVal[] = [];
      for (const a of [...args.pos, ...args.kw.values()])
        for (const d of this.dataOf(this.expr(a, scope)))
          for (const p of d.preds ?? []) if (!refs.includes(p)) refs.push(p);
      const evals = outputs(refs).map((p) => this.evaluate(p.model, p.data, at, 'metric', p.id, p.fits));
      // precision_recall_curve(y_test, proba): a score at every threshold, a sweep of settings in one call.
      if (/_curve$/.test(name)) for (const e of evals) e.sweep = true;
      // rmse(y_test, w * p_xgb + (1 - w) * p_lgb): one score of a blend of the models, not one score each.
      if (new Set(evals.map((e) => e.model.id)).size > 1) {
        const joint = this.nextId++;
        for (const e of evals) e.joint = joint;
      }
      return evals.length ? this.score(evals, at) : undefined;
    }
    // tp / max(tp + fn, 1), min(score, 1.0): a value kept off a constant bound (a guard against dividing by zero, a
    // clamp), not one picked among candidates.
    const literal = (a: Node) => /^-?\s*\d[\d_]*(\.\d*)?(e-?\d+)?$/i.test(a.text);
    if (
      (qname === 'max' || qname === 'min') &&
      args.pos.length === 2 &&
      args.kw.size === 0 &&
      args.pos.filter(literal).length === 1
    ) {
      const other = args.pos.find((a) => !literal(a))!;
      return this.expr(other, scope);
    }
    if (CHOOSERS.has(name)) {
      // max(scores), np.argmax(f1s), sorted(results, key=results.get): picking by scores decides.
      const keyNode = args.kw.get('key');
      const vals = [...args.pos, ...args.kw.values()].map((a) =>
        a === keyNode && a.type === 'lambda' ? undefined : this.expr(a, scope),
      );
      if (keyNode?.type === 'lambda') {
        // min(grid, key=lambda a: score(a)): the key is computed once per candidate, and the best one is kept.
        const loop = -this.nextId++;
        this.loops.push(loop);
        try {
          const it = vals[0];
          const item: Val =
            it?.kind === 'coll' && it.items[0]
              ? it.items[0]
              : it?.kind === 'strs'
                ? { ...it, list: false }
                : { kind: 'num', value: Number.NaN };
          this.decide(this.lambda(keyNode, [item], scope), at);
        } finally {
          this.loops.pop();
        }
      }
      for (const v of vals) this.decide(v, at);
      const first = vals[0];
      if (
        (qname === 'min' || qname === 'max') &&
        first?.kind === 'coll' &&
        first.items.length > 0 &&
        first.items.every((i) => i.kind === 'tuple')
      ) {
        // min(results, key=lambda t: t[0]) over (score, setting, model) tuples: one of them, position by position
        // (the chosen model stays a model, its score stays a score).
        const tuples = first.items as TupleVal[];
        return {
          kind: 'tuple',
          items: tuples[0]!.items.map((x, i) => {
            if (x?.kind === 'est') return x;
            const d = tuples.flatMap((t) => this.dataOf(t.items[i]));
            return d.length ? this.derive(d, at) : x;
          }),
        };
      }
      if (
        (qname === 'min' || qname === 'max') &&
        first?.kind === 'coll' &&
        first.items.length > 0 &&
        first.items.every((i) => i.kind === 'coll' && !!i.keys)
      ) {
        // max(results, key=lambda r: r["auc"]) over {"auc": …, "model": model} records: one of them, key by key
        // (best["model"] stays the model; its scores stay scores).
        const records = first.items as CollVal[];
        const head = records[0]!;
        return {
          kind: 'coll',
          keys: head.keys,
          items: head.items.map((x, i) => {
            if (x.kind === 'est') return x;
            const d = records.flatMap((r) => this.dataOf(r.items[i]));
            return d.length ? this.derive(d, at) : x;
          }),
        };
      }
      const data = vals.flatMap((v) => this.dataOf(v));
      if (
        STATISTICS.has(name) &&
        /^(numpy|np|torch)\b/.test(qname) &&
        !data.some((d) => d.preds || d.evals || d.internal)
      )
        return data.length
          ? { kind: 'stat', rows: new Set(data.flatMap((d) => [...d.rows])), by: `statistics (${name})`, at }
          : undefined;
      return data.length ? this.derive(data, at) : undefined;
    }
    if (qname === 'map' && args.pos.length === 2) {
      // map(torch.from_numpy, (X_train, X_test)): one result per item, each with its own rows.
      this.expr(args.pos[0]!, scope);
      const items = this.expr(args.pos[1]!, scope);
      if (items?.kind === 'tuple' || items?.kind === 'coll')
        return {
          kind: 'tuple',
          items: items.items.map((i) => (i?.kind === 'data' ? this.derive([i], at, true) : i)),
        };
      return items?.kind === 'data' ? this.derive([items], at, true) : undefined;
    }
    if (/Trainer$/.test(name) && /lightning|transformers|trl/.test(qname)) return this.trainer(args, scope);
    if (qname === 'dict') {
      // dict(train=a, test=b), dict(zip(["train", "test"], random_split(...))): a dict with string keys.
      const zipped = args.pos[0]?.type === 'call' ? args.pos[0] : undefined;
      if (zipped?.childForFieldName('function')?.text === 'zip' && args.kw.size === 0) {
        const [k, v] = this.args(zipped).pos.map((a) => this.expr(a, scope));
        if (k?.kind === 'strs' && (v?.kind === 'tuple' || v?.kind === 'coll')) {
          const pairs = k.values
            .map((key, i) => [key, v.items[i]] as const)
            .filter(([, i]) => i !== undefined);
          return { kind: 'coll', items: pairs.map(([, i]) => i!), keys: pairs.map(([key]) => key) };
        }
      }
      if (args.pos.length === 0 && args.kw.size > 0) {
        const out: CollVal = {
          kind: 'coll',
          items: [...args.kw.values()].map((a) => this.expr(a, scope)).filter((i): i is Val => !!i),
          keys: [...args.kw.keys()],
        };
        this.kwargNodes.set(out, new Map(args.kw));
        return out;
      }
    }
    if (
      (name === 'repeat' || name === 'tile' || name === 'repeat_interleave') &&
      /^(numpy|np|torch)\b/.test(qname)
    ) {
      const data = args.pos[0] ? this.dataOf(this.expr(args.pos[0], scope)) : [];
      for (const a of [...args.pos.slice(1), ...args.kw.values()]) this.expr(a, scope);
      if (data.length === 0) return undefined;
      const o = this.origin(
        'oversampled',
        data.flatMap((d) => [...d.rows]),
        at,
        `${name}()`,
      );
      return this.withRows(data[0]!, o, at);
    }
    if (
      ((name === 'clone' && /sklearn/.test(qname)) || (name === 'deepcopy' && /copy/.test(qname))) &&
      args.pos.length === 1
    ) {
      // clone(search.best_estimator_), copy.deepcopy(model): a model of the same kind and settings, not fitted
      // (deepcopy keeps what was learnt; its refit replaces it all the same).
      const v = this.expr(args.pos[0]!, scope);
      if (v?.kind === 'est') {
        const e = this.est(v.cls, v.role, at, v.steps);
        e.earlyStopping = v.earlyStopping;
        if (name === 'deepcopy') e.fits = [...v.fits];
        return e;
      }
      return v;
    }
    if (name === 'Subset' && args.pos.length >= 2) {
      const ds = this.dataOf(this.expr(args.pos[0]!, scope))[0];
      // Subset(full, range(cut)), Subset(full, range(cut, len(full))): the first and the last rows, as full[:cut] and
      // full[cut:] are (also np.arange, list(range(…))).
      const r = rangeArgs(args.pos[1]!);
      if (ds && r) {
        for (const x of r) this.expr(x, scope);
        const o = this.origin('part', ds.rows, at);
        o.how = r.length === 1 || r[0]!.text === '0' ? 'head' : 'tail';
        return this.withRows(ds, o, at);
      }
      const idx = this.dataOf(this.expr(args.pos[1]!, scope))[0];
      if (ds && idx) return this.select(ds, idx, at) ?? this.derive([ds], at, true);
      return ds;
    }
    if (
      /^(scale|minmax_scale|maxabs_scale|robust_scale|quantile_transform|power_transform)$/.test(name) &&
      /sklearn|preprocessing/.test(qname) &&
      args.pos.length > 0
    ) {
      // sklearn.preprocessing.scale(X): a scaler fit on X and applied to it in one call.
      const d = this.dataOf(this.expr(args.pos[0]!, scope))[0];
      for (const v of args.kw.values()) this.expr(v, scope);
      if (!d) return undefined;
      const out = this.derive([d], at, true);
      out.taints = [...out.taints, { by: `${name}()`, fitRows: new Set(d.rows), at }];
      return out;
    }
    if (
      /^(mutual_info_classif|mutual_info_regression|f_classif|f_regression|chi2|r_regression)$/.test(name) &&
      args.pos.length > 0
    ) {
      // mutual_info_classif(X, y): scores of the features learnt from these rows (choosing columns by them learns).
      const data = args.pos.flatMap((a) => this.dataOf(this.expr(a, scope)));
      for (const v of args.kw.values()) this.expr(v, scope);
      return data.length
        ? {
            kind: 'stat',
            rows: new Set(data.flatMap((d) => [...d.rows])),
            by: `feature scores (${name})`,
            at,
          }
        : undefined;
    }
    if (/^(Word2Vec|FastText|Doc2Vec)$/.test(name) && /gensim/.test(qname)) {
      // gensim's Word2Vec(sentences=tokens): word vectors learnt from those texts when made.
      const node =
        args.kw.get('sentences') ?? args.kw.get('documents') ?? args.kw.get('corpus_iterable') ?? args.pos[0];
      const d = node ? this.dataOf(this.expr(node, scope))[0] : undefined;
      for (const [_k, v] of args.kw) if (v !== node) this.expr(v, scope);
      const e = this.est(name, 'transformer', at);
      if (d) {
        e.fits.push({ rows: new Set(d.rows), at });
        this.facts.transformerFits.push({ est: e, data: d, at });
      }
      return e;
    }
    if (name === 'build_vocab_from_iterator' && args.pos.length > 0) {
      // torchtext's vocabulary (with min_freq, max_tokens) learnt from the tokens it is given.
      const d = this.dataOf(this.expr(args.pos[0]!, scope))[0];
      for (const v of args.kw.values()) this.expr(v, scope);
      const e = this.est('Vocab', 'transformer', at);
      if (d) {
        e.fits.push({ rows: new Set(d.rows), at });
        this.facts.transformerFits.push({ est: e, data: d, at });
      }
      return e;
    }
    const dataset = name === 'DataLoader' ? (args.pos[0] ?? args.kw.get('dataset')) : undefined;
    if (dataset) {
      // DataLoader(TensorDataset(x, y), batch_size=args.batch_size): batches of the dataset's items; its settings (a
      // batch size read from the command line, not followed) are not part of them. With collate_fn=collate_batch the
      // batches are what collate_batch makes of the items.
      const collate = args.kw.get('collate_fn');
      for (const a of [...args.pos, ...args.kw.values()])
        if (a !== dataset && a !== collate) this.expr(a, scope);
      const out = this.generic({ pos: [dataset], kw: new Map() }, scope, at);
      const fn = collate ? this.expr(collate, scope) : undefined;
      if (out?.kind === 'data' && fn?.kind === 'func' && this.canInline(fn)) {
        const made = this.inlineWith(fn, [this.derive([out], at, true)], new Map());
        for (const d of this.dataOf(made))
          for (const t of d.taints) if (!out.taints.includes(t)) out.taints.push(t);
      }
      return out;
    }
    if (
      name === 'merge_asof' &&
      /^(pd|pandas)\.merge_asof$/.test(qname) &&
      args.pos.length >= 2 &&
      args.pos.slice(0, 2).every(
        (a) =>
          /^(identifier|subscript|attribute)$/.test(a.type) ||
          // df.sort_values("planning_ts"): merge_asof wants its tables sorted, and sorting makes nothing.
          (a.type === 'call' &&
            /\.(sort_values|sort_index|reset_index|copy)$/.test(a.childForFieldName('function')?.text ?? '')),
      )
    ) {
      // pd.merge_asof(left, right, direction="forward"): see noteLaterAsOf (the plain reads, or sorts, evaluated twice).
      const left = this.expr(args.pos[0]!, scope);
      const right = this.expr(args.pos[1]!, scope);
      if (left?.kind === 'data') {
        this.noteLaterAsOf(left, right, stringValue(args.kw.get('direction')), 'merge_asof', args, n);
        if (right?.kind === 'data') this.earlierAsOf(left, right, args);
      }
    }
    if (name === 'merge' && /^(pd|pandas)\.merge$/.test(qname) && args.pos.length >= 2) {
      // pd.merge(left, right, on=k): left.merge(right, on=k).
      const left = this.expr(args.pos[0]!, scope);
      if (left?.kind === 'data')
        return this.dataMethod(left, 'merge', { pos: args.pos.slice(1), kw: args.kw }, n, scope);
    }
    if ((ROW_CONCAT.has(name) || (name === 'chain' && /itertools/.test(qname))) && args.pos.length > 0) {
      const axis = args.kw.get('axis') ?? args.kw.get('dim');
      const items = args.pos.flatMap((a) => this.dataOf(this.expr(a, scope)));
      for (const v of args.kw.values()) this.expr(v, scope);
      // np.concatenate([[seg.mean(), seg.std()], np.log1p(bands)]): one feature vector made of parts (a list of
      // values among them), not rows stacked on rows.
      const vector =
        name === 'concatenate' &&
        args.pos[0]?.type === 'list' &&
        args.pos[0].namedChildren.some((c) => c?.type === 'list');
      const columnWise = vector || (axis !== undefined && !/^(0|'index'|"index"|None)$/.test(axis.text));
      const out = this.concatRows(items, at, `${name}()`, columnWise);
      // pd.concat([train, test], keys=["train", "test"]): each key names its part's rows (see DataVal.keyedParts).
      const keys = stringList(args.kw.get('keys') ?? null);
      const parts = args.pos.length === 1 ? this.expr(args.pos[0]!, scope) : undefined;
      const partItems = parts?.kind === 'coll' || parts?.kind === 'tuple' ? parts.items : [];
      if (
        out?.kind === 'data' &&
        !columnWise &&
        keys &&
        keys.length === partItems.length &&
        partItems.every((i) => i?.kind === 'data') &&
        [...out.rows].every((r) => partItems.some((i) => (i as DataVal).rows.has(r)))
      )
        out.keyedParts = Object.fromEntries(keys.map((k, i) => [k, [...(partItems[i] as DataVal).rows]]));
      return out;
    }
    // np.hstack([scaler.transform(df[NUMERIC]), df[BINARY].to_numpy()]), np.column_stack(...): columns beside columns
    // (of tables of several columns each: hstack of single columns or vectors, np.hstack([y_a, y_b]), is rows after rows).
    if (/^(hstack|column_stack)$/.test(name) && /^(numpy|np)\./.test(qname) && args.pos.length === 1) {
      const items = this.dataOf(this.expr(args.pos[0]!, scope));
      for (const v of args.kw.values()) this.expr(v, scope);
      const wide = (d: DataVal) => (d.cols !== undefined && !d.column) || (d.deps?.length ?? 0) > 1;
      if (items.length > 1 && (name === 'column_stack' || items.every(wide)))
        return this.concatRows(items, at, `${name}()`, true);
      return items.length ? this.derive(items, at) : undefined;
    }
    // pd.Categorical(frame["centre"], categories=centres): the column's values, coded by a list of categories (its
    // names, not rows of the data the list was read from).
    if (name === 'Categorical' && /^(pd|pandas)\./.test(qname) && args.pos.length > 0) {
      const d = this.dataOf(this.expr(args.pos[0]!, scope))[0];
      for (const a of [...args.pos.slice(1), ...args.kw.values()]) this.expr(a, scope);
      return d ? this.derive([d], at, true) : undefined;
    }
    // np.cov(X - mean, rowvar=False), np.corrcoef(X.T): a covariance of the rows given, learnt from them; and what
    // np.linalg makes of learnt values (the eigenvectors of a covariance, an inverse) is learnt from the same rows — a
    // whitening or a projection matrix, applied to other rows as a taint, not rows of its own.
    if (/^(cov|corrcoef)$/.test(name) && /^(numpy|np)\./.test(qname) && args.pos.length > 0) {
      const data = args.pos.flatMap((a) => this.dataOf(this.expr(a, scope)));
      for (const v of args.kw.values()) this.expr(v, scope);
      if (data.length === 0 || data.some((d) => d.preds || d.evals || d.internal))
        return this.derive(data, at);
      return {
        kind: 'stat',
        rows: new Set(data.flatMap((d) => [...d.rows])),
        by: `statistics (${name})`,
        at,
      };
    }
    if (
      /^(numpy|np)\.linalg\./.test(qname) &&
      /^(eigh|eig|svd|inv|pinv|cholesky|sqrtm)$/.test(name) &&
      args.pos.length > 0
    ) {
      const v = this.expr(args.pos[0]!, scope);
      for (const a of [...args.pos.slice(1), ...args.kw.values()]) this.expr(a, scope);
      if (v?.kind === 'stat') {
        const learnt: StatVal = { kind: 'stat', rows: new Set(v.rows), by: v.by, at: v.at };
        return /^(eigh|eig)$/.test(name)
          ? { kind: 'tuple', items: [learnt, { ...learnt }] }
          : name === 'svd'
            ? { kind: 'tuple', items: [learnt, { ...learnt }, { ...learnt }] }
            : learnt;
      }
      // u, s, vt = np.linalg.svd(X - centre, full_matrices=False) of rows: u is one row per row of X; the singular values
      // and the components (vt, whose rows are directions, not rows of X) are learnt from X's rows.
      if (name === 'svd' && v?.kind === 'data' && !v.preds && !v.evals && !v.internal) {
        const learnt: StatVal = { kind: 'stat', rows: new Set(v.rows), by: 'statistics (svd)', at };
        return { kind: 'tuple', items: [this.derive([v], at), learnt, { ...learnt }] };
      }
      return v;
    }
    // tf.reduce_mean(x, axis=0), tf.math.reduce_std(x): TensorFlow's statistics.
    const tfStat = /^(tf|tensorflow)\b/.test(qname) && /^reduce_(mean|std|variance|max|min)$/.test(name);
    if ((STATISTICS.has(name) && /^(numpy|np|torch)\b/.test(qname)) || tfStat) {
      const data = args.pos.flatMap((a) => this.dataOf(this.expr(a, scope)));
      if (data.length === 0) return undefined;
      // np.mean(X, axis=1): per row.
      // (np.percentile(x, 5, axis=1), np.quantile(x, q, 1): the axis after the q.)
      const axisPos = /^(nan)?(percentile|quantile)$/.test(name) ? args.pos[2] : args.pos[1];
      if (reduceAxis(args.kw.get('axis') ?? args.kw.get('dim') ?? axisPos) === 'row-wise')
        return this.derive(data, at);
      // torch.max(outputs, 1) of predictions: still predictions, not a statistic of the rows; np.mean(window, 0) of a
      // moving window: that window's feature.
      if (data.some((d) => d.preds || d.evals || d.internal)) return this.derive(data, at);
      if (data.every((d) => d.windowed)) return { ...this.derive(data, at), windowStat: true };
      // np.mean([w2v.wv[w] for w in doc], axis=0): one document's learnt vectors pooled, what they learnt kept (the
      // list may be bound to a name first: vecs = [kv[w] for w in doc]; np.mean(vecs, axis=0)).
      const first = args.pos[0];
      const listed =
        first?.type === 'list_comprehension' ||
        (first?.type === 'identifier' && this.comprehended.has(scope.get(first.text) as CollVal));
      if (listed && data.some((d) => d.taints.length > 0)) return this.derive(data, at);
      return {
        kind: 'stat',
        rows: new Set(data.flatMap((d) => [...d.rows])),
        by: `statistics (${name})`,
        at,
      };
    }
    if (name === 'train' && /^(lightgbm|xgboost)/.test(qname))
      return this.boosterTrain(qname, args, n, scope);
    if (SPLITTERS.has(name)) {
      if (/Group/.test(name)) this.facts.usesGroups = true;
      const shuffle = name.includes('Shuffle') || this.kwBool(args, 'shuffle') === true;
      const gapNode = args.kw.get('gap');
      const gap = gapNode ? nums(this.expr(gapNode, scope))?.[0] : 0;
      return { kind: 'splitter', cls: name, shuffle, at, ...(gap !== undefined ? { gap } : {}) };
    }
    if (PIPELINES.has(name) || (name === 'Compose' && /transforms|albumentations|^A\./.test(qname))) {
      const steps: EstVal[] = [];
      const collect = (v: Val | undefined) => {
        if (!v) return;
        if (v.kind === 'est') steps.push(v);
        else if (v.kind === 'tuple' || v.kind === 'coll') for (const i of v.items) collect(i);
      };
      const vals = [...args.pos, ...args.kw.values()].map((a) => this.expr(a, scope));
      for (const v of vals) collect(v);
      const lastStep = steps.at(-1);
      const role: Role = lastStep && lastStep.role === 'model' ? 'model' : 'transformer';
      const e = this.est(name, role, at, steps);
      e.restarts = restartsOnFit(name);
      if (name === 'ColumnTransformer' || name === 'make_column_transformer')
        e.columns = this.transformedColumns(args, vals);
      return e;
    }
    if (/^(FiveCrop|TenCrop)$/.test(name) && /transforms/.test(qname)) {
      // transforms.FiveCrop(224): several crops of each image (see DataVal.crops); nothing learnt.
      for (const a of [...args.pos, ...args.kw.values()]) this.expr(a, scope);
      return this.est(name, 'transformer', at);
    }
    if (name === 'Normalize' && /transforms|albumentations|^A\./.test(qname)) {
      // transforms.Normalize(mean, std) from statistics of the data: a transformer fit on the rows they came from.
      // Normalize((mu,), (sigma,)): statistics inside tuples and lists too.
      const flat = (v: Val | undefined): (Val | undefined)[] =>
        v?.kind === 'tuple' || v?.kind === 'coll' ? v.items.flatMap(flat) : [v];
      const vals = [...args.pos, ...args.kw.values()].flatMap((a) => flat(this.expr(a, scope)));
      const e = this.est(name, 'transformer', at);
      const rows = new Set<number>();
      let fitAt: Position | undefined;
      for (const v of vals) {
        if (v?.kind === 'stat') {
          for (const r of v.rows) rows.add(r);
          fitAt ??= v.at;
        }
        for (const d of this.dataOf(v)) {
          for (const t of d.taints) for (const r of t.fitRows) rows.add(r);
          fitAt ??= d.taints[0]?.at;
        }
      }
      if (rows.size > 0) e.fits.push({ rows, at: fitAt ?? at });
      return e;
    }
    if (TUNERS.has(name) && /keras_?tuner|(^|\.)kt\./.test(qname)) {
      // keras_tuner.RandomSearch(build_model, objective="val_accuracy"): a search whose candidates are scored on the
      // validation data given to .search().
      for (const a of [...args.pos, ...args.kw.values()]) this.expr(a, scope);
      return this.est(name, 'search', at);
    }
    if (name === 'TunedThresholdClassifierCV' && stringValue(args.kw.get('cv')) === 'prefit') {
      // cv="prefit": the classifier is kept as fitted; fit(X, y) only picks its decision threshold by the scoring on
      // X — a sweep of thresholds on those rows, as precision_recall_curve then argmax — and predict() is the
      // classifier's at that threshold. (Any other cv= trains clones of it, a search, below.)
      const innerNode = args.pos[0] ?? args.kw.get('estimator');
      const inner = innerNode ? this.expr(innerNode, scope) : undefined;
      for (const v of args.kw.values()) if (v !== innerNode) this.expr(v, scope);
      if (inner?.kind === 'est') {
        const e = this.est(name, 'model', at, [inner]);
        e.thresholdOf = inner;
        return e;
      }
    }
    if (SEARCHES.has(name)) {
      const innerNode = args.pos[0] ?? args.kw.get('estimator');
      const inner = innerNode ? this.expr(innerNode, scope) : undefined;
      const e = this.est(name, 'search', at, inner?.kind === 'est' ? [inner] : []);
      e.restarts = true;
      for (const [k, v] of args.kw) {
        if (v === innerNode) continue;
        const val = this.expr(v, scope);
        if (k === 'cv' && val?.kind === 'splitter') e.cv = val;
        // cv=[(train_idx, test_idx)] with positions a mask keeps (np.flatnonzero(df.date > cutoff)): the folds given.
        if (k === 'cv' && val?.kind === 'coll') {
          const folds = val.items.flatMap((i) =>
            i.kind === 'tuple' &&
            i.items.length === 2 &&
            i.items[0]?.kind === 'data' &&
            i.items[0].mask &&
            i.items[1]?.kind === 'data' &&
            i.items[1].mask
              ? [[i.items[0], i.items[1]] as [DataVal, DataVal]]
              : [],
          );
          if (folds.length) e.cvFolds = folds;
        }
      }
      return e;
    }
    if (OVERSAMPLERS.has(name) || UNDERSAMPLERS.has(name)) return this.est(name, 'resampler', at);
    if (LEARNING_TRANSFORMERS.has(name)) {
      const e = this.est(name, 'transformer', at);
      // TfidfVectorizer(vocabulary=terms), OneHotEncoder(categories=cats): a fixed setting, learnt where it was made.
      for (const k of ['vocabulary', 'categories']) {
        const node = args.kw.get(k);
        const v = node ? this.expr(node, scope) : undefined;
        const from =
          v?.kind === 'stat'
            ? { rows: v.rows, at: v.at, by: v.by }
            : this.dataOf(v).flatMap((d) =>
                d.taints.map((t) => ({ rows: t.fitRows, at: t.at, by: t.by })),
              )[0];
        if (from) e.learnt = { by: `${name}(${k}=…) from ${from.by}`, rows: new Set(from.rows), at: from.at };
      }
      // OrdinalEncoder(categories=[["I", "II", "III"]]), CountVectorizer(vocabulary=["mild", "hot"]): every category or
      // term written out, nothing left to learn (not TfidfVectorizer's idf, nor infrequent categories).
      const written = args.kw.get(name === 'CountVectorizer' ? 'vocabulary' : 'categories');
      if (
        /^(OneHotEncoder|OrdinalEncoder|CountVectorizer)$/.test(name) &&
        (written?.type === 'list' || written?.type === 'tuple' || written?.type === 'dictionary') &&
        written.descendantsOfType('identifier').length === 0 &&
        !args.kw.has('min_frequency') &&
        !args.kw.has('max_categories')
      )
        e.fixed = true;
      return e;
    }
    if (
      name === 'ImageDataGenerator' &&
      [...args.kw].some(
        ([k, v]) =>
          /^(featurewise_center|featurewise_std_normalization|zca_whitening)$/.test(k) && v.text === 'True',
      )
    ) {
      // ImageDataGenerator(featurewise_center=True): datagen.fit(images) learns the mean (and std, ZCA) of those
      // images; flow() and standardize() apply it.
      for (const v of args.kw.values()) this.expr(v, scope);
      return this.est(name, 'transformer', at);
    }
    // inputs["numeric"] = keras.Input(shape=(4,)): a symbolic input, kept in a dict of inputs as a name bound to it
    // would be (an unknown value, see inputLayers).
    if (name === 'Input' && /(^|\.)(keras|layers)\.Input$/.test(qname)) {
      for (const v of args.kw.values()) this.expr(v, scope);
      return this.unknownData(at);
    }
    if (/^[A-Z]/.test(name) && isModelClass(name)) {
      // keras.Sequential([normalizer, Dense(...)]): the layers that are estimators (adapted preprocessing) are steps.
      const steps: EstVal[] = [];
      const collect = (v: Val | undefined) => {
        if (v?.kind === 'est') steps.push(v);
        else if (v?.kind === 'tuple' || v?.kind === 'coll') for (const i of v.items) collect(i);
      };
      const given = args.pos.map((a) => this.expr(a, scope));
      for (const v of given) collect(v);
      const e = this.est(name, 'model', at, steps);
      // keras.Model(inp, code) beside keras.Model(inp, decoded): functional models built on the same input tensors
      // share their layers, so training one trains the other (an encoder taken out of an autoencoder).
      const inputs =
        name === 'Model'
          ? (given[0] ?? (args.kw.get('inputs') && this.expr(args.kw.get('inputs')!, scope)))
          : undefined;
      const tensors = this.dataOf(inputs).flatMap((d) => [...d.rows]);
      // keras.Model(inputs, outputs) with `h = norm(inputs)` on the way: the adapted layer is one of its steps.
      for (const r of tensors)
        for (const l of this.inputLayers.get(r) ?? []) if (!e.steps.includes(l)) e.steps.push(l);
      if (tensors.length > 0 && tensors.every((r) => this.facts.origins.get(r)?.kind === 'unknown')) {
        const key = tensors.sort((a, b) => a - b).join(',');
        const graph = this.graphs.get(key);
        if (graph) e.fits = graph.fits;
        else this.graphs.set(key, e);
      }
      // SGDClassifier(warm_start=True): each fit() continues from the last one.
      e.restarts = restartsOnFit(name) && args.kw.get('warm_start')?.text !== 'True';
      for (const [k, v] of args.kw) {
        // early_stopping_round: LightGBM's parameter, passed on by its scikit-learn wrappers.
        if (
          k === 'early_stopping_rounds' ||
          (k === 'early_stopping_round' && /^LGBM/.test(name)) ||
          (k === 'early_stopping' && v.text === 'True')
        )
          e.earlyStopping = true;
        if (k === 'callbacks' && /early_stopping|EarlyStopping/.test(v.text)) e.earlyStopping = true;
        if (k === 'use_best_model' && v.text === 'True') e.earlyStopping = true;
      }
      // CatBoost keeps the iteration best on eval_set unless told not to (use_best_model defaults to True).
      if (/^CatBoost/.test(name) && args.kw.get('use_best_model')?.text !== 'False') e.earlyStopping = true;
      return e;
    }
    if (/^torch\.nn\.[A-Z]\w*$/.test(qname) && !/Loss$/.test(name)) {
      // nn.Linear(784, 10) used as the whole model.
      for (const a of [...args.pos, ...args.kw.values()]) this.expr(a, scope);
      return this.est(name, 'model', at);
    }
    if (
      name === 'from_tensor_slices' ||
      name === 'TensorDataset' ||
      name === 'DMatrix' ||
      name === 'QuantileDMatrix' ||
      (name === 'Pool' && /catboost/.test(qname)) ||
      (name === 'Dataset' && /lightgbm|^lgb/.test(qname))
    ) {
      // A supervised dataset: features and labels together (from_tensor_slices((X, y)), DMatrix(X, label=y)).
      const first = args.pos[0] ? this.expr(args.pos[0], scope) : undefined;
      const rest = args.pos.slice(1).map((a) => this.expr(a, scope));
      const kw = new Map([...args.kw].map(([k, v]) => [k, this.expr(v, scope)] as const));
      let x: DataVal | undefined;
      let y: DataVal | undefined;
      if (name === 'from_tensor_slices' && first?.kind === 'tuple') {
        x = this.dataOf(first.items[0])[0];
        y = this.dataOf(first.items[1])[0];
      } else {
        x = this.dataOf(first)[0];
        y = this.dataOf(rest[0] ?? kw.get('label') ?? kw.get('labels'))[0];
      }
      // Keywords with one value per row (label=, weight=, group=, …) are rows of the dataset; the others describe
      // it: lgb.Dataset(X_val, y_val, reference=train_set) or QuantileDMatrix(X_val, ref=dtrain) only borrow the
      // reference's bin edges, and DMatrix(X, y, feature_names=housing.feature_names) names the columns (the data
      // set's names are not its rows).
      const rowsKw = [...kw].filter(([k]) => ROW_KEYWORDS.test(k)).map(([, v]) => v);
      const all = [first, ...rest, ...rowsKw].flatMap((v) => this.dataOf(v));
      if (all.length === 0) return undefined;
      const out = this.derive(all, at);
      if (x && y) out.xy = { x, y };
      return out;
    }
    if (
      /statsmodels/.test(qname) &&
      /^(OLS|WLS|GLS|GLSAR|GLM|Logit|Probit|MNLogit|Poisson|NegativeBinomial|QuantReg|RLM)$/.test(name)
    ) {
      // sm.OLS(y, X): a model made with its data; .fit() trains on it.
      const yNode = args.pos[0] ?? args.kw.get('endog');
      const y = yNode ? this.dataOf(this.expr(yNode, scope))[0] : undefined;
      const xNode = args.pos[1] ?? args.kw.get('exog');
      const x = xNode ? this.dataOf(this.expr(xNode, scope))[0] : undefined;
      const e = this.est(name, 'model', at);
      if (x) e.data = { x, y };
      return e;
    }
    if (
      (/statsmodels/.test(qname) &&
        /^(ARIMA|SARIMAX|AutoReg|ARDL|ExponentialSmoothing|SimpleExpSmoothing|Holt|ETSModel|UnobservedComponents|VAR|VARMAX|DynamicFactor|ThetaModel|STLForecast|MarkovAutoregression|MarkovRegression)$/.test(
          name,
        )) ||
      (name === 'auto_arima' && /pmdarima|^pm\b/.test(qname))
    ) {
      // ARIMA(train, order=(p, d, q)): a forecasting model made with its series (and exog=); .fit() trains on it.
      // pmdarima's auto_arima(train) returns the model already fit.
      const yNode = args.pos[0] ?? args.kw.get('endog') ?? args.kw.get('y');
      const y = yNode ? this.dataOf(this.expr(yNode, scope))[0] : undefined;
      const xNode = args.kw.get('exog') ?? args.kw.get('X');
      const x = xNode ? this.dataOf(this.expr(xNode, scope))[0] : undefined;
      for (const [k, v] of args.kw) if (!['endog', 'y', 'exog', 'X'].includes(k)) this.expr(v, scope);
      const e = this.est(name, 'model', at);
      if (y) e.data = { x: x ?? y, y: x ? y : undefined };
      if (name === 'auto_arima' && y) this.train(e, e.data!.x, e.data!.y, at);
      return e;
    }
    if (
      /statsmodels/.test(qname) &&
      (/^(ols|wls|gls|glm|logit|probit|mnlogit|poisson|negativebinomial|quantreg|rlm|mixedlm)$/.test(name) ||
        // sm.Logit.from_formula("y ~ a + b", data=df): the class method, the same model.
        name === 'from_formula')
    ) {
      // smf.ols("price ~ area + C(city)", data=df): the formula names the target and the features.
      // The formula as a literal or a name bound to one (formula = "y ~ a + b"; smf.ols(formula, data=train)).
      const formulaNode = args.pos[0] ?? args.kw.get('formula');
      // f"np.log({col}) ~ age + height_cm" with col known: that formula.
      const built = formulaNode?.type === 'string' ? this.expr(formulaNode, scope) : undefined;
      const formula =
        stringValue(formulaNode) ??
        this.named(formulaNode, scope)?.values[0] ??
        (built?.kind === 'strs' && built.values.length === 1 ? built.values[0] : undefined);
      const dataNode = args.kw.get('data') ?? args.pos[1];
      const data = dataNode ? this.dataOf(this.expr(dataNode, scope))[0] : undefined;
      const e = this.est(name, 'model', at);
      if (data && !formula?.includes('~')) {
        // A formula not known here (built from names the program does not follow): a model of some of data's
        // columns, trained on its rows.
        const x = this.derive([data], at);
        x.deps = undefined;
        x.whole = false;
        e.data = { x };
      }
      if (data && formula?.includes('~')) {
        const [lhs, rhs] = formula.split('~') as [string, string];
        const names = (side: string) =>
          [...side.replace(/Q\(\s*["']([^"']+)["']\s*\)/g, ' $1 ').matchAll(/([A-Za-z_][\w.]*)(\s*\()?/g)]
            .filter((m) => !m[2] && !m[1]!.includes('.'))
            .map((m) => m[1]!);
        const target = names(lhs)[0];
        const x = this.derive([data], at);
        x.cols = { frame: data.frame, mode: 'only', names: new Set(names(rhs)) };
        x.deps = undefined;
        x.whole = false;
        e.data = { x, y: target === undefined ? undefined : this.colOf(data, target, at) };
      }
      return e;
    }
    if (/^(sliding_window_view|timeseries_dataset_from_array|TimeseriesGenerator)$/.test(name)) {
      // Overlapping windows of a series: neighbouring windows share most of their rows.
      const out = this.generic(args, scope, at);
      if (out?.kind === 'data')
        out.time = strongest(out.time, { at, evidence: `overlapping windows (${name})` });
      return out;
    }
    if (name === 'add_constant') {
      const data = args.pos[0] ? this.dataOf(this.expr(args.pos[0], scope)) : [];
      return data.length ? this.derive(data, at, true) : undefined;
    }
    if (
      /^(tensor|as_tensor|from_numpy|array|asarray|ascontiguousarray|Tensor|FloatTensor|LongTensor|convert_to_tensor|constant)$/.test(
        name,
      ) &&
      args.pos.length === 1
    ) {
      // torch.tensor(df[FEATURES].values), np.asarray(X): the same columns in another container.
      for (const v of args.kw.values()) this.expr(v, scope);
      const data = this.dataOf(this.expr(args.pos[0]!, scope));
      // torch.tensor(df["date"] < CUT): the same mask, to index tensors with (`X[mask]`, `X[~mask]`).
      if (data.length === 1)
        return { ...this.derive(data, at, true), ...(data[0]!.mask ? { mask: data[0]!.mask } : {}) };
      return data.length ? this.derive(data, at) : undefined;
    }
    const out = this.generic(args, scope, at, SCORING_CALL.test(name));
    // early_stopping(val_loss, model), stopper.step(score): an early-stopping object fed a score decides.
    if (STOPPER_CALL.test(qname)) this.decide(out, at);
    return out;
  }

  /** Lightning's `Trainer(callbacks=[EarlyStopping(...)])`, Hugging Face's `Trainer(model, args, train_dataset, eval_dataset)`. */
  private trainer(args: Args, scope: Scope): TrainerVal {
    const vals = new Map([...args.kw].map(([k, v]) => [k, this.expr(v, scope)] as const));
    for (const a of args.pos) this.expr(a, scope);
    const text = [...args.kw.values()].map((v) => v.text).join(' ');
    const stopping = STOPPING.test(text) || (text.match(/\w+/g) ?? []).some((w) => this.stoppers.has(w));
    const model = vals.get('model');
    return {
      kind: 'trainer',
      stopping,
      model: model?.kind === 'est' ? model : undefined,
      train: this.dataOf(vals.get('train_dataset'))[0],
      eval: this.dataOf(vals.get('eval_dataset'))[0],
    };
  }

  /**
   * The labels a Hugging Face Trainer reads from its train_dataset: the `label` / `labels` column, when the program
   * made it (ds.map(lambda ex: {"label": …})), so what it is computed from is known.
   */
  private hfLabels(d: DataVal): DataVal | undefined {
    const defs = this.facts.columnDefs.get(d.frame);
    const name = ['label', 'labels'].find((c) => defs?.has(c));
    if (!name) return undefined;
    return {
      ...d,
      column: { frame: d.frame, name },
      deps: [{ frame: d.frame, name, lag: 0 }],
      cols: undefined,
      whole: false,
    };
  }

  /** trainer.fit(model, train_dl, val_dl) / .train(); .test / .validate / .evaluate / .predict score. */
  private trainerMethod(t: TrainerVal, method: string, args: Args, n: Node, scope: Scope): Val | undefined {
    const at = posOf(n);
    const pos = args.pos.map((a) => this.expr(a, scope));
    const kw = new Map([...args.kw].map(([k, v]) => [k, this.expr(v, scope)] as const));
    const model = [pos[0], kw.get('model')].find((v): v is EstVal => v?.kind === 'est') ?? t.model;
    const dataAt = (i: number, ...names: string[]) =>
      this.dataOf(pos[i] ?? names.map((k) => kw.get(k)).find((v) => v !== undefined))[0];
    if (!model) return undefined;
    t.model = model;
    if (method === 'fit' || method === 'train') {
      const train = method === 'fit' ? dataAt(1, 'train_dataloaders', 'datamodule') : t.train;
      const val = method === 'fit' ? dataAt(2, 'val_dataloaders') : t.eval;
      if (train) this.train(model, train, method === 'train' ? this.hfLabels(train) : undefined, at);
      if (val && t.stopping && ![...val.rows].every((r) => train?.rows.has(r)))
        this.evaluate(model, val, at, 'early-stopping');
      return undefined;
    }
    if (/^(test|validate|evaluate|predict)$/.test(method)) {
      const data =
        method === 'evaluate' || method === 'predict'
          ? (dataAt(0, 'eval_dataset', 'test_dataset') ?? (method === 'evaluate' ? t.eval : undefined))
          : dataAt(1, 'dataloaders', 'datamodule');
      return data ? this.score([this.evaluate(model, data, at, 'score')], at) : undefined;
    }
    return undefined;
  }

  /**
   * A dataset loaded by a dataset class or a loader with `train=`/`split=`: the named part of a predefined split
   * (`FashionMNIST(root, train=False)` is the test part of FashionMNIST at root), else a load.
   */
  private datasetLoad(qname: string, args: Args, n: Node, scope: Scope): Val {
    const at = posOf(n);
    const vals = [...args.pos.slice(1), ...args.kw.values()].map((a) => this.expr(a, scope));
    // transform=Compose([ToTensor(), Normalize(mean, std)]): statistics learnt elsewhere are applied to every item.
    const taints = vals.flatMap((v) => this.transformTaints(v));
    // transform=Compose([…, FiveCrop(224), …]): each item several crops of one image.
    const cropsOf = (v: Val | undefined): string | undefined =>
      v?.kind === 'est'
        ? /^(FiveCrop|TenCrop)$/.test(v.cls)
          ? v.cls
          : v.steps.map(cropsOf).find((c) => c)
        : undefined;
    const crops = vals.map(cropsOf).find((c) => c);
    const withTaints = (d: DataVal) => {
      const out = taints.length ? { ...d, taints: [...d.taints, ...taints] } : d;
      return crops ? { ...out, crops } : out;
    };
    const first = args.pos[0] ?? args.kw.get('root') ?? args.kw.get('path');
    const where = stringValue(first);
    const key = `${last(qname)}:${where ?? first?.text ?? ''}`;
    const train = this.kwBool(args, 'train');
    const splitName = stringValue(args.kw.get('split') ?? args.kw.get('subset'));
    let part = train === true ? 'train' : train === false ? 'test' : splitName;
    if (part === 'all') part = undefined;
    if (part === undefined) return withTaints(this.load(at, where === undefined ? undefined : key));
    return withTaints(this.predefinedPart(key, part, at, where === undefined ? undefined : key));
  }

  /** The named part (`train`, `test`, `validation`) of the data set loaded as `key`: a part of its predefined split. */
  private predefinedPart(key: string, part: string, at: Position, loadKey: string | undefined): DataVal {
    let known = this.predefined.get(key);
    if (!known) {
      const whole = this.load(at, loadKey);
      const fact = this.registerSplit('predefined split', at, whole, false);
      known = { fact, parts: new Map() };
      this.predefined.set(key, known);
    }
    const isTrain = /^train/i.test(part);
    let id = known.parts.get(part);
    if (id === undefined) {
      const used = [...known.parts.values()];
      const fresh = isTrain ? known.fact.train : known.fact.test;
      if (!used.includes(fresh)) id = fresh;
      else {
        const o = this.origin(isTrain ? 'train' : 'test', known.fact.source.rows, at);
        o.split = known.fact;
        id = o.id;
      }
      known.parts.set(part, id);
    }
    return this.withRows(known.fact.source, this.facts.origins.get(id)!, at);
  }

  /** What a fitted transformer (or a pipeline of them) applies to data: one taint per fitted step. */
  private transformTaints(v: Val | undefined): Taint[] {
    if (v?.kind === 'coll' || v?.kind === 'tuple') return v.items.flatMap((i) => this.transformTaints(i));
    if (v?.kind !== 'est' || v.role !== 'transformer') return [];
    const fit = v.fits.at(-1);
    const own = fit ? [{ by: v.cls, fitRows: fit.rows, at: fit.at }] : [];
    return [...own, ...v.steps.flatMap((s) => this.transformTaints(s))];
  }

  /**
   * Rows put one after the other (pd.concat, np.concatenate/vstack, torch.cat, ConcatDataset, tf.data concatenate).
   * When the same rows are among two of the parts (`[X, flipped(X)]`, `[df, df.assign(text=lower)]`), the result
   * holds copies of them: an oversampled origin, like resampling with replacement.
   */
  /**
   * Whether `key` (`claim_id`) is the id of what the right table's rows are (`claims`) and not of what the left's are
   * (`lines`), by the names the rows were bound to: the left table then has several rows per key.
   */
  private foreignKey(left: DataVal, right: DataVal, key: string): boolean {
    const entity = /^(.*[a-z])_?(id|no|num|number|code|key)$/i.exec(key)?.[1]?.toLowerCase();
    if (!entity || entity.length < 3) return false;
    // events.merge(events.groupby("visit_id").agg(…), on="visit_id"): the rows' own statistics merged back, which
    // leak-preprocessing reports; not another table.
    if (right.taints.some((t) => this.sameRows(left, { ...right, rows: new Set(t.fitRows) }))) return false;
    const names = (d: DataVal) =>
      [...d.rows].flatMap((r) => [...(this.facts.origins.get(r)?.names ?? [])].map((x) => x.toLowerCase()));
    const l = names(left);
    const r = names(right);
    return l.length > 0 && !l.some((x) => x.includes(entity)) && r.some((x) => x.includes(entity));
  }

  /** Whether two values share rows: the same origins, or one's cut or derived from the other's. */
  private sameRows(a: DataVal, b: DataVal): boolean {
    const related = (x: number, y: number) =>
      x === y || ancestors(this.facts, x).has(y) || ancestors(this.facts, y).has(x);
    return [...a.rows].some((x) => [...b.rows].some((y) => related(x, y)));
  }

  private concatRows(items: DataVal[], at: Position, how: string, columnWise = false): Val | undefined {
    if (items.length === 0) return undefined;
    const out = this.derive(items, at);
    if (columnWise) {
      // pd.concat([frame[NUMERIC], dummies], axis=1): the columns selected are read as they are, beside the others.
      const selected = items.flatMap((d) =>
        d.cols?.mode === 'only'
          ? [...d.cols.names].map((name) => ({ frame: d.cols!.frame, name, lag: 0 }))
          : [],
      );
      const deps = [...(out.deps ?? [])];
      for (const c of selected)
        if (!deps.some((x) => x.frame === c.frame && x.name === c.name && x.lag === 0 && !x.pos))
          deps.push(c);
      if (deps.length > 0) out.deps = deps;
      return out;
    }
    if (items.every((d) => d.windowStat)) return out;
    // ConcatDataset([train_ds, TensorDataset(aug_x, aug_y)]): supervised datasets one after the other are still
    // features and labels, each of them the parts' own put one after the other (see DataVal.xy).
    const xys = items.map((d) => d.xy);
    const xy = (rows: Set<number>) =>
      xys.every((p) => p !== undefined)
        ? {
            x: {
              ...this.derive(
                xys.map((p) => p!.x),
                at,
              ),
              rows,
            },
            y: {
              ...this.derive(
                xys.map((p) => p!.y),
                at,
              ),
              rows,
            },
          }
        : undefined;
    // The same rows twice, or rows with a part of themselves (pd.concat([df, df[df.y == 1]]): the minority twice).
    const within = (a: DataVal, b: DataVal) =>
      [...b.rows].some((r) => {
        const up = ancestors(this.facts, r);
        // Copies already made (rare.sample(500, replace=True)) are that resampling, not a second one.
        const copies = [r, ...up].some((x) => this.facts.origins.get(x)?.kind === 'oversampled');
        return !copies && [...a.rows].some((x) => up.has(x) && this.facts.origins.get(r)?.kind !== 'unknown');
      });
    // [tickets, paraphrases joined to the tickets' ids]: other rows of the same entities.
    const joined = (a: DataVal, b: DataVal) =>
      !!b.joined && this.sameRows(a, { ...b, rows: b.joined.rows }) && !this.sameRows(a, b);
    const copied = items.some((a, i) =>
      items.some((b, j) => j > i && ([...a.rows].some((r) => b.rows.has(r)) || within(a, b) || within(b, a))),
    );
    const key = items.find((b) => items.some((a) => a !== b && joined(a, b)))?.joined?.key;
    // torch.cat(tiles) of the FiveCrop stacks of each image: several rows per image.
    const crops = items.find((d) => d.crops)?.crops;
    if (!copied && key === undefined && !crops) {
      const pairs = xy(out.rows);
      return pairs ? { ...out, xy: pairs } : out;
    }
    const what = copied
      ? 'of the data with a copy of itself'
      : key !== undefined
        ? `of the data with other rows of the same ${JSON.stringify(key)}`
        : `of the ${crops} crops of each image, as rows`;
    const o = this.origin('oversampled', out.rows, at, `${how} ${what}`);
    const pairs = xy(new Set([o.id]));
    return { ...out, rows: new Set([o.id]), ...(pairs ? { xy: pairs } : {}) };
  }

  /**
   * `X[idx]`, `Subset(ds, idx)`: rows chosen by an index array. Indices that are a split part of these rows (from
   * random_split(range(len(ds))) or a permutation cut in two) select that part; a boolean mask computed from the
   * rows themselves (`df[df.y == 1]`) keeps a subset.
   */
  private select(base: DataVal, idx: DataVal, at: Position): DataVal | undefined {
    if (idx.rows.size === 0) return undefined;
    // X[iso.predict(X) == 1]: rows kept by an outlier detector, which learnt what is normal from the rows it was fit on.
    const detector = idx.preds?.find((p) => OUTLIER_DETECTORS.has(p.model.cls));
    if (detector) {
      const o = this.origin('subset', base.rows, at);
      const out = this.withRows(base, o, at);
      const fit = detector.model.fits.at(-1);
      if (fit)
        out.taints = [
          ...out.taints,
          { by: `${detector.model.cls} outlier removal`, fitRows: fit.rows, at: fit.at },
        ];
      return out;
    }
    // X[np.concatenate([majority, np.random.choice(minority, n)])]: indices drawn with replacement from these rows.
    const drawn = [...idx.rows]
      .map((r) => this.facts.origins.get(r))
      .find(
        (o) =>
          o?.kind === 'oversampled' &&
          [...base.rows].some((b) => b === o.id || ancestors(this.facts, o.id).has(b)),
      );
    if (drawn && !base.rows.has(drawn.id)) {
      const o = this.origin('oversampled', base.rows, at, drawn.how);
      return this.withRows(base, o, at);
    }
    const descends = [...idx.rows].every((r) => {
      if (base.rows.has(r)) return false;
      const o = this.facts.origins.get(r);
      if (!o || o.kind === 'unknown' || o.kind === 'load') return false;
      const up = ancestors(this.facts, r);
      return [...base.rows].some((b) => up.has(b));
    });
    if (descends) return { ...this.derive([base], at, true), rows: new Set(idx.rows) };
    // spectra[tr_idx] with tr_idx, te_idx = train_test_split(np.arange(len(meta))): positions of a split of another
    // array, the same part of this one (see alignedPart).
    const parts = [...idx.rows].map((r) => this.facts.origins.get(r));
    if (
      !idx.preds &&
      !idx.evals &&
      !idx.mask &&
      parts.every(
        (o) =>
          o?.split && !base.rows.has(o.id) && ![...base.rows].some((b) => ancestors(this.facts, b).has(o.id)),
      )
    ) {
      const aligned = parts.map((o) => this.alignedPart(base, o!));
      return { ...this.derive([base], at, true), rows: new Set(aligned.map((o) => o.id)) };
    }
    // X[np.isin(bells, test_bells)] with bells built beside X (one entry per row, appended in the same loop): a
    // boolean mask has the length of the array it selects from, so it divides that array's rows.
    const aligned = !!idx.mask && idx.mask.column === undefined && /\|in\|/.test(idx.mask.key);
    if (([...idx.rows].some((r) => base.rows.has(r)) || aligned) && !idx.preds && !idx.evals) {
      // The same mask of the same rows keeps the same rows (ind[early] twice is one part).
      const same = idx.mask && this.maskedPart(base, idx.mask, undefined, at);
      if (same) {
        // train_mask & ~tune_fit keeps train_mask's part (narrowed): which values it keeps is no longer known.
        if (same.range && JSON.stringify(same.range.range) !== JSON.stringify(idx.mask?.range))
          same.range = { column: same.range.column };
        return this.withRows(base, same, at);
      }
      // df[df.stand_id.isin(train_stands)]: a part of the split of the ids (~…: of the other part).
      const idsOf = idx.mask?.ids !== undefined ? this.facts.origins.get(idx.mask.ids) : undefined;
      const idsSplit = idsOf?.split;
      const idsPart =
        idsOf && idsSplit && idx.mask!.neg
          ? idsOf.id === idsSplit.train
            ? idsSplit.test
            : idsOf.id === idsSplit.test
              ? idsSplit.train
              : undefined
          : idsOf?.id;
      const o =
        idsPart !== undefined
          ? this.origin('part', [...base.rows, idsPart], at)
          : this.origin('subset', base.rows, at);
      if (idx.rowCut?.open) o.after = { column: idx.rowCut.later, from: idx.rowCut.earlier };
      if (idx.rowCut) {
        this.facts.rowCuts ??= new Map();
        this.facts.rowCuts.set(base.frame, [...(this.facts.rowCuts.get(base.frame) ?? []), idx.rowCut]);
      }
      if (idx.mask?.within) o.range = { ...idx.mask.within };
      else if (idx.mask?.column)
        o.range = {
          column: idx.mask.column,
          ...(idx.mask.range ? { range: idx.mask.range } : {}),
          ...(idx.mask.equals !== undefined ? { equals: idx.mask.equals } : {}),
        };
      if (idx.mask) this.maskedPart(base, idx.mask, o, at);
      return this.withRows(base, o, at);
    }
    return undefined;
  }

  /**
   * The rows a mask keeps: when the complement of the same mask also selects from these rows (`df[m]`, `df[~m]`;
   * `df[df.year < 2020]`, `df[df.year >= 2020]`), the two are the parts of a split in the order of the data.
   */
  private maskedPart(
    base: DataVal,
    mask: NonNullable<DataVal['mask']>,
    o: Origin | undefined,
    at: Position,
  ): Origin | undefined {
    const key = `${mask.key}@${[...base.rows].sort().join(',')}`;
    const entry = this.maskEntry(key);
    // Without an origin: the part this mask already made of these rows, if any.
    if (!o) return entry.parts.get(mask.neg)![0];
    entry.parts.get(mask.neg)!.push(o);
    const link = (x: Origin, fact: SplitFact) => {
      x.kind = 'part';
      x.split = fact;
    };
    if (entry.fact) {
      link(o, entry.fact);
      return o;
    }
    let [first, second] = [entry.parts.get(false)![0], entry.parts.get(true)![0]];
    const [left, op] = mask.key.split('|');
    // df[df.season < TEST_SEASON] and df[df.season == TEST_SEASON]: the earlier rows and the last value's, as well.
    const equal = op === '==' && !mask.neg;
    // df[df.acc_year <= 2021] and df[df.acc_year.between(2022, 2023)]: a range after the cutoff is the later part
    // (before it, between(2015, 2020) beside df[df.acc_year >= 2021], the earlier).
    const between = op === 'between' && !mask.neg && !!mask.range;
    if (mask.value !== undefined && (op === '<' || op === '<=')) this.cutValues.set(o.id, mask.value);
    if ((!first || !second) && (op === '<' || op === '<=' || equal || between)) {
      // df[df.applied < TRAIN_END] and df[df.applied >= TEST_START]: earlier and later rows by two cutoffs (a gap
      // between them, for the labels to land), the parts of one split in time all the same.
      const ordered = `${left}|ordered@${[...base.rows].sort().join(',')}`;
      const o2 = this.maskEntry(ordered);
      const later = o2.parts.get(true)![0]?.range?.range;
      const slot = between
        ? !(later && mask.range!.hi !== undefined && later.lo !== undefined && later.lo >= mask.range!.hi)
        : equal || mask.neg;
      // (Two ranges, the earlier first — sel(year=slice(2001, 2017)), then slice(2018, 2023): the first was filed as
      // the later part for want of another; it is the earlier one.)
      if (
        between &&
        slot &&
        later?.hi !== undefined &&
        mask.range!.lo !== undefined &&
        later.hi <= mask.range!.lo &&
        !o2.parts.get(false)![0]
      )
        o2.parts.get(false)!.push(o2.parts.get(true)!.shift()!);
      o2.parts.get(slot)!.push(o);
      if (o2.fact) {
        link(o, o2.fact);
        entry.fact = o2.fact;
        return o;
      }
      [first, second] = [o2.parts.get(false)![0], o2.parts.get(true)![0]];
      if (!first || !second) {
        if (!equal && !between && mask.column) this.crossCut(base, mask, o, at);
        return o;
      }
      // (Two ranges that overlap, between(2018, 2022) and < 2020, are no split in time.)
      const [r1, r2] = [first.range?.range, second.range?.range];
      if (r1?.hi !== undefined && r2?.lo !== undefined && r1.hi > r2.lo) return o;
      // (Two names of one date, train_end = cutoff, df.index < train_end and df.index >= cutoff: one cut, no gap.)
      const [v1, v2] = [this.cutValues.get(first.id), this.cutValues.get(second.id)];
      const fact: SplitFact = {
        id: this.nextId++,
        fn: 'mask/~mask',
        at: (first.at.line <= second.at.line ? first : second).at,
        source: this.derive([base], at),
        train: first.id,
        test: second.id,
        shuffled: false,
        ...(mask.column ? { by: mask.column } : {}),
      };
      if (v1 !== undefined && v1 === v2) fact.sameCut = true;
      o2.fact = fact;
      entry.fact = fact;
      for (const x of [...o2.parts.get(false)!, ...o2.parts.get(true)!]) link(x, fact);
      this.facts.splits.push(fact);
      return o;
    }
    if (!first || !second) return o;
    // `==` keeps the one part (a fold, a flag) and `!=` the rest; `<` keeps the earlier rows.
    const eq = mask.key.includes('|==|');
    const [train, test] = eq ? [second, first] : [first, second];
    const fact: SplitFact = {
      id: this.nextId++,
      fn: 'mask/~mask',
      at: (first.at.line <= second.at.line ? first : second).at,
      source: this.derive([base], at),
      train: train.id,
      test: test.id,
      // rng.random(len(df)) < 0.2: a mask of random numbers is a random split.
      shuffled: /\brandom\b|\brand\b|\brandn\b|uniform/.test(mask.key.split('|')[0] ?? ''),
      ...(mask.column ? { by: mask.column } : {}),
    };
    if (!fact.shuffled && (op === '<' || op === '<=')) fact.sameCut = true;
    entry.fact = fact;
    for (const x of [...entry.parts.get(false)!, ...entry.parts.get(true)!]) link(x, fact);
    this.facts.splits.push(fact);
    return o;
  }

  /** The parts masks under one key have made (kept by the mask, by its complement) and their split once paired. */
  /**
   * The first rows and the rest of the same rows cut at one position written alike (`df.iloc[:n_train]` and
   * `df.iloc[n_train:]`, Polars `df.slice(0, n_train)` and `df.slice(n_train)`): the parts of a split in the order of
   * the data, which meet with no gap (see SplitFact.sameCut). Only what a label's horizon crossing the cut needs is
   * recorded (the origins stay the unlinked parts they were). (A cut written otherwise, `n_train - HORIZON` for the
   * first part, leaves a gap.)
   */
  private positionalCut(o: Origin, base: DataVal, bound: string, at: Position): void {
    const key = `${[...base.rows].sort().join(',')}@${bound.replace(/\s/g, '')}`;
    const entry = this.cuts.get(key) ?? {};
    this.cuts.set(key, entry);
    if (entry.fact) return;
    if (o.how === 'head') entry.head ??= o;
    else entry.tail ??= o;
    if (!entry.head || !entry.tail) return;
    entry.fact = {
      id: this.nextId++,
      fn: 'a cut by position',
      at: (entry.head.at.line <= entry.tail.at.line ? entry.head : entry.tail).at,
      source: this.derive([base], at),
      train: entry.head.id,
      test: entry.tail.id,
      shuffled: false,
      sameCut: true,
      position: true,
    };
    this.facts.splits.push(entry.fact);
  }

  private maskEntry(key: string): { parts: Map<boolean, Origin[]>; fact?: SplitFact } {
    let entry = this.masks.get(key);
    if (!entry) {
      entry = {
        parts: new Map<boolean, Origin[]>([
          [false, []],
          [true, []],
        ]),
      };
      this.masks.set(key, entry);
    }
    return entry;
  }

  /**
   * df[df.booked_at < CUTOFF] and df[df.starts_at >= CUTOFF]: earlier and later rows by one cutoff on two columns,
   * the parts of one split in time too (see SplitFact.crossCut) when neither column has its own complement.
   */
  private crossCut(base: DataVal, mask: NonNullable<DataVal['mask']>, o: Origin, at: Position): void {
    const bound = mask.key.split('|')[2];
    const key = `${bound}|cross@${[...base.rows].sort().join(',')}`;
    const entry = this.maskEntry(key);
    if (entry.fact) return;
    entry.parts.get(mask.neg)!.push(o);
    const first = entry.parts.get(false)![0];
    const second = entry.parts.get(true)![0];
    const [a, b] = [first?.range?.column, second?.range?.column];
    if (!first || !second || !a || !b || a === b || first.split || second.split) return;
    const fact: SplitFact = {
      id: this.nextId++,
      fn: 'mask/~mask',
      at: (first.at.line <= second.at.line ? first : second).at,
      source: this.derive([base], at),
      train: first.id,
      test: second.id,
      shuffled: false,
      crossCut: { train: a, test: b },
    };
    entry.fact = fact;
    for (const x of [first, second]) {
      x.kind = 'part';
      x.split = fact;
    }
    this.facts.splits.push(fact);
  }

  private tupleOrOne(data: DataVal[], at: Position): Val | undefined {
    if (data.length === 0) return undefined;
    return data.length === 1
      ? data[0]
      : { kind: 'tuple', items: data.map((d) => this.derive([d], at, true)) };
  }

  private registerSplit(fn: string, at: Position, source: DataVal, shuffled: boolean): SplitFact {
    const train = this.origin('train', source.rows, at);
    const test = this.origin('test', source.rows, at);
    const fact: SplitFact = { id: this.nextId++, fn, at, source, train: train.id, test: test.id, shuffled };
    train.split = fact;
    test.split = fact;
    this.facts.splits.push(fact);
    return fact;
  }

  private trainTestSplit(args: Args, n: Node, scope: Scope): Val | undefined {
    const at = posOf(n);
    // train_test_split(texts, labels) of Python lists: each list's items together.
    const arrays = args.pos.map((a) => {
      const d = this.dataOf(this.expr(a, scope));
      return d.length > 1 ? this.derive(d, posOf(a), true) : (d[0] ?? this.unknownData(posOf(a)));
    });
    for (const v of args.kw.values()) this.expr(v, scope);
    if (arrays.length === 0) return undefined;
    const shuffled = this.kwBool(args, 'shuffle') !== false;
    const source = this.derive(arrays, at);
    const fact = this.registerSplit('train_test_split', at, source, shuffled);
    if (!shuffled) fact.sameCut = true;
    // train_test_split(df["block_id"].unique()): the ids divided, each id's rows to one side.
    if (arrays.length === 1 && arrays[0]!.distinct) fact.distinct = arrays[0]!.distinct;
    const ids = arrays
      .slice(1)
      .map((a) => a.column)
      .find((c) => c && /(^|_)id$/i.test(c.name) && this.facts.countedKeys?.get(c.frame)?.has(c.name));
    if (ids && shuffled) fact.ids = ids.name;
    // train_test_split(X, y) with X made from an array and y a column of a table of the same rows (meta["is_fall"]):
    // that table's frame too, whose ids say whose rows they are.
    const others = [...new Set(arrays.slice(1).map((a) => a.column?.frame ?? a.frame))].filter(
      (f) => f !== source.frame,
    );
    if (others.length) fact.frames = others;
    const items: Val[] = [];
    for (const a of arrays) {
      items.push(this.withRows(a, this.facts.origins.get(fact.train)!, at));
      items.push(this.withRows(a, this.facts.origins.get(fact.test)!, at));
    }
    return { kind: 'tuple', items };
  }

  private randomSplit(args: Args, n: Node, scope: Scope): Val | undefined {
    const at = posOf(n);
    const dsVal = args.pos[0] ? this.expr(args.pos[0], scope) : undefined;
    let ds = this.dataOf(dsVal)[0];
    if (!ds) return undefined;
    // class Crops(Dataset): __len__ = len(self.paths) * self.views, __getitem__ idx % len(self.paths): several items
    // per recording, each a view of the same one; a random split of the items puts views of one recording on both sides.
    if (dsVal?.kind === 'obj' && this.itemsPerRow(dsVal))
      ds = this.withRows(
        ds,
        this.origin(
          'oversampled',
          ds.rows,
          at,
          'several items per row of the dataset (its __len__ multiplies)',
        ),
        at,
      );
    const parts = args.pos[1]?.type === 'list' ? args.pos[1].namedChildren.length : 2;
    const fact = this.registerSplit('random_split', at, ds, true);
    const items: Val[] = [this.withRows(ds, this.facts.origins.get(fact.train)!, at)];
    for (let i = 1; i < parts; i++) {
      const o = i === 1 ? this.facts.origins.get(fact.test)! : this.origin('test', ds.rows, at);
      o.split = fact;
      items.push(this.withRows(ds, o, at));
    }
    return { kind: 'tuple', items };
  }

  /** A Dataset class whose __len__ is a multiple of its rows (`return len(self.paths) * self.views`). */
  private itemsPerRow(obj: ObjVal): boolean {
    const id = obj.cls.methods.get('__len__');
    const body = id === undefined ? undefined : this.funcDefs.get(id)?.node.childForFieldName('body');
    const ret = body?.namedChildren.find((c) => c?.type === 'return_statement')?.namedChildren[0];
    if (ret?.type !== 'binary_operator' || ret.childForFieldName('operator')?.text !== '*') return false;
    return [ret.childForFieldName('left'), ret.childForFieldName('right')].some(
      (c) => c?.type === 'call' && c.childForFieldName('function')?.text === 'len',
    );
  }

  private boosterTrain(qname: string, args: Args, n: Node, scope: Scope): Val | undefined {
    const at = posOf(n);
    const model = this.est(qname.startsWith('lightgbm') ? 'lightgbm.train' : 'xgboost.train', 'model', at);
    const dtrain = args.pos[1] ?? args.kw.get('train_set') ?? args.kw.get('dtrain');
    const x = dtrain ? this.dataOf(this.expr(dtrain, scope))[0] : undefined;
    // lgb.train({"early_stopping_round": 50, …}, …): LightGBM also reads it (and its aliases) from the parameters.
    const paramsNode = args.pos[0] ?? args.kw.get('params');
    const params =
      paramsNode && qname.startsWith('lightgbm')
        ? paramsNode.type === 'identifier'
          ? scope.get(paramsNode.text)
          : paramsNode.type === 'dictionary'
            ? this.expr(paramsNode, scope)
            : undefined
        : undefined;
    const keys = params?.kind === 'coll' ? [...(this.kwargNodes.get(params)?.keys() ?? [])] : [];
    const early =
      args.kw.has('early_stopping_rounds') ||
      /early_stopping/.test(args.kw.get('callbacks')?.text ?? '') ||
      keys.some((k) => /^(early_stopping_rounds?|early_stopping|n_iter_no_change)$/.test(k));
    if (x) this.train(model, x, undefined, at);
    const evals = args.kw.get('valid_sets') ?? args.kw.get('evals');
    if (evals && early) {
      for (const d of this.dataOf(this.expr(evals, scope))) {
        if (![...d.rows].every((r) => x?.rows.has(r))) this.evaluate(model, d, at, 'early-stopping');
      }
    }
    return model;
  }

  /** A ColumnTransformer in the model gives it the columns its transformers name (and, with remainder, the rest). */
  private columnsUsed(model: EstVal | undefined, x: DataVal, at: Position): DataVal {
    const ct =
      model && [model, ...model.steps, ...model.steps.flatMap((s) => s.steps)].find((s) => s.columns);
    if (!ct?.columns || !(x.whole || x.cols?.mode === 'drop')) return x;
    const frame = x.cols?.frame ?? x.frame;
    this.useColumns(frame, ct.columns.names);
    if (ct.columns.rest) return x;
    const dropped = x.cols?.mode === 'drop' ? x.cols.names : new Set<string>();
    const out = this.derive([x], at);
    out.cols = { frame, mode: 'only', names: new Set(ct.columns.names.filter((c) => !dropped.has(c))) };
    out.whole = false;
    return out;
  }

  /**
   * The columns a ColumnTransformer's (transformer, columns) tuples name: [("num", StandardScaler(), NUM), ("drop",
   * "drop", ["id"])] or make_column_transformer((OneHotEncoder(), CAT), ("passthrough", NUM)).
   */
  private transformedColumns(args: Args, vals: (Val | undefined)[]): EstVal['columns'] {
    const names: string[] = [];
    let rest = false;
    const remainder = args.kw.get('remainder');
    if (remainder && stringValue(remainder) !== 'drop') rest = true;
    // ColumnTransformer([...]) / ColumnTransformer(transformers=[...]); make_column_transformer(t1, t2, ...).
    const kwNames = [...args.kw.keys()];
    const listed = args.kw.has('transformers')
      ? vals[args.pos.length + kwNames.indexOf('transformers')]
      : args.pos.length === 1
        ? vals[0]
        : undefined;
    const all: (Val | undefined)[] =
      listed?.kind === 'coll' || (listed?.kind === 'tuple' && listed.items.every((i) => i?.kind === 'tuple'))
        ? listed.items
        : vals.slice(0, args.pos.length);
    for (const t of all) {
      if (t?.kind !== 'tuple' || t.items.length < 2) {
        rest = true;
        continue;
      }
      const spec = t.items.at(-1);
      const how = t.items.at(-2);
      if (how?.kind === 'strs' && !how.list && how.values[0] === 'drop') continue;
      if (spec?.kind === 'strs' && !spec.partial) names.push(...spec.values);
      else rest = true;
    }
    return names.length > 0 ? { names, rest } : undefined;
  }

  private train(
    model: EstVal,
    data: DataVal,
    labels: DataVal | undefined,
    at: Position,
    fresh = false,
  ): void {
    // model.fit(train_ds) of a supervised dataset: its features and labels (their columns; the dataset's rows, which
    // splits and batches may have cut since).
    const xy = !labels ? data.xy : undefined;
    const x: DataVal = xy
      ? {
          ...data,
          frame: xy.x.frame,
          cols: xy.x.cols,
          column: xy.x.column,
          whole: xy.x.whole,
          deps: xy.x.deps,
          xy: undefined,
        }
      : data;
    const y: DataVal | undefined = xy ? { ...xy.y, rows: new Set(data.rows) } : labels;
    // Layers adapted before the model is built around them (keras Normalization / TextVectorization .adapt()) are
    // not refit by fit(): what they learnt is in the features the model trains on. (A Pipeline refits its steps.)
    let features = this.columnsUsed(model, x, at);
    if (!PIPELINES.has(model.cls)) {
      const adapted = model.steps.filter((s) => s.role === 'transformer' && s.fits.length > 0);
      if (adapted.length > 0) {
        features = this.derive([x], at, true);
        features.taints = [
          ...features.taints,
          ...adapted.map((s) => ({
            by: `${s.cls} (adapted, then a layer of ${model.cls})`,
            fitRows: s.fits.at(-1)!.rows,
            at: s.fits.at(-1)!.at,
          })),
        ];
      }
    }
    // np.hstack([X_tr, encoder.predict(X_tr)]): outputs of another model among the features, what it learnt from
    // the rows it was fit on (a representation, a stacked model's scores).
    const learnt = (features.preds ?? []).flatMap((p) => {
      const fit = p.model.id === model.id ? undefined : p.model.fits[(p.fits ?? p.model.fits.length) - 1];
      return fit && !features.taints.some((t) => t.at === fit.at)
        ? [{ by: `${p.model.cls} (its outputs as features)`, fitRows: fit.rows, at: fit.at }]
        : [];
    });
    if (learnt.length > 0) features = { ...features, taints: [...features.taints, ...learnt] };
    const preset = presetTaints(model).filter((t) => !features.taints.some((u) => u.at === t.at));
    if (preset.length > 0) features = { ...features, taints: [...features.taints, ...preset] };
    model.fits.push(fresh ? { rows: new Set(x.rows), at, fresh } : { rows: new Set(x.rows), at });
    // keras.Sequential([encoder, decoder]).fit(X, X): the models it is made of are trained with it.
    if (!PIPELINES.has(model.cls))
      for (const s of model.steps)
        if (s.role === 'model' && s !== model && !s.fits.includes(model.fits.at(-1)!))
          s.fits.push(model.fits.at(-1)!);
    this.facts.trainings.push({
      model,
      x: features,
      y,
      at,
      loops: [...this.loops],
      columnDefs: this.columnDefsNow(),
    });
  }

  private evaluate(
    model: EstVal,
    data: DataVal,
    at: Position,
    how: EvalFact['how'],
    pred?: number,
    fits = model.fits.length,
  ): EvalFact {
    const fact: EvalFact = {
      model,
      data,
      at,
      how,
      loops: [...this.loops],
      // Predictions scored later belong to the fits made before them (a refit afterwards is another model), from
      // the last that started over: a scikit-learn model fit again on other rows forgot the earlier fit.
      fitsBefore: model.fits
        .slice(0, fits)
        .filter((_f, i, made) => !made.slice(i + 1).some((g) => g.fresh))
        .map((f) => ({ rows: f.rows, at: f.at })),
      pred,
    };
    this.facts.evals.push(fact);
    this.evalFits.set(fact, fits);
    return fact;
  }

  /**
   * A model's features. Given as a dict of named inputs (Keras' model.fit({"bridge_type": cat, "numeric":
   * df[NUMERIC]}, y)), every input: the columns of the frame each is read from, together.
   */
  private inputsOf(v: Val | undefined, at: Position): DataVal | undefined {
    const items = v?.kind === 'coll' && v.keys ? v.items.flatMap((i) => this.dataOf(i)) : [];
    if (items.length < 2) return this.dataOf(v)[0];
    const frame = items[0]!.cols?.frame ?? items[0]!.column?.frame;
    if (frame === undefined) return items[0];
    const names = new Set<string>();
    for (const d of items) {
      if (d.cols?.mode === 'only' && d.cols.frame === frame && !d.cols.more)
        for (const c of d.cols.names) names.add(c);
      else if (!d.cols && d.column && d.column.frame === frame) names.add(d.column.name);
      else return items[0];
    }
    const out = this.derive(items, at);
    out.cols = { frame, mode: 'only', names };
    return out;
  }

  private estMethod(e: EstVal, method: string, args: Args, n: Node, scope: Scope): Val | undefined {
    const at = posOf(n);
    const xNode = args.pos[0] ?? args.kw.get('X') ?? args.kw.get('x');
    const yNode = args.pos[1] ?? args.kw.get('y');
    let x = xNode ? this.inputsOf(this.expr(xNode, scope), at) : undefined;
    let y = yNode ? this.dataOf(this.expr(yNode, scope))[0] : undefined;
    if (!xNode && args.splat) {
      // model.evaluate(*self.data), model.fit(*train_xy): features and labels from a pair.
      const v = this.expr(args.splat, scope);
      const items = v?.kind === 'tuple' || v?.kind === 'coll' ? v.items : [v];
      x = this.dataOf(items[0])[0];
      y = items.length > 1 ? this.dataOf(items[1])[0] : undefined;
    }
    if (method === 'search' && e.role === 'search' && x) {
      // tuner.search(x, y, validation_data=(x_val, y_val)): every trial's model is scored on the validation data.
      this.train(e, x, y, at);
      const val = args.kw.get('validation_data');
      if (val) {
        const loop = -this.nextId++;
        this.loops.push(loop);
        try {
          const trial = this.est(`${e.cls} trial`, 'model', at);
          trial.fits.push({ rows: new Set(x.rows), at });
          for (const d of this.dataOf(this.expr(val, scope))) {
            if ([...d.rows].every((r) => x.rows.has(r))) continue;
            this.evaluate(trial, d, at, 'score').decides = at;
          }
        } finally {
          this.loops.pop();
        }
      }
      return undefined;
    }
    if (/^get_best_(models|model|estimator)$/.test(method)) return e;
    if (e.thresholdOf) {
      // A prefit threshold tuner: fit() scores the classifier at every threshold on its rows and keeps the best;
      // predictions are the classifier's.
      if (method === 'fit' && x) {
        const sweep = this.evaluate(e.thresholdOf, x, at, 'metric');
        sweep.sweep = true;
        sweep.decides = at;
        return e;
      }
      if (method !== 'fit') return this.estMethod(e.thresholdOf, method, args, n, scope);
    }
    if ((method === 'build_vocab' || method === 'train') && /^(Word2Vec|FastText|Doc2Vec)$/.test(e.cls)) {
      // w2v = Word2Vec(vector_size=100); w2v.build_vocab(docs); w2v.train(docs, …): learnt from those texts.
      const node =
        args.pos[0] ?? args.kw.get('corpus_iterable') ?? args.kw.get('sentences') ?? args.kw.get('documents');
      const d = node === xNode ? x : node ? this.dataOf(this.expr(node, scope))[0] : undefined;
      if (d) {
        e.fits.push({ rows: new Set(d.rows), at });
        this.facts.transformerFits.push({ est: e, data: d, at });
      }
      return undefined;
    }
    if (/^(get_vector|infer_vector|get_mean_vector|get_sentence_vector)$/.test(method) && e.fits.length > 0) {
      // w2v.wv.get_vector(word), d2v.infer_vector(tokens): vectors learnt from the model's texts.
      const fit = e.fits.at(-1)!;
      if (!x) return { kind: 'stat', rows: new Set(fit.rows), by: e.cls, at: fit.at };
      const out = this.derive([x], at);
      out.taints = [...out.taints, { by: e.cls, fitRows: fit.rows, at: fit.at }];
      return out;
    }
    // res.predict(start=len(train), end=…) of a forecasting model made with its series: a forecast.
    if (method === 'predict' && !x && e.data && e.fits.length > 0 && e.role === 'model') {
      const future = this.unknownData(at);
      future.future = true;
      return this.pred(e, future);
    }
    if (method === 'get_support' && e.fits.length > 0)
      return {
        kind: 'stat',
        rows: new Set(e.fits.at(-1)!.rows),
        by: `${e.cls}.get_support()`,
        at: e.fits.at(-1)!.at,
      };
    switch (method) {
      case 'fit':
      case 'partial_fit':
      case 'fit_transform':
      case 'fit_predict':
      case 'fit_resample':
      case 'adapt':
      case 'fit_on_texts':
      // Hugging Face tokenizers: Tokenizer(models.BPE()).train_from_iterator(texts, trainer=…) learns its merges
      // and vocabulary from the texts.
      case 'train_from_iterator': {
        if (!x && method === 'fit' && e.data) {
          this.train(e, e.data.x, e.data.y, at);
          return e;
        }
        if (!x) return method === 'fit' ? e : undefined;
        if (e.role === 'resampler' || method === 'fit_resample') {
          const over = OVERSAMPLERS.has(e.cls);
          const under = UNDERSAMPLERS.has(e.cls);
          const o = this.origin(
            over ? 'oversampled' : under ? 'undersampled' : 'part',
            [...x.rows, ...(y?.rows ?? [])],
            at,
            `${e.cls}.fit_resample`,
          );
          const xs = this.withRows(x, o, at);
          return y ? { kind: 'tuple', items: [xs, this.withRows(y, o, at)] } : xs;
        }
        if (e.fixed) return method === 'fit_transform' ? this.derive([x], at) : e;
        if (e.role === 'transformer' || /^(adapt|fit_on_texts|train_from_iterator)$/.test(method)) {
          e.fits.push({ rows: new Set(x.rows), at });
          this.facts.transformerFits.push({ est: e, data: x, at });
          if (method === 'fit_transform') {
            // A ColumnTransformer outputs the columns it names (and the rest only with remainder=).
            const out = this.derive(
              [COLUMNWISE.test(e.cls) ? this.columnsUsed(e, x, at) : x],
              at,
              COLUMNWISE.test(e.cls),
            );
            out.taints = [...out.taints, { by: e.cls, fitRows: new Set(x.rows), at }];
            return out;
          }
          return e;
        }
        if (e.role === 'search' && e.cv?.cls === 'PredefinedSplit') {
          // cv=PredefinedSplit(fold) over training and test rows joined: the candidates are scored on the rows of
          // the validation fold, here the test rows; the search trains on the others.
          const held = [...x.rows].filter((r) => this.facts.origins.get(r)?.kind === 'test');
          if (held.length > 0 && held.length < x.rows.size) {
            const rest = new Set([...x.rows].filter((r) => !held.includes(r)));
            const loop = -this.nextId++;
            this.loops.push(loop);
            try {
              const trial = this.est(`${e.cls} candidate`, 'model', at);
              trial.fits.push({ rows: rest, at });
              for (const r of held)
                this.evaluate(trial, this.withRows(x, this.facts.origins.get(r)!, at), at, 'score').decides =
                  at;
            } finally {
              this.loops.pop();
            }
            this.train(e, { ...x, rows: rest }, y && { ...y, rows: rest }, at);
            return e;
          }
        }
        if (e.role === 'search' && e.cvFolds) {
          // cv=[(train_idx, test_idx)]: each candidate is scored on the rows each test mask keeps, the same part
          // X[test_idx] is later (as PredefinedSplit's validation fold, above).
          const loop = -this.nextId++;
          this.loops.push(loop);
          try {
            for (const [fit, held] of e.cvFolds) {
              const part = (m: DataVal) => this.select({ ...this.derive([m], at), mask: undefined }, m, at);
              const [tr, te] = [part(fit), part(held)];
              if (!tr || !te) continue;
              const trial = this.est(`${e.cls} candidate`, 'model', at);
              trial.fits.push({ rows: new Set(tr.rows), at });
              this.evaluate(trial, te, at, 'score').decides = at;
            }
          } finally {
            this.loops.pop();
          }
        }
        if (e.role === 'search') {
          this.facts.cvs.push({
            fn: `${e.cls}.fit`,
            est: e.steps[0],
            data: x,
            at,
            cv: e.cv,
            cvText: undefined,
            columnDefs: this.columnDefsNow(),
          });
        }
        // fit() of a scikit-learn style model starts over, unless told to continue from a model (xgb_model=,
        // init_model=); partial_fit() adds to what it learnt.
        const fresh =
          e.restarts === true &&
          method !== 'partial_fit' &&
          !args.kw.has('xgb_model') &&
          !args.kw.has('init_model');
        this.train(e, x, y, at, fresh);
        this.earlyStopping(e, args, scope, at, x);
        this.userCallbacks(e, args, scope, at, x, y);
        if (method === 'fit_transform' && e.role === 'model') {
          // LinearDiscriminantAnalysis(n_components=4).fit_transform(X, y): the rows projected by what the model
          // learnt from them (and their labels), new features, not its predictions.
          const out = this.derive([x], at);
          out.taints = [...out.taints, { by: e.cls, fitRows: new Set(x.rows), at }];
          this.facts.transformerFits.push({ est: e, data: x, at });
          return out;
        }
        if (method === 'fit_predict' || method === 'fit_transform') return this.pred(e, x);
        return e;
      }
      case 'transform':
      case 'inverse_transform':
      case 'texts_to_sequences':
      case 'encode_batch':
      // MinCovDet().fit(X).mahalanobis(X): each row's distance by the location and covariance learnt from the fit.
      case 'mahalanobis':
      // A featurewise ImageDataGenerator: flow(x, y) batches and standardize(x) apply what fit(x) learnt.
      case 'flow':
      case 'standardize': {
        if (!x) return undefined;
        const out = this.derive(
          [COLUMNWISE.test(e.cls) ? this.columnsUsed(e, x, at) : x],
          at,
          COLUMNWISE.test(e.cls),
        );
        const fit = e.fits.at(-1);
        if (fit && e.role !== 'model')
          out.taints = [...out.taints, { by: e.cls, fitRows: fit.rows, at: fit.at }];
        if (e.role === 'model' && e.fits.length > 0) return this.pred(e, x);
        return out;
      }
      case 'predict':
      case 'predict_proba':
      case 'predict_log_proba':
      case 'decision_function':
      case 'score_samples':
      case 'predict_on_batch':
      case 'forward':
      // Gradient boosting / AdaBoost: the predictions after each stage, one model per number of stages.
      case 'staged_predict':
      case 'staged_predict_proba':
      case 'staged_decision_function':
      // lifelines: the risk or the survival each row is predicted (predict_partial_hazard(df), predict_median(df)).
      case 'predict_partial_hazard':
      case 'predict_log_partial_hazard':
      case 'predict_median':
      case 'predict_expectation':
      case 'predict_percentile':
      case 'predict_survival_function':
      case 'predict_cumulative_hazard':
      case 'predict_survival':
        return x ? this.pred(e, x) : undefined;
      case 'evals_result':
        // booster.evals_result(): the scores on the eval_set of the last fit.
        return e.monitored?.length
          ? this.score(
              e.monitored.map((d) => this.evaluate(e, d, at, 'score')),
              at,
            )
          : undefined;
      case 'forecast':
      case 'get_forecast': {
        // fitted.forecast(steps=len(test)): predictions for the periods after the training series, here test's rows;
        // fitted.forecast(12): periods the program does not name (see DataVal.future).
        if (e.fits.length === 0 || e.role !== 'model') return undefined;
        const stepsNode = args.pos[0] ?? args.kw.get('steps') ?? args.kw.get('h') ?? args.kw.get('fh');
        const horizon = stepsNode ? this.dataOf(this.expr(stepsNode, scope))[0] : undefined;
        if (horizon) return this.pred(e, horizon);
        // get_forecast(steps=TEST_DAYS, exog=X_test): a horizon given as a number, the periods those of the
        // regressors given for them.
        const exogNode = args.kw.get('exog') ?? args.kw.get('X');
        const exog = exogNode ? this.dataOf(this.expr(exogNode, scope))[0] : undefined;
        if (exog && !exog.preds) return this.pred(e, exog);
        const future = this.unknownData(at);
        future.future = true;
        return this.pred(e, future);
      }
      case 'score':
      case 'evaluate':
      // CatBoost's model.eval_metrics(test_pool, ["Logloss"]): the metrics on that data, per iteration.
      case 'eval_metrics':
        return x ? this.score([this.evaluate(e, x, at, 'score')], at) : undefined;
      case 'save':
      case 'save_model':
      case 'save_weights':
      case 'save_pretrained': {
        const file = stringValue(args.pos[0] ?? args.kw.get('filepath'));
        if (file !== undefined) this.saved.set(file, e);
        return undefined;
      }
      case 'state_dict':
      case 'load_state_dict':
      case 'load_weights':
      case 'eval':
      case 'train':
      case 'to':
      case 'cuda':
      case 'cpu':
      // StandardScaler().set_output(transform="pandas"), set_fit_request(…): configured, the same estimator.
      case 'set_output':
      case 'set_fit_request':
      case 'set_score_request':
      case 'set_predict_request':
      case 'set_transform_request':
        return e;
      case 'set_params':
        // model.set_params(warm_start=True): later fits continue from the last one.
        if (args.kw.get('warm_start')?.text === 'True') e.restarts = false;
        // set_params(early_stopping_rounds=50): as if given when made.
        if (args.kw.has('early_stopping_rounds')) e.earlyStopping = true;
        return e;
      case 'compile':
        return e;
      default:
        return undefined;
    }
  }

  /**
   * model.fit(..., callbacks=[KeepBest(x_val, y_val)]): a Keras callback class of the program runs after every epoch
   * with self.model the model in training; its hooks are run once, in a loop of epochs that trains the model, so a
   * score it takes there and branches on chooses the epoch (or stops) like a hand-written training loop.
   */
  private userCallbacks(
    e: EstVal,
    args: Args,
    scope: Scope,
    at: Position,
    x: DataVal,
    y: DataVal | undefined,
  ): void {
    const node = args.kw.get('callbacks');
    if (!node) return;
    const list = this.expr(node, scope);
    const objs = (list?.kind === 'coll' || list?.kind === 'tuple' ? list.items : [list]).filter(
      (v): v is ObjVal => v?.kind === 'obj',
    );
    const hooks = ['on_epoch_end', 'on_epoch_begin', 'on_train_batch_end', 'on_batch_end'];
    for (const obj of objs) {
      const defs = hooks.filter((h) => obj.cls.methods.has(h));
      if (defs.length === 0) continue;
      const loop = -this.nextId++;
      this.loops.push(loop);
      try {
        this.train(e, x, y, at);
        obj.attrs.set('model', e);
        for (const h of defs) {
          const f: FuncVal = { kind: 'func', name: h, id: obj.cls.methods.get(h)! };
          if (this.canInline(f)) this.inlineWith(f, [obj], new Map());
        }
      } finally {
        this.loops.pop();
      }
    }
  }

  /** The file a checkpoint callback in this text writes: a literal, or a name bound to one (`ckpt_path`). */
  private checkpointFile(text: string, scope: Scope): string | undefined {
    const m = CHECKPOINT.exec(text);
    if (m?.[1] !== undefined) return m[1];
    const named = m?.[2] !== undefined ? scope.get(m[2]) : undefined;
    return named?.kind === 'strs' && !named.list && named.values.length === 1 ? named.values[0] : undefined;
  }

  private earlyStopping(e: EstVal, args: Args, scope: Scope, at: Position, x: DataVal): void {
    const evalSet = args.kw.get('eval_set') ?? args.kw.get('validation_data');
    const callbacks = args.kw.get('callbacks')?.text ?? '';
    const names = callbacks.match(/\w+/g) ?? [];
    // The best model a checkpoint callback writes is this model (loading the file gives it back).
    for (const file of [this.checkpointFile(callbacks, scope), ...names.map((n) => this.checkpoints.get(n))])
      if (file !== undefined) this.saved.set(file, e);
    const early =
      e.earlyStopping ||
      // GridSearchCV(XGBClassifier(early_stopping_rounds=50), …).fit(X, y, eval_set=…): fit keywords reach every
      // candidate, each stopped on that set.
      (e.role === 'search' && e.steps.some((s) => s.earlyStopping)) ||
      args.kw.has('early_stopping_rounds') ||
      STOPPING.test(callbacks) ||
      names.some((n) => this.stoppers.has(n));
    // eval_set often also lists the training data itself (to watch the training loss).
    const held = evalSet
      ? this.dataOf(this.expr(evalSet, scope)).filter((d) => ![...d.rows].every((r) => x.rows.has(r)))
      : [];
    e.monitored = held;
    if (!early) return;
    for (const d of held) this.evaluate(e, d, at, 'early-stopping');
  }

  private splitterMethod(s: SplitterVal, method: string, args: Args, n: Node, scope: Scope): Val | undefined {
    const at = posOf(n);
    if (method !== 'split') return undefined;
    const first = args.pos[0] ? this.expr(args.pos[0], scope) : undefined;
    // gss.split(train_idx, y[train_idx], groups=…): positions of an outer part split again, that part's rows (its
    // parts are positions into train_idx, taken back to the whole by train_idx[fit_pos]).
    const x: DataVal | undefined =
      first?.kind === 'index'
        ? { kind: 'data', rows: new Set([first.origin]), taints: [], frame: this.nextId++, at }
        : this.dataOf(first)[0];
    if (!x) return undefined;
    const fact = this.registerSplit(`${s.cls}.split`, at, x, s.shuffle);
    // TimeSeriesSplit: each fold's training part ends `gap` rows (none by default) before its test part begins (a
    // gap not known as a number counts as wide enough).
    if (s.cls === 'TimeSeriesSplit') {
      fact.sameCut = true;
      fact.gap = s.gap ?? Number.POSITIVE_INFINITY;
    }
    // sgk.split(X, y, groups=frames["sequence_id"]): each sequence kept on one side.
    const groupsNode = args.kw.get('groups') ?? args.pos[2];
    const groups = groupsNode ? this.expr(groupsNode, scope) : undefined;
    if (/Group/.test(s.cls) && groups?.kind === 'data' && groups.column) fact.groups = groups.column.name;
    else if (groups?.kind === 'data' && !/Group|TimeSeries|Predefined/.test(s.cls) && SPLITTERS.has(s.cls))
      fact.ignoredGroups = s.cls;
    // for train_idx, test_idx in kf.split(X): one fold's indices.
    return {
      kind: 'coll',
      items: [
        {
          kind: 'tuple',
          items: [
            { kind: 'index', origin: fact.train },
            { kind: 'index', origin: fact.test },
          ],
        },
      ],
    };
  }

  /** The keys of the reduction by group an origin is (`how` "groupby reduction by k1,k2"), if it is one. */
  private reductionKeys(r: number): string[] | undefined {
    return /^groupby reduction by (.+)$/.exec(this.facts.origins.get(r)?.how ?? '')?.[1]?.split(',');
  }

  /** A reduction by group whose values move to other keys' rows (shifted): not merged back onto its own rows. */
  private moveReduction(d: DataVal): void {
    for (const r of d.rows) if (this.reductionKeys(r)) this.movedKeys.add(r);
  }

  private groupMethod(g: GroupVal, method: string, args: Args, n: Node, scope: Scope): Val | undefined {
    const at = posOf(n);
    // df.groupby("failed").sample(n=n_major, replace=True): each group drawn as df.sample draws the rows (a class
    // brought up to the size of the largest with copies of its rows).
    if (method === 'sample') return this.dataMethod(this.derive([g.data], at, true), method, args, n, scope);
    // df.groupby("student_id").size(): rows counted per id (see noteEntity). Not any groupby of an id: a target or
    // mean encoding (`groupby("site_id")["click"].agg(["mean", "count"])`) or one row kept per id (`.tail(1)`) is
    // no statement that the rows split are several per id.
    // g = df.groupby("batch_id"); g["ph"].diff(), g["ph"].transform("first"), g.cumcount(): each id's rows as a
    // series, several rows per id.
    const series =
      /^(shift|diff|pct_change|cumcount|cumsum|rolling|expanding|ewm)$/.test(method) ||
      (method === 'transform' &&
        /^(first|shift|diff|pct_change|cumcount|cumsum)$/.test(stringValue(args.pos[0]) ?? ''));
    // (Not rows a join multiplied, policies.merge(visits, on="serial_no").groupby("policy_id").size(): a policy's
    // visits counted, each policy's own row one.)
    if (method === 'size' && g.keys?.length === 1 && ENTITY_ID.test(g.keys[0]!) && !g.data.joined)
      this.noteEntity(g.data.cols?.frame ?? g.data.frame, g.keys[0]!);
    // manifest.groupby("exposure_kv")["seed_id"].nunique(): the distinct ids counted, per group, as
    // df["seed_id"].nunique() counts them.
    if (method === 'nunique' && g.data.column && ENTITY_ID.test(g.data.column.name))
      this.noteEntity(g.data.column.frame, g.data.column.name);
    if (series && g.keys?.length === 1 && /^[a-z][a-z0-9_]*?_?id$/i.test(g.keys[0]!)) {
      const frame = g.data.cols?.frame ?? g.data.frame;
      this.facts.seriesKeys ??= new Map();
      this.facts.seriesKeys.set(frame, new Set([...(this.facts.seriesKeys.get(frame) ?? []), g.keys[0]!]));
    }
    const out = this.derive([g.data], at);
    const fnNode = args.pos[0] ?? args.kw.get('func');
    if (/^(transform|apply)$/.test(method) && fnNode?.type === 'lambda') {
      // groupby(k)["y"].transform(lambda s: s.shift(1).rolling(7).mean()): the lambda runs on each group's rows;
      // a value per row (a lag, a window) is that, with what it reads; a statistic of the group is one per group.
      const v = this.lambda(fnNode, [this.derive([g.data], at, true)], scope);
      // groupby("material").apply(lambda g: g.sample(n, replace=len(g) < n)): each group drawn with replacement,
      // copies of its rows in the result.
      const copies =
        v?.kind === 'data'
          ? [...v.rows].map((r) => this.facts.origins.get(r)).find((o) => o?.kind === 'oversampled')
          : undefined;
      if (copies) return this.withRows(this.derive([g.data], at, true), copies, at);
      if (v?.kind === 'data' && !v.windowed && v.deps) {
        const row = this.derive([v], at);
        row.rows = new Set(g.data.rows);
        return row;
      }
    }
    const fnName = /^(transform|agg|aggregate)$/.test(method) ? stringValue(args.pos[0]) : undefined;
    // groupby(k)["won"].transform("cumsum"), .transform("shift"): the group method by its name, a value per row.
    if (method === 'transform' && fnName && ROW_GROUP_METHODS.test(fnName))
      return this.groupMethod(g, fnName, { pos: [], kw: new Map() }, n, scope);
    // groupby("session_id")["logged_at"].transform("min"), .transform("first"), groupby("booking_ref")["bag_tag"]
    // .transform("size"): an attribute of each entity (its start, its first reading, its number of rows), not a
    // statistic learnt from the values of other rows (see entityAttribute).
    const attr = fnName ?? method;
    if (entityAttribute(attr, g.data.column?.name)) {
      const row = this.derive([g.data], at);
      if (method !== 'transform')
        row.rows = new Set([
          this.origin('load', [], at, `groupby reduction${g.keys ? ` by ${g.keys.join(',')}` : ''}`).id,
        ]);
      return row;
    }
    // groupby("booking_ref")["bag_tag"].transform("size"), groupby("order_id")["kg"].transform("sum"): the rows of
    // each entity counted or summed (see Taint.entityCount).
    if (
      method === 'transform' &&
      /^(size|count|sum)$/.test(attr) &&
      g.keys?.length &&
      g.keys.some((k) => ENTITY_ID.test(k) || /(^|_)(ref|reference)$/i.test(k))
    ) {
      const row = this.derive([g.data], at);
      row.deps = undefined;
      row.column = undefined;
      row.taints = [
        ...row.taints,
        {
          by: 'group statistics (transform)',
          fitRows: new Set(g.data.rows),
          at,
          groupBy: g.keys,
          entityCount: true,
          // (A sum, the order's total weight over its lines, keeps the column summed: of the target, it is the
          // group's labels given to its rows, leak-target's.)
          ...(attr === 'sum' && g.data.column ? { col: g.data.column } : {}),
        },
      ];
      return row;
    }
    const fnVal = fnNode && fnNode.type === 'identifier' ? scope.get(fnNode.text) : undefined;
    if (/^(transform|apply)$/.test(method) && fnVal?.kind === 'func' && this.canInline(fnVal)) {
      // groupby("category").transform(time_since_last_project), def …: return series.diff() …: the function runs
      // on each group's rows; what learns nothing from them (no statistic taken inside) is a value per row.
      const input = this.derive([g.data], at, true);
      const v = this.inlineWith(fnVal, [input], new Map());
      if (v?.kind === 'data' && !v.windowed && v.taints.length === input.taints.length) {
        const row = this.derive([v], at);
        row.rows = new Set(g.data.rows);
        return row;
      }
    }
    if (
      // Not first(): the earliest row of each group (a batch's yeast and pitch time, kept once per batch) is an
      // attribute recorded at its start, no statistic of the rows after it.
      /^(transform|agg|aggregate|mean|median|sum|std|count|nunique|max|min|size|last|prod|var|sem)$/.test(
        method,
      )
    ) {
      // agg(kwh=("kwh_delivered", "sum"), n=("session_id", "count")): a statistic of each named column.
      const allNamed = /^(agg|aggregate)$/.test(method) && !g.data.column ? namedAggregations(args) : [];
      // group_by("depot").agg(pl.col("operator_id").n_unique()), agg(operators=("operator_id", "nunique")): the
      // distinct ids counted per group, as groupby(…)["operator_id"].nunique() counts them (see noteEntity).
      for (const [, src, fn] of allNamed)
        if (fn && /^n_?unique$/.test(fn) && ENTITY_ID.test(src) && !g.keys?.includes(src))
          this.noteEntity(g.data.cols?.frame ?? g.data.frame, src);
      // agg(quoted=("quoted_eur", "first"), start=("logged_at", "min")): a first value is no statistic of the
      // column named (see entityAttribute).
      const named = allNamed.filter(([, src, fn]) => !(fn && entityAttribute(fn, src)));
      // notices.groupby("property_id").agg(…) of a table read with its dates, every row of it (no filter first):
      // each key's whole record, whenever dated (see Taint.eventLog).
      // (orders[["order_id", "customer_id"]].merge(tickets[["customer_id", "created_at"]], on="customer_id",
      // how="inner").groupby("order_id"): the tickets counted per order, the table joined on the right being the log —
      // the key grouped by is the left's own, not the one merged on, and not among the columns taken from the right.)
      const j = g.data.joined;
      const logOnRight =
        j?.frame !== undefined &&
        j.names !== undefined &&
        g.keys?.length === 1 &&
        g.keys[0] !== j.key &&
        !j.names.has(g.keys[0]!)
          ? j
          : undefined;
      const frame = logOnRight?.frame ?? g.data.cols?.frame ?? g.data.frame;
      // (A table read without parse_dates is dated all the same by a date column it aggregates, last_delivery=
      // ("delivery_date", "max").)
      // (Or a date-named column the program reads from the table, prices.sort_values("changed_at").)
      const dates = new Set([
        ...(this.facts.datedColumns?.get(frame) ?? []),
        ...allNamed.map(([, src]) => src).filter((src) => this.dated({ frame, name: src })),
        ...[...(this.facts.frameColumns.get(frame) ?? [])].filter((c) => dateNamed(c)),
      ]);
      // (Rows kept by a mask on a column that is not a date, ledger[ledger.entry_type.isin([…])], are every record of
      // each kind all the same: a cut in time is what makes a table no longer the whole record.)
      const after: { column: string; from: string }[] = [];
      // (sms[sms.hours_before >= 24] with hours_before = slot_start - sent_at: a cut in time too, by the span from a
      // dated record to another date of its row.)
      const timed = (name: string) => dates.has(name) || this.dated({ frame, name }) || TIME_NAME.test(name);
      const spanOfDates = (c: string) => {
        const deps = this.facts.columnDefs.get(frame)?.get(c)?.deps ?? [];
        const [minus, plus] = [deps.filter((d) => d.subtracted), deps.filter((d) => !d.subtracted)];
        return minus.length > 0 && plus.length > 0 && [...minus, ...plus].some((d) => timed(d.name));
      };
      // (The joined rows' own filters count too, pairs[pairs.created_at < pairs.order_date]; and the log's.)
      const unfiltered = [...g.data.rows, ...(logOnRight?.rows ?? [])].every((r) => {
        let o = this.facts.origins.get(r);
        for (let depth = 0; (o?.kind === 'subset' || o?.how === 'an inner merge') && depth < 8; depth++) {
          // (An inner merge keeps the records whose key the other table has — events of the users in the trials
          // table — every one of them whenever dated.)
          if (o.how === 'an inner merge' && o.parents.length === 1) {
            // (The log on the right: the rows it is paired with, the orders, may be any of them; the log's own rows
            // are walked apart.)
            if (logOnRight) return true;
            o = this.facts.origins.get(o.parents[0]!);
            continue;
          }
          // (msg[msg.sent_at >= msg.intake_date]: every record from each row's date on, the end of the record kept.)
          // (Whether the date bounded from below is the log's own, not the row's, is for the rule to say: it knows the
          // rows' dates — bookings[bookings.booked_at <= bookings.slot_start] keeps the records up to each slot.)
          if (
            o.after &&
            o.parents.length === 1 &&
            (dates.has(o.after.column) || this.dated({ frame, name: o.after.column }))
          ) {
            after.push(o.after);
            o = this.facts.origins.get(o.parents[0]!);
            continue;
          }
          const c = o.range?.column;
          // (ledger[ledger.posted_on > SNAPSHOT]: every record from a date on, the end of each record kept, as above.)
          if (
            c &&
            o.parents.length === 1 &&
            o.range?.range?.lo !== undefined &&
            o.range.range.hi === undefined &&
            (dates.has(c) || this.dated({ frame, name: c }))
          ) {
            o = this.facts.origins.get(o.parents[0]!);
            continue;
          }
          // (ledger[ledger.visit_type == "install"].groupby("install_id"): the records of the kind the key is named
          // after, each install's own visit, on its own date — not its whole record.)
          const entity =
            g.keys?.length === 1 ? /^(\w+?)_(id|no|number|ref|key)$/i.exec(g.keys[0]!)?.[1] : undefined;
          if (entity && o.range?.equals?.toLowerCase() === entity.toLowerCase()) return false;
          if (
            !c ||
            o.parents.length !== 1 ||
            dates.has(c) ||
            this.dated({ frame, name: c }) ||
            TIME_NAME.test(c) ||
            spanOfDates(c)
          )
            return false;
          o = this.facts.origins.get(o.parents[0]!);
        }
        return o?.kind === 'load';
      });
      // (sprays.groupby(["tunnel_id", "crop_cycle"]): one entity's records within a period of its own, the whole
      // cycle's, later weeks included — keyed by the entity; not by a date or a time among the keys.)
      const keys = g.keys ?? [];
      const key =
        keys.length === 1
          ? keys[0]
          : keys.length === 2 && keys.every((k) => !dates.has(k) && !TIME_NAME.test(k) && !PERIOD_KEY.test(k))
            ? keys.filter((k) => ENTITY_ID.test(k)).length === 1
              ? keys.find((k) => ENTITY_ID.test(k))
              : undefined
            : undefined;
      const eventLog =
        method !== 'transform' && dates.size && unfiltered && key !== undefined
          ? {
              frame,
              dates: [...dates],
              ...(keys.length > 1 ? { key } : {}),
              ...(after.length ? { after } : {}),
            }
          : undefined;
      const stat = (col: Taint['col'], assigned?: Taint['assigned']): Taint => ({
        by: `group statistics (${method})`,
        fitRows: new Set(g.data.rows),
        at,
        col,
        ...(assigned ? { assigned } : {}),
        ...(g.keys ? { groupBy: g.keys } : {}),
        ...(eventLog ? { eventLog } : {}),
      });
      out.taints = [
        ...out.taints,
        ...(allNamed.length > 0
          ? named.map(([name, src, fn]) =>
              // agg(runs=("late", "size")): the rows of each group counted, none of the column's values read.
              stat(/^(size|count)$/.test(fn ?? '') ? undefined : { frame: g.data.frame, name: src }, {
                frame: g.data.frame,
                names: [name],
              }),
            )
          : [stat(g.data.column)]),
      ];
      // A statistic of each group, not a row's own value.
      out.deps = undefined;
      out.column = undefined;
      // keys.groupby(["user", "session"]).agg(hold_mean=…): one row per group, new rows; the statistic of a group is
      // that row's own feature (a split of these rows is no leak). Mapped or merged back onto the rows it was taken
      // from (df["k"].map(means), df.merge(stats, on="k")), it still carries their rows and the taint.
      if (method !== 'transform')
        out.rows = new Set([
          this.origin('load', [], at, `groupby reduction${g.keys ? ` by ${g.keys.join(',')}` : ''}`).id,
        ]);
    } else if (method === 'cumcount' || method === 'ngroup') {
      // g = df.groupby("dog_id")["qualified"]; g.cumcount(): the number of the group's earlier rows (ngroup: the
      // group's number), whatever column is selected: none of its values is read (a value per row, from no column).
      out.deps = [];
      out.column = undefined;
    } else if ((method === 'diff' || method === 'pct_change') && out.deps) {
      out.deps = this.diffDeps(out.deps, args, scope);
    } else if ((method === 'bfill' || method === 'backfill') && out.deps) {
      // groupby("plot_id")["score"].bfill(): a gap takes the group's next value.
      out.deps = alsoRowsBack(out.deps, -1);
    } else if (method === 'shift') {
      // daily.groupby(level="store_id").shift(1) of a reduction by (store, date): each row takes its group's previous
      // statistic, moved off its own key (see Taint.mergedBack).
      this.moveReduction(g.data);
      const k = out.deps ? this.shiftBy(args, scope) : undefined;
      if (k !== undefined && out.deps) out.deps = out.deps.map((c) => ({ ...c, lag: c.lag + k }));
    } else if (/^(rolling|expanding|ewm|resample)$/.test(method)) {
      // groupby("batch_id").resample("1h").mean(): each group's readings in periods, a statistic of each period's
      // own rows (as a rolling window's), in a series.
      out.windowed = true;
      if (method === 'resample')
        out.time = strongest(out.time, { at, evidence: '.resample() of each group' });
    }
    return out;
  }

  private dataMethod(d: DataVal, method: string, args: Args, n: Node, scope: Scope): Val | undefined {
    const at = posOf(n);
    // df["pack_id"].nunique(), Polars frame["joint_id"].n_unique(), logs.runner_id.unique(): distinct ids counted (see
    // noteEntity). Not value_counts: a frequency encoding of a categorical id (`tx["merchant_id"].value_counts(
    // normalize=True)`) reads it so too.
    if (/^(nunique|unique|n_unique)$/.test(method)) this.noteEntityColumn(d, method !== 'unique');
    // df["block_id"].unique(): the distinct ids (see DataVal.distinct), one item per id, not per row.
    if (
      method === 'unique' &&
      args.pos.length === 0 &&
      args.kw.size === 0 &&
      d.column &&
      !d.preds &&
      !d.evals
    )
      return { ...this.derive([d], at, true), distinct: d.column.name };
    const argVals = [...args.pos, ...args.kw.values()].map((a) => this.expr(a, scope));
    // cat_lookup[c].index(v) for v in df[c], with the list of a column's distinct values: v's position in it, an
    // encoding of v's rows — not the rows the list was made from. (What the list learnt is not followed: a list of
    // categories of every row leaves only unseen categories unknown, and a list of the label's classes made from all
    // rows, labels.index(row["emotion"]), is how labels are numbered.)
    if (method === 'index' && args.pos.length === 1 && !d.preds && !d.evals && argVals[0]?.kind === 'data')
      return this.derive([argVals[0]], at);
    // df.year.isin(TEST_YEARS), pl.col("year").is_in(TEST_YEARS): a mask by a set of values; with its complement
    // (~…) it divides the rows, as a comparison with a constant does.
    if (
      (method === 'isin' || method === 'is_in') &&
      args.pos.length === 1 &&
      d.column &&
      !d.preds &&
      !d.evals &&
      // (a set of constants, not values learnt from rows: s.isin(frequent) with frequent from value_counts)
      (argVals[0] === undefined || /^(strs|num|coll|tuple|const)$/.test(argVals[0].kind))
    ) {
      const out = this.derive([d], at, true);
      out.mask = {
        key: `${d.column.name}|in|${args.pos[0]!.text.replace(/\s/g, '')}`,
        neg: false,
        column: d.column.name,
      };
      return out;
    }
    // df["stand_id"].isin(train_stands) with train_stands one part of a split of ids: the rows of those ids, that
    // part of the split (see mask.ids).
    const idsPart =
      (method === 'isin' || method === 'is_in') &&
      args.pos.length === 1 &&
      d.column &&
      !d.preds &&
      !d.evals &&
      argVals[0]?.kind === 'data' &&
      !argVals[0].preds &&
      argVals[0].rows.size === 1
        ? this.facts.origins.get([...argVals[0].rows][0]!)
        : undefined;
    if (idsPart?.split && (idsPart.kind === 'train' || idsPart.kind === 'test') && d.column) {
      const out = this.derive([d], at, true);
      out.mask = {
        key: `${d.column.name}|in|${args.pos[0]!.text.replace(/\s/g, '')}`,
        neg: false,
        column: d.column.name,
        ids: idsPart.id,
      };
      return out;
    }
    // df["season"].between(CONFIG["first"], CONFIG["last"]): a mask of the values between two constants (both kept
    // unless inclusive= says otherwise).
    if (method === 'between' && args.pos.length >= 2 && d.column && !d.preds && !d.evals) {
      const lo = constantValue(argVals[0], args.pos[0]!);
      const hi = constantValue(argVals[1], args.pos[1]!);
      const inclusive = stringValue(args.kw.get('inclusive') ?? args.pos[2]) ?? 'both';
      const out = this.derive([d], at, true);
      out.mask = {
        // (Keyed by the column as written, catalogue["acc_year"], as a comparison's mask is: see maskedPart.)
        key: `${(n.childForFieldName('function')?.childForFieldName('object')?.text ?? d.column.name).replace(/\s/g, '')}|between|${lo ?? args.pos[0]!.text},${hi ?? args.pos[1]!.text}`,
        neg: false,
        column: d.column.name,
        ...(lo !== undefined && hi !== undefined
          ? {
              range: {
                lo,
                hi,
                loIn: inclusive === 'both' || inclusive === 'left',
                hiIn: inclusive === 'both' || inclusive === 'right',
              },
            }
          : {}),
      };
      return out;
    }
    // ds.sel(time=slice(None, "2012-09-30")), ds.sel(time=slice(start, end)): xarray's rows along a dimension between
    // two labels, both kept — the rows a mask `start <= time <= end` keeps (see select).
    const sliced =
      method === 'sel' && args.pos.length === 0 && args.kw.size === 1 ? [...args.kw][0] : undefined;
    // (Or a name the slice is kept in, ds.sel(year=years) with years = slice(2001, 2017).)
    const kept = sliced ? this.expr(sliced[1], scope) : undefined;
    if (sliced && kept?.kind === 'tuple' && kept.slice) {
      const { lo, hi } = kept.slice;
      if (!d.preds && !d.evals && (lo !== undefined || hi !== undefined)) {
        const idx: DataVal = {
          ...this.derive([d], at, true),
          mask: {
            key: `${sliced[0]}|between|${lo ?? ''},${hi ?? ''}`,
            neg: false,
            column: sliced[0],
            range: {
              ...(lo !== undefined ? { lo } : {}),
              ...(hi !== undefined ? { hi } : {}),
              loIn: lo !== undefined,
              hiIn: hi !== undefined,
            },
          },
        };
        const out = this.select(d, idx, at);
        if (out) return out;
      }
    }
    // (df["date"] < cutoff).to_numpy(): the same mask as an array.
    if (d.mask && SAME_VALUES.test(method)) return { ...this.derive([d], at, true), mask: d.mask };
    if (d.windowed) {
      const out = this.derive([d], at, true);
      // w.astype(np.float32), w.copy(), w.reshape(-1): still the one window, whose statistics are its own features.
      out.windowed = SAME_VALUES.test(method);
      if (STATISTICS.has(method)) out.windowStat = true;
      return out;
    }
    if (method === 'backward') {
      this.backprop([d], at);
      return undefined;
    }
    if (method === 'align' && argVals[0]?.kind === 'data') {
      // y, X = y.align(X, join="inner"): each keeps its own columns (a lag of y stays a lag), on the rows both have.
      return {
        kind: 'tuple',
        items: [
          { ...d, at },
          { ...argVals[0], at },
        ],
      };
    }
    if (d.scoreCols) {
      // scores.sort_values("test_auc"), scores.nlargest(3, "val_auc"), scores.loc[scores["f1"].idxmax()]: a table of
      // results sorted or cut by one column decides by that column's scores.
      const byNode =
        method === 'sort_values'
          ? (args.kw.get('by') ?? args.pos[0])
          : /^(nlargest|nsmallest)$/.test(method)
            ? (args.kw.get('columns') ?? args.pos[1])
            : undefined;
      const by = byNode ? (stringValue(byNode) ?? stringList(byNode)?.[0]) : undefined;
      const evals = by !== undefined ? d.scoreCols.get(by) : undefined;
      // (Sorted only to be shown, the table picks nothing: its top rows taken do, see pickBy.)
      if (evals && method !== 'sort_values') this.decide(this.score(evals, at), at);
      return {
        ...this.derive([d], at, true),
        scoreCols: d.scoreCols,
        ...(evals && method === 'sort_values' ? { pickBy: evals } : d.pickBy ? { pickBy: d.pickBy } : {}),
      };
    }
    if (d.pickBy && /^(head|first|nth)$/.test(method)) this.decide(this.score(d.pickBy, at), at);
    if ((d.evals || d.internal) && /^(idxmax|idxmin|nlargest|nsmallest|argmax|argmin)$/.test(method))
      // by_fold["test_auc"].idxmax(): the best of several scores picks.
      this.decide(d, at);
    if (d.preds || d.evals || d.internal) {
      // Predictions and scores: .item(), .mean(), .argmax(1) keep what they are.
      if (/^(item|tolist)$/.test(method))
        return d.evals || d.internal ? { ...this.score(d.evals ?? [], at), internal: d.internal } : undefined;
      if (
        STATISTICS.has(method) ||
        /^(sum|argmax|argmin|numpy|detach|cpu|squeeze|flatten|float|double|type)$/.test(method)
      )
        return this.derive([d], at, true);
    }
    if ((STATISTICS.has(method) || /^(sum|nansum)$/.test(method)) && args.pos.length <= 1) {
      // X.mean(axis=1), x.sum(dim=-1): one value per row from its own columns, not statistics of the rows.
      const axis = reduceAxis(args.pos[0] ?? args.kw.get('axis') ?? args.kw.get('dim'));
      if (axis === 'row-wise') return this.derive([d], at);
      // x.sum(dim=0): totals over the rows (channel statistics summed batch by batch); a bare .sum() may be a
      // count of a mask, one value per column or a scalar, and stays data.
      // audio - audio.mean() for each recording loaded in a loop: that recording's own statistic (learnt from no
      // other rows).
      const own = d.perItem !== undefined && this.loops.includes(d.perItem);
      // (df["date"] - df["date"].min()).dt.days: the first date is an origin to count time from, a constant shift
      // whatever the split (in a split by date the earliest date is the training part's own) — nothing learnt.
      if (method === 'min' && !own && args.pos.length === 0 && d.column && this.dated(d.column))
        return this.derive([d], at);
      if (STATISTICS.has(method) || axis === 'rows')
        return { kind: 'stat', rows: own ? new Set() : new Set(d.rows), by: `statistics (${method})`, at };
    }
    if (method === 'filter' && args.pos.length === 1 && argVals[0]?.kind === 'data' && argVals[0].mask) {
      // Polars df.filter(pl.col("sample_date") < CUTOFF), df.filter(~is_test): the rows the mask keeps, as df[mask]
      // (see select); a mask of the frame's own rows (rng.random(df.height) < 0.2) keeps its own rows.
      const m = argVals[0];
      const kept = this.select(
        d,
        m.frame === POLARS_FRAME ? { ...m, rows: new Set(d.rows), frame: d.frame } : m,
        at,
      );
      if (kept) return kept;
    }
    if (method === 'pivot_table') {
      // events.pivot_table(index="dispute_id", columns="event_type", values="event_time", aggfunc="count"): each
      // index group's statistic, one column per value of `columns` — groupby(index)[values].count() spread out.
      const index = stringValue(args.kw.get('index') ?? null);
      const fnNode = args.kw.get('aggfunc');
      const fn = fnNode ? (stringValue(fnNode) ?? fnNode.text.replace(/^(np|numpy)\./, '')) : 'mean';
      const stat = fn === 'len' ? 'count' : fn;
      if (index !== undefined && /^(count|size|sum|mean|median|max|min|nunique|std|var)$/.test(stat)) {
        const values = stringValue(args.kw.get('values') ?? null);
        const data = values !== undefined ? this.colOf(d, values, at) : d;
        const r = this.groupMethod(
          { kind: 'group', data, keys: [index] },
          stat,
          { pos: [], kw: new Map() },
          n,
          scope,
        );
        if (r) return r;
      }
    }
    if (method === 'groupby' || method === 'group_by') {
      // pandas groupby, Polars group_by.
      const keyNode = args.pos[0] ?? args.kw.get('by');
      // groupby(["ride_id", q["slot_start"].dt.date]): a key that is a calendar period of a time column is named
      // `<column>@period`.
      const listed =
        keyNode?.type === 'list' && keyNode.namedChildren.length > 0
          ? keyNode.namedChildren.map((c) => {
              if (!c) return undefined;
              // groupby([key, "collection_date"]) in a helper called with key="street_usrn": the name's one value.
              const v = c.type === 'identifier' ? this.named(c, scope) : undefined;
              return (
                stringValue(c) ??
                (v && !v.list && !v.partial && v.values.length === 1 ? v.values[0] : undefined) ??
                periodOf(c.text, '@period')
              );
            })
          : undefined;
      // Polars group_by("serial_no", "service_date"): the keys as several arguments.
      const several = args.pos.length > 1 ? args.pos.map((a) => stringValue(a)) : undefined;
      const keys = several?.every((k) => k !== undefined)
        ? (several as string[])
        : keyNode
          ? (stringList(keyNode) ??
            this.named(keyNode, scope)?.values ??
            (listed?.every((k) => k !== undefined) ? (listed as string[]) : undefined))
          : undefined;
      // voice.groupby("subject").size(): the program itself treats the rows as several per subject (a person of a
      // study), so a row-by-row split puts the same person on both sides (see Facts.groupKeys).
      if (keys?.length === 1 && PERSON_KEY.test(keys[0]!)) {
        const frame = d.cols?.frame ?? d.frame;
        this.facts.groupKeys ??= new Map();
        const known = this.facts.groupKeys.get(frame) ?? new Set<string>();
        known.add(keys[0]!);
        this.facts.groupKeys.set(frame, known);
      }
      return { kind: 'group', data: d, ...(keys ? { keys } : {}) };
    }
    // Polars df.get_column("target"): the column, as df["target"].
    if (method === 'get_column' && stringValue(args.pos[0]) !== undefined && !d.preds && !d.evals)
      return this.colOf(d, stringValue(args.pos[0])!, at);
    if (method === 'pop') {
      const name = stringValue(args.pos[0]) ?? this.named(args.pos[0], scope)?.values[0];
      if (name === undefined) return this.derive([d], at);
      const prev = d.cols?.mode === 'drop' ? d.cols.names : new Set<string>();
      if (d.whole || d.cols?.mode === 'drop')
        d.cols = { frame: d.frame, mode: 'drop', names: new Set([...prev, name]) };
      d.whole = false;
      return this.colOf(d, name, at);
    }
    if (method === 'sample') {
      // replace=len(g) < n, replace=cfg["with_replacement"]: copies wherever it holds (only False draws none).
      // Polars spells them with_replacement= and fraction=.
      const replaceKw = args.kw.has('with_replacement') ? 'with_replacement' : 'replace';
      const replaceNode = args.kw.get(replaceKw);
      const replaceVal = replaceNode ? this.expr(replaceNode, scope) : undefined;
      const maybe =
        !!replaceNode &&
        this.kwBool(args, replaceKw) === undefined &&
        !(replaceVal?.kind === 'const' && replaceVal.value === false);
      const replace = this.kwBool(args, replaceKw) === true || maybe;
      const frac = Number((args.kw.get('frac') ?? args.kw.get('fraction'))?.text ?? 'NaN');
      const over = replace || frac > 1;
      // df.sample(frac=1): every row, in random order.
      if (frac === 1 && !replace)
        return this.shuffled(d, at, 'sample(frac=1)', () =>
          this.withRows(d, this.origin('part', d.rows, at), at),
        );
      // A part drawn at random (how 'sample()'): two of them of the same rows are independent draws, which share rows.
      const o = this.origin(
        over ? 'oversampled' : 'part',
        d.rows,
        at,
        over ? `sample(${replaceKw}=${maybe ? replaceNode!.text.slice(0, 40) : 'True'})` : 'sample()',
      );
      return this.withRows(d, o, at);
    }
    if (method === 'drop') {
      const idx = argVals.find((v): v is IndexOfVal => v?.kind === 'indexof');
      if (idx) {
        // test = df.drop(train.index): the complement of a sampled part, a hand-made split.
        const part = [...idx.data.rows].map((r) => this.facts.origins.get(r)).find((o) => o?.kind === 'part');
        if (part) {
          const source = this.derive([d], part.at);
          const test = this.origin('test', part.parents, at);
          part.kind = 'train';
          const fact: SplitFact = {
            id: this.nextId++,
            fn: 'sample/drop',
            at: part.at,
            source,
            train: part.id,
            test: test.id,
            shuffled: true,
          };
          part.split = fact;
          test.split = fact;
          this.facts.splits.push(fact);
          return this.withRows(d, test, at);
        }
      }
      const colsNode = args.kw.get('columns') ?? args.pos[0];
      const namedCols = this.named(colsNode, scope) ?? argVals.find((v) => v?.kind === 'strs');
      // drop(columns=[c for c in df.columns if …]): which columns remain is not known.
      const cols =
        namedCols?.kind === 'strs' && namedCols.partial
          ? undefined
          : (stringList(colsNode) ?? namedCols?.values);
      const out = this.derive([d], at);
      out.deps = undefined;
      const axisCols =
        args.kw.has('columns') ||
        args.kw.get('axis')?.text === '1' ||
        args.pos[1]?.text === '1' ||
        /'columns'|"columns"/.test(args.kw.get('axis')?.text ?? '') ||
        // Polars' drop("y") drops columns (a program importing polars).
        ([...this.facts.imports.values()].includes('polars') && !args.kw.has('index'));
      if (cols && axisCols) this.useColumns(d.frame, cols);
      // df.drop(columns=["enrolment_id", "student_id", …]): ids kept out of the features (see Facts.droppedIds).
      if (cols && axisCols)
        for (const c of cols.filter((c) => ENTITY_ID.test(c))) {
          const frame = d.cols?.frame ?? d.frame;
          this.facts.droppedIds ??= new Map();
          this.facts.droppedIds.set(frame, new Set([...(this.facts.droppedIds.get(frame) ?? []), c]));
        }
      if (cols && axisCols && (d.whole || d.cols?.mode === 'drop')) {
        const prev = d.cols?.mode === 'drop' ? d.cols.names : new Set<string>();
        out.cols = { frame: d.cols?.frame ?? d.frame, mode: 'drop', names: new Set([...prev, ...cols]) };
      } else if (cols && axisCols && d.cols?.mode === 'only') {
        // settled[["account_id", "paid_date", "paid_late"]].drop(columns=["paid_late"]): the names left.
        const left = [...d.cols.names].filter((c) => !cols.includes(c));
        out.cols = { ...d.cols, names: new Set(left) };
      }
      out.whole = false;
      if (this.kwBool(args, 'inplace') === true) {
        // df.drop(columns=[...], inplace=True): the frame itself loses them (and a column added earlier is gone).
        if (cols && axisCols) for (const c of cols) this.facts.columnDefs.get(d.frame)?.delete(c);
        d.cols = out.cols;
        d.whole = out.whole;
        return undefined;
      }
      return out;
    }
    // env.where(env["time"] < SPLIT, drop=True), xarray's or pandas' where with a row mask and nothing put in the
    // rows it drops: the rows the mask keeps, as env[mask] (a mean or a std over it skips the rows left empty).
    if (
      method === 'where' &&
      args.pos.length === 1 &&
      !args.kw.has('other') &&
      argVals[0]?.kind === 'data' &&
      argVals[0].mask
    ) {
      const kept = this.select(d, argVals[0], at);
      if (kept) return kept;
    }
    if (
      method === 'fillna' ||
      method === 'fill_null' ||
      method === 'fill_nan' ||
      method === 'replace' ||
      method === 'clip' ||
      method === 'where' ||
      method === 'mask'
    ) {
      const out = this.derive([d], at, true);
      // fillna({"mileage": df["mileage"].median(), …}): the statistics of a dict too.
      const fills = argVals.flatMap((v) => (v?.kind === 'coll' ? v.items : [v]));
      for (const v of fills) {
        if (v?.kind === 'stat') out.taints = [...out.taints, { by: v.by, fitRows: v.rows, at: v.at }];
        // fillna(df.groupby("town")["area"].transform("median")): statistics by group, one value per row.
        for (const x of this.dataOf(v)) {
          for (const t of x.taints) if (!out.taints.includes(t)) out.taints.push(t);
          // fillna(df["stars"].map(words)): the filled rows take the other column's values, row by row.
          for (const c of x.deps ?? [])
            if (!out.deps?.some((o) => o.frame === c.frame && o.name === c.name && o.lag === c.lag))
              out.deps = [...(out.deps ?? []), c];
        }
      }
      return out;
    }
    if ((method === 'head' || method === 'tail') && (args.pos.length === 1 || args.kw.has('n'))) {
      // train, test = df.head(n_train), df.tail(len(df) - n_train): the first and the last rows, two parts of df
      // (as df.iloc[:n] and df.iloc[n:] are).
      for (const a of [...args.pos, ...args.kw.values()]) this.expr(a, scope);
      const o = this.origin('part', d.rows, at);
      o.how = method;
      return this.withRows(d, o, at);
    }
    // prices.sort_values("changed_at"): a column of the table, read (its name may say the table is dated).
    if (method === 'sort_values' && !d.column) {
      const byNode = args.kw.get('by') ?? args.pos[0];
      const by = byNode
        ? (stringList(byNode) ?? (stringValue(byNode) !== undefined ? [stringValue(byNode)!] : []))
        : [];
      if (by.length) this.useColumns(d.cols?.frame ?? d.frame, by);
    }
    // full.xs("hold") of pd.concat([train, hold], keys=["train", "hold"]): that part's rows again, as full.loc["hold"].
    const xsKey =
      method === 'xs' && d.keyedParts && args.pos.length >= 1 ? stringValue(args.pos[0]) : undefined;
    if (xsKey !== undefined && d.keyedParts![xsKey]) {
      const out = this.derive([d], at, true);
      out.rows = new Set(d.keyedParts![xsKey]);
      out.keyedParts = undefined;
      return out;
    }
    // Polars df.slice(0, n_train), df.slice(n_train): the first rows and the rest, as head and tail are. (Not a
    // string's characters, s.str.slice(0, 3), nor a column's values.)
    const sliceOf = n.childForFieldName('function')?.childForFieldName('object')?.text ?? '';
    if (
      method === 'slice' &&
      !d.column &&
      !d.preds &&
      !d.evals &&
      !/\.(str|list|arr|bin)$/.test(sliceOf) &&
      (args.pos.length === 1 || (args.pos.length === 2 && args.pos[0]!.text === '0'))
    ) {
      for (const a of args.pos) this.expr(a, scope);
      const o = this.origin('part', d.rows, at);
      o.how = args.pos.length === 1 ? 'tail' : 'head';
      this.positionalCut(o, d, args.pos.at(-1)!.text, at);
      return this.withRows(d, o, at);
    }
    // obs.rename(columns={"visibility_m": "base_visibility_m"}), obs.add_prefix("base_") of a frame whose columns are
    // known: the same columns under their new names — and their old ones, which what is known of each (what it was
    // computed from, what its name says: anticoagulant_prescribed renamed anticoag) stays with.
    const renamed = /^(rename|add_prefix|add_suffix)$/.test(method)
      ? this.renamedColumns(d, method, args, argVals, scope)
      : undefined;
    if (renamed) {
      const out = this.derive([d], at, true);
      out.cols = { frame: d.cols!.frame, mode: 'only', names: new Set([...d.cols!.names, ...renamed]) };
      return out;
    }
    if ((method === 'rename' || method === 'to_frame') && args.pos.length + args.kw.size === 1) {
      // s.rename("spend_next_12m"), s.to_frame("spend"): a series (one column) under a new name.
      const name = stringValue(args.pos[0] ?? args.kw.get('name'));
      if (name !== undefined && !d.whole) {
        const out = this.derive([d], at, true);
        out.column = { frame: out.frame, name };
        return out;
      }
    }
    // rides.set_index("hour")["riders"].resample("h").sum().to_frame(): a new table whose one column is the series;
    // its later columns (lags, calendar) are read by name, not all computed from that column as the series itself
    // is, and `age.to_frame()` is that one column, not its source frame's other columns.
    if (method === 'to_frame' && args.pos.length + args.kw.size === 0 && d.column && !d.whole) {
      const out = this.derive([d], at);
      out.deps = undefined;
      out.frame = this.nextId++;
      out.whole = true;
      return out;
    }
    if (method === 'cat' || method === 'combine_first') {
      // s.str.cat([other, more], sep=" "), s.combine_first(other): each row is made of the same row of every part.
      const others = argVals
        .flatMap((v) => (v?.kind === 'coll' ? v.items : [v]))
        .flatMap((v) => this.dataOf(v))
        .filter((x) => !x.preds && !x.evals && !x.internal);
      if (others.length > 0) return this.derive([d, ...others], at);
    }
    // res["nights"].rank(pct=True): each value's place among every row's, learnt from all the rows ranked (a
    // quantile transform by hand).
    if (method === 'rank' && args.kw.get('pct')?.text === 'True' && !d.preds && !d.evals) {
      const out = this.derive([d], at, true);
      out.taints = [...out.taints, { by: 'percent ranks (rank)', fitRows: new Set(d.rows), at }];
      return out;
    }
    // df["score"].bfill(), fillna(method="bfill"): a gap takes the next row's value.
    if (
      (method === 'bfill' ||
        method === 'backfill' ||
        (method === 'fillna' && /^["']b(ack)?fill["']$/.test(args.kw.get('method')?.text ?? ''))) &&
      d.deps
    ) {
      const out = this.derive([d], at, true);
      out.deps = alsoRowsBack(d.deps, -1);
      return out;
    }
    // Polars pl.col("y").rolling_sum(28): the rows up to this one (read as they are: not marked windowed, as before),
    // or ahead of it over reversed rows.
    if (/^rolling_(sum|mean|median|max|min|std|var|quantile)$/.test(method) && d.deps) {
      const out = this.derive([d], at, true);
      const ahead = this.forwardWindow(n, args, scope);
      if (ahead) out.deps = d.deps.map((c) => ({ ...c, lag: c.lag - ahead }));
      return out;
    }
    if (TIME_OPS.has(method)) {
      if (method === 'shift') this.moveReduction(d);
      const out = this.derive([d], at, true);
      // s[::-1].rolling(28).sum()[::-1], rolling(FixedForwardWindowIndexer(window_size=28)): a forward window.
      const ahead = method === 'rolling' && out.deps ? this.forwardWindow(n, args, scope) : undefined;
      if (ahead && out.deps) out.deps = out.deps.map((c) => ({ ...c, lag: c.lag - ahead }));
      if (method === 'shift' && out.deps) {
        // shift(k) reads k rows back (k < 0: ahead); a later window of it starts there. (Of reversed rows,
        // s[::-1].shift(1), k rows ahead.)
        const k = this.shiftBy(args, scope);
        const sign = reversedRows(n) ? -1 : 1;
        if (k !== undefined) out.deps = out.deps.map((c) => ({ ...c, lag: c.lag + sign * k }));
      }
      if ((method === 'diff' || method === 'pct_change') && out.deps)
        out.deps = this.diffDeps(out.deps, args, scope);
      // rolling("7D", closed="left"): the window ends before the row (its own value out); "right" (the default)
      // and "both" keep it.
      const closed = args.kw.get('closed');
      const closedValue = closed ? this.expr(closed, scope) : undefined;
      if (
        method === 'rolling' &&
        out.deps &&
        closedValue?.kind === 'strs' &&
        !closedValue.list &&
        closedValue.values.length === 1 &&
        /^(left|neither)$/.test(closedValue.values[0]!)
      )
        out.deps = out.deps.map((c) => ({ ...c, lag: c.lag + 1 }));
      // rolling(24, center=True): the window reaches half its width ahead of the row.
      if (method === 'rolling' && args.kw.get('center')?.text === 'True' && out.deps) {
        const w = nums(this.expr(args.pos[0] ?? args.kw.get('window')!, scope))?.[0];
        if (w !== undefined && Number.isFinite(w) && w >= 2)
          out.deps = out.deps.map((c) => ({ ...c, lag: c.lag - Math.floor(w / 2) }));
      }
      out.time = strongest(out.time, { at, evidence: `.${method}() lag features` });
      out.windowed = /^(rolling|expanding|ewm|resample)$/.test(method);
      return out;
    }
    if (method === 'set_index' || method === 'sort_values') {
      const out = this.derive([d], at, true);
      const keys = stringList(args.pos[0] ?? args.kw.get('by') ?? args.kw.get('keys'));
      if (method === 'set_index' && keys?.length === 1) {
        const frame = d.cols?.frame ?? d.frame;
        this.facts.indexKeys ??= new Map();
        this.facts.indexKeys.set(frame, new Set([...(this.facts.indexKeys.get(frame) ?? []), keys[0]!]));
      }
      if (
        keys?.some((k) => DATEISH.test(k)) &&
        (d.time || method === 'set_index' || /date|time/i.test(keys.join()))
      )
        // Rows sorted by a date (to keep each patient's first admission, say) are not yet a series: weak evidence
        // alone; a date index, lags or windows make it one.
        out.time = strongest(out.time, {
          at,
          evidence: `.${method}(${JSON.stringify(keys[0])})`,
          ...(method === 'sort_values' ? { weak: true } : {}),
        });
      return out;
    }
    if (method === 'train_test_split') {
      // Hugging Face datasets: ds.train_test_split(test_size=0.2) -> {"train": ..., "test": ...}.
      const fact = this.registerSplit(
        'Dataset.train_test_split',
        at,
        d,
        this.kwBool(args, 'shuffle') !== false,
      );
      return {
        kind: 'coll',
        items: [
          this.withRows(d, this.facts.origins.get(fact.train)!, at),
          this.withRows(d, this.facts.origins.get(fact.test)!, at),
        ],
        keys: ['train', 'test'],
      };
    }
    if (method === 'alias' && d.frame === POLARS_FRAME) {
      const out = this.derive([d], at, true);
      out.alias =
        stringValue(args.pos[0]) ?? (argVals[0]?.kind === 'strs' ? argVals[0].values[0] : undefined);
      return out;
    }
    if (/^(select|with_columns)$/.test(method) && d.frame !== POLARS_FRAME) {
      // frame.select(pl.col(c).quantile(q)).item(), frame.select(pl.col("a").mean()): a statistic of this frame's rows
      // (the expression alone has none).
      // (Also a list of them, select([pl.col(c).mean().alias(f"{c}_m") for c in NUM] + [… std …]).)
      const items = argVals.flatMap((v) => (v?.kind === 'coll' ? v.items : [v]));
      const first = items[0];
      if (
        method === 'select' &&
        first?.kind === 'stat' &&
        items.every((v) => v?.kind === 'stat' && v.rows.size === 0)
      )
        return {
          kind: 'stat',
          rows: new Set(d.rows),
          by: ((bys) =>
            bys.length === 1
              ? bys[0]!
              : `statistics (${bys.map((b) => b.replace(/^statistics \((.*)\)$/, '$1')).join(', ')})`)([
            ...new Set(items.map((v) => (v as StatVal).by)),
          ]),
          at: first.at,
        };
      const polars = this.polarsColumns(d, args, argVals, n, scope);
      if (polars) return polars;
      // Polars / Spark df.select(["a", "b"]) or select("a", "b"): those columns.
      // select(NUMERIC) with NUMERIC a list of names bound earlier: those names too.
      const bound = (a: Node) => {
        const v = this.named(a, scope);
        return v && !v.partial ? v.values : undefined;
      };
      // (And select(NUMERIC + FLAGS): lists of names joined.)
      const joined = (a: Node) => {
        const v = a.type === 'binary_operator' ? this.expr(a, scope) : undefined;
        return v?.kind === 'strs' && v.list && !v.partial ? v.values : undefined;
      };
      const named = (a: Node) =>
        stringList(a) ?? (stringValue(a) !== undefined ? [stringValue(a)!] : (bound(a) ?? joined(a)));
      // select(feature_cols) with feature_cols = [c for c in df.columns if c not in (…)]: every column but those.
      const partial = args.pos.length === 1 ? this.named(args.pos[0], scope)?.partial : undefined;
      if (method === 'select' && partial)
        return this.partialColumns(d, partial, at, this.named(args.pos[0], scope)?.values);
      const names = args.pos.flatMap((a) => named(a) ?? []);
      if (method === 'select' && args.pos.length > 0 && args.pos.every((a) => named(a) !== undefined)) {
        this.useColumns(d.frame, names);
        const out = this.derive([d], at);
        out.cols = { frame: d.cols?.frame ?? d.frame, mode: 'only', names: new Set(names) };
        out.whole = false;
        out.deps = undefined;
        return out;
      }
      // select(FEATURES) with FEATURES a list the program builds from what it cannot follow (f-strings over edges):
      // some columns, maybe not the target, as df[cols] is.
      if (
        method === 'select' &&
        args.pos.length === 1 &&
        args.pos[0]!.type === 'identifier' &&
        (argVals[0] === undefined ||
          argVals[0].kind === 'strs' ||
          (argVals[0].kind === 'data' &&
            [...argVals[0].rows].every((r) => this.facts.origins.get(r)?.kind === 'unknown')))
      ) {
        const out = this.derive([d], at);
        out.whole = false;
        return out;
      }
    }
    if (method === 'train_test_split') {
      // Hugging Face's ds.train_test_split(test_size=0.1): a DatasetDict of the two parts, split["train"] / ["test"].
      const fact = this.registerSplit('train_test_split', at, d, this.kwBool(args, 'shuffle') !== false);
      const key = `train_test_split@${at.line}:${at.column}`;
      this.predefined.set(key, { fact, parts: new Map() });
      return { ...this.derive([d], at), splits: key };
    }
    if (method === 'select_dtypes') {
      // df.select_dtypes("number"): the columns of some types (see ColsView.typed).
      const out = this.derive([d], at, true);
      if (out.whole || out.cols?.mode === 'drop') {
        out.cols = {
          frame: out.cols?.frame ?? d.frame,
          mode: 'drop',
          names: new Set(out.cols?.names),
          typed: true,
        };
        out.whole = false;
      }
      return out;
    }
    if (method === 'drop_duplicates') {
      // df[["query"]].drop_duplicates(), s.drop_duplicates(): the distinct values of one or two columns (a lookup of
      // queries, products, ids), not the part's rows deduplicated.
      const values = d.cols?.mode === 'only' ? d.cols.names.size <= 2 && !d.cols.more : !!d.column && !d.cols;
      if (!values) this.facts.dedups.push({ rows: new Set(d.rows), at });
      // drop_duplicates(subset="unit_id", keep="last"): one row per unit from here on, as a reduction by it is.
      const subset = args.kw.get('subset') ?? args.pos[0];
      const keys = subset ? (stringList(subset) ?? this.named(subset, scope)?.values) : undefined;
      if (keys?.length === 1 && !values) {
        const o = this.origin('subset', d.rows, at, `groupby reduction by ${keys[0]}`);
        return this.withRows(d, o, at);
      }
      return this.derive([d], at, true);
    }
    if (method === 'reindex' || (method === 'take' && argVals[0]?.kind === 'data')) {
      // df.reindex(df.index.repeat(n)), X.take(idx): the rows an index picks (copies when it repeats them).
      const idx = this.dataOf(argVals[0])[0];
      const chosen = idx && this.select(d, idx, at);
      if (chosen) return chosen;
      if (method === 'reindex') return this.derive([d], at, true);
    }
    // ds.shuffle(buffer_size) of a tf.data pipeline: its elements in random order (take/skip cut it afterwards).
    // tf.data reshuffles on every pass unless reshuffle_each_iteration=False: parts cut from it by take/skip are
    // drawn afresh each epoch, so the rows evaluated were trained on in other epochs (TensorFlow's tf.data guide).
    // (Hugging Face's ds.shuffle(seed=…), one permutation, has no buffer size.)
    if (
      method === 'shuffle' &&
      !d.preds &&
      !d.evals &&
      (args.pos.length > 0 || args.kw.has('buffer_size')) &&
      args.kw.get('reshuffle_each_iteration')?.text !== 'False'
    ) {
      return { ...this.shuffled(d, at, 'shuffle()'), reshuffled: at };
    }
    if (method === 'shuffle' && !d.preds && !d.evals) return this.shuffled(d, at, 'shuffle()');
    if (method === 'take' || method === 'skip') {
      // ds.take(n) / ds.skip(n) of a dataset reshuffled every pass: parts drawn afresh each epoch, of rows that are
      // on both sides over the epochs (as copies of rows would be).
      let from = d;
      if (d.reshuffled) {
        const key = `${d.reshuffled.line}:${d.reshuffled.column}`;
        let r = this.reshuffles.get(key);
        if (!r) {
          r = this.origin(
            'oversampled',
            d.rows,
            d.reshuffled,
            'a tf.data shuffle() redrawn every epoch (reshuffle_each_iteration)',
          );
          this.reshuffles.set(key, r);
        }
        from = this.withRows(d, r, at);
      }
      const o = this.origin('part', from.rows, at);
      return this.withRows(from, o, at);
    }
    // Lambdas given to pandas / tf.data methods run on the receiver's rows: df.assign(x=lambda d: …),
    // df.pipe(lambda d: …), ds.map(lambda x, y: (feature_space(x), y)).
    [...args.pos, ...args.kw.values()].forEach((a, i) => {
      if (a.type === 'lambda') argVals[i] = this.lambda(a, [d], scope);
    });
    const fn = argVals[0];
    if (method === 'pipe' && args.pos[0]?.type === 'lambda') return argVals[0] ?? this.derive([d], at, true);
    if (method === 'pipe' && fn?.kind === 'func' && this.canInline(fn)) {
      // df.pipe(clean, cols): clean(df, cols).
      const kw = new Map([...args.kw.keys()].map((k, i) => [k, argVals[args.pos.length + i]] as const));
      return this.inlineWith(fn, [d, ...argVals.slice(1, args.pos.length)], kw);
    }
    if (method === 'assign') {
      // df.assign(ratio=df.a / df.b): new columns of the frame.
      [...args.kw.keys()].forEach((k, i) => {
        this.defineColumn(d, k, argVals[args.pos.length + i], at);
      });
      const out = this.derive([d, ...argVals.flatMap((v) => this.dataOf(v))], at, true);
      out.deps = d.deps;
      out.preds = d.preds;
      out.evals = d.evals;
      return out;
    }
    if (method === 'apply' || method === 'map' || method === 'pipe') {
      // What is mapped (a function, a lookup table, df.pipe's arguments), not the keywords that configure it
      // (ds.map(tokenize, remove_columns=train.column_names): the names of another part's columns are no rows).
      const data = argVals
        .filter(
          (_, i) =>
            i < args.pos.length || !HF_MAP_KEYWORD.test([...args.kw.keys()][i - args.pos.length] ?? ''),
        )
        .flatMap((v) => this.dataOf(v));
      const out = this.derive([d, ...data], at, true);
      // inspections["inspection_id"].map(pairs[window].groupby("inspection_id").size()): by the rows' own id, each row
      // takes its own group's value (see Taint.ownGroup), as a merge on the left table's own id does.
      const keyCol = method === 'map' && d.deps?.length === 1 ? d.deps[0]!.name : undefined;
      let base = n.childForFieldName('function')?.childForFieldName('object');
      while (base?.type === 'subscript' || base?.type === 'attribute')
        base = base.childForFieldName(base.type === 'subscript' ? 'value' : 'object');
      if (keyCol && this.ownKey(keyCol, d, base?.type === 'identifier' ? [base.text] : [])) {
        const mapped = new Set(data.flatMap((v) => v.taints));
        out.taints = out.taints.map((t) =>
          mapped.has(t) && t.groupBy?.length === 1 && t.groupBy[0] === keyCol ? { ...t, ownGroup: true } : t,
        );
      }
      // s.map(s.value_counts(normalize=True)), s.map(df.groupby(k)["y"].mean()): a lookup table learnt from rows.
      for (const v of argVals)
        if (v?.kind === 'stat') out.taints = [...out.taints, { by: v.by, fitRows: v.rows, at: v.at }];
      // ds.map(vectorize_text), def vectorize_text(text, label): return vectorize_layer(text), label: the function runs
      // on the items (each argument one of them), so what it applies (an adapted layer, a fitted scaler) is in the result.
      const fn = argVals[0];
      let result: Val | undefined = args.pos[0]?.type === 'lambda' ? fn : undefined;
      if (fn?.kind === 'func' && this.canInline(fn)) {
        const item = this.derive([d], at, true);
        // Parameters with a default keep it (def doc_vector(tokens, kv=w2v.wv) mapped over texts).
        const items = this.requiredParams(fn) === 1 ? [item] : [item, item];
        result = this.inlineWith(fn, items, new Map());
        for (const r of this.dataOf(result))
          for (const t of r.taints) if (!out.taints.includes(t)) out.taints.push(t);
      }
      // ds.map(augment_batch, batched=True), augment_batch appending each note and paraphrased copies of it: the
      // result's rows are those copies.
      const copies = this.dataOf(result)
        .flatMap((r) => [...r.rows])
        .map((r) => this.facts.origins.get(r))
        .find(
          (o) => o?.kind === 'oversampled' && [...d.rows].some((b) => ancestors(this.facts, o.id).has(b)),
        );
      if (method === 'map' && copies) out.rows = new Set([copies.id]);
      if (method === 'map' && result?.kind === 'coll' && result.keys?.some((k) => k !== undefined)) {
        // Hugging Face ds.map(lambda ex: {"label": int(ex["stars"] >= 4)}): each key of the returned dict is a
        // column of the result, computed from what its value reads; the rest of the dataset is as it was.
        result.keys.forEach((k, i) => {
          if (k !== undefined) this.defineColumn(d, k, result.items[i], at);
        });
        out.deps = d.deps;
      } else if (
        method === 'apply' &&
        fn?.kind === 'func' &&
        result &&
        /^(1|'columns'|"columns")$/.test(args.kw.get('axis')?.text ?? '')
      ) {
        // X = df.apply(game_features, axis=1), game_features returning pd.Series({...}) of some columns: a frame of
        // those values only, computed row by row from what the function reads (not the whole frame).
        const deps = this.dataOf(result).flatMap((r) => r.deps ?? []);
        out.deps = deps;
        out.mappedFrom = true;
        out.whole = false;
        out.cols = undefined;
        out.column = undefined;
      } else if (method === 'map' && fn?.kind === 'func' && result) {
        // ds.map(encode, batched=True), encode returning tok(texts): the model inputs are what it reads.
        const deps = this.dataOf(result).flatMap((r) => r.deps ?? []);
        if (deps.length > 0) {
          out.deps = deps;
          out.mappedFrom = true;
        }
      }
      return out;
    }
    if (method === 'explode' && (args.pos.length > 0 || args.kw.has('column')) && !d.column) {
      // recipes.assign(tag=tags.str.split("|")).explode("tag"): each row once per item of its list, the rest of the
      // row copied — copies of one recipe, one per tag.
      for (const a of [...args.pos, ...args.kw.values()]) this.expr(a, scope);
      const o = this.origin(
        'oversampled',
        d.rows,
        at,
        '.explode() (a copy of each row per item of its list)',
      );
      return this.withRows(d, o, at);
    }
    if (method === 'repeat' && args.pos.length > 0) {
      // X.repeat(3, axis=0), ds.repeat(2): every row several times.
      const o = this.origin('oversampled', d.rows, at, `.repeat()`);
      return this.withRows(d, o, at);
    }
    // samples.join_asof(advisories, …, strategy="nearest"): see noteLaterAsOf.
    if (method === 'join_asof' && args.pos.length >= 1)
      this.noteLaterAsOf(d, argVals[0], stringValue(args.kw.get('strategy')), 'join_asof', args, n);
    if (method === 'append' || method === 'concatenate') {
      // df.append(other), ds.concatenate(ds.map(augment)): rows after rows.
      return this.concatRows([d, ...argVals.flatMap((v) => this.dataOf(v))], at, `.${method}()`);
    }
    if (method === 'join' || method === 'merge') {
      // df_valid.merge(df_train[["Coverage", "AverageClaim"]].drop_duplicates(), on="Coverage"): the distinct rows of
      // a lookup table merged in, not a deduplication of the data.
      for (const a of [...args.pos, ...args.kw.values()]) {
        if (a.type !== 'call' || !/\.drop_duplicates$/.test(a.childForFieldName('function')?.text ?? ''))
          continue;
        const p = posOf(a);
        this.facts.dedups = this.facts.dedups.filter(
          (x) => !(x.at.line === p.line && x.at.column === p.column && x.at.endColumn === p.endColumn),
        );
      }
      // The rows are the left frame's; the other brings columns (and what was learnt to make them).
      const others = argVals.flatMap((v) => this.dataOf(v));
      const out = this.derive([d, ...others], at);
      out.rows = new Set(d.rows);
      // A whole frame with another's columns merged in is a whole frame again (its columns, every one of them).
      if (d.whole) out.whole = true;
      // s.merge(daily, on=["station_id", "day"]) of a reduction by those keys, its keys unchanged: each row gets its
      // own group's statistics (see Taint.mergedBack).
      // (left_on="bull_id", right_index=True of a reduction indexed by bull_id: the same lookup.)
      const onNode =
        args.kw.get('on') ??
        (args.kw.get('right_index')?.text === 'True' ? args.kw.get('left_on') : undefined);
      const onKeys = onNode ? (stringList(onNode) ?? this.named(onNode, scope)?.values) : undefined;
      // (df[keys].join(table, on=keys) looks the table up by the same keys.)
      const back = (o: DataVal, t: Taint) =>
        (method === 'merge' || method === 'join') &&
        !!onKeys &&
        !!t.groupBy?.length &&
        t.by.startsWith('group statistics') &&
        t.groupBy.every((k) => onKeys.includes(k)) &&
        o.rows.size > 0 &&
        [...o.rows].every((r) => !!this.reductionKeys(r) && !this.movedKeys.has(r));
      // A named series joined in (`rfm.join(clv.rename("spend"))`) is that column of the result: what was learnt to
      // make it is written there (see Taint.assigned), so features that leave the column out do not carry it.
      out.taints = [...d.taints];
      // (On the left table's own id, bookings on booking_id: one group per row, see Taint.ownGroup.)
      const own = (k: string) => this.ownKey(k, d);
      // (On an entity's id and a date, weigh-ins on ["hog_id", "weighed_on"]: one group per row of a series of each
      // entity's dated rows — the row's own, as its own id is.)
      const entityDate = (keys: string[]) =>
        keys.length === 2 &&
        keys.some((k) => KEY_NAME.test(k) && !dateNamed(k)) &&
        keys.some((k) => dateNamed(k) || this.dated({ frame: d.cols?.frame ?? d.frame, name: k }));
      // (On a date among its keys: each row takes the other table's values of its own date.)
      // (left_on=["site", "water_year"], right_on=[…]: by the left table's keys, as on= does.)
      const leftOn = args.kw.get('left_on');
      const joinKeys =
        onKeys ?? (leftOn ? (stringList(leftOn) ?? this.named(leftOn, scope)?.values) : undefined);
      const byDate =
        method === 'merge' &&
        !!joinKeys?.some((k) => dateNamed(k) || this.dated({ frame: d.cols?.frame ?? d.frame, name: k }));
      for (const o of others) {
        const name = o.column?.name;
        for (const t0 of o.taints) {
          const t = back(o, t0)
            ? {
                ...t0,
                mergedBack: true,
                ...((t0.groupBy?.length === 1 && own(t0.groupBy[0]!)) || entityDate(t0.groupBy ?? [])
                  ? { ownGroup: true }
                  : {}),
              }
            : t0;
          // (Joined by date onto rows of another table: see Taint.joinedOnto. Not a reduction by a date, the cards
          // raised per bus and day of `groupby(["fleet_no", "raised_on"]).size()`: each row gets its own day's.
          // A calendar grouping, `time.dayofyear`, pools the days of every year.)
          const ownDay = !!t0.groupBy?.some(
            (k) =>
              !k.includes('.') &&
              dateNamed(k) &&
              !/(^|_)(day_?of_?year|doy|month|week|weekday|dow|hour|season|quarter)($|_)/i.test(k),
          );
          const t1 =
            t === t0 && byDate && !ownDay && !t0.joinedOnto && ![...o.rows].some((r) => d.rows.has(r))
              ? { ...t0, joinedOnto: new Set(d.rows) }
              : t;
          if (!out.taints.includes(t0))
            out.taints.push(
              name !== undefined ? { ...t1, assigned: { frame: out.frame, names: [name] } } : t1,
            );
        }
      }
      // X = df[COLS].copy(); X = X.join(pd.get_dummies(df["station"])): COLS are still among its columns (with the
      // dummies, whose names are not known).
      if (method === 'join' && d.cols?.mode === 'only' && !args.kw.has('on')) {
        out.cols = { ...d.cols, names: new Set(d.cols.names) };
        out.whole = false;
      }
      // validate="many_to_one": the left frame has several rows per key (persons of one household).
      const validate = stringValue(args.kw.get('validate'));
      const key = stringValue(args.kw.get('on') ?? args.kw.get('left_on'));
      // para.merge(tickets[["ticket_id", "queue"]], on="ticket_id"): only the rows of another table that belong to
      // these rows' keys, under their columns: more rows of the same entities (see DataVal.joined).
      const right = args.pos.length > 0 && method === 'merge' ? argVals[0] : undefined;
      const how = stringValue(args.kw.get('how')) ?? 'inner';
      const lookup = /\b(drop_duplicates|groupby|agg|aggregate|unique|pivot_table)\b/.test(
        args.pos[0]?.text ?? '',
      );
      if (
        key !== undefined &&
        how === 'inner' &&
        right?.kind === 'data' &&
        !lookup &&
        !this.sameRows(d, right)
      )
        out.joined = {
          rows: new Set(right.rows),
          key,
          frame: right.cols?.frame ?? right.frame,
          ...(right.cols?.mode === 'only' ? { names: new Set(right.cols.names) } : {}),
        };
      // eval_rows = crm.merge(panel[["subscriber_id", "season"]], on=[…], how="inner"): only the rows the other table
      // names, a part of these rows (named as held out, the model trained on them all is scored on its own rows).
      if (
        stringValue(args.kw.get('how')) === 'inner' &&
        right?.kind === 'data' &&
        !lookup &&
        !this.sameRows(d, right) &&
        [...right.rows].every((r) => !d.rows.has(r))
      )
        out.rows = new Set([this.origin('part', d.rows, at, 'an inner merge').id]);
      // lines.merge(claims[["claim_id", …]], on="claim_id"): the key names the right table's entity, not the left's —
      // a foreign key, several left rows per value (see Facts.foreignKeys).
      // Every merge on a key (Facts.merges); those on another entity's key are foreign keys too.
      if (key !== undefined && right?.kind === 'data') {
        const table = {
          key,
          frame: right.cols?.frame ?? right.frame,
          names: right.cols?.mode === 'only' ? new Set(right.cols.names) : undefined,
        };
        this.facts.merges ??= new Map();
        this.facts.merges.set(out.frame, [...(this.facts.merges.get(out.frame) ?? []), table]);
        if (this.foreignKey(d, right, key)) {
          this.facts.foreignKeys ??= new Map();
          this.facts.foreignKeys.set(out.frame, [...(this.facts.foreignKeys.get(out.frame) ?? []), table]);
        }
      } else if (key === undefined && onKeys && onKeys.length > 1 && right?.kind === 'data') {
        // on=["race_id", "bib"]: a merge on several keys, recorded with them all (no foreign key of one entity).
        const table = {
          key: onKeys[0]!,
          keys: onKeys,
          frame: right.cols?.frame ?? right.frame,
          names: right.cols?.mode === 'only' ? new Set(right.cols.names) : undefined,
        };
        this.facts.merges ??= new Map();
        this.facts.merges.set(out.frame, [...(this.facts.merges.get(out.frame) ?? []), table]);
      }
      // (Not a catalogue's key: batches.merge(lots, on="lot_code", validate="many_to_one") looks up what each batch
      // was made from — the rows are the batches, not repeated measures of one lot.)
      if (
        key !== undefined &&
        (validate === 'many_to_one' || validate === 'm:1') &&
        !CATALOGUE_KEY.test(key)
      ) {
        this.facts.groupKeys ??= new Map();
        const keys = this.facts.groupKeys.get(out.frame) ?? new Set<string>();
        keys.add(key);
        this.facts.groupKeys.set(out.frame, keys);
      }
      return out;
    }
    // df.corr()["price"]: correlations over these rows (choosing columns by them learns from the rows).
    if (
      (method === 'corr' || method === 'corrwith' || method === 'cov' || method === 'describe') &&
      !d.preds &&
      !d.evals
    )
      return { kind: 'stat', rows: new Set(d.rows), by: `statistics (${method})`, at };
    // Frequency / count encoding: s.value_counts() counts the categories over these rows.
    if (method === 'value_counts' && !d.preds && !d.evals)
      return { kind: 'stat', rows: new Set(d.rows), by: 'statistics (value_counts)', at };
    // s.tolist(): the same values, row by row, as a list (Word2Vec(sentences=df["tokens"].tolist()) learns from them).
    if (method === 'tolist' || method === 'to_list') return this.derive([d], at, true);
    if (method === 'item' || method === 'nunique' || method === 'value_counts') return undefined;
    const out = this.derive([d], at, true);
    // X.sub(X.mean()).div(X.std()), s.isin(frequent), s.between(lo, hi): values made with statistics of rows carry
    // them, as the operators do (see binary).
    for (const v of argVals.flatMap((a) => (a?.kind === 'coll' ? a.items : [a])))
      if (v?.kind === 'stat') out.taints = [...out.taints, { by: v.by, fitRows: v.rows, at: v.at }];
    return out;
  }

  /**
   * `run_dates[int(len(run_dates) * 0.8)]`, `days[-28]`, `dates.iloc[n_train]`: one value of the data at a position
   * computed from numbers — a cut point, a constant to the masks that compare with it (see maskOf).
   */
  private subscript(n: Node, scope: Scope): Val | undefined {
    const v = this.subscriptValue(n, scope);
    const subs = n.childrenForFieldName('subscript').filter((c): c is Node => !!c);
    const pos = subs.length === 1 ? subs[0]! : undefined;
    const position =
      !!pos &&
      (pos.type === 'integer' ||
        /^-\s*\d+$/.test(pos.text) ||
        (pos.type === 'call' &&
          /^(int|round|math\.floor|math\.ceil)$/.test(pos.childForFieldName('function')?.text ?? '')) ||
        (pos.type === 'binary_operator' && /\blen\(/.test(pos.text)));
    if (v?.kind === 'data' && position && !v.preds && !v.evals) this.elements.add(v);
    return v;
  }

  private subscriptValue(n: Node, scope: Scope): Val | undefined {
    const valueNode = n.childForFieldName('value');
    const subs = n.childrenForFieldName('subscript').filter((c): c is Node => !!c);
    const base = valueNode ? this.expr(valueNode, scope) : undefined;
    const at = posOf(n);
    const first = subs[0];
    if (!base) {
      // X.columns[selector.get_support()]: names chosen by what a model learnt.
      return subs.map((s) => this.expr(s, scope)).find((v) => v?.kind === 'stat');
    }
    if (base.kind === 'coll' && base.keys && first) {
      // loaders["test"], loaders[phase]
      const k = this.key(first, scope);
      const i = k === undefined ? -1 : base.keys.indexOf(k);
      if (i >= 0) return base.items[i];
      // GROUPS[g]["num"] with g a loop's name: the names any group may give.
      if (k === undefined) {
        const any = unionOfNames(base.items);
        if (any) return any;
      }
    }
    if ((base.kind === 'tuple' || base.kind === 'coll') && first?.type === 'slice' && subs.length === 1) {
      // parts[1:]: the items between the bounds (integer literals; a missing or other bound is the end).
      const bound = (b: Node | null | undefined) =>
        b?.type === 'integer' || (b?.type === 'unary_operator' && /^-\d+$/.test(b.text))
          ? Number(b.text)
          : undefined;
      const kids = first.children.filter((c): c is Node => !!c);
      const colon = kids.findIndex((c) => c.type === ':');
      const startNode = kids.slice(0, colon).find((c) => c.isNamed);
      const start = startNode ? bound(startNode) : 0;
      const stopNode = kids.slice(colon + 1).find((c) => c.isNamed);
      const stop = stopNode ? bound(stopNode) : undefined;
      if (colon >= 0 && start !== undefined && kids.filter((c) => c.type === ':').length === 1)
        return { kind: 'coll', items: base.items.slice(start, stop).filter((v): v is Val => !!v) };
    }
    if (base.kind === 'tuple' || base.kind === 'coll') {
      const i = first?.type === 'integer' ? Number(first.text) : Number.NaN;
      if (base.kind === 'tuple' && Number.isInteger(i)) return base.items.at(i);
      // parts[1] of a list of columns: that item (a list built by appends keeps their order).
      if (base.kind === 'coll' && !base.keys && Number.isInteger(i) && base.items.at(i)?.kind === 'data')
        return base.items.at(i);
      return base.items[0];
    }
    // tr[fit_pos] with fit_pos positions an inner split drew in X[tr]: the rows of that inner part (which descend
    // from tr's), as indices into the whole.
    if (base.kind === 'index' && first && subs.length === 1) {
      const inner = this.expr(first, scope);
      if (inner?.kind === 'index') return inner;
    }
    // tuner.get_best_models()[0]: the search's best model.
    if (base.kind === 'pred' || (base.kind === 'est' && base.role === 'search')) return base;
    // pipe[-1], pipe[0]: a step of a fitted pipeline, fit with it.
    if (
      base.kind === 'est' &&
      PIPELINES.has(base.cls) &&
      base.steps.length > 0 &&
      first &&
      subs.length === 1
    ) {
      const i = /^-?\d+$/.test(first.text.replace(/\s/g, ''))
        ? Number(first.text.replace(/\s/g, ''))
        : Number.NaN;
      const step = Number.isInteger(i) ? base.steps.at(i) : undefined;
      if (step) return step.fits.length > 0 ? step : { ...step, fits: base.fits.map((f) => ({ ...f })) };
    }
    // w2v.wv[word]: a vector learnt from the texts the model was made with.
    if (base.kind === 'est' && base.role === 'transformer' && base.fits.length > 0 && first) {
      const fit = base.fits.at(-1)!;
      const idx = this.dataOf(this.expr(first, scope))[0];
      // d2v.dv[i]: the vector learnt for document i, one per document trained on (a row of those texts).
      if (!idx && valueNode?.type === 'attribute' && /\.(dv|docvecs)$/.test(valueNode.text))
        return {
          kind: 'data',
          rows: new Set(fit.rows),
          taints: [{ by: base.cls, fitRows: fit.rows, at: fit.at }],
          frame: this.nextId++,
          at,
        };
      if (!idx) return { kind: 'stat', rows: new Set(fit.rows), by: base.cls, at: fit.at };
      const out = this.derive([idx], at);
      out.taints = [...out.taints, { by: base.cls, fitRows: fit.rows, at: fit.at }];
      return out;
    }
    // corr["price"], corr[corr > 0.3]: still statistics of the same rows.
    if (base.kind === 'stat') {
      for (const s of subs) this.expr(s, scope);
      return base;
    }
    // res.iloc[0]["booster"] of a table of results with a column of models: that model (see DataVal.models).
    const model = base.kind === 'data' && first ? base.models?.get(stringValue(first) ?? '') : undefined;
    if (model) return model;
    // df.groupby("city")["clicked"]: still the groups, of that column.
    if (base.kind === 'data' && base.scoreCols && first) {
      // scores["test_auc"] of a table of results: that column's scores (see DataVal.scoreCols).
      const col = stringValue(first);
      const evals = col !== undefined ? base.scoreCols.get(col) : undefined;
      if (evals) return this.score(evals, at);
      if (col !== undefined)
        return {
          ...this.derive([base], at, true),
          scoreCols: undefined,
          ...(base.pickBy ? { pickBy: base.pickBy } : {}),
        };
      // sweep[sweep["recall"] >= TARGET] of a table of results: the settings whose scores meet a target, kept by
      // those scores — a choice (the best of the rest is then taken).
      if (first.type === 'comparison_operator' || first.type === 'boolean_operator') {
        const v = this.expr(first, scope);
        const all = new Set([...base.scoreCols.values()].flat());
        if (v?.kind === 'data' && v.evals?.some((e) => all.has(e))) {
          this.decide(v, posOf(first));
          return { ...this.derive([base], at, true), scoreCols: base.scoreCols };
        }
      }
    }
    // ranked.iloc[0], ranked.iloc[:3] of a table sorted by scores: its top rows, picked by them.
    if (
      base.kind === 'data' &&
      base.pickBy &&
      valueNode?.type === 'attribute' &&
      valueNode.childForFieldName('attribute')?.text === 'iloc'
    )
      this.decide(this.score(base.pickBy, at), at);
    if (base.kind === 'group') {
      // df.groupby("tire_id")[cfg["target"]]: a name looked up in a config dict names the column as a string does.
      const looked =
        first && /^(subscript|attribute)$/.test(first.type) ? this.expr(first, scope) : undefined;
      const named = this.named(first, scope) ?? (looked?.kind === 'strs' ? looked : undefined);
      const col = first ? (stringValue(first) ?? named?.values[0]) : undefined;
      if (col !== undefined && first?.type !== 'list' && !named?.list)
        return { kind: 'group', data: this.colOf(base.data, col, at), keys: base.keys };
      // df.groupby("y")[["a", "b"]]: columns of the frame, named.
      const cols = first ? (stringList(first) ?? named?.values) : undefined;
      if (cols) this.useColumns(base.data.frame, cols);
      return base;
    }
    // self.base[i] of a dataset the program defines: its __getitem__, run as base.__getitem__(i) would be.
    if (base.kind === 'obj' && first && subs.length === 1 && base.cls.methods.has('__getitem__'))
      return this.objMethod(base, '__getitem__', { pos: [first], kw: new Map() }, n, scope);
    if (base.kind !== 'data' || !first) {
      // thresholds[np.argmax(f1s)]: the index is evaluated (it may pick by scores).
      if (base.kind !== 'data') for (const s of subs) this.expr(s, scope);
      return base.kind === 'data' ? base : undefined;
    }
    // both.loc["test"] of pd.concat([train, test], keys=["train", "test"]): that part's rows again.
    const keyed = base.keyedParts && subs.length === 1 ? stringValue(first) : undefined;
    if (keyed !== undefined && base.keyedParts![keyed]) {
      const out = this.derive([base], at, true);
      out.rows = new Set(base.keyedParts![keyed]);
      out.keyedParts = undefined;
      return out;
    }
    // ds["test"] of a Hugging Face DatasetDict: that predefined part (with what was mapped over the dict).
    const partName = base.splits && subs.length === 1 ? stringValue(first) : undefined;
    if (partName && /^(train|test|validation|valid|dev|eval|unsupervised)/i.test(partName)) {
      const part = this.predefinedPart(base.splits!, partName, at, base.splits);
      const out = this.withRows(this.derive([base], at), this.facts.origins.get([...part.rows][0]!)!, at);
      out.splits = undefined;
      return out;
    }
    // frame[col].to_numpy()[:, None] == np.array(categories[col])[None, :]: a one-hot encoding by a list of categories
    // (learnt from the training rows or not), laid out as one row of columns to compare each row with — the values
    // of the list, not rows of the data the encoding is for.
    if (/^(None|np\.newaxis|numpy\.newaxis)$/.test(first.text) && n.parent?.type === 'comparison_operator')
      return undefined;
    // df.loc[rows, cols] / X[:, 1:]: the first part selects rows.
    const rowPart = first;
    const colPart = subs.length > 1 ? subs[1] : undefined;
    // X[:, selected], X[selected_columns] with the selection learnt by a model (lasso.coef_ != 0): its rows reach X.
    const chooser = [colPart, rowPart]
      .filter((p): p is Node => !!p && !/^(string|integer|slice|list|tuple|unary_operator)$/.test(p.type))
      .map((p) => (p === rowPart ? undefined : this.expr(p, scope)))
      .find((v) => v?.kind === 'stat');
    const rowStat =
      rowPart.type === 'identifier' ||
      rowPart.type === 'subscript' ||
      rowPart.type === 'call' ||
      rowPart.type === 'comparison_operator'
        ? this.peekStat(rowPart, scope)
        : undefined;
    const learnt = (chooser ?? rowStat) as StatVal | undefined;
    if (learnt) {
      const out = this.derive([base], at, true);
      out.taints = [
        ...out.taints,
        { by: `columns chosen by ${learnt.by}`, fitRows: learnt.rows, at: learnt.at },
      ];
      out.cols = undefined;
      out.whole = false;
      return out;
    }
    if (rowPart.type === 'slice') {
      const bounds = rowPart.namedChildren.filter((c): c is Node => !!c);
      if (bounds.length === 0) return this.columns(base, colPart, at, scope);
      const boundVals = new Map(bounds.map((b) => [b, this.expr(b, scope)] as const));
      // series[i : i + w], series[t - w + 1 : t + 1]: a window moving with i; windows built this way overlap (a time
      // series of windows). Its last position is what it reads latest (see ColDep.pos).
      const [lo, hi] = rowPart.text.split(':').map((t) => t.replace(/\s/g, ''));
      const loNode = rowPart.child(0)?.type === ':' ? undefined : bounds[0];
      const hiNode = rowPart.child(0)?.type === ':' ? bounds[0] : bounds[1];
      const a = loNode && this.affine(loNode, scope);
      const b = hiNode && this.affine(hiNode, scope);
      const moving = !!a && !!b && Object.keys(a.terms).length > 0 && sameTerms(a, b);
      if ((lo && hi && !/^-?\d+$/.test(lo) && hi.startsWith(`${lo}+`)) || moving) {
        const out = this.derive([base], at, true);
        out.time = strongest(out.time, {
          at,
          evidence: `overlapping windows ${rowPart.text.replace(/\s+/g, ' ')}`,
        });
        // w = sig[start : start + WIN]; w.mean(0), np.std(w, axis=0): statistics of one window, its own features.
        out.windowed = true;
        if (b && rowPart.namedChildren.length === 2) out.deps = atPosition(out.deps, { ...b, c: b.c - 1 });
        return this.columns(out, colPart, at, scope);
      }
      const startOnly = rowPart.text.trim().endsWith(':');
      const o = this.origin('part', base.rows, at);
      o.how = startOnly ? 'tail' : 'head';
      // table.loc[:TRAIN_END], table.loc["2020-01-01":]: rows of the (time) index up to or from a date — its range,
      // as a mask's (see Origin.range), beside the cut in order.
      const label =
        valueNode?.type === 'attribute' && valueNode.childForFieldName('attribute')?.text === 'loc';
      const dateOf = (b: Node | undefined) => {
        if (!b) return undefined;
        const v = boundVals.get(b);
        const t =
          v?.kind === 'data' && this.timeConstants.has(v.frame)
            ? this.timeConstants.get(v.frame)
            : constantValue(v, b);
        return t !== undefined && t > 1e11 ? t : undefined;
      };
      if (label && bounds.length === 1) {
        const t = dateOf(loNode ?? hiNode);
        if (t !== undefined)
          o.range = {
            column: 'index',
            range: loNode ? { lo: t, loIn: true, hiIn: false } : { hi: t, hiIn: true, loIn: false },
          };
      }
      // df.iloc[:n_train] and df.iloc[n_train:]: one cut.
      if (startOnly && lo) this.positionalCut(o, base, lo, at);
      else if (!startOnly && hi && (!lo || lo === '0') && bounds.length === 1 + (lo ? 1 : 0))
        this.positionalCut(o, base, hi, at);
      return this.columns(this.withRows(base, o, at), colPart, at, scope);
    }
    const idx = this.expr(rowPart, scope);
    // series[i + w]: the value at a position moving with i (the label after a window).
    const position = idx?.kind === 'num' ? this.affine(rowPart, scope) : undefined;
    if (position && Object.keys(position.terms).length > 0 && colPart === undefined) {
      const out = this.derive([base], at, true);
      out.deps = atPosition(out.deps, position);
      return out;
    }
    if (idx?.kind === 'index') {
      const o = this.facts.origins.get(idx.origin)!;
      return this.columns(this.withRows(base, this.alignedPart(base, o), at), colPart, at, scope);
    }
    if (
      idx?.kind === 'indexof' &&
      idx.data.rows.size > 0 &&
      (([...idx.data.rows].every((r) => base.rows.has(r)) && idx.data.rows.size < base.rows.size) ||
        [...idx.data.rows].every(
          (r) => !base.rows.has(r) && [...base.rows].some((b) => ancestors(this.facts, r).has(b)),
        ))
    ) {
      // df.loc[df_train.index] after df = pd.concat([df_train, df_test]): the rows df_train brought, not all of them.
      // boards.loc[X_train.index, "species"] with X_train a part of boards' rows: that part.
      return this.columns(
        { ...this.derive([base], at, true), rows: new Set(idx.data.rows) },
        colPart,
        at,
        scope,
      );
    }
    if (idx?.kind === 'data' && rowPart.type !== 'string') {
      const chosen = this.select(base, idx, at);
      if (chosen) return this.columns(chosen, colPart, at, scope);
    }
    // cols = []; cols.extend(GROUPS["calf"]): a list holding lists of names is the names they hold.
    const held =
      idx?.kind === 'coll' &&
      !idx.keys &&
      idx.items.length > 0 &&
      idx.items.every((i) => i.kind === 'strs' && !i.partial)
        ? idx.items.flatMap((i) => (i as StrsVal).values)
        : undefined;
    const named =
      idx?.kind === 'strs' ? idx : held ? ({ kind: 'strs', values: held, list: true } as StrsVal) : undefined;
    if (named?.partial && colPart === undefined)
      return this.partialColumns(base, named.partial, at, named.values);
    const strs = stringList(rowPart) ?? named?.values;
    if (strs && colPart === undefined) {
      if (rowPart.type === 'string' || named?.list === false) return this.colOf(base, strs[0]!, at);
      this.useColumns(base.frame, strs);
      const out = this.derive([base], at);
      out.cols = { frame: base.frame, mode: 'only', names: new Set(strs) };
      out.deps = undefined;
      out.whole = false;
      return out;
    }
    // X.iloc[train_idx] / X.loc[idx] with positions the analysis does not follow: rows of X, all of its columns.
    const indexer =
      valueNode?.type === 'attribute' ? valueNode.childForFieldName('attribute')?.text : undefined;
    if ((indexer === 'iloc' || indexer === 'loc') && colPart === undefined && idx?.kind === 'data')
      return this.derive([base], at, true);
    // df[cols] with cols not known (a list the program builds from what it cannot follow): some columns, maybe not
    // the target; the frame's rows.
    const allColumns = /(^|\.)columns(\.(tolist|to_list)\(\)|\.values)?$|^list\([\w.]+\.columns\)$/.test(
      rowPart.text.replace(/\s/g, ''),
    );
    const unknown =
      colPart === undefined &&
      rowPart.type !== 'string' &&
      !allColumns &&
      (idx === undefined ||
        // frame[cols] with cols a list of names the program chose by a key not known here (an empty list stands
        // for it): some columns, not the whole frame.
        // (Or a list of what is not followed, cols.extend(GROUPS[g]) of a key not known.)
        (idx.kind === 'coll' &&
          (idx.items.length === 0 || (!idx.keys && idx.items.every((i) => i.kind !== 'data')))) ||
        (idx.kind === 'data' && [...idx.rows].every((r) => this.facts.origins.get(r)?.kind === 'unknown')));
    if (unknown) {
      const out = this.derive([base], at);
      out.whole = false;
      return out;
    }
    return this.columns(this.derive([base], at, true), colPart, at, scope);
  }

  /** A name bound to (or a short expression of) statistics a model learnt, without evaluating anything else. */
  private peekStat(n: Node, scope: Scope): StatVal | undefined {
    if (n.type === 'identifier') {
      const v = scope.get(n.text);
      return v?.kind === 'stat' ? v : undefined;
    }
    if (/coef_|feature_importances_|support_|get_support|ranking_/.test(n.text)) {
      const v = this.expr(n, scope);
      return v?.kind === 'stat' ? v : undefined;
    }
    return undefined;
  }

  /** `phase == "train"` with the phase known, `train and x`, `not_known or True`: the truth when literals decide it. */
  private fold(n: Node, vals: (Val | undefined)[]): Val | undefined {
    const op = n.children.find((c) => c && !c.isNamed)?.type;
    if (n.type === 'comparison_operator') {
      const [a, b] = vals;
      // opt is None / opt is not None, with opt a parameter given None (or a model, a frame, a name: not None).
      if ((op === 'is' || op === 'is not') && vals.length === 2 && n.namedChildren[1]?.type === 'none') {
        const none = a?.kind === 'const' && a.none;
        // (A frame or statistics the program made are not None either; data of unknown origin may be.)
        const known =
          (a?.kind === 'data' &&
            a.rows.size > 0 &&
            [...a.rows].every((r) => {
              const k = this.facts.origins.get(r)?.kind;
              return k !== undefined && k !== 'unknown';
            })) ||
          a?.kind === 'stat';
        const some =
          !!a && !none && (known || /^(est|obj|func|coll|strs|module|const|trainer)$/.test(a.kind));
        if (none || some) return { kind: 'const', value: op === 'is' ? !!none : !none };
      }
      // len(x) < 0, len(x) <= -1: a size is never below zero.
      const size = (v: Val | undefined) => v?.kind === 'num' && !!v.of;
      const known = (v: Val | undefined) =>
        v?.kind === 'num' && !v.of && !Number.isNaN(v.value) ? v.value : undefined;
      if (vals.length === 2 && size(a) && known(b) !== undefined) {
        const k = known(b)!;
        if ((op === '<' && k <= 0) || (op === '<=' && k < 0)) return { kind: 'const', value: false };
      }
      if (vals.length !== 2 || a?.kind !== 'strs' || b?.kind !== 'strs' || a.list || b.list) return undefined;
      if (op === '==') return { kind: 'const', value: a.values[0] === b.values[0] };
      if (op === '!=') return { kind: 'const', value: a.values[0] !== b.values[0] };
      return undefined;
    }
    const consts = vals.map((v) => (v?.kind === 'const' ? v.value : undefined));
    if (op === 'and' && consts.includes(false)) return { kind: 'const', value: false };
    if (op === 'or' && consts.includes(true)) return { kind: 'const', value: true };
    if (consts.every((c) => c !== undefined)) return { kind: 'const', value: op === 'and' };
    return undefined;
  }

  /**
   * How far `shift(k)` moves: k, or the smallest of the values it may take (`shift(lag)` for lag in (1, 7): at least
   * 1 row back); undefined when not known.
   */
  /** x.diff(k), x.pct_change(k): the row's own value and the one k rows back (k < 0: ahead). */
  private diffDeps(deps: ColDep[], args: Args, scope: Scope): ColDep[] {
    const k = this.shiftBy(args, scope);
    return k === undefined || k === 0 ? deps : alsoRowsBack(deps, k);
  }

  /**
   * How many rows ahead a window reaches when it runs forward: over reversed rows (`pl.col("y").reverse()
   * .rolling_sum(28).reverse()`, `s[::-1].rolling(28)`) or with pandas' FixedForwardWindowIndexer(window_size=28) —
   * the idioms for "the next k days" — a window of k rows ends k − 1 rows after the row.
   */
  private forwardWindow(call: Node, args: Args, scope: Scope): number | undefined {
    const windowNode = args.pos[0] ?? args.kw.get('window_size') ?? args.kw.get('window');
    const indexer =
      windowNode?.type === 'call' &&
      /FixedForwardWindowIndexer$/.test(windowNode.childForFieldName('function')?.text ?? '')
        ? windowNode
        : undefined;
    const reversed = reversedRows(call);
    if (!indexer && !reversed) return undefined;
    const indexerArgs = indexer ? this.args(indexer) : undefined;
    const sizeNode = indexerArgs ? (indexerArgs.kw.get('window_size') ?? indexerArgs.pos[0]) : windowNode;
    const k = sizeNode ? nums(this.expr(sizeNode, scope))?.[0] : undefined;
    return k !== undefined && Number.isFinite(k) && k >= 2 ? k - 1 : undefined;
  }

  /**
   * How many rows a `shift` moves: pandas' `periods=`, Polars' `n=`, or xarray's shift along a named dimension
   * (`da.shift(time=-14)`, a keyword that is none of pandas' other settings); 1 when none is given.
   */
  private shiftBy(args: Args, scope: Scope): number | undefined {
    const dim = [...args.kw].find(([k]) => !SHIFT_SETTINGS.has(k))?.[1];
    const a = args.pos[0] ?? args.kw.get('periods') ?? args.kw.get('n') ?? args.kw.get('shifts') ?? dim;
    if (!a) return 1;
    const vs = nums(this.expr(a, scope));
    return vs ? Math.min(...vs) : undefined;
  }

  /**
   * A position as a sum of named terms and a constant (`t - window + 1`, `i + self.lookback`): names bound to one
   * known number count as that number, other names (loop counters, parameters) as terms. Undefined for anything
   * else (an index array, a call).
   */
  private affine(n: Node, scope: Scope): Affine | undefined {
    switch (n.type) {
      case 'integer':
        return { terms: {}, c: Number(n.text.replace(/_/g, '')) };
      case 'parenthesized_expression':
        return n.namedChildren[0] ? this.affine(n.namedChildren[0], scope) : undefined;
      case 'identifier':
      case 'attribute': {
        const v = n.type === 'identifier' ? scope.get(n.text) : this.expr(n, scope);
        if (v !== undefined && v.kind !== 'num') return undefined;
        const known = nums(v);
        if (known?.length === 1) return { terms: {}, c: known[0]! };
        return { terms: { [n.text]: 1 }, c: 0 };
      }
      case 'unary_operator': {
        const a = n.namedChildren[0] ? this.affine(n.namedChildren[0], scope) : undefined;
        if (!a || n.children[0]?.type !== '-') return n.children[0]?.type === '+' ? a : undefined;
        return { terms: Object.fromEntries(Object.entries(a.terms).map(([k, v]) => [k, -v])), c: -a.c };
      }
      case 'binary_operator': {
        const op = n.childForFieldName('operator')?.type;
        const l = n.childForFieldName('left');
        const r = n.childForFieldName('right');
        const a = l ? this.affine(l, scope) : undefined;
        const b = r ? this.affine(r, scope) : undefined;
        if (!a || !b) return undefined;
        if (op === '+' || op === '-') {
          const sign = op === '+' ? 1 : -1;
          const terms = { ...a.terms };
          for (const [k, v] of Object.entries(b.terms)) terms[k] = (terms[k] ?? 0) + sign * v;
          return { terms, c: a.c + sign * b.c };
        }
        if (op === '*') {
          const [k, x] =
            Object.keys(a.terms).length === 0 ? [a.c, b] : Object.keys(b.terms).length === 0 ? [b.c, a] : [];
          if (k === undefined || !x) return undefined;
          return {
            terms: Object.fromEntries(Object.entries(x.terms).map(([t, v]) => [t, v * k])),
            c: x.c * k,
          };
        }
        return undefined;
      }
      default:
        return undefined;
    }
  }

  /** A few known numbers iterated (`(1, 7, 28)`, `LAGS`). */
  private numbers(it: Val | undefined): number[] | undefined {
    if (it?.kind !== 'tuple' && it?.kind !== 'coll') return undefined;
    if (it.items.length === 0 || it.items.length > 16) return undefined;
    const out: number[] = [];
    for (const i of it.items) {
      const v = nums(i);
      if (v?.length !== 1) return undefined;
      out.push(v[0]!);
    }
    return out;
  }

  /**
   * `for i, item in enumerate(xs)`: i is a number, item is what iterating xs gives (so `for fold, (tr, va) in
   * enumerate(kf.split(X))` binds the fold's indices).
   */
  private enumerated(
    right: Node | null | undefined,
    left: Node | null | undefined,
    scope: Scope,
    into: Scope = scope,
  ): { it: Val | undefined; item: Node } | undefined {
    if (right?.type !== 'call' || right.childForFieldName('function')?.text !== 'enumerate') return undefined;
    if (left?.type !== 'pattern_list' && left?.type !== 'tuple_pattern') return undefined;
    const parts = left.namedChildren.filter((c): c is Node => !!c);
    const args = this.args(right);
    if (parts.length !== 2 || args.pos.length < 1) return undefined;
    const it = this.expr(args.pos[0]!, scope);
    // enumerate(loader): batches, bound as before (a data value is not one item per name).
    if (it?.kind === 'data') return undefined;
    if (parts[0]!.type === 'identifier') into.set(parts[0]!.text, { kind: 'num', value: Number.NaN });
    return { it, item: parts[1]! };
  }

  /**
   * `[c for c in df.columns if …]` (or `df.columns.tolist()`, `list(df.columns)`): a list of some of the frame's
   * columns. `if c != "y"` / `if c not in [...]` keeps every column but those; another condition keeps a subset the
   * program does not name (the target may or may not be in it).
   */
  private columnFilter(
    right: Node | null | undefined,
    left: Node | null | undefined,
    body: Node | null | undefined,
    conds: Node[],
    scope: Scope,
  ): Val | undefined {
    if (!right || left?.type !== 'identifier' || body?.text !== left.text || conds.length === 0)
      return undefined;
    if (
      !/(^|\.)columns(\.(tolist|to_list)\(\))?$|^list\([\w.]+\.columns\)$/.test(right.text.replace(/\s/g, ''))
    )
      return undefined;
    this.expr(right, scope);
    const owner = {
      ...(/\bselect_dtypes\s*\(/.test(right.text) ? { typed: true } : {}),
      ...this.columnsFrame(right, scope),
    };
    const drop: string[] = [];
    for (const c of conds) {
      const cmp = c.namedChildren[0];
      const op = cmp?.children.find((x) => x && !x.isNamed)?.type;
      const [a, b] = cmp?.namedChildren ?? [];
      const other = a?.text === left.text ? b : b?.text === left.text ? a : undefined;
      // (c not in ID_COLS + [LABEL]: a list the program adds up, as the names it holds.)
      const summed = other?.type === 'binary_operator' ? this.expr(other, scope) : undefined;
      const names = other
        ? (stringList(other) ??
          this.named(other, scope)?.values ??
          (summed?.kind === 'strs' && summed.list && !summed.partial ? summed.values : undefined))
        : undefined;
      if (cmp?.type === 'comparison_operator' && names && (op === '!=' || op === 'not in'))
        drop.push(...names);
      else {
        // c.startswith("hedge_type_"), c.startswith(("a_", "b_")): the columns with those prefixes, whichever.
        const f = cmp?.type === 'call' ? cmp.childForFieldName('function') : undefined;
        const arg = cmp?.childForFieldName('arguments')?.namedChildren;
        const prefixes =
          f?.type === 'attribute' &&
          f.childForFieldName('object')?.text === left.text &&
          f.childForFieldName('attribute')?.text === 'startswith' &&
          arg?.length === 1
            ? (stringList(arg[0]!) ?? this.named(arg[0]!, scope)?.values)
            : undefined;
        const only = conds.length === 1 && prefixes?.length ? { prefixes: [...prefixes] } : {};
        return { kind: 'strs', values: [], list: true, partial: { ...owner, ...only } };
      }
    }
    return { kind: 'strs', values: [], list: true, partial: { drop, ...owner } };
  }

  /**
   * The frame whose `.columns` an expression lists (`df.columns`, `df.select_dtypes("number").columns.tolist()`,
   * `list(df.columns)`), as `{ frame }`, or nothing when it is not known.
   */
  private columnsFrame(n: Node, scope: Scope): { frame?: number } {
    let cur: Node | null = n;
    while (cur && !(cur.type === 'attribute' && cur.childForFieldName('attribute')?.text === 'columns')) {
      if (cur.type === 'call') {
        const f = cur.childForFieldName('function');
        cur =
          f?.type === 'attribute'
            ? f.childForFieldName('object')
            : (cur.childForFieldName('arguments')?.namedChildren[0] ?? null);
      } else if (cur.type === 'attribute') cur = cur.childForFieldName('object');
      else return {};
    }
    const obj = cur?.childForFieldName('object');
    const v = obj ? this.receiver(obj, scope) : undefined;
    return v?.kind === 'data' ? { frame: v.cols?.frame ?? v.frame } : {};
  }

  /**
   * A literal list of names iterated by a plain name: a loop worth running once per name — up to 24, the size of a
   * feature list (`[pl.col(c).mean() for c in NUMERIC]` with ten numeric columns).
   */
  private unrollable(it: Val | undefined, left: Node | null | undefined): string[] | undefined {
    // (Names the program computes without naming them, `[c for c in df.columns if …]`, are not unrolled: the body
    // runs once with the name unknown.)
    return it?.kind === 'strs' &&
      it.list &&
      it.values.length > 0 &&
      it.values.length <= 24 &&
      left?.type === 'identifier'
      ? it.values
      : undefined;
  }

  /** A dict key, when it is a string (a literal, or a name bound to one). */
  private key(n: Node | null | undefined, scope: Scope): string | undefined {
    if (!n) return undefined;
    const v = stringValue(n);
    if (v !== undefined) return v;
    const named = this.named(n, scope);
    return named && !named.list ? named.values[0] : undefined;
  }

  /**
   * A list of column names edited in place with constant names (`cols.append("x")`, `cols.extend(["a", "b"])`,
   * `cols.insert(0, "x")`, `cols.remove("id")`): the list it becomes, or undefined when the names are not constants
   * (then the caller judges the edit, e.g. a column chosen by a statistic of the rows).
   */
  private editNames(list: StrsVal, method: string, args: Args, scope: Scope): StrsVal | undefined {
    const arg = method === 'insert' ? args.pos[1] : args.pos[0];
    if (!arg || !/^(append|extend|insert|remove)$/.test(method)) return undefined;
    const one = stringValue(arg);
    const named = this.named(arg, scope);
    const names =
      method === 'extend'
        ? (stringList(arg) ?? (named?.list && !named.partial ? named.values : undefined))
        : one !== undefined
          ? [one]
          : named && !named.list && !named.partial
            ? named.values
            : undefined;
    if (!names) return undefined;
    if (list.partial) {
      // Every column but `drop`: an added name is no longer left out, a removed one is.
      const drop = list.partial.drop ?? [];
      const next = method === 'remove' ? [...drop, ...names] : drop.filter((d) => !names.includes(d));
      return { ...list, partial: { ...list.partial, drop: next } };
    }
    const values =
      method === 'remove' ? list.values.filter((v) => !names.includes(v)) : [...list.values, ...names];
    return { kind: 'strs', values, list: true };
  }

  /** The strings a name is bound to (`TARGET = "price"`, `NUMERIC = ["a", "b"]`). */
  /**
   * The program treats the rows of `frame` as several per `key`: it groups them by that id, or counts or lists the id's
   * distinct values (`df["pack_id"].nunique()` beside `len(df)`, `len(set(ds["pet_id"]))`) — a pack's charge cycles,
   * an animal's re-listings, a runner's weeks. A row-by-row split then puts one id on both sides (see
   * Facts.countedKeys; a table reduced to one row per key by groupby is told apart by the overlap rule).
   */
  private noteEntity(frame: number, key: string): void {
    this.facts.countedKeys ??= new Map();
    const known = this.facts.countedKeys.get(frame) ?? new Set<string>();
    known.add(key);
    this.facts.countedKeys.set(frame, known);
  }

  /**
   * The column names after `rename(columns={…})` (a dict of names, or a comprehension over the frame's columns) or
   * `add_prefix`/`add_suffix`, when the frame's columns are all known; undefined otherwise.
   */
  private renamedColumns(
    d: DataVal,
    method: string,
    args: Args,
    argVals: (Val | undefined)[],
    scope: Scope,
  ): string[] | undefined {
    if (d.column || d.whole || d.cols?.mode !== 'only' || d.cols.more) return undefined;
    const names = [...d.cols.names];
    if (method === 'add_prefix' || method === 'add_suffix') {
      const fix =
        stringValue(args.pos[0]) ?? (argVals[0]?.kind === 'strs' ? argVals[0].values[0] : undefined);
      if (fix === undefined || args.pos.length !== 1) return undefined;
      return names.map((c) => (method === 'add_prefix' ? fix + c : c + fix));
    }
    const node = method === 'rename' ? args.kw.get('columns') : undefined;
    if (node?.type === 'dictionary_comprehension') return this.renamedEach(node, names, scope);
    const at = method === 'rename' ? [...args.kw.keys()].indexOf('columns') : -1;
    const map = at >= 0 ? argVals[args.pos.length + at] : undefined;
    if (map?.kind !== 'coll' || !map.keys?.length || map.keys.length !== map.items.length) return undefined;
    const to = new Map<string, string>();
    for (const [i, k] of map.keys.entries()) {
      const v = map.items[i];
      if (k === undefined || v?.kind !== 'strs' || v.list || v.values.length !== 1) return undefined;
      to.set(k, v.values[0]!);
    }
    return names.map((c) => to.get(c) ?? c);
  }

  /**
   * `rename(columns={c: f"{prefix}{c}" for c in obs.columns if c not in ("obs_time", by)})`: the comprehension run
   * over the frame's known names, its conditions tests of the name against constant names (undefined when any part is
   * not known). (Not by evaluating `obs.columns` as a list of names everywhere: loops over a frame's columns are judged
   * with the names unknown, see comprehension.)
   */
  private renamedEach(n: Node, names: string[], scope: Scope): string[] | undefined {
    const clauses = n.namedChildren.filter((c) => c?.type === 'for_in_clause');
    const left = clauses[0]?.childForFieldName('left');
    const right = clauses[0]?.childForFieldName('right');
    const body = n.childForFieldName('body') ?? n.namedChildren[0];
    if (
      clauses.length !== 1 ||
      left?.type !== 'identifier' ||
      right?.type !== 'attribute' ||
      right.childForFieldName('attribute')?.text !== 'columns' ||
      body?.type !== 'pair'
    )
      return undefined;
    const conds = n.namedChildren.filter((c): c is Node => c?.type === 'if_clause');
    const inner = new Scope(scope, comprehensionNames(n));
    // The constant names a value stands for: "a", ("a", by), ["a", "b"].
    const constNames = (v: Val | undefined): string[] | undefined => {
      if (v?.kind === 'strs' && !v.partial) return v.values;
      if (v?.kind !== 'tuple' && v?.kind !== 'coll') return undefined;
      const all = v.items.map((i) =>
        i?.kind === 'strs' && !i.list && i.values.length === 1 ? i.values[0] : undefined,
      );
      return all.every((x) => x !== undefined) ? (all as string[]) : undefined;
    };
    // c not in (…), c in (…), c != "x", c == "x" against constant names (not read from c): a test of the name, or
    // undefined when not known.
    const tests = conds.map((cond): ((c: string) => boolean) | undefined => {
      const e = cond.namedChildren[0];
      if (e?.type !== 'comparison_operator' || e.namedChildren.length !== 2) return undefined;
      const [l, r] = e.namedChildren as Node[];
      if (l!.text !== left.text || r!.descendantsOfType('identifier').some((i) => i?.text === left.text))
        return undefined;
      const op = e.children
        .filter((x) => x && !x.isNamed)
        .map((x) => x!.type)
        .join(' ');
      const among = constNames(this.expr(r!, inner));
      if (!among) return undefined;
      if (op === 'in' || op === '==') return (c) => among.includes(c);
      if (op === 'not in' || op === '!=') return (c) => !among.includes(c);
      return undefined;
    });
    if (tests.some((t) => t === undefined)) return undefined;
    const out: string[] = [];
    for (const c of names) {
      inner.set(left.text, { kind: 'strs', values: [c], list: false });
      const keep = tests.map((t) => t!(c));
      if (!keep.every(Boolean)) {
        out.push(c);
        continue;
      }
      const k = this.key(body.childForFieldName('key'), inner);
      const valueNode = body.childForFieldName('value');
      const v = valueNode ? this.expr(valueNode, inner) : undefined;
      if (k !== c || v?.kind !== 'strs' || v.list || v.partial || v.values.length !== 1) return undefined;
      out.push(v.values[0]!);
    }
    return out;
  }

  /**
   * An id column's values, read as they are (a copy, an array of them): see noteEntity. Counted (`nunique()`), a
   * sample id too: "{len(frames)} frames, {frames.sample_id.nunique()} samples" — samples of water, of tissue, each
   * several rows (a row's own id is not counted: it is as many as the rows).
   */
  private noteEntityColumn(d: DataVal, counted = false): void {
    const dep = d.deps?.length === 1 ? d.deps[0] : undefined;
    if (
      dep &&
      dep.lag === 0 &&
      !dep.pos &&
      !d.preds &&
      (ENTITY_ID.test(dep.name) ||
        (counted && (/^sample_?id$/i.test(dep.name) || COUNTED_NUMBER.test(dep.name))))
    )
      this.noteEntity(dep.frame, dep.name);
  }

  private named(n: Node | undefined, scope: Scope) {
    // CONFIG["sale_sheet"], cfg["path"]: an entry of a dict of settings, looked up by a literal key (not a frame's
    // column, which is not evaluated here).
    const dict = n?.type === 'subscript' ? n.childForFieldName('value') : undefined;
    const entry =
      dict?.type === 'identifier' &&
      scope.get(dict.text)?.kind === 'coll' &&
      stringValue(n!.childForFieldName('subscript')) !== undefined
        ? this.expr(n!, scope)
        : undefined;
    const v = n?.type === 'identifier' ? scope.get(n.text) : entry;
    // DROP = ("athlete_id", "bib", "dnf"): a tuple of names is a list of them.
    if (
      v?.kind === 'tuple' &&
      v.items.length > 0 &&
      v.items.every((i) => i?.kind === 'strs' && !i.list && !i.partial && i.values.length === 1)
    )
      return { kind: 'strs' as const, values: v.items.map((i) => (i as StrsVal).values[0]!), list: true };
    return v?.kind === 'strs' ? v : undefined;
  }

  /** Columns the program computed without naming them all (see StrsVal.partial). */
  private partialColumns(
    d: DataVal,
    partial: NonNullable<StrsVal['partial']>,
    at: Position,
    known: string[] = [],
  ): DataVal {
    const out = this.derive([d], at);
    out.whole = false;
    // (Another frame's columns, wfeat's picked from df after a merge: some of df's, which are not known.)
    const own = partial.frame === undefined || partial.frame === (d.cols?.frame ?? d.frame);
    if (own && partial.drop && (d.whole || d.cols?.mode === 'drop')) {
      const prev = d.cols?.mode === 'drop' ? d.cols.names : new Set<string>();
      this.useColumns(d.frame, partial.drop);
      out.cols = {
        frame: d.cols?.frame ?? d.frame,
        mode: 'drop',
        names: new Set([...prev, ...partial.drop]),
        ...(partial.typed || d.cols?.typed ? { typed: true } : {}),
      };
    } else if (own && !partial.drop && known.length > 0) {
      // NUMERIC + [c for c in df.columns if c.startswith("weekday_")]: the named columns and some others.
      this.useColumns(d.frame, known);
      out.cols = {
        frame: d.cols?.frame ?? d.frame,
        mode: 'only',
        names: new Set(known),
        more: true,
        ...(partial.prefixes ? { prefixes: partial.prefixes } : {}),
      };
      // The others all start with a prefix (`c.startswith("weekday_")`), or are indicators made from one column
      // (get_dummies'): what the features read is the named columns, those, and that column — not every column of the
      // frame (a target kept beside them is none of them).
      const { prefixes, from } = partial;
      if ((prefixes?.length || from !== undefined) && d.deps)
        out.deps = d.deps.filter(
          (c) => known.includes(c.name) || c.name === from || !!prefixes?.some((p) => c.name.startsWith(p)),
        );
    }
    return out;
  }

  private columns(d: DataVal, colPart: Node | undefined, at: Position, scope?: Scope): DataVal {
    if (!colPart) return d;
    // arr[:, None], arr[:, np.newaxis]: the same values, one column of them.
    if (/^(None|np\.newaxis|numpy\.newaxis)$/.test(colPart.text)) return d;
    const int = (t: Node | null | undefined) =>
      t && /^-?\d+$/.test(t.text.replace(/\s/g, '')) ? Number(t.text.replace(/\s/g, '')) : undefined;
    if (int(colPart) !== undefined) return this.colOf(d, `#${int(colPart)}`, at);
    if (colPart.type === 'slice') {
      // arr[:, 1:], arr[:, :-1]: columns by position.
      const [a, b] = colPart.text.split(':');
      const bound = (t: string | undefined) => (t && /^\s*-?\d+\s*$/.test(t) ? Number(t) : undefined);
      if (
        (a?.trim() && bound(a) === undefined) ||
        (b?.trim() && bound(b) === undefined) ||
        colPart.text.split(':').length > 2
      )
        return { ...d, cols: undefined, column: undefined, whole: false, deps: undefined };
      const out = this.derive([d], at);
      out.cols = { frame: d.frame, mode: 'slice', names: new Set(), start: bound(a), stop: bound(b) };
      out.deps = undefined;
      out.whole = false;
      return out;
    }
    const strs = stringList(colPart);
    if (!strs) {
      // df.loc[mask, NUM + CAT]: names the program computes (lists joined) as well as names it binds.
      const computed = () => {
        const v = scope && colPart.type === 'binary_operator' ? this.expr(colPart, scope) : undefined;
        return v?.kind === 'strs' ? v : undefined;
      };
      const named = scope ? (this.named(colPart, scope) ?? computed()) : undefined;
      if (named?.partial) return this.partialColumns(d, named.partial, at, named.values);
      if (named && !named.list) return this.colOf(d, named.values[0]!, at);
      if (named?.list) {
        const out = this.derive([d], at);
        out.cols = { frame: d.frame, mode: 'only', names: new Set(named.values) };
        out.whole = false;
        return out;
      }
      return { ...d, cols: undefined, column: undefined, whole: false, deps: undefined };
    }
    if (colPart.type === 'string') return this.colOf(d, strs[0]!, at);
    const out = this.derive([d], at);
    out.cols = { frame: d.frame, mode: 'only', names: new Set(strs) };
    out.deps = undefined;
    out.whole = false;
    return out;
  }
}

/** The bounds of `range(a[, b])`, `np.arange(a[, b])` or `list(range(…))` given as positions (no step). */
/** The names a loop target binds: `i`, `(i, row)`. */
function namesIn(target: Node): string[] {
  return target.type === 'identifier'
    ? [target.text]
    : target.descendantsOfType('identifier').flatMap((c) => c?.text ?? []);
}

function rangeArgs(n: Node): Node[] | undefined {
  let call: Node | null = n;
  if (call.type === 'call' && call.childForFieldName('function')?.text === 'list')
    call = call.childForFieldName('arguments')?.namedChildren[0] ?? null;
  if (call?.type !== 'call') return undefined;
  const fn = call.childForFieldName('function')?.text ?? '';
  if (!/^(range|np\.arange|numpy\.arange)$/.test(fn)) return undefined;
  const bounds = (call.childForFieldName('arguments')?.namedChildren ?? []).filter((c): c is Node => !!c);
  if (bounds.length < 1 || bounds.length > 2 || bounds.some((b) => b.type === 'keyword_argument'))
    return undefined;
  return bounds;
}

/**
 * The time column whose calendar day (or week, month: a calendar period) an expression is (`df["ts"].dt.date`,
 * `df.ts.dt.normalize()`, `df["ts"].dt.floor("D")`, `df["ts"].dt.to_period("W").dt.start_time`), with `suffix`
 * appended; undefined otherwise.
 */
function periodOf(text: string, suffix = ''): string | undefined {
  const m =
    /^[\w.]+(?:\[\s*["'](\w+)["']\s*\]|\.(\w+))\.dt\.(?:date|normalize\(\s*\)|floor\(\s*["']1?[dDwW]["']\s*\)|to_period\(\s*["'][DWMQYdwmqy][-\w]*["']\s*\)(?:\.dt\.start_time|\.dt\.to_timestamp\(\s*\))?)$/.exec(
      text.replace(/\s+/g, ''),
    );
  const col = m?.[1] ?? m?.[2];
  return col ? `${col}${suffix}` : undefined;
}

/** Named aggregations of `agg(out=("column", "sum"), …)`: [output name, column] pairs. */
function namedAggregations(args: Args): [string, string, string | undefined][] {
  const out: [string, string, string | undefined][] = [];
  for (const [k, v] of args.kw) {
    const first = v.type === 'tuple' ? v.namedChildren[0] : undefined;
    const col = first ? stringValue(first) : undefined;
    if (col !== undefined) out.push([k, col, stringValue(v.namedChildren[1])]);
    // Polars: agg(rate=pl.col("late").mean())
    const p = polarsAggregation(v);
    if (col === undefined && p) out.push([k, p[1], p[2]]);
  }
  // Polars: agg(pl.col("late").mean().alias("member_late_rate"), pl.len().alias("n")), or a list of them.
  const items = args.pos.flatMap((a) => (a.type === 'list' ? a.namedChildren : [a]));
  for (const a of items) {
    const p = a ? polarsAggregation(a) : undefined;
    if (p) out.push(p);
  }
  return out;
}

/**
 * A Polars aggregation written out: `pl.col("late").mean().alias("rate")` is [rate, late, mean], `pl.len().alias("n")`
 * [n, "", len] (the rows counted); its name the alias, else the column's.
 */
function polarsAggregation(n: Node): [string, string, string] | undefined {
  // pl.col("completed").cast(pl.Float64).mean(): a change of type (or nulls filled with a constant) before the
  // statistic is the same statistic of the column.
  const t = n.text
    .replace(/\s/g, '')
    .replace(/\.(cast\((pl\.)?\w+\)|fill_null\(-?[\d.]+\)|fill_nan\(-?[\d.]+\))/g, '');
  const alias = /\.alias\(["'](\w+)["']\)$/.exec(t)?.[1];
  const col = /^pl\.col\(["'](\w+)["']\)\.(\w+)\(\)(\.alias\(["']\w+["']\))?$/.exec(t);
  if (col) return [alias ?? col[1]!, col[1]!, col[2]!];
  if (/^pl\.(len|count)\(\)(\.alias\(["']\w+["']\))?$/.test(t) && alias) return [alias, '', 'size'];
  return undefined;
}

/** The column a node reads by name: `df["won"]`, `df.won`, `long["won"]`. */
function columnRead(n: Node): string | undefined {
  if (n.type === 'subscript') return stringValue(n.childForFieldName('subscript'));
  if (n.type === 'attribute') return n.childForFieldName('attribute')?.text;
  // Polars pl.col("won"), one column by name.
  if (n.type === 'call' && /^(pl|polars)\.col$/.test(n.childForFieldName('function')?.text ?? '')) {
    const a = n.childForFieldName('arguments')?.namedChildren ?? [];
    return a.length === 1 ? stringValue(a[0]) : undefined;
  }
  return undefined;
}

/** `<…>["c"].cumsum() - <…>["c"]`: a cumulative sum of a column less the row's own value of it. */
function cumulativeLessOwn(l: Node, r: Node): boolean {
  let fn = l.type === 'call' ? l.childForFieldName('function') : undefined;
  // Polars pl.col("damaged").cum_sum().over("courier_id") - pl.col("damaged"): the same within each group.
  if (fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'over') {
    const inner = fn.childForFieldName('object');
    fn = inner?.type === 'call' ? inner.childForFieldName('function') : undefined;
    l = fn?.parent ?? l;
  }
  if (fn?.type !== 'attribute' || !/^(cumsum|cum_sum)$/.test(fn.childForFieldName('attribute')?.text ?? ''))
    return false;
  if ((l.childForFieldName('arguments')?.namedChildren.length ?? 0) > 0) return false;
  const obj = fn.childForFieldName('object');
  const c = obj ? columnRead(obj) : undefined;
  return c !== undefined && c === columnRead(r);
}

/** Group methods by name (`transform("cumsum")`) that give each row a value of its own and the group's earlier rows. */
const ROW_GROUP_METHODS = /^(cumsum|cumcount|cummax|cummin|cumprod|shift|diff|pct_change|ffill|rank)$/;

/**
 * An aggregation that is an attribute of each group rather than a statistic learnt from its rows' values: its first
 * value (a batch's first reading), or the earliest of a date or time column (when a session or a customer started:
 * that row is at or before every row of the group, so nothing later is read). (The number of rows of an entity is
 * one too, but over all of them, later ones included: see Taint.entityCount.)
 */
function entityAttribute(fn: string, column: string | undefined): boolean {
  if (fn === 'first') return true;
  return fn === 'min' && !!column && dateNamed(column);
}

/** A column named as a date or a time (`order_date`, `created_at`, `posted_on`, `event_ts`). */
function dateNamed(column: string): boolean {
  return DATEISH.test(column) || /(^|_)(at|on|ts)$/i.test(column);
}

/**
 * A mask's bound as a number: a number, a numeric or ISO date string ("2023-10-01" as milliseconds), or
 * `pd.Timestamp("2023-10-01")` / `pd.to_datetime(…)` of one.
 */
function constantValue(v: Val | undefined, n: Node): number | undefined {
  if (v?.kind === 'num' && !v.of && Number.isFinite(v.value)) return v.value;
  let text: string | undefined;
  if (v?.kind === 'strs' && !v.list && v.values.length === 1) text = v.values[0];
  else if (
    n.type === 'call' &&
    /(^|\.)(Timestamp|to_datetime|datetime64|Period)$/.test(n.childForFieldName('function')?.text ?? '')
  )
    text = stringValue(n.childForFieldName('arguments')?.namedChildren[0]);
  else if (
    n.type === 'call' &&
    /^(datetime\.)?(date|datetime)$|^(dt|pl)\.(date|datetime)$/.test(
      n.childForFieldName('function')?.text ?? '',
    )
  ) {
    // date(2023, 10, 1), datetime(2023, 10, 1, 6): a date written as its numbers (UTC, as the strings above are read).
    const parts = n.childForFieldName('arguments')?.namedChildren ?? [];
    if (parts.length < 3 || parts.length > 6 || parts.some((p) => p.type !== 'integer')) return undefined;
    const [y, m, d, h = 0, mi = 0, sec = 0] = parts.map((p) => Number(p.text));
    const t = Date.UTC(y!, m! - 1, d!, h, mi, sec);
    return Number.isNaN(t) ? undefined : t;
  }
  if (text === undefined) return undefined;
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (/^\d{4}-\d{2}(-\d{2})?([ T]\d{2}:\d{2}(:\d{2})?)?$/.test(text)) {
    const t = Date.parse(text.length === 7 ? `${text}-01` : text.replace(' ', 'T'));
    return Number.isNaN(t) ? undefined : t;
  }
  return undefined;
}

/** The columns read on the row itself and `k` rows back (k < 0: ahead), as x.diff(k) and bfill() (k = -1) read them. */
function alsoRowsBack(deps: ColDep[], k: number): ColDep[] {
  return [...deps, ...deps.map((c) => ({ ...c, lag: c.lag + k }))];
}

/**
 * The split a cross-validation call uses ignores its `groups=`: a row-wise splitter (KFold, StratifiedKFold,
 * ShuffleSplit, …) or no splitter at all (`cv=5`, the default), which scikit-learn runs as (Stratified)KFold. Its
 * name, or undefined where the split is a Group* splitter, keeps time order, or is not known here (a list of folds,
 * a parameter).
 */
function groupsIgnoredBy(cvNode: Node | undefined, cv: Val | undefined): string | undefined {
  if (!cvNode) return 'the default 5-fold split';
  if (cv?.kind === 'splitter')
    return /Group|TimeSeries|Predefined/.test(cv.cls) || !SPLITTERS.has(cv.cls) ? undefined : cv.cls;
  if (cvNode.type === 'integer' || cv?.kind === 'num') return `cv=${cvNode.text} (plain k-fold)`;
  return undefined;
}

/**
 * The names a dict of name lists gives under any key (`{"base": ["price"], "listing": ["n_photos"]}`), or of a dict
 * of such dicts key by key (`{"base": {"num": […], "cat": […]}, …}`); undefined when the items are anything else.
 */
function unionOfNames(items: Val[]): Val | undefined {
  if (items.length === 0) return undefined;
  if (items.every((v) => v.kind === 'strs' && v.list && !v.partial))
    return {
      kind: 'strs',
      values: [...new Set(items.flatMap((v) => (v as StrsVal).values))],
      list: true,
    };
  if (items.every((v) => v.kind === 'coll' && !!v.keys && v.keys.every((k) => k !== undefined))) {
    const colls = items as CollVal[];
    const keys = [...new Set(colls.flatMap((c) => c.keys as string[]))];
    const merged = keys.map((k) =>
      unionOfNames(colls.flatMap((c) => (c.keys!.includes(k) ? [c.items[c.keys!.indexOf(k)]!] : []))),
    );
    if (merged.every((v) => v !== undefined)) return { kind: 'coll', items: merged as Val[], keys };
  }
  return undefined;
}

/** Taints for the settings the estimator or its steps were made with, learnt from rows (see EstVal.learnt). */
function presetTaints(e: EstVal, seen = new Set<number>()): Taint[] {
  if (seen.has(e.id)) return [];
  seen.add(e.id);
  return [
    ...(e.learnt ? [{ by: e.learnt.by, fitRows: e.learnt.rows, at: e.learnt.at }] : []),
    ...e.steps.flatMap((s) => presetTaints(s, seen)),
  ];
}

function withPreset(d: DataVal, est: Val | undefined): DataVal {
  const extra =
    est?.kind === 'est' ? presetTaints(est).filter((t) => !d.taints.some((u) => u.at === t.at)) : [];
  return extra.length > 0 ? { ...d, taints: [...d.taints, ...extra] } : d;
}
