/**
 * What the data-flow analysis knows of the common ML APIs (pandas, NumPy, scikit-learn, imbalanced-learn,
 * PyTorch, TensorFlow/Keras, XGBoost, LightGBM, CatBoost), by the last part of the qualified name so that
 * `from sklearn.preprocessing import StandardScaler`, `preprocessing.StandardScaler` and `skl.StandardScaler`
 * resolve alike.
 */

/** Transformers that learn from the data they are fit on (stateless ones such as Normalizer are left out). */
export const LEARNING_TRANSFORMERS = new Set([
  'StandardScaler',
  'MinMaxScaler',
  'RobustScaler',
  'MaxAbsScaler',
  'QuantileTransformer',
  'PowerTransformer',
  'OneHotEncoder',
  'OrdinalEncoder',
  'TargetEncoder',
  'SimpleImputer',
  'KNNImputer',
  'IterativeImputer',
  'MissingIndicator',
  'PCA',
  'KernelPCA',
  'IncrementalPCA',
  'SparsePCA',
  'MiniBatchSparsePCA',
  'DictionaryLearning',
  'MiniBatchDictionaryLearning',
  'MiniBatchNMF',
  'FeatureAgglomeration',
  // Nystroem's components are rows of the data it is fit on (RBFSampler and the random projections learn nothing
  // but the number of columns).
  'Nystroem',
  'TruncatedSVD',
  'FactorAnalysis',
  'FastICA',
  'NMF',
  'LatentDirichletAllocation',
  'SelectKBest',
  'SelectPercentile',
  'SelectFpr',
  'SelectFdr',
  'SelectFwe',
  'GenericUnivariateSelect',
  'SelectFromModel',
  'RFE',
  'RFECV',
  'SequentialFeatureSelector',
  'VarianceThreshold',
  'TfidfVectorizer',
  'CountVectorizer',
  'TfidfTransformer',
  'DictVectorizer',
  'KBinsDiscretizer',
  'SplineTransformer',
  'Tokenizer',
  'Normalization',
  'TextVectorization',
  'FeatureSpace',
  'Discretization',
  'StringLookup',
  'IntegerLookup',
  'CategoricalEncoder',
  'WOEEncoder',
  'CatBoostEncoder',
  'LeaveOneOutEncoder',
  'BinaryEncoder',
  'UMAP',
  'TSNE',
  'Isomap',
  'LocallyLinearEmbedding',
  'SpectralEmbedding',
  'MDS',
  // A forest of random trees whose split points are drawn within the ranges of the rows it is fit on; each row coded
  // by the leaves it reaches.
  'RandomTreesEmbedding',
  // Boruta's all-relevant feature selection (boruta.BorutaPy, BorutaShap): shadow-feature importances of the rows
  // (and labels) it is fit on.
  'BorutaPy',
  'BorutaShap',
  // Covariance estimators (sklearn.covariance): a location and covariance of the rows, given back as each row's
  // Mahalanobis distance.
  'EmpiricalCovariance',
  'MinCovDet',
  'LedoitWolf',
  'OAS',
  'ShrunkCovariance',
  'GraphicalLasso',
  'GraphicalLassoCV',
]);

/** The learning transformers that learn where values lie and how far they spread (a scaler of the labels too). */
export const SCALERS = new Set([
  'StandardScaler',
  'MinMaxScaler',
  'RobustScaler',
  'MaxAbsScaler',
  'PowerTransformer',
  'QuantileTransformer',
]);

/** Oversamplers create copies or synthetic neighbours of rows: done before a split, the test set holds them. */
export const OVERSAMPLERS = new Set([
  'SMOTE',
  'SMOTENC',
  'SMOTEN',
  'ADASYN',
  'BorderlineSMOTE',
  'SVMSMOTE',
  'KMeansSMOTE',
  'RandomOverSampler',
  'SMOTETomek',
  'SMOTEENN',
]);
export const UNDERSAMPLERS = new Set([
  'RandomUnderSampler',
  'NearMiss',
  'TomekLinks',
  'EditedNearestNeighbours',
  'RepeatedEditedNearestNeighbours',
  'AllKNN',
  'CondensedNearestNeighbour',
  'OneSidedSelection',
  'NeighbourhoodCleaningRule',
  'InstanceHardnessThreshold',
  'ClusterCentroids',
]);

export const PIPELINES = new Set([
  'Pipeline',
  'make_pipeline',
  'ColumnTransformer',
  'make_column_transformer',
  'FeatureUnion',
  'make_union',
]);

export const SEARCHES = new Set([
  'GridSearchCV',
  'RandomizedSearchCV',
  'HalvingGridSearchCV',
  'HalvingRandomSearchCV',
  'BayesSearchCV',
  // Trains clones of the classifier in its folds to choose a decision threshold (cv="prefit" is not a search).
  'TunedThresholdClassifierCV',
]);

export const SPLITTERS = new Set([
  'KFold',
  'StratifiedKFold',
  'GroupKFold',
  'StratifiedGroupKFold',
  'RepeatedKFold',
  'RepeatedStratifiedKFold',
  'ShuffleSplit',
  'StratifiedShuffleSplit',
  'GroupShuffleSplit',
  'TimeSeriesSplit',
  'LeaveOneOut',
  'LeavePOut',
  'LeaveOneGroupOut',
  'PredefinedSplit',
]);

export const CV_FUNCTIONS = new Set([
  'cross_val_score',
  'cross_validate',
  'cross_val_predict',
  'learning_curve',
  'validation_curve',
  'permutation_test_score',
]);

const MODEL_NAMES = new Set([
  'SVC',
  'SVR',
  'NuSVC',
  'NuSVR',
  'LinearSVC',
  'LinearSVR',
  'LogisticRegression',
  'LogisticRegressionCV',
  'LinearRegression',
  'Ridge',
  'RidgeCV',
  'RidgeClassifier',
  'Lasso',
  'LassoCV',
  'ElasticNet',
  'ElasticNetCV',
  'Perceptron',
  'GaussianNB',
  'MultinomialNB',
  'BernoulliNB',
  'ComplementNB',
  'CategoricalNB',
  'KMeans',
  'MiniBatchKMeans',
  'GaussianMixture',
  // A density estimate kept as its fit rows (score_samples: the log density of each row among them).
  'KernelDensity',
  'IsolationForest',
  'OneClassSVM',
  'LocalOutlierFactor',
  'LinearDiscriminantAnalysis',
  'QuadraticDiscriminantAnalysis',
  'GaussianProcessClassifier',
  'GaussianProcessRegressor',
  'Sequential',
  'Model',
  'Booster',
  'HuberRegressor',
  'BayesianRidge',
  'ARDRegression',
  'TheilSenRegressor',
  'RANSACRegressor',
  'PoissonRegressor',
  'TweedieRegressor',
  'GammaRegressor',
  'QuantileRegressor',
  'Lars',
  'LassoLars',
  'OrthogonalMatchingPursuit',
  'PassiveAggressiveClassifier',
  'PassiveAggressiveRegressor',
  'KernelRidge',
  'NearestCentroid',
  'RadiusNeighborsClassifier',
  'RadiusNeighborsRegressor',
  'CalibratedClassifierCV',
  'TransformedTargetRegressor',
  'StackingClassifier',
  'StackingRegressor',
  'VotingClassifier',
  'VotingRegressor',
  'Prophet',
  'NeuralProphet',
]);

/**
 * Model classes whose fit() keeps training what an earlier fit learnt (Keras models, a Booster given to continue):
 * the others in MODEL_NAMES and the *Classifier/*Regressor classes are scikit-learn style, each fit() from scratch.
 */
const CONTINUING_MODELS = new Set(['Sequential', 'Model', 'Booster', 'Prophet', 'NeuralProphet']);

/** Whether a model, pipeline or search class made by this name starts over at each fit() (see EstVal.restarts). */
export function restartsOnFit(name: string): boolean {
  return (isModelClass(name) && !CONTINUING_MODELS.has(name)) || PIPELINES.has(name) || SEARCHES.has(name);
}

/** Estimator classes that predict (classifiers, regressors, clusterers, Keras models). */
export function isModelClass(name: string): boolean {
  return (
    // (XGBRanker, LGBMRanker, CatBoostRanker: learning-to-rank models, scikit-learn style too.)
    MODEL_NAMES.has(name) ||
    /(Classifier|Regressor|Regression|Ranker)$/.test(name) ||
    SURVIVAL_MODEL.test(name)
  );
}

/**
 * Survival models: lifelines' regression fitters (CoxPHFitter, WeibullAFTFitter, CoxTimeVaryingFitter; fit(df,
 * duration_col=…, event_col=…) on a frame that holds the label columns) and scikit-survival's estimators
 * (CoxnetSurvivalAnalysis, RandomSurvivalForest). Not KaplanMeierFitter and the other univariate fitters (no features).
 */
const SURVIVAL_MODEL =
  /^(CoxPHFitter|CoxTimeVaryingFitter|AalenAdditiveFitter|\w+AFTFitter|\w+RegressionFitter|CRCSplineFitter|\w*SurvivalAnalysis|RandomSurvivalForest|ExtraSurvivalTrees|FastSurvivalSVM|FastKernelSurvivalSVM|NaiveSurvivalSVM|IPCRidge)$/;

export const LOADER_FUNCTIONS =
  /^(read_(csv|excel|json|parquet|table|sql|sql_query|sql_table|pickle|feather|hdf|fwf|orc|stata|sas|spss|xml|html|clipboard)|load|loadtxt|genfromtxt|fromfile|load_dataset|load_from_disk|image_dataset_from_directory|text_dataset_from_directory|flow_from_directory|scan_csv|scan_parquet|open_dataset|open_mfdataset|open_dataarray|open_zarr|DictReader)$/;

export const METRICS =
  /(_score|_error|_loss|_deviance)$|^(classification_report|confusion_matrix|precision_recall_curve|roc_curve|precision_recall_fscore_support|top_k_accuracy_score|det_curve|concordance_index|concordance_index_censored|concordance_index_ipcw|cumulative_dynamic_auc)$/;

/** Statistics of a frame or array: used to fill or scale data, they carry the rows they were computed on. */
export const STATISTICS = new Set([
  'mean',
  'median',
  'mode',
  'std',
  'var',
  'quantile',
  'min',
  'max',
  'nanmean',
  'nanmedian',
  'nanstd',
  'percentile',
  'nanpercentile',
  'amin',
  'amax',
  'nanmin',
  'nanmax',
  'ptp',
]);

/** Row-wise operations that build lag features: the frame is a time series. */
export const TIME_OPS = new Set([
  'shift',
  'rolling',
  'diff',
  'expanding',
  'pct_change',
  'ewm',
  'resample',
  'asfreq',
]);

export const DATEISH = /(^|_)(date|time|timestamp|datetime|day|month|week|year|ds|period)($|_)/i;

/**
 * Column names that look like the outcome or derive from it (low-confidence target leakage), by their words: one
 * that ends in target/label/outcome/result (`final_label`; not `target_market`, `test_result_count`), says future or
 * leak, or names what follows an outcome (`post_discharge_visits`, `after_default_calls`; not `post_code`,
 * `after_hours`), and a few known ones.
 */
const QUALIFIERS =
  /^(final|true|gold|actual|real|observed|class|y|is|has|binary|new|old|original|raw|the|my|encoded|enc|numeric|num|int|bin|target|label|outcome|main|primary|ground|truth|\d+)$/;

export function leakyName(name: string): boolean {
  const w = name
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const last = w.at(-1) ?? '';
  // An outcome or result (of an investigation, a review) comes after the event. A label or target: "label",
  // "final_label", "true_target" are the outcome itself; "energy_label" (a rating on a certificate) or
  // "shipping_label" are things of their own that a label names (a feature sharing the target's words is judged apart).
  // (A measurement's result, `hba1c_result` or `lab_result`, is a feature like any other.)
  if (/^(outcome|result|results)$/.test(last) && w.slice(0, -1).every((x) => QUALIFIERS.test(x))) return true;
  if (/^(target|label)$/.test(last) && w.slice(0, -1).every((x) => QUALIFIERS.test(x))) return true;
  if (w.some((x) => /^(future|leak|leaked|leakage)$/.test(x))) return true;
  const i = w.findIndex((x) => x === 'post' || x === 'after');
  if (
    i >= 0 &&
    /^(outcome|event|default|discharge|diagnosis|cancel|cancellation|churn|approval|death|failure|fraud|claim)/.test(
      w[i + 1] ?? '',
    )
  )
    return true;
  return /^(final_grade|churned|default_flag)$/i.test(name);
}

/** Functions and methods that pick among values (the best score, the order of scores): applied to scores, they choose. */
export const CHOOSERS = new Set([
  'max',
  'min',
  'sorted',
  'argmax',
  'argmin',
  'nanargmax',
  'nanargmin',
  'idxmax',
  'idxmin',
  'nlargest',
  'nsmallest',
]);

/** Row-wise concatenations (`axis=0`/`dim=0`, their default): rows of every part are rows of the result. */
export const ROW_CONCAT = new Set(['concat', 'concatenate', 'vstack', 'row_stack', 'cat', 'ConcatDataset']);

/** Calls that build a library model: torchvision / timm / torch.hub, Hugging Face `from_pretrained`, Keras applications. */
export function isModelFactory(qname: string): boolean {
  return (
    /^torchvision\.models\.[a-z]/.test(qname) ||
    /(^|\.)hub\.load$/.test(qname) ||
    /^timm\.create_model$/.test(qname) ||
    /\.from_pretrained$/.test(qname) ||
    /(^|\.)keras\.applications\.[\w.]*[A-Z]\w*$/.test(qname)
  );
}

/** Dataset classes that load data (torchvision datasets, ImageFolder): `train=`/`split=` name a predefined part. */
export function isDatasetClass(qname: string): boolean {
  return (
    /(^|\.)torchvision\.datasets\.[A-Z]\w*$/.test(qname) || /(^|\.)(ImageFolder|DatasetFolder)$/.test(qname)
  );
}

/** Callables that score predictions against labels: losses, criteria, accuracy/metric helpers (by name). */
export const SCORING_CALL =
  /(loss|criterion|cross_?entropy|mse|mae|nll|bce|hinge|huber|accuracy|metric|score|error|dice|iou|f1|auc|precision|recall)/i;
