/**
 * The writer components' prop checks: a bad prop must name the component, the prop, the value
 * received and what is allowed, with an example to copy.
 */
import { describe, expect, it } from 'vitest';
import {
  altText,
  describeValue,
  imageSource,
  optionalPositiveInteger,
  optionalText,
  parseKeys,
  strayStepContent,
} from '../../src/components/writer/validate';

describe('describeValue', () => {
  it.each([
    [undefined, 'nothing'],
    ['', '""'],
    ['Note', '"Note"'],
    [42, '42 (a number)'],
    [true, 'true (a boolean)'],
    [null, 'null'],
    [['a'], 'a list'],
    [{ a: 1 }, 'an object'],
  ])('%j reads as %s', (value, expected) => {
    expect(describeValue(value)).toBe(expected);
  });
});

describe('accepted props', () => {
  it.each([
    ['a title', () => optionalText('Note', 'title', '  Before you start ', 'x'), 'Before you start'],
    ['no title', () => optionalText('Note', 'title', undefined, 'x'), undefined],
    ['a start number', () => optionalPositiveInteger('Steps', 'start', 4, 'x'), 4],
    ['no start number', () => optionalPositiveInteger('Steps', 'start', undefined, 'x'), undefined],
    ['one key', () => parseKeys('Enter'), ['Enter']],
    ['a key combination', () => parseKeys('Ctrl + Shift+R'), ['Ctrl', 'Shift', 'R']],
    ['alt text', () => altText('The My Invoices page'), 'The My Invoices page'],
    ['an image in public/', () => imageSource('/images/invoices.png'), '/images/invoices.png'],
  ])('%s', (_, run, expected) => {
    expect(run()).toEqual(expected);
  });
});

describe('rejected props', () => {
  it.each([
    [
      'an empty Note title',
      () => optionalText('Note', 'title', '', '<Note title="Before you start">…</Note>'),
      /^<Note> got title="": title must be some text \(or leave it out\)\. Example: <Note title="Before you start">/,
    ],
    [
      'a number as a Tip title',
      () => optionalText('Tip', 'title', 3, 'x'),
      /^<Tip> got title=3 \(a number\): title must be some text/,
    ],
    [
      'Steps start 0',
      () => optionalPositiveInteger('Steps', 'start', 0, '<Steps start={4}>'),
      /^<Steps> got start=0 \(a number\): start must be a whole number from 1 up.*Example: <Steps start=\{4\}>/,
    ],
    [
      'Steps start as text',
      () => optionalPositiveInteger('Steps', 'start', '4', 'x'),
      /<Steps> got start="4": start must be a whole number from 1 up, in braces/,
    ],
    [
      'Kbd without keys',
      () => parseKeys(undefined),
      /^<Kbd> got keys=nothing: keys must be the key names to press together, joined with \+.*Example: <Kbd keys="Ctrl\+C" \/>/,
    ],
    ['Kbd with an empty key', () => parseKeys('Ctrl++'), /<Kbd> got keys="Ctrl\+\+".*write the plus key as Plus/],
    [
      'Figure without alt',
      () => altText(undefined),
      /^<Figure> got alt=nothing: alt must be a description of what the image shows, for a reader who cannot see it\. Example: <Figure src=/,
    ],
    ['Figure with blank alt', () => altText('  '), /<Figure> got alt="  ": alt must be a description/],
    [
      'Figure with a file name as alt',
      () => altText('screenshot-2.png'),
      /<Figure> got alt="screenshot-2\.png": alt must be a description of what the image shows, not its file name/,
    ],
    [
      'Figure with an image from another site',
      () => imageSource('https://example.org/a.png'),
      /<Figure> got src="https:\/\/example\.org\/a\.png": src must be the path of an image in public\/.*other sites are not allowed/,
    ],
    [
      'Figure with a relative path',
      () => imageSource('images/a.png'),
      /<Figure> got src="images\/a\.png": src must be the path of an image in public\/, starting with \//,
    ],
  ])('%s', (_, run, message) => {
    expect(run).toThrow(message);
  });
});

describe('strayStepContent (what a <Steps> holds besides <Step> items)', () => {
  it.each([
    ['only steps', '<li class="step">One</li>\n<li class="step">Two</li>', ''],
    ['a step with a nested list', '<li class="step">One<ul><li>a</li><li>b</li></ul> more</li>', ''],
    ['text between steps', '<li class="step">One</li> Oops <li class="step">Two</li>', 'Oops'],
    ['a Markdown list', '<ol>\n<li>Log in</li>\n<li>Click</li>\n</ol>', 'Log in Click'],
    ['a paragraph', '<p>Log in.</p>', 'Log in.'],
  ])('%s', (_, html, expected) => {
    expect(strayStepContent(html)).toBe(expected);
  });
});
