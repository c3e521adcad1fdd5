import { describe, expect, it } from 'vitest';
import {
  checkFigureScreen,
  checkMarkers,
  checkMode,
  checkPhone,
  checkScenario,
  checkSeed,
  checkStart,
} from '../../src/components/simulator/props';
import { SCENARIOS, STEPS } from '../../src/simulator/index';

describe('<Simulator> props', () => {
  it.each(STEPS)('accepts start="%s"', (step) => {
    expect(checkStart('Simulator', step)).toBe(step);
  });

  it('defaults to the login step, practice mode and the default scenario', () => {
    expect(checkStart('Simulator', undefined)).toBe('login');
    expect(checkMode('Simulator', undefined)).toBe('practice');
    expect(checkScenario('Simulator', undefined)).toBe('default');
  });

  it.each(Object.keys(SCENARIOS))('accepts scenario="%s"', (scenario) => {
    expect(checkScenario('Simulator', scenario)).toBe(scenario);
  });

  it.each([
    [
      'start',
      () => checkStart('Simulator', 'enabel'),
      /<Simulator> got start="enabel": start must be one of "login", .*"enable".*Example: <Simulator start="enable" \/>/,
    ],
    [
      'mode',
      () => checkMode('Simulator', 'tutorial'),
      /<Simulator> got mode="tutorial": mode must be one of "practice", "guided"/,
    ],
    [
      'scenario',
      () => checkScenario('Simulator', 'clock-fast'),
      /<Simulator> got scenario="clock-fast": scenario must be one of "default", .*"phone-clock-ahead"/,
    ],
    [
      'seed',
      () => checkSeed('Simulator', 'two words'),
      /<Simulator> got seed="two words": seed must be letters, digits/,
    ],
    ['a number as start', () => checkStart('Simulator', 3), /got start=3 \(a number\)/],
    [
      'phone',
      () => checkPhone('Simulator', 'no', 'login', 'practice'),
      /<Simulator> got phone="no": phone must be true or false, in braces\. Example: <Simulator phone=\{false\} \/>/,
    ],
  ])('a bad %s names the value received and the values allowed', (_, check, message) => {
    expect(check).toThrow(message);
  });
});

describe('<Simulator phone={false}>', () => {
  it('keeps the phone unless told otherwise', () => {
    expect(checkPhone('Simulator', undefined, 'enable', 'guided')).toBe(true);
    expect(checkPhone('Simulator', true, 'enable', 'guided')).toBe(true);
  });

  it.each([
    ['login', 'practice'],
    ['security-question', 'practice'],
    ['backup-login', 'guided'],
    ['backup-code', 'practice'],
    ['disable', 'guided'],
  ] as const)('leaves it out from start="%s" in %s mode, where nothing needs it', (start, mode) => {
    expect(checkPhone('Simulator', false, start, mode)).toBe(false);
  });

  it.each([
    ['enable', 'practice', /start="enable" shows a screen that asks for the phone's code/],
    ['login-2fa', 'practice', /start="login-2fa" shows a screen that asks for the phone's code/],
    ['login', 'guided', /the guided steps from start="login" use the phone/],
    ['security-settings', 'guided', /the guided steps from start="security-settings" use the phone/],
  ] as const)('refuses it from start="%s" in %s mode, where the reader needs the phone', (start, mode, message) => {
    expect(() => checkPhone('Simulator', false, start, mode)).toThrow(message);
  });
});

describe('<LiveFigure> props', () => {
  it('numbers the markers in the order given', () => {
    expect(checkMarkers(['menu', 'twofa-card', 'enable-open'])).toEqual({ menu: 1, 'twofa-card': 2, 'enable-open': 3 });
  });

  it.each([
    [
      'an unknown screen',
      () => checkFigureScreen('settings'),
      /<LiveFigure> got screen="settings": screen must be one of "login", "security-settings", "enable"/,
    ],
    [
      'an unknown marker',
      () => checkMarkers(['menu', 'submit']),
      /<LiveFigure> got markers\[1\]="submit": markers\[1\] must be one of "captcha", .*"enable-submit"/,
    ],
    [
      'markers as text',
      () => checkMarkers('menu'),
      /<LiveFigure> got markers="menu": markers must be a list in braces/,
    ],
  ])('rejects %s with a message that says what is allowed', (_, check, message) => {
    expect(check).toThrow(message);
  });
});
