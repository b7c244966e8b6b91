export { AgentSchema, DivisionRefSchema, agentExample, type Agent } from './agent.js';
export {
  authStyles,
  type AuthRequirement,
  type AuthStyle,
  type AuthorizationCredential,
} from './auth.js';
export { operations, webhooks } from './catalog.js';
export { ChannelSchema, type Channel } from './control/channel.js';
export {
  acceptHandover,
  controlOperations,
  declineHandover,
  getConfig,
  getRoom,
  getRoomScript,
  getTraffic,
  RoomScriptSchema,
  type RoomScript,
  listDeliveries,
  listRooms,
  patchConfig,
  redeliver,
  resetMock,
  resolveRoom,
  sendAgentMessage,
  sendCustomerMessage,
  setRoomBot,
} from './control/control-operations.js';
export {
  defineControlOperation,
  type ControlOperationDescriptor,
} from './control/define-control-operation.js';
export {
  CustomerMessageRequestSchema,
  CustomerMessageResultSchema,
  CustomerRefSchema,
  type CustomerMessageRequest,
  type CustomerMessageResult,
} from './control/customer-message.js';
export {
  DeliveryAttemptSchema,
  DeliveryListSchema,
  DeliverySchema,
  DeliverySkipReasonSchema,
  DeliveryStatusSchema,
  type Delivery,
  type DeliveryAttempt,
  type DeliverySkipReason,
  type DeliveryStatus,
} from './control/delivery.js';
export {
  ExchangeDirectionSchema,
  ExchangeFlagSchema,
  ExchangeSchema,
  TrafficSchema,
  type Exchange,
  type ExchangeDirection,
  type ExchangeFlag,
} from './control/exchange.js';
/** The recording format (JSONL): a header line, then one `Exchange` a line; and a recorder's status. */
export {
  RecordingHeaderSchema,
  RecordingStatusSchema,
  recordingFormat,
  recordingVersion,
  type RecordingHeader,
  type RecordingStatus,
} from './recording/recording-line.js';
export {
  AcceptHandoverRequestSchema,
  AgentMessageRequestSchema,
  HandoverStatusSchema,
  MessageSenderKindSchema,
  MockRoomDetailSchema,
  MockRoomListSchema,
  MockRoomSchema,
  RoomHandoverSchema,
  RoomBotSwitchRequestSchema,
  RoomMessageSchema,
  type AcceptHandoverRequest,
  type AgentMessageRequest,
  type HandoverStatus,
  type MockRoom,
  type MockRoomDetail,
  type RoomMessage,
} from './control/mock-room.js';
export {
  AppWebhookNameSchema,
  AppWebhookPatchSchema,
  AppWebhookSettingSchema,
  DeliveryModeSchema,
  MockSettingsPatchSchema,
  MockSettingsSchema,
  type AppWebhookName,
  type AppWebhookPatch,
  type AppWebhookSetting,
  type DeliveryMode,
  type MockSettings,
  type MockSettingsPatch,
} from './control/mock-settings.js';
export {
  BudgetSettingsSchema,
  RetryForSchema,
  byteSizeSchema,
  formatByteSize,
  parseByteSize,
  parseDurationText,
  type BudgetSettings,
} from './control/budgets.js';
export {
  FaultRuleSchema,
  type FaultRule,
  type FaultRuleInput,
  type FaultStatus,
} from './control/fault-rule.js';
export { MockEventSchema, type MockEvent } from './control/mock-event.js';
export { ProblemSchema, type Problem } from './control/problem.js';
export {
  ChannelRuleSchema,
  channelAliases,
  ChannelRulesSchema,
  ChannelSourceSchema,
  channelNames,
  channelShortName,
  channelSources,
  defaultChannelRules,
  isMessageTypeAllowed,
  type ChannelRule,
  type ChannelRules,
  type ChannelSource,
} from './channels.js';
export {
  checkContract,
  formatIssuePath,
  toErrorDetails,
  type CheckOptions,
  type ContractCheck,
} from './contract-issues.js';
/** The known name a mistyped one was probably meant to be, for a "did you mean" hint. */
export { suggestField } from './unknown-fields.js';
/** A `node:util` parseArgs error in the commands' words, with a "did you mean" for a misspelt flag. */
export { explainArgsError } from './explain-args-error.js';
export {
  defineOperation,
  defineWebhook,
  type BodyMediaType,
  type Example,
  type Fidelity,
  type FidelityNote,
  type OperationBody,
  type OperationDescriptor,
  type OperationResponse,
  type WebhookDescriptor,
} from './define-operation.js';
export {
  bodyErrorCodes,
  errorCodes,
  injectedFaultCodes,
  type ErrorCodeInfo,
} from './error-codes.js';
export {
  ErrorCodeSchema,
  ErrorDetailSchema,
  ErrorEnvelopeSchema,
  maxErrorDetails,
  type ErrorCode,
  type ErrorDetail,
  type ErrorEnvelope,
} from './error-envelope.js';
export { FormBooleanSchema } from './form-boolean.js';
export {
  AppCodeSchema,
  NumericIdSchema,
  RoomIdSchema,
  TimestampSchema,
  type AppCode,
  type RoomId,
} from './ids.js';
export {
  ButtonSchema,
  CardDefaultActionSchema,
  LinkButtonSchema,
  PostbackActionPayloadSchema,
  PostbackButtonSchema,
  type Button,
} from './messages/button.js';
export {
  ButtonsPayloadSchema,
  CardPayloadSchema,
  CarouselCardSchema,
  CarouselPayloadSchema,
  CustomPayloadSchema,
  FileAttachmentPayloadSchema,
  LocationPayloadSchema,
} from './messages/message-payloads.js';
export {
  BotMessageTypeSchema,
  CommentTypeSchema,
  type BotMessageType,
  type CommentType,
} from './message-type.js';
export {
  buildOpenApiDocument,
  type OpenApiDocument,
  type OpenApiDocumentOptions,
} from './openapi-document.js';
export {
  ActivateRoomBotFormSchema,
  ActivateRoomBotRequestSchema,
  ActivateRoomBotResponseSchema,
  RoomLogSchema,
  activateRoomBot,
  type RoomLog,
} from './operations/activate-room-bot.js';
export {
  AppBotActivationFormSchema,
  AppBotIntegrateFormSchema,
  AppBotSettingsSchema,
  AppResponseSchema,
  AppSchema,
  GetAppBotResponseSchema,
  type App,
  getAppBot,
  integrateAppBot,
  setAppBotActivation,
} from './operations/app-bot-settings.js';
export {
  HandOverToRoleRequestSchema,
  HandOverToRoleResponseSchema,
  handOverToRole,
} from './operations/hand-over-to-role.js';
export { HandOverRequestSchema, HandOverResponseSchema, handOver } from './operations/hand-over.js';
export {
  BotMessageSchema,
  ButtonsMessageSchema,
  CardMessageSchema,
  CarouselMessageSchema,
  CustomMessageSchema,
  FileAttachmentMessageSchema,
  attachmentPayloadOf,
  LocationMessageSchema,
  TextMessageSchema,
  maxMessageLength,
  messageExamples,
  type BotMessage,
  type BotMessageInput,
} from './messages/bot-message.js';
export {
  CommentSchema,
  CommentUserSchema,
  PostBotMessageResponseSchema,
} from './messages/comment.js';
export { postBotMessage } from './operations/post-bot-message.js';
export { serializeOpenApiDocument, type OpenApiFormat } from './serialize-openapi-document.js';
export {
  BotMessageWebhookSchema,
  WebhookEventTypeSchema,
  WebhookMessageSchema,
  WebhookRoomSchema,
  WebhookSenderSchema,
  botMessageWebhook,
  type BotMessageWebhook,
} from './webhooks/bot-message-webhook.js';
export {
  CandidateAgentSchema,
  CustomAgentAllocationReplySchema,
  CustomAgentAllocationWebhookSchema,
  customAgentAllocationWebhook,
  type CustomAgentAllocationReply,
  type CustomAgentAllocationWebhook,
} from './webhooks/custom-agent-allocation-webhook.js';
export {
  MarkAsResolvedWebhookSchema,
  markAsResolvedWebhook,
  type MarkAsResolvedWebhook,
} from './webhooks/mark-as-resolved-webhook.js';
export {
  NewSessionWebhookSchema,
  newSessionWebhook,
  type NewSessionWebhook,
} from './webhooks/new-session-webhook.js';
export {
  LegacyBotMessageWebhookSchema,
  legacyBotMessageWebhook,
  type LegacyBotMessageWebhook,
} from './webhooks/legacy-bot-message-webhook.js';
export {
  WebhookVariantSchema,
  unknownWebhookFields,
  withUnknownFields,
  type WebhookVariant,
} from './webhooks/webhook-variant.js';
export {
  ChannelDetailsSchema,
  RoomOptionsJsonSchema,
  RoomOptionsSchema,
  decodeRoomOptions,
  encodeRoomOptions,
  type RoomOptions,
} from './webhooks/room-options.js';
export { z } from './zod.js';
// The admin API real bots call besides the bot endpoints (issue 14).
export { adminOperations } from './operations/admin/admin-operations.js';
export {
  AgentListResponseSchema,
  AgentsByDivisionResponseSchema,
  listAgents,
  listAgentsByDivision,
} from './operations/admin/agents.js';
export {
  AssignAgentRequestSchema,
  AssignAgentResponseSchema,
  assignAgent,
  type AssignAgentRequest,
} from './operations/admin/assign-agent.js';
export { ChannelListResponseSchema, listChannels } from './operations/admin/channels.js';
export {
  CustomerRoomResponseSchema,
  CustomerRoomSchema,
  getCustomerRoom,
} from './operations/admin/customer-room.js';
export {
  DivisionListResponseSchema,
  DivisionSchema,
  listDivisions,
} from './operations/admin/divisions.js';
export { LogInRequestSchema, LogInResponseSchema, logIn } from './operations/admin/log-in.js';
export {
  MarkAsResolvedRequestSchema,
  MarkAsResolvedResponseSchema,
  markAsResolved,
  type MarkAsResolvedRequest,
} from './operations/admin/mark-as-resolved.js';
export {
  OfficeHourSchema,
  OfficeHoursResponseSchema,
  getOfficeHours,
} from './operations/admin/office-hours.js';
export {
  RoomAgentListResponseSchema,
  RoomAgentSchema,
  listAvailableAgents,
  listOtherAgents,
} from './operations/admin/room-agents.js';
export {
  CreateRoomTagRequestSchema,
  RoomTagListResponseSchema,
  RoomTagResponseSchema,
  RoomTagSchema,
  createRoomTag,
  getRoomTags,
  type RoomTag,
} from './operations/admin/room-tags.js';
export { ServiceSchema, type Service } from './operations/admin/service.js';
export {
  SetUserInfoRequestSchema,
  UserInfoResponseSchema,
  UserPropertySchema,
  getUserInfo,
  setUserInfo,
  type UserProperty,
} from './operations/admin/user-info.js';
export {
  WebhookSettingRequestSchema,
  setAgentAllocationWebhook,
  setMarkAsResolvedWebhook,
} from './operations/admin/webhook-settings.js';
