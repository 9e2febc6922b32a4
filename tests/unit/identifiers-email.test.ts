import { normalizeEmail } from '../../core/identifiers/normalize';

describe('normalizeEmail', () => {
  it.each([
    ['  John.Doe@Example.COM ', 'john.doe@example.com'],
    ['JOHN.DOE@EXAMPLE.COM', 'john.doe@example.com'],
    ['john.doe+promo@example.com', 'john.doe@example.com'],
    ['john.doe+a+b@example.com', 'john.doe@example.com'],
    ['J.o.h.n.Doe+Promo@GMail.com', 'johndoe@gmail.com'],
    ['john.doe@googlemail.com', 'johndoe@gmail.com'],
    ['johndoe@gmail.com', 'johndoe@gmail.com'],
    ['first.last@outlook.com', 'first.last@outlook.com'],
    ['first.last@outlook.com.', 'first.last@outlook.com'],
    ['Jane Roe <jane+x@Example.ORG>', 'jane@example.org'],
    ['mailto:A@B.io', 'a@b.io'],
    ['a b @ x.com', 'ab@x.com'],
    ['"weird@local"@x.com', '"weird@local"@x.com'],
  ])('%j -> %j', (raw, expected) => {
    expect(normalizeEmail(raw)).toBe(expected);
  });

  it.each(['foo', '@x.com', 'a@', '+tag@x.com', '...@gmail.com', 'a@x.com@'])(
    '%j is unusable',
    (raw) => {
      expect(normalizeEmail(raw)).toBeNull();
    },
  );
});
