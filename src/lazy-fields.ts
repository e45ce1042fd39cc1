/**
 * Fields worked out when first read (an item's subheads, an article's text read from the cache), defined so that
 * V8 keeps the objects that have them in its fast mode.
 *
 * An object literal with a getter (`{ get body() { … } }`) or a getter defined on each object with a closure of its
 * own puts each object in dictionary mode: about 0.8 KB more per object, and slower to read and to collect. At
 * 40,000 articles a build held four such objects an article (the item, the article as shown, its text, the article
 * read from the cache). A {@link LazyField} has one getter for every object, which finds what it needs in a
 * hidden slot of the object (a symbol key, not enumerable: neither JSON nor `Object.keys` nor a spread sees it), and
 * the objects share their shapes.
 *
 * The field itself is an own enumerable accessor in the place it is defined among the object's fields, as the
 * getter of a literal is: `JSON.stringify`, `Object.keys` and a spread see it and its value, in the same order.
 */

/** Defines one lazily worked out field, `name`, on objects (see the module comment). */
export interface LazyField<S> {
  /**
   * Define the field on `target` after the fields it has now: its value is `compute(source)`, worked out once, when
   * first read. Define the same fields in the same order on every object of a kind, so that they share a shape.
   * @returns `target`
   */
  define<T extends object>(target: T, source: S): T;
}

/** Not worked out yet. */
const NOT_YET: unique symbol = Symbol('not worked out yet');

/**
 * A lazily worked out field `name` whose value is `compute(source)` (see {@link LazyField}).
 * @param compute called at most once per object, with the `source` given to `define`; what it throws reaches the
 *   reader, and the next read calls it again
 */
export function lazyField<S, V>(name: string, compute: (source: S) => V): LazyField<S> {
  const slot = Symbol(name);
  /** What an object's field is worked out from, then what it was worked out to. */
  interface Box {
    source: S | undefined;
    value: V | typeof NOT_YET;
  }
  // One descriptor (one getter function) for every object: the objects share their shape.
  const field: PropertyDescriptor = {
    enumerable: true,
    configurable: true,
    get(this: Record<typeof slot, Box>): V {
      const box = this[slot];
      if (box.value !== NOT_YET) return box.value;
      const value = compute(box.source as S);
      box.value = value;
      // The source is let go of once the value is known (a page's loader of text, say).
      box.source = undefined;
      return value;
    },
  };
  return {
    define(target, source) {
      // One hidden slot, a box for the source and the value: two calls into the runtime a field (~1.3 µs), not three.
      Object.defineProperty(target, slot, { value: { source, value: NOT_YET } satisfies Box, writable: false, configurable: true });
      return Object.defineProperty(target, name, field);
    },
  };
}
