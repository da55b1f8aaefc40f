export {
  createWebhookHandler,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_WEBHOOK_PATH,
  type DeliveryInfo,
  type DeliveryResult,
  loadWebhookSecret,
  startWebhookServer,
  type WebhookHandler,
  type WebhookReceiverOptions,
  type WebhookServer,
} from './receiver.js';
