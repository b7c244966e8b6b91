import type { RoomTag, UserProperty } from '#contracts';
import type { IdGenerator } from '../id-generator.js';

/** A room's current session (Qiscus's "service"): from its first message until resolved. */
export interface RoomSession {
  readonly serviceId: number;
  readonly firstCommentId: number;
  readonly notes: string | null;
}

/** The most tags one room keeps; more are refused rather than kept without bound. */
export const maxTagsPerRoom = 100;

/**
 * What the admin API keeps about rooms beside their conversation: tags (app-wide names with one
 * id each), the customer's additional info, and each room's current session. Indexed by room id.
 */
export class RoomAnnotations {
  private readonly tags = new Map<string, readonly RoomTag[]>();
  private readonly tagIds = new Map<string, number>();
  private readonly properties = new Map<string, readonly UserProperty[]>();
  private readonly sessions = new Map<string, RoomSession>();

  constructor(
    private readonly ids: IdGenerator,
    /** Told of each change, so the room's live view follows. */
    private readonly onChange: (roomId: string) => void,
  ) {}

  /** A customer's first message, or the first after a resolve, opens a session. */
  startSession(roomId: string, firstCommentId: number): void {
    this.sessions.set(roomId, {
      serviceId: this.ids.next('service'),
      firstCommentId,
      notes: null,
    });
  }

  session(roomId: string): RoomSession | undefined {
    return this.sessions.get(roomId);
  }

  noteResolution(roomId: string, notes: string | null): void {
    const session = this.sessions.get(roomId);
    if (session) this.sessions.set(roomId, { ...session, notes });
  }

  tagsOf(roomId: string): readonly RoomTag[] {
    return this.tags.get(roomId) ?? [];
  }

  /** Puts a tag on a room (once) and answers it; undefined when the room has too many. */
  addTag(roomId: string, name: string): RoomTag | undefined {
    let id = this.tagIds.get(name);
    if (id === undefined) {
      id = this.ids.next('tag');
      this.tagIds.set(name, id);
    }
    const tag = { id, name };
    const current = this.tagsOf(roomId);
    if (current.some((existing) => existing.id === id)) return tag;
    if (current.length >= maxTagsPerRoom) return undefined;
    this.tags.set(roomId, [...current, tag]);
    this.onChange(roomId);
    return tag;
  }

  propertiesOf(roomId: string): readonly UserProperty[] {
    return this.properties.get(roomId) ?? [];
  }

  /** Replaces the customer's properties, as Qiscus does. */
  setProperties(roomId: string, properties: readonly UserProperty[]): void {
    this.properties.set(roomId, [...properties]);
    this.onChange(roomId);
  }

  clear(): void {
    this.tags.clear();
    this.properties.clear();
    this.sessions.clear();
  }
}
