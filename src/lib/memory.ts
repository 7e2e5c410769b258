/**
 * A full garbage collection on demand, for a process that has just let go of a large piece of state
 * (the responses a collected slice was built from; an account of scan --org once its findings are
 * written). V8 sizes its heap from the machine's memory and collects the old generation lazily, so
 * without this a big scan's resident memory, and a long organization scan's, grows with garbage it
 * has not yet collected. Node exposes `gc` only with --expose-gc; the flag can be set while running
 * (Node documents that this may do nothing, and then this does nothing), and a fresh context then
 * carries `gc`.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | null | undefined;
/** The heap in use after the last collection made here. */
let baseline = 0;

/**
 * Runs a full GC when the heap in use has grown by `growthMb` since the last one made here (each
 * costs tens of milliseconds, so not after every small piece of work), or always with 0; a no-op
 * when the runtime does not allow it.
 */
export function collectGarbage(growthMb = 0): void {
  if (growthMb > 0 && getHeapStatistics().used_heap_size < baseline + growthMb * 2 ** 20) return;
  if (collect === undefined) {
    const given = (globalThis as { gc?: () => void }).gc;
    if (typeof given === 'function') collect = given;
    else {
      try {
        setFlagsFromString('--expose-gc');
        const gc = runInNewContext('gc') as unknown;
        collect = typeof gc === 'function' ? (gc as () => void) : null;
      } catch {
        collect = null;
      }
    }
  }
  collect?.();
  baseline = getHeapStatistics().used_heap_size;
}
