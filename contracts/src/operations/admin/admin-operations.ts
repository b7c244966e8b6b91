import { listAgents, listAgentsByDivision } from './agents.js';
import { assignAgent } from './assign-agent.js';
import { listChannels } from './channels.js';
import { getCustomerRoom } from './customer-room.js';
import { listDivisions } from './divisions.js';
import { logIn } from './log-in.js';
import { markAsResolved } from './mark-as-resolved.js';
import { getOfficeHours } from './office-hours.js';
import { listAvailableAgents, listOtherAgents } from './room-agents.js';
import { createRoomTag, getRoomTags } from './room-tags.js';
import { getUserInfo, setUserInfo } from './user-info.js';
import { setAgentAllocationWebhook, setMarkAsResolvedWebhook } from './webhook-settings.js';

/** The admin API real bots call besides the bot endpoints, in the catalogue's order. */
export const adminOperations = [
  logIn,
  assignAgent,
  markAsResolved,
  listAgents,
  listAgentsByDivision,
  listDivisions,
  listOtherAgents,
  listAvailableAgents,
  getUserInfo,
  setUserInfo,
  getCustomerRoom,
  getRoomTags,
  createRoomTag,
  getOfficeHours,
  listChannels,
  setMarkAsResolvedWebhook,
  setAgentAllocationWebhook,
] as const;
