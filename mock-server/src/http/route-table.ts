/**
 * The paths the app answers, by method, for the 405 of a path served with other methods. Filled
 * as routes are registered; asked only when no route matched, so it costs nothing on the way in.
 */
export class RouteTable {
  private readonly routes: { readonly method: string; readonly pattern: RegExp }[] = [];

  add(method: string, path: string): void {
    const pattern = path
      .split('/')
      .map((part) => {
        if (part === '*') return '.*';
        if (part.startsWith(':')) return '[^/]+';
        return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('/');
    this.routes.push({ method, pattern: new RegExp(`^${pattern}/?$`) });
  }

  /** The methods some route takes for this path (without its query), in registration order. */
  methodsFor(path: string): string[] {
    const methods = new Set<string>();
    for (const route of this.routes) {
      if (route.pattern.test(path)) methods.add(route.method);
    }
    return [...methods];
  }
}
