/**
 * Prop checks for the writer components. A bad prop fails the build with an error that names
 * the component, the prop, the value received and what is allowed, with an example to copy
 * (the pattern of Starlight's <Aside>). Pure functions, so they are unit-tested directly.
 */

/** `"Before you start"`, `42 (a number)`, `nothing`: the received value as a writer would recognise it. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return `${String(value)} (a ${typeof value})`;
  return `a ${typeof value}`;
}

/** The error every writer component throws for a bad prop. */
export function propError(
  component: string,
  prop: string,
  received: unknown,
  expected: string,
  example: string,
): Error {
  return new Error(
    `<${component}> got ${prop}=${describeValue(received)}: ${prop} must be ${expected}. Example: ${example}`,
  );
}

/** Optional text such as a title: absent is fine; present, it must be non-empty text. */
export function optionalText(component: string, prop: string, value: unknown, example: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '')
    throw propError(component, prop, value, 'some text (or leave it out)', example);
  return value.trim();
}

/** Text that must be there and say something. */
export function requiredText(
  component: string,
  prop: string,
  value: unknown,
  expected: string,
  example: string,
): string {
  if (typeof value !== 'string' || value.trim() === '') throw propError(component, prop, value, expected, example);
  return value.trim();
}

/** A whole number from 1 up, or nothing. */
export function optionalPositiveInteger(
  component: string,
  prop: string,
  value: unknown,
  example: string,
): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
    throw propError(component, prop, value, 'a whole number from 1 up, in braces', example);
  return value;
}

/** "Ctrl+Shift+R" -> ["Ctrl", "Shift", "R"]. A "+" key is written "Plus". */
export function parseKeys(value: unknown): string[] {
  const example = '<Kbd keys="Ctrl+C" /> or <Kbd keys="Enter" />';
  const expected = 'the key names to press together, joined with + (write the plus key as Plus)';
  const text = requiredText('Kbd', 'keys', value, expected, example);
  const keys = text.split('+').map((key) => key.trim());
  if (keys.some((key) => key === '')) throw propError('Kbd', 'keys', value, expected, example);
  return keys;
}

const IMAGE_FILE = /\.(?:png|jpe?g|gif|webp|avif|svg)$/i;

/** Alt text: required, and a description rather than a file name. */
export function altText(value: unknown): string {
  const example =
    '<Figure src="/images/my-invoices.png" alt="The My Invoices page, with the Download button next to each invoice" />';
  const alt = requiredText(
    'Figure',
    'alt',
    value,
    'a description of what the image shows, for a reader who cannot see it',
    example,
  );
  if (IMAGE_FILE.test(alt))
    throw propError('Figure', 'alt', value, 'a description of what the image shows, not its file name', example);
  return alt;
}

/** An image on this site: a path into public/, such as "/images/x.png". Never another site. */
export function imageSource(value: unknown): string {
  const example = '<Figure src="/images/my-invoices.png" alt="…" /> with the file in public/images/';
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//')) {
    throw propError(
      'Figure',
      'src',
      value,
      'the path of an image in public/, starting with / (images from other sites are not allowed: readers would send requests there)',
      example,
    );
  }
  return value;
}

/**
 * What a <Steps> holds besides its <Step> items (each renders `<li class="step">…</li>`), as
 * text; empty when there is nothing else. Nested lists inside a step are fine.
 */
export function strayStepContent(html: string): string {
  let depth = 0;
  let inStep = false;
  let stray = '';
  let last = 0;
  for (const tag of html.matchAll(/<li\b[^>]*>|<\/li\s*>/g)) {
    if (depth === 0 || !inStep) stray += html.slice(last, tag.index);
    const opening = !tag[0].startsWith('</');
    if (opening && depth === 0) inStep = tag[0].startsWith('<li class="step"');
    depth = Math.max(0, depth + (opening ? 1 : -1));
    last = tag.index + tag[0].length;
  }
  stray += html.slice(last);
  return stray
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
