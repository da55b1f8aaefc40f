/**
 * The wire shapes of the GitHub Actions service's runner scale-set API, as the `actions/scaleset` Go library
 * (github.com/actions/scaleset, types.go, MIT) and ARC's `gha-runner-scale-set` listener use them. Field names are
 * the JSON names of that file, letter for letter (note `RunnerSetting` and `encodedJITConfig`).
 */

/** The four job message types inside a `RunnerScaleSetJobMessages` batch (types.go, `MessageType*`). */
export type JobMessageType = 'JobAvailable' | 'JobAssigned' | 'JobStarted' | 'JobCompleted';

/** types.go `JobMessageBase` (times are RFC 3339 strings on the wire). */
export interface JobMessageBase {
  messageType: JobMessageType;
  runnerRequestId: number;
  repositoryName: string;
  ownerName: string;
  jobId: string;
  jobWorkflowRef: string;
  jobDisplayName: string;
  workflowRunId: number;
  eventName: string;
  requestLabels: string[];
  queueTime: string;
  scaleSetAssignTime: string;
  runnerAssignTime: string;
  finishTime: string;
}

/** types.go `JobAvailable`: a job the scale set may acquire (through `acquirejobs`). */
export interface JobAvailable extends JobMessageBase {
  messageType: 'JobAvailable';
  acquireJobUrl: string;
}

/** types.go `JobAssigned`: the service assigned an acquired job to the scale set; a runner should come for it. */
export interface JobAssigned extends JobMessageBase {
  messageType: 'JobAssigned';
}

/** types.go `JobStarted`: a runner of the scale set took the job. */
export interface JobStarted extends JobMessageBase {
  messageType: 'JobStarted';
  runnerId: number;
  runnerName: string;
}

/** types.go `JobCompleted`: the job ended (`result`: succeeded, failed, canceled, …). */
export interface JobCompleted extends JobMessageBase {
  messageType: 'JobCompleted';
  result: string;
  runnerId: number;
  runnerName: string;
}

export type JobMessage = JobAvailable | JobAssigned | JobStarted | JobCompleted;

/** types.go `Label`. */
export interface ScaleSetLabel {
  type: string;
  name: string;
}

/** types.go `RunnerScaleSetStatistic`. */
export interface RunnerScaleSetStatistic {
  totalAvailableJobs: number;
  totalAcquiredJobs: number;
  totalAssignedJobs: number;
  totalRunningJobs: number;
  totalRegisteredRunners: number;
  totalBusyRunners: number;
  totalIdleRunners: number;
}

/** types.go `RunnerScaleSet`. */
export interface RunnerScaleSet {
  id?: number;
  name?: string;
  runnerGroupId?: number;
  runnerGroupName?: string;
  labels?: ScaleSetLabel[];
  RunnerSetting?: { disableUpdate?: boolean };
  createdOn?: string;
  runnerJitConfigUrl?: string;
  statistics?: RunnerScaleSetStatistic | null;
}

/** types.go `RunnerScaleSetSession` (sessionId is a UUID). */
export interface RunnerScaleSetSession {
  sessionId?: string;
  ownerName?: string;
  runnerScaleSet?: RunnerScaleSet | null;
  messageQueueUrl?: string;
  messageQueueAccessToken?: string;
  statistics?: RunnerScaleSetStatistic | null;
}

/** types.go `runnerScaleSetMessageResponse`: `body` is a JSON array of job messages, as a string. */
export interface RunnerScaleSetMessageResponse {
  messageId: number;
  messageType: string;
  body: string;
  statistics: RunnerScaleSetStatistic | null;
}

/** A decoded message batch (types.go `RunnerScaleSetMessage`). */
export interface RunnerScaleSetMessage {
  messageId: number;
  statistics: RunnerScaleSetStatistic | null;
  jobAvailable: JobAvailable[];
  jobAssigned: JobAssigned[];
  jobStarted: JobStarted[];
  jobCompleted: JobCompleted[];
}

/** types.go `RunnerReference`. */
export interface RunnerReference {
  id: number;
  name: string;
  runnerScaleSetId: number;
}

/** types.go `RunnerScaleSetJitRunnerConfig`. `encodedJITConfig` is a credential. */
export interface RunnerScaleSetJitRunnerConfig {
  runner: RunnerReference | null;
  encodedJITConfig: string;
}

/** types.go `RunnerGroup` / `RunnerGroupList`. */
export interface RunnerGroup {
  id: number;
  name: string;
  size: number;
  isDefaultGroup: boolean;
}

/** The list envelope of the Actions service (`{count, value}`, types.go `*List`/`*Response`). */
export interface ListEnvelope<T> {
  count: number;
  value: T[];
}

/** client.go `actionsServiceAdminConnection`: where the Actions service is, and an admin token (a JWT). */
export interface ActionsServiceAdminConnection {
  url?: string;
  token?: string;
}
