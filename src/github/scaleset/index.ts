/** The Actions service's runner scale-set protocol (ARC's listener and `actions/scaleset`): client and session. */
export {
  ActionsServiceClient,
  type ActionsServiceClientOptions,
  type ActionsServiceResponseInfo,
  HEADER_MAX_CAPACITY,
  jwtExpiry,
  parseMessageResponse,
  RUNNER_ENDPOINT,
  SCALE_SET_ENDPOINT,
} from './client.js';
export { ActionsServiceError, isSessionConflict, MessageQueueTokenExpiredError } from './errors.js';
export { MessageSession } from './session.js';
export type * from './types.js';
