/** One page of a list, and the numbers the admin API's `meta` reports. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly page: number;
  readonly limit: number;
  readonly total: number;
  readonly totalPages: number;
}

/** The admin API's page size when a caller gives none, and the most it answers at once. */
export const defaultPageSize = 20;
const maxPageSize = 100;

/** Cuts one page out of a list: `page` from 1, `limit` capped at 100. */
export function paginate<T>(items: readonly T[], page = 1, limit = defaultPageSize): Page<T> {
  const size = Math.min(Math.max(limit, 1), maxPageSize);
  return {
    items: items.slice((page - 1) * size, page * size),
    page,
    limit: size,
    total: items.length,
    totalPages: Math.ceil(items.length / size),
  };
}
