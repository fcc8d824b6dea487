/*
 * The little of Node's `process` that exceljs's streams (readable-stream) use in the page:
 * nextTick as a microtask, and no stdout or stderr. Provided by webpack.config.js.
 */
module.exports = {
  browser: true,
  env: {},
  nextTick(callback, ...args) {
    queueMicrotask(() => callback(...args));
  },
};
