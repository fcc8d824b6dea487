/* Runs every call the code makes on a test double also on a real Office.js object (the shadow),
   so that each context.sync() builds the request real Excel would receive. Values come from the
   double; the shadow only builds requests. */

type Shadow = () => any;

const unwrap = new WeakMap<object, { mock: any; shadow: Shadow }>();

const toMock = (v: unknown) => (v && typeof v === "object" && unwrap.get(v)?.mock) || v;
const toShadow = (v: unknown): unknown => {
  if (!v || typeof v !== "object") return v;
  const pair = unwrap.get(v);
  return pair ? pair.shadow() : v;
};

function once(make: () => any): Shadow {
  let done = false;
  let value: any;
  return () => {
    if (!done) {
      try {
        value = make();
      } catch {
        value = undefined;
      }
      done = true;
    }
    return value;
  };
}

/** A collection's item: the same item of the real collection, found by name. */
function itemShadow(collection: Shadow, item: any): Shadow {
  return once(() => {
    const real = collection();
    const name = typeof item.sheetName === "string" ? item.sheetName : item.name;
    return real && typeof name === "string" ? real.getItem(name) : undefined;
  });
}

export function mirror<T extends object>(mock: T, shadow: Shadow): T {
  const proxy: T = new Proxy(mock, {
    get(target: any, prop) {
      const value = Reflect.get(target, prop, target);
      if (typeof prop === "symbol" || prop === "then") return value;
      if (typeof value === "function") {
        return (...args: unknown[]) => {
          const real = shadow();
          // The double's own sync drives the real one (it measures the request first).
          const fn = prop === "sync" ? undefined : real?.[prop];
          const shadowResult =
            typeof fn === "function" ? fn.apply(real, args.map(toShadow)) : undefined;
          const result = value.apply(target, args.map(toMock));
          return wrap(result, () => shadowResult);
        };
      }
      if (prop === "items" && Array.isArray(value))
        return value.map((item) => wrap(item, itemShadow(shadow, item)));
      return wrap(
        value,
        once(() => shadow()?.[prop])
      );
    },
    set(target: any, prop, value) {
      Reflect.set(target, prop, toMock(value), target);
      const real = shadow();
      if (real && typeof prop === "string") real[prop] = toShadow(value);
      return true;
    },
  });
  unwrap.set(proxy, { mock, shadow });
  return proxy;
}

function wrap(value: unknown, shadow: Shadow): any {
  if (!value || typeof value !== "object" || Array.isArray(value) || value instanceof Promise)
    return value;
  return mirror(value, shadow);
}
