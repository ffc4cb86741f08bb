// Fault injection: make matching cloud requests slow, fail, hang, answer garbage, or take
// effect and then lose their answer.

export type FaultKind = "latency" | "status" | "timeout" | "malformed" | "reply_lost";
export const FAULT_KINDS: readonly FaultKind[] = ["latency", "status", "timeout", "malformed", "reply_lost"];

export interface Fault {
  id: number;
  kind: FaultKind;
  /** Matches a request path that equals it, ends with it, or starts with it plus "/". Absent: every cloud path. */
  path?: string;
  /** How many more requests it hits; absent: until cleared. */
  count?: number;
  /** latency: milliseconds to wait before answering normally. */
  ms?: number;
  /** status: the HTTP status to answer (default 500). */
  status?: number;
}

export function pathMatches(pattern: string | undefined, path: string): boolean {
  if (pattern === undefined || pattern === "") return true;
  return path === pattern || path.endsWith(pattern) || path.startsWith(`${pattern}/`);
}

export class Faults {
  private faults: Fault[] = [];
  private nextId = 1;

  add(fault: Omit<Fault, "id">): Fault {
    const added = { ...fault, id: this.nextId++ };
    this.faults.push(added);
    return added;
  }

  list(): Fault[] {
    return this.faults.map((fault) => ({ ...fault }));
  }

  clear(): void {
    this.faults = [];
  }

  /** The faults that hit this request (one per kind, first added wins), counted down. */
  take(fullPath: string): Fault[] {
    const hits: Fault[] = [];
    for (const fault of this.faults) {
      if (!pathMatches(fault.path, fullPath) || hits.some((hit) => hit.kind === fault.kind)) continue;
      hits.push({ ...fault });
      if (fault.count !== undefined) fault.count -= 1;
    }
    this.faults = this.faults.filter((fault) => fault.count === undefined || fault.count > 0);
    return hits;
  }
}
