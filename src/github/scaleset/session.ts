/**
 * A scale set's message session (github.com/actions/scaleset session_client.go): long polls of the message queue
 * (`GET {messageQueueUrl}[&lastMessageId=N]`, header `X-ScaleSetMaxCapacity`: 202 = no message, 200 = a batch,
 * 401 = the queue token expired), message deletion (`DELETE {queue path}/{messageId}`, 204; the acknowledgement:
 * an undeleted message is delivered again), job acquisition (`POST …/runnerscalesets/{id}/acquirejobs` with the
 * queue token, 200 `{count, value: [ids]}`) and the session's refresh (`PATCH …/sessions/{sessionId}`, 200) and
 * deletion (`DELETE …/sessions/{sessionId}`, 204). Each of get, delete and acquire refreshes the session once on
 * a 401 and tries again, as session_client.go does.
 */
import {
  type ActionsServiceClient,
  HEADER_MAX_CAPACITY,
  parseMessageResponse,
  SCALE_SET_ENDPOINT,
} from './client.js';
import { ActionsServiceError, MessageQueueTokenExpiredError } from './errors.js';
import type {
  ListEnvelope,
  RunnerScaleSetMessage,
  RunnerScaleSetMessageResponse,
  RunnerScaleSetSession,
  RunnerScaleSetStatistic,
} from './types.js';

export class MessageSession {
  constructor(
    private readonly client: ActionsServiceClient,
    readonly scaleSetId: number,
    private session: RunnerScaleSetSession,
  ) {
    if (!session.sessionId || !session.messageQueueUrl || !session.messageQueueAccessToken) {
      throw new ActionsServiceError('message session answer lacks sessionId, messageQueueUrl or token', 200);
    }
  }

  get sessionId(): string {
    return this.session.sessionId!;
  }

  /** The statistics of the session's creation or last refresh. */
  get statistics(): RunnerScaleSetStatistic | null {
    return this.session.statistics ?? null;
  }

  private async withRefresh<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (err) {
      if (!(err instanceof MessageQueueTokenExpiredError)) throw err;
      await this.refresh();
      return call();
    }
  }

  /** PATCH the session: a new queue token (session_client.go `refreshMessageSession`). */
  async refresh(): Promise<void> {
    const refreshed = await this.client.service<RunnerScaleSetSession>(
      'PATCH',
      `${SCALE_SET_ENDPOINT}/${this.scaleSetId}/sessions/${this.sessionId}`,
      { expect: 200 },
    );
    if (!refreshed?.messageQueueAccessToken || !refreshed.messageQueueUrl) {
      throw new ActionsServiceError('refreshed message session lacks messageQueueUrl or token', 200);
    }
    this.session = refreshed;
  }

  /** The next message after `lastMessageId`, or undefined (202: none within the long poll). */
  getMessage(
    lastMessageId: number,
    maxCapacity: number,
    signal?: AbortSignal,
  ): Promise<RunnerScaleSetMessage | undefined> {
    return this.withRefresh(async () => {
      const url = new URL(this.session.messageQueueUrl!);
      if (lastMessageId > 0) url.searchParams.set('lastMessageId', String(lastMessageId));
      const res = await this.client.queueRequest(
        'GET',
        url,
        this.session.messageQueueAccessToken!,
        { accept: 'application/json; api-version=6.0-preview', [HEADER_MAX_CAPACITY]: String(maxCapacity) },
        signal,
      );
      if (res.status === 202) {
        await res.body?.cancel();
        return undefined;
      }
      if (res.status === 200)
        return parseMessageResponse((await res.json()) as RunnerScaleSetMessageResponse);
      if (res.status === 401) {
        await res.body?.cancel();
        throw new MessageQueueTokenExpiredError('GET message queue: HTTP 401 (queue token expired)', 401);
      }
      throw await this.client.failure('GET', url, res);
    });
  }

  /** Acknowledges a message (204). */
  deleteMessage(messageId: number): Promise<void> {
    return this.withRefresh(async () => {
      const url = new URL(this.session.messageQueueUrl!);
      url.pathname = `${url.pathname.replace(/\/+$/, '')}/${messageId}`;
      const res = await this.client.queueRequest('DELETE', url, this.session.messageQueueAccessToken!, {});
      if (res.status === 204) {
        await res.body?.cancel();
        return;
      }
      if (res.status === 401) {
        await res.body?.cancel();
        throw new MessageQueueTokenExpiredError('DELETE message: HTTP 401 (queue token expired)', 401);
      }
      throw await this.client.failure('DELETE', url, res);
    });
  }

  /** Acquires available jobs by runner request id; returns the ids the service gave this scale set. */
  acquireJobs(requestIds: number[]): Promise<number[]> {
    return this.withRefresh(async () => {
      const out = await this.client.service<ListEnvelope<number>>(
        'POST',
        `${SCALE_SET_ENDPOINT}/${this.scaleSetId}/acquirejobs`,
        { body: requestIds, expect: 200, bearer: () => this.session.messageQueueAccessToken! },
      );
      return out?.value ?? [];
    });
  }

  /** Deletes the session (so another listener may open one at once). */
  async close(): Promise<void> {
    await this.client.service(
      'DELETE',
      `${SCALE_SET_ENDPOINT}/${this.scaleSetId}/sessions/${this.sessionId}`,
      {
        expect: 204,
      },
    );
  }
}
