/* Every test must assert something: one that reaches its end without an expect fails. */
beforeEach(() => {
  expect.hasAssertions();
});
