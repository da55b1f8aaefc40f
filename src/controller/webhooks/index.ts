export {
  createWebhookHandler,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_WEBHOOK_PATH,
  type DeliveryInfo,
  type DeliveryResult,
  type WebhookHandler,
  type WebhookReceiverOptions,
} from './receiver.js';
export { loadWebhookSecret, startWebhookServer, type WebhookServer } from './server.js';
