/**
 * A longer copy of a typed array, for the kernel's structures that grow by doubling: same
 * element type, the old elements first, the new ones set to `fill`.
 */
type Growable = Float64Array | Int32Array | Uint8Array;

export function grown<T extends Growable>(array: T, length: number, fill = 0): T {
  const bigger = new (array.constructor as new (length: number) => T)(length);
  bigger.set(array);
  if (fill !== 0) bigger.fill(fill, array.length);
  return bigger;
}
